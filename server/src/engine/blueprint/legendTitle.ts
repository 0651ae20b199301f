// A heading over a document's lane definitions ("Legend", "Service layers", "How to read these", "Colour key"): its
// section keys the lanes, it is no step. One reading for the legend finder and the step builder.
import { labelWords } from './laneReading.js';

/** ...one of its words says what it is: a key, a legend, the lanes, or how to read the rest. */
const LEGEND_HEADS = new Set(['legend', 'key', 'glossary', 'definition', 'layer', 'lane', 'swimlane', 'actor', 'read', 'reading', 'code', 'coding']);
/** Words such a heading is made of; every word must be one of them or a head. */
const LEGEND_WORDS = new Set([
  ...LEGEND_HEADS,
  ...['swim', 'colour', 'color', 'icon', 'symbol', 'sticky', 'how', 'to', 'this', 'these', 'it', 'the', 'a', 'of', 'our'],
  ...['service', 'blueprint', 'map', 'board', 'used', 'and', 'note', 'guide'],
]);

/** A heading over lane definitions: every word is a legend's word, one of them its head ("Service layers", "Legend"). */
export function isLegendTitle(title: string): boolean {
  const words = labelWords(title);
  return words.length > 0 && words.every((w) => LEGEND_WORDS.has(w)) && words.some((w) => LEGEND_HEADS.has(w));
}

// A step's text as the prose rules read it: each lane, and each prose sentence, with the side it speaks for.
import { sentenceSubject, type Subject } from '../blueprint/analyse.js';
import { LANE_SIDE } from '../blueprint/lanes.js';
import { sliceText } from '../blueprint/sourceText.js';
import { sentenceSpans } from '../language/sentences.js';
import type { CompiledVocabulary } from '../phrases/vocabulary.js';
import type { Lane, LaneKind, SourceText, Step } from '../types.js';

/** Whose words a unit is: the customer's, the service's people (and its policies and roles), or a promise lane's. */
export type UnitSide = 'customer' | 'employee' | 'promise';

/** A piece of a step's text: one non-placeholder lane, or one prose sentence with its grammatical subject. */
export interface TextUnit {
  text: SourceText;
  source: LaneKind | 'prose';
  /** The customer's side, the employee's (employee lanes, other lanes such as policies and roles, prose not about the customer), or a promise. */
  side: UnitSide;
  lane?: Lane;
  /** Subject of a prose sentence; lanes have none. */
  subject?: Subject;
}

/** A lane's side: `LANE_SIDE`, with other lanes (policies, roles) read as the employee side. */
function laneSide(kind: LaneKind): UnitSide {
  const side = LANE_SIDE[kind];
  return side === 'none' ? 'employee' : side;
}

/** Every non-placeholder lane and every prose sentence of a step, in document order. */
export function stepUnits(step: Step, vocab: CompiledVocabulary): TextUnit[] {
  const units: TextUnit[] = [];
  for (const lane of step.lanes) if (!lane.placeholder) units.push({ text: lane.content, source: lane.kind, side: laneSide(lane.kind), lane });
  for (const p of step.prose) {
    for (const s of sentenceSpans(p.text)) {
      const subject = sentenceSubject(p.text.slice(s.start, s.end), vocab);
      units.push({ text: sliceText(p, s.start, s.end), source: 'prose', side: subject === 'customer' ? 'customer' : 'employee', subject });
    }
  }
  return units.sort((a, b) => (a.text.offsets[0] ?? 0) - (b.text.offsets[0] ?? 0));
}

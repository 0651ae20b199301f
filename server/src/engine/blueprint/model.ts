import type { Root } from 'mdast';
import type { ResolvedConfig } from '../config/types.js';
import type { CompiledVocabulary } from '../phrases/vocabulary.js';
import type { LineIndex } from '../text.js';
import type { Blueprint, Step } from '../types.js';
import { analyseStep } from './analyse.js';
import { buildSteps, standingSteps, withLaneMajor, type RawStep } from './build.js';
import { detect, frontMatterVerdict } from './detect.js';
import { laneTable } from './lanes.js';
import { legendLanes, withLegend } from './legend.js';

export interface ModelResult {
  blueprint: Blueprint;
  frontMatterError?: { message: string; offset: number };
}

/**
 * mdast -> Blueprint: steps by shape, lanes, then benefit and support phrases (only for blueprints). `analyse` finds
 * a step's phrases; an editor passes one that looks them up in its step cache.
 */
export function buildBlueprint(
  root: Root,
  text: string,
  lines: LineIndex,
  config: ResolvedConfig,
  vocab: () => CompiledVocabulary,
  filePath?: string,
  force = false,
  analyse: (step: RawStep, vocab: CompiledVocabulary) => Step = analyseStep,
): ModelResult {
  const built = buildSteps(root, text, lines, laneTable(withLegend(config.lanes, legendLanes(text))));
  built.steps = withLaneMajor(built.steps).steps;
  const standing = standingSteps(built.steps, built.title);
  built.steps = built.steps.filter((_, i) => standing[i]);
  const fm = frontMatterVerdict(built.frontMatter);
  const reason = force ? 'glob' : detect(fm, filePath, built.steps, config);
  const isBlueprint = reason !== 'none' && reason !== 'disabled';
  const compiled = isBlueprint ? vocab() : undefined;
  return {
    blueprint: {
      isBlueprint,
      reason,
      title: built.title,
      steps: compiled ? built.steps.map((s) => analyse(s, compiled)) : [],
    },
    frontMatterError: fm.error,
  };
}

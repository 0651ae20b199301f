import type { Root } from 'mdast';
import type { ResolvedConfig } from '../config/types.js';
import type { CompiledVocabulary } from '../phrases/vocabulary.js';
import type { LineIndex } from '../text.js';
import type { Blueprint } from '../types.js';
import { analyseStep } from './analyse.js';
import { buildSteps } from './build.js';
import { detect, frontMatterVerdict } from './detect.js';
import { laneTable } from './lanes.js';

export interface ModelResult {
  blueprint: Blueprint;
  frontMatterError?: { message: string; offset: number };
}

/** mdast -> Blueprint: steps by shape, lanes, then benefit and support phrases (only for blueprints). */
export function buildBlueprint(root: Root, text: string, lines: LineIndex, config: ResolvedConfig, vocab: () => CompiledVocabulary, filePath?: string, force = false): ModelResult {
  const built = buildSteps(root, text, lines, laneTable(config.lanes));
  const fm = frontMatterVerdict(built.frontMatter);
  const reason = force ? 'glob' : detect(fm, filePath, built.steps, config);
  const isBlueprint = reason !== 'none' && reason !== 'disabled';
  const compiled = isBlueprint ? vocab() : undefined;
  return {
    blueprint: {
      isBlueprint,
      reason,
      title: built.title,
      steps: compiled ? built.steps.map((s) => analyseStep(s, compiled)) : [],
    },
    frontMatterError: fm.error,
  };
}

// The steps a forced lint reads from a text, as layout tests compare them: title, shape and "kind: content" lanes.
import { lint } from '../../server/src/engine/index.js';

export function readSteps(text: string): Array<{ title: string; shape: string; lanes: string[] }> {
  return lint(text, { forceBlueprint: true }).blueprint.steps.map((s) => ({
    title: s.title,
    shape: s.shape,
    lanes: s.lanes.map((l) => `${l.kind}: ${l.content.text}`),
  }));
}

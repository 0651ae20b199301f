// Never silent (spec section 4): what the reader could not read gets one information finding that says so, never nothing.
import { disableFix } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { Rule, RuleContext } from '../server/src/engine/rule.js';
import type { FixProposal, Span, Step } from '../server/src/engine/types.js';

const ID = 'unread-blueprint';

/** Opts the file in: `blueprint: true` in its front matter (a new front matter block when it has none). */
const OPT_IN: FixProposal = { title: 'Lint this file as a blueprint (blueprint: true in its front matter)', kind: 'insert', safe: false, intent: { kind: 'opt-in' } };

const quoted = (labels: readonly string[]) => labels.map((l) => `"${l}"`).join(', ');

const rule: Rule = {
  id: ID,
  description: 'Says what the reader could not read: a file called a blueprint that yields no laned step, labels it could not place, a language the vocabularies do not cover.',
  summary: 'what the reader could not read: a file called a blueprint with no laned step, unplaced labels, a language not covered',
  fixSummary: 'opt-in fix; map a label (editor)',
  defaultSeverity: 'info',
  fixable: false,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  vocabularies: [],
  check(context: RuleContext): void {
    const { blueprint, document } = context;
    // A notice about the whole document goes on the title heading's text, else at the start of the document.
    const title: Span = (blueprint.title ? document.titleHeading : undefined) ?? { start: 0, end: 0 };
    const language = blueprint.language ? ` It is written in ${blueprint.language}, which the vocabularies (English) do not cover.` : '';
    if (!blueprint.isBlueprint) {
      if (!blueprint.looksLike) return;
      const diagram = document.hasFencedBlock('mermaid') ? ' Its flow is drawn in a Mermaid diagram, which is not read.' : '';
      context.report({
        // What to do comes first: the Problems panel shows a message's first ~70 characters.
        message: `Label each step's lanes (Customer, Frontstage, Backstage, Support) or opt the file in with "blueprint: true" in its front matter: its ${blueprint.looksLike.why} calls this a ${blueprint.looksLike.words.toLowerCase()}, but no step carries labels of two lanes, so it is not linted.${diagram}${language}`,
        span: title,
        step: null,
        fixes: [OPT_IN],
        data: { looksLike: blueprint.looksLike.why },
      });
      return;
    }
    if (language) {
      context.report({
        message: `This blueprint is written in ${blueprint.language}: the benefit and support vocabularies cover English only, so its promises and support are not judged.`,
        span: title,
        step: null,
        data: { language: blueprint.language },
      });
    }
    // Labels kept as `other` lanes because nothing placed them: one finding for the document, at the first one.
    const unplaced: Array<{ label: string; span: Span; step: Step }> = [];
    const seen = new Set<string>();
    for (const step of blueprint.steps) {
      for (const lane of step.lanes) {
        if (lane.basis !== 'unplaced' || seen.has(lane.label.toLowerCase())) continue;
        seen.add(lane.label.toLowerCase());
        unplaced.push({ label: lane.label, span: lane.labelSpan, step });
      }
    }
    const first = unplaced[0];
    if (!first) return;
    const labels = unplaced.map((u) => u.label);
    const one = labels.length === 1;
    context.report({
      message: one
        ? `Map the label ${quoted(labels)} in the config's "lanes" if it is a lane: it is no lane this tool knows, so it is read as "other" and nothing in it counts as a promise or as support.`
        : `Map the labels ${quoted(labels)} in the config's "lanes" if they are lanes: they are no lanes this tool knows, so they are read as "other" and nothing in them counts as a promise or as support.`,
      span: first.span,
      step: first.step,
      fixes: [disableFix(first.step, ID)],
      data: { unplacedLabels: labels },
    });
  },
};

export default rule;

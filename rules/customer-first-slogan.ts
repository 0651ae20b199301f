// "The customer is always right" with no word about the people who deliver it: people first and customer obsessed.
import { isNegated } from '../server/src/engine/blueprint/analyse.js';
import { detached, Generations, RULE_MEMO_MIN_CHARS } from '../server/src/engine/memo.js';
import { disableFix, loadRuleVocabulary } from '../server/src/engine/phrases/ruleVocabulary.js';
import type { PhraseHit, PhraseMatcher } from '../server/src/engine/phrases/vocabulary.js';
import type { Rule, RuleContext } from '../server/src/engine/rule.js';
import type { Span, Step } from '../server/src/engine/types.js';

const ID = 'customer-first-slogan';

/** The text with code, front matter, comments and inline markup blanked out (same length, so offsets hold). */
function readable(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, blank);
  // Each pass only where its opening can be (a look for the literal is much cheaper than the expression over the text).
  if (out.includes('```') || out.includes('~~~')) out = out.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[^\n]*|$)/gm, blank);
  if (out.includes('<!--')) out = out.replace(/<!--[\s\S]*?-->/g, blank);
  return out.replace(/[*_`~]/g, ' ');
}

interface Section {
  title: string | undefined;
  span: Span;
}

/** Heading-delimited sections of the text (a heading up to the next heading of any level). */
function sections(text: string): Section[] {
  const out: Section[] = [];
  const re = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm;
  let current: Section = { title: undefined, span: { start: 0, end: text.length } };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    current.span.end = m.index;
    out.push(current);
    current = { title: m[1]!.trim(), span: { start: m.index, end: text.length } };
  }
  out.push(current);
  return out;
}

/**
 * Slogan hits of recent lints per section text, positions relative to the section (a keystroke finds the hits of every
 * unchanged section here). Per section is the same as over the whole text: no entry matches across a heading line's
 * "#", and each section before another ends with a line break. Keys are slices: the latest two lints' texts at most.
 */
const memo = new Generations<PhraseHit[]>();

function sloganHits(slogans: PhraseMatcher, text: string, all: readonly Section[]): readonly PhraseHit[] {
  if (text.length < RULE_MEMO_MIN_CHARS) return slogans.find(text);
  memo.commit();
  const out: PhraseHit[] = [];
  for (const s of all) {
    const key = text.slice(s.span.start, s.span.end);
    let hits = memo.get(key);
    if (!hits) {
      hits = slogans.find(key).map((h) => ({ ...h, text: detached(h.text) }));
      memo.set(key, hits);
    }
    for (const h of hits) out.push({ ...h, start: h.start + s.span.start, end: h.end + s.span.start });
  }
  return out;
}

/** The innermost step containing an offset. */
function stepAt(steps: readonly Step[], offset: number): Step | undefined {
  let best: Step | undefined;
  for (const s of steps) {
    if (s.span.start <= offset && offset < s.span.end && (!best || s.span.end - s.span.start < best.span.end - best.span.start)) best = s;
  }
  return best;
}

const rule: Rule = {
  id: ID,
  description: 'Prose that declares the customer first, always right or the only priority, in a section that says nothing about the people delivering it.',
  defaultSeverity: 'info',
  fixable: false,
  vocabularies: ['slogan.txt', 'people.txt', 'support-resource.txt', 'support-tool.txt', 'support-authority.txt', 'support-training.txt', 'support-backing.txt', 'negation.txt'],
  check(context: RuleContext): void {
    const vocab = context.vocabulary;
    const slogans = loadRuleVocabulary('slogan.txt');
    const people = loadRuleVocabulary('people.txt');
    const text = readable(context.text);
    const steps = context.blueprint.steps;
    const all = sections(text);
    for (const hit of sloganHits(slogans, text, all)) {
      if (isNegated(text, hit, vocab)) continue;
      const step = stepAt(steps, hit.start);
      const section = all.find((s) => s.span.start <= hit.start && hit.start < s.span.end)!;
      const range: Span = step ? step.span : section.span;
      const body = text.slice(range.start, range.end);
      const speaksOfPeople =
        people.find(body).some((h) => !isNegated(body, h, vocab)) ||
        vocab.support.find(body).length > 0 ||
        steps.some((s) => s.lanes.some((l) => l.kind === 'support' && !l.placeholder && l.contentSpan.start >= range.start && l.contentSpan.end <= range.end));
      if (speaksOfPeople) continue;
      const phrase = context.text
        .slice(hit.start, hit.end)
        .replace(/[*_`~]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      const who = step ? `step "${step.title}"` : section.title !== undefined ? `section "${section.title.replace(/[*_`~]/g, '')}"` : 'the blueprint';
      context.report({
        // What to do comes first: the Problems panel shows a message's first ~70 characters.
        message: `Name the people delivering "${phrase}" and what they need: ${who} declares it but says nothing about them (be people first and customer obsessed).`,
        span: { start: hit.start, end: hit.end },
        step: step ?? null,
        fixes: step ? [disableFix(step, ID)] : [],
        data: { slogan: phrase },
      });
    }
  },
};

export default rule;

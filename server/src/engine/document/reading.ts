// One reading of the document's text per lint, shared by every rule: sections, prose, lane-position labels, lines.
import { detached } from '../incremental/memo.js';
import { languageLayerEnabled } from '../language/index.js';
import type { CompiledVocabulary, PhraseHit, PhraseMatcher } from '../phrases/vocabulary.js';
import type { LineIndex } from '../text.js';
import type { Span, Step } from '../types.js';
import { LaneLabelReader, type LabelCandidate, type RememberedLabels } from './laneLabels.js';
import { policySections, type PolicyJudge, type PolicyQuery, type PolicySection } from './policy.js';
import { hasFencedBlock, proseSections, readableProse, titleHeadingSpan, type ProseSection } from './prose.js';
import type { Memo, ReadingMemos } from '../incremental/readingMemo.js';
import { stepUnits, type TextUnit } from './textUnits.js';

export type { LabelCandidate } from './laneLabels.js';
export type { ProseSection } from './prose.js';
export type { PolicyJudge, PolicyQuery, PolicySection } from './policy.js';
export type { TextUnit, UnitSide } from './textUnits.js';

/** What rules read of the text besides the model: each part worked out on first use, once per lint. */
export interface DocumentReading {
  /** 1-based line of an offset, as findings count lines (LF, CRLF and a lone CR each end one). */
  lineOf(offset: number): number;
  /** The text with front matter, fenced code, HTML comments and inline markup blanked (same length: offsets hold). */
  readonly prose: string;
  /** Heading-delimited sections of `prose`, in order, covering it. */
  readonly sections: readonly ProseSection[];
  /** The section of `prose` holding an offset. */
  sectionAt(offset: number): ProseSection;
  /** The text of the first level-1 heading, if any. */
  readonly titleHeading: Span | undefined;
  /** Whether a fenced code block opens with this info word (`mermaid`), in any case. */
  hasFencedBlock(info: string): boolean;
  /** Hits of a phrase matcher in `prose`, in order (found per section, which is the same: no phrase crosses a heading line). */
  proseHits(matcher: PhraseMatcher): readonly PhraseHit[];
  /** Labels written in lane position in a step: its lines' labels, or its table's header row or first column. */
  laneLabels(step: Step): readonly LabelCandidate[];
  /** A step's lanes and prose sentences (the language module's splitter), each with its side, in document order. */
  units(step: Step): readonly TextUnit[];
  /** Sections that state policy for the whole document: a heading `query.headings` names, or (`outsideSteps`) no step inside. */
  policySections(query: PolicyQuery): readonly PolicySection[];
  /** Whether some policy section passes `judge` (a module-level function: its answers are remembered by section text). */
  hasPolicy(query: PolicyQuery, judge: PolicyJudge): boolean;
}

/** What the reading knows of the lint besides the text. */
export interface ReadingInputs {
  /** An editor's memos, kept in its step cache. */
  memos?: ReadingMemos;
  /** The model's steps: which sections hold one. */
  steps?: readonly Step[];
  /** The vocabulary policy judges read. */
  vocabulary?: CompiledVocabulary;
}

/** Below this length a text is read whole on every lint: a memo would save a few milliseconds and make garbage. */
const MEMO_MIN_CHARS = 20_000;

/** The reading of `text`; with `memos` (an editor's, kept in its step cache) long texts reuse what unchanged parts gave. */
export function readDocument(text: string, lines: LineIndex, { memos, steps = [], vocabulary }: ReadingInputs = {}): DocumentReading {
  const memo = text.length >= MEMO_MIN_CHARS ? memos : undefined;
  const policies = new Map<PhraseMatcher, Map<boolean, PolicySection[]>>();
  const answers = new Map<PolicyJudge, Array<{ query: PolicyQuery; answer: boolean }>>();
  const unitsOf = new Map<Step, TextUnit[]>();
  let prose: string | undefined;
  let sections: ProseSection[] | undefined;
  let title: { span: Span | undefined } | undefined;
  let labels: LaneLabelReader | undefined;
  const hits = new Map<PhraseMatcher, readonly PhraseHit[]>();
  const reading: DocumentReading = {
    lineOf: (offset) => lines.position(offset).line,
    get prose() {
      return (prose ??= readableProse(text));
    },
    get sections() {
      return (sections ??= proseSections(reading.prose));
    },
    sectionAt(offset) {
      return reading.sections.find((s) => s.span.start <= offset && offset < s.span.end) ?? reading.sections[reading.sections.length - 1]!;
    },
    get titleHeading() {
      return (title ??= { span: titleHeadingSpan(text) }).span;
    },
    hasFencedBlock: (info) => hasFencedBlock(text, info),
    proseHits(matcher) {
      let found = hits.get(matcher);
      if (!found) hits.set(matcher, (found = memo ? hitsBySection(reading, matcher, memo.of<PhraseHit[]>(matcher)) : matcher.find(reading.prose)));
      return found;
    },
    laneLabels(step) {
      return (labels ??= new LaneLabelReader(text, memo?.of<RememberedLabels>(LaneLabelReader))).of(step);
    },
    units(step) {
      let found = unitsOf.get(step);
      if (!found) {
        if (!vocabulary) throw new Error('the document reading was made without a vocabulary: subjects cannot be read');
        unitsOf.set(step, (found = stepUnits(step, vocabulary)));
      }
      return found;
    },
    policySections(query) {
      let byScope = policies.get(query.headings);
      if (!byScope) policies.set(query.headings, (byScope = new Map()));
      let found = byScope.get(query.outsideSteps);
      if (!found) byScope.set(query.outsideSteps, (found = policySections(text, reading.sections, steps, query)));
      return found;
    },
    hasPolicy(query, judge) {
      let asked = answers.get(judge);
      if (!asked) answers.set(judge, (asked = []));
      const same = asked.find((a) => a.query.headings === query.headings && a.query.outsideSteps === query.outsideSteps);
      if (same) return same.answer;
      if (!vocabulary) throw new Error('the document reading was made without a vocabulary: policy sections cannot be judged');
      const verdicts = memos?.verdicts(judge, vocabulary);
      // The language layer's switch (benchmarks, tests) changes what judges of language find.
      const prefix = languageLayerEnabled() ? '1' : '0';
      const answer = reading.policySections(query).some((s) => {
        if (!verdicts) return judge(s, vocabulary);
        const key = prefix + text.slice(s.span.start, s.span.end);
        const known = verdicts.get(key);
        if (known !== undefined) return known;
        const value = judge(s, vocabulary);
        verdicts.set(detached(key), value);
        return value;
      });
      asked.push({ query, answer });
      return answer;
    },
  };
  return reading;
}

/**
 * Hits per section text, positions relative to the section, through the memo (a keystroke finds the hits of every
 * unchanged section there). Keys are slices of the prose: the latest two lints' texts at most stay alive.
 */
function hitsBySection(reading: DocumentReading, matcher: PhraseMatcher, memo: Memo<PhraseHit[]>): PhraseHit[] {
  const out: PhraseHit[] = [];
  const prose = reading.prose;
  for (const s of reading.sections) {
    const key = prose.slice(s.span.start, s.span.end);
    let found = memo.get(key);
    if (!found) {
      found = matcher.find(key).map((h) => ({ ...h, text: detached(h.text) }));
      memo.set(key, found);
    }
    for (const h of found) out.push({ ...h, start: h.start + s.span.start, end: h.end + s.span.start });
  }
  return out;
}

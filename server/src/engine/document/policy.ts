// Sections that state policy for the whole document ("Empowerment levels", a role section), and what rules judge of them.
import type { CompiledVocabulary, PhraseMatcher } from '../phrases/vocabulary.js';
import type { SourceText, Span, Step } from '../types.js';
import type { ProseSection } from './prose.js';

/** A section of the document as a rule judges it: its heading's text and the whole section, heading line included. */
export interface PolicySection {
  heading: string;
  span: Span;
  /** The section's text (markup kept), offsets into the document; built when first read. */
  readonly text: SourceText;
}

/** Which sections state policy: those whose heading `headings` matches and, with `outsideSteps`, those that hold no step. */
export interface PolicyQuery {
  headings: PhraseMatcher;
  outsideSteps: boolean;
}

/**
 * Whether a section says what the rule looks for ("names who may decide and up to which limit"). A function of the
 * section's text and the vocabulary only: its answer is remembered by the section's text between an editor's lints.
 */
export type PolicyJudge = (section: PolicySection, vocabulary: CompiledVocabulary) => boolean;

/** One answer a step rule read (`hasPolicy`): its step's reports stand while the document gives the same answer. */
export interface PolicyRead {
  query: PolicyQuery;
  judge: PolicyJudge;
  answer: boolean;
}

const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** The sections that state policy, from the reading's sections (the part before the first heading is none). */
export function policySections(text: string, sections: readonly ProseSection[], steps: readonly Step[], query: PolicyQuery): PolicySection[] {
  const holdsStep = query.outsideSteps ? overlapsAny(steps.map((st) => st.span)) : () => true;
  const out: PolicySection[] = [];
  for (const s of sections) {
    if (s.title === undefined) continue;
    // The heading as written (markup kept), as the heading vocabularies are written to match it.
    const line = /^[^\r\n\u2028\u2029]*/.exec(text.slice(s.span.start, s.span.end))![0];
    const heading = HEADING.exec(line)?.[1] ?? s.title;
    // a section that holds no step is taken without matching its heading
    if (holdsStep(s.span) && headingsMiss(query.headings, heading)) continue;
    out.push(section(text, heading, s.span));
  }
  return out;
}

function headingsMiss(headings: PhraseMatcher, heading: string): boolean {
  return headings.find(heading).length === 0;
}

function section(text: string, heading: string, span: Span): PolicySection {
  let body: SourceText | undefined;
  return {
    heading,
    span,
    // the offsets (one per character) are built only for a section a rule judges, not one whose answer is remembered
    get text() {
      return (body ??= { text: text.slice(span.start, span.end), offsets: Array.from({ length: span.end - span.start + 1 }, (_, i) => span.start + i) });
    },
  };
}

/** A test "does [start, end) overlap any of these spans", in log time: spans sorted by start with a running maximum end. */
function overlapsAny(spans: Span[]): (s: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const sp of sorted) maxEnd.push(Math.max(sp.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (s) => {
    // the last span starting before s.end; any overlap has start < s.end, so the running maximum end decides
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > s.start;
  };
}

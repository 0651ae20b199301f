// The language layer (issue #14): the one place for linguistic judgement. Reads a text with wink-nlp (sentences on
// punctuation, tokens with lemmas and parts of speech, clauses), finds benefits and support by rules of language over
// lemmas and word classes, and vetoes candidates with a reason. The phrase engine (../phrases) stays the fast first
// pass; this layer adds to it and rejects from it. Nothing here loads the model until a blueprint's step asks.
import type { PhraseMatcher } from '../phrases/vocabulary.js';
import { attached, textMemo } from '../incremental/textMemos.js';
import { readText } from './doc.js';
import { benefitPatterns, benefitVeto, keptBySoftware, negationVeto, supportPatterns, supportVeto, type Found, type LangText, type Role } from './judge.js';
import { slot } from './slots.js';

export type { Found, LangText } from './judge.js';
export { readText, type LangDoc, type Token } from './doc.js';
export { winkLoaded } from './wink.js';

let enabled = true;

/** Turns the layer off (or back on) for this process: the phrase engine then works alone (benchmarks, tests). */
export function setLanguageLayer(on: boolean): void {
  enabled = on;
}

export function languageLayerEnabled(): boolean {
  return enabled;
}

/** The text read by wink with its role nouns, memoised per text (a step's lanes repeat across lints and steps). */
export function langText(text: string, roles: PhraseMatcher): LangText | null {
  if (!enabled) return null;
  // Reads of recent texts in the running lint's cache; an entry remembers the role nouns it was read with.
  const memo = textMemo<{ roles: PhraseMatcher; out: LangText | null }>('language texts', 5000);
  const hit = memo?.get(text);
  if (hit !== undefined && hit.roles === roles) return hit.out;
  const doc = readText(text);
  let out: LangText | null = null;
  if (doc) {
    const tokenRoles: Array<Role | undefined> = new Array(doc.tokens.length);
    const hits = roles.find(text);
    if (hits.length) {
      for (const t of doc.tokens) {
        const h = hits.find((r) => r.start < t.end && r.end > t.start);
        if (h) tokenRoles[t.i] = h.entry.kind === 'employee' ? 'employee' : 'customer';
      }
    }
    out = { doc, roles: tokenRoles };
  }
  memo?.set(text, { roles, out });
  return out;
}

/** `pattern(lt)`, computed once per read text (a keystroke re-reads only the texts it changed). */
export function findsOf(lt: LangText, pattern: (lt: LangText) => Found[]): readonly Found[] {
  // What each rule of language found in a read text: the patterns are pure functions of it, and lints repeat them.
  const byPattern = attached(lt, 'finds', () => new Map<(lt: LangText) => Found[], readonly Found[]>());
  let out = byPattern.get(pattern);
  if (!out) byPattern.set(pattern, (out = pattern(lt)));
  return out;
}

let benefitCue: RegExp | undefined;
let vetoCue: RegExp | undefined;

function words(...names: Parameters<typeof slot>[0][]): string {
  return names
    .flatMap((n) => [...slot(n)])
    .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('|');
}

/** A text can hold a benefit pattern only if it has one of the patterns' fixed words (saves reading most lanes). */
export function mayHoldBenefitPattern(text: string): boolean {
  benefitCue ??= new RegExp(
    `\\b(?:${words('gift-adjective', 'comfort-adjective')}|without|never|not|cannot|nothing|no|so|match|matches|matched|beat|beats|already|ready|same|only|nobody|no one|for you|for them|for him|for her|behalf|${words('message-noun')}|(?:${words('tell-verb')})\\w*|told|rang|notified|texts|emails|messages|updates|calls|reminders|held|frozen|brought|sent|taken|carried|written|knocked|waived|refunded|removed|cancell?ed|dropped|wiped|reversed|scrapped|(?:${words('hold-verb', 'bring-verb')})\\w*|(?:can|may)\\b[^.;\\n]{1,80}\\bor|included|entitled|the right to|finds?|found|(?:walks?|comes?|arrives?) (?:in)?to|(?:can|may) (?:ask|request|appeal|demand|claim|follow|track|check|see|watch|view|monitor)|claim|claimed|surprise|surprises|leaves? with|(?:go|goes|walk|walks) (?:home|away|out) with|expense|cost|on us|(?:${words('choice-verb')}|chose|chosen|choos|picks|picked|selects|selected|opts|opted)\\w*\\b[^.;\\n]{1,100}\\bor|(?:online|in person|(?:by|at|in|over|via|on|through) [^.;,\\n]{1,30})\\s*,[^.;\\n]{1,60}\\bor|(?:gets?|receives?)\\b[^.;\\n]{1,80}\\b(?:before|ahead|beforehand|in advance)|24\\s*(?:hours|hrs|h)(?=\\s*[,/]))\\b|n['’]t\\b`,
    'i',
  );
  return benefitCue.test(text);
}

let supportCue: RegExp | undefined;

/** A text can hold a support pattern only if it has one of the patterns' fixed words or slot words. */
export function mayHoldSupportPattern(text: string): boolean {
  supportCue ??= new RegExp(
    `\\b(?:without|no|not|never|own|go|goes|went|sent|passed|referred|himself|herself|themselves|themself|yourself|${words('training-noun', 'approval-noun', 'own-decision-noun', 'tool-noun', 'information-noun', 'escalation-verb')}|${[...slot('cap')].map((c) => c.split(' ')[0]).join('|')})|n['’]t\\b`,
    'i',
  );
  return supportCue.test(text);
}

/** A benefit hit can be vetoed only if its text has a negation, refusal, request or first-person-plural word. */
export function mayVetoBenefit(text: string): boolean {
  vetoCue ??= new RegExp(
    `\\b(?:not|never|cannot|non|un|our|us|${words('refusal-verb', 'request-verb', 'charge-verb', 'software-noun', 'handoff-verb', 'escalation-verb', 'record-verb', 'aim-verb', 'need-verb')}|before|until|till|once|when|unless|without|over|above|beyond|exceed\\w*|more|greater|higher|least|percent|choos\\w*|chose\\w*|which|gets?|receives?|earns?|wins?|costs?)|(?:[£$€]\\d[\\d.,]*|\\d|fee|charge|excess|deposit|cost)\\s+for\\b|n['’]t\\b|%`,
    'i',
  );
  return vetoCue.test(text);
}

export { benefitPatterns, supportPatterns, benefitVeto, supportVeto, negationVeto, keptBySoftware };
export { eventVeto, fieldVeto, listNegation, labelVeto, customerActs, routingPatterns, limitPatterns, superiorPatterns, escalatesBeyondLimit } from './events.js';

/** "rule: words" for a finding of the layer. */
export function why(f: Found, text: string): string {
  return `${f.rule}: ${text.slice(f.start, f.end)}`;
}

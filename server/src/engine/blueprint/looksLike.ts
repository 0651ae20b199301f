// Never silent (spec section 4): does a file that was not read as a blueprint look like one, and in which language is it written?

/** Words of a title or file name that call a document a blueprint or a journey map. */
// One blueprint or map ("Service Blueprint", "Check-in blueprint"); a plural names a collection ("Example blueprints").
const BLUEPRINT_NAME =
  /\b(?:service[\s_-]*blue[\s_-]?print|blue[\s_-]?print|journey[\s_-]*map|customer[\s_-]*journey|user[\s_-]*journey|service[\s_-]*map)\b|서비스\s*블루\s*프린트|고객\s*여정\s*지도|サービス\s*ブループリント|カスタマー\s*ジャーニー\s*マップ|服务蓝图|服務藍圖|客户旅程(?:地图)?/i;

export interface LooksLike {
  /** What says so: the document's title or its file name. */
  why: 'title' | 'file name';
  /** The words that said so. */
  words: string;
}

/** Why a document that is not read as a blueprint looks like one: its title or file name calls it a blueprint or journey map. */
export function looksLikeBlueprint(title: string | undefined, filePath: string | undefined): LooksLike | undefined {
  const inTitle = title ? BLUEPRINT_NAME.exec(title) : null;
  if (inTitle) return { why: 'title', words: inTitle[0] };
  const name = filePath?.split(/[\\/]/).pop();
  const inName = name ? BLUEPRINT_NAME.exec(name.replace(/\.[^.]*$/, '')) : null;
  if (inName) return { why: 'file name', words: inName[0] };
  return undefined;
}

/** Frequent function words of languages a blueprint may be written in; English is what the vocabularies cover. */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  English: ['the', 'and', 'to', 'of', 'a', 'in', 'is', 'for', 'with', 'on', 'are', 'by', 'be', 'it', 'this', 'that', 'their', 'they', 'or', 'from'],
  German: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'für', 'den', 'dem', 'ein', 'eine', 'zu', 'auf', 'wird', 'werden', 'sich', 'des', 'im', 'auch'],
  French: ['le', 'la', 'les', 'et', 'est', 'des', 'une', 'un', 'du', 'pour', 'dans', 'que', 'qui', 'sur', 'pas', 'au', 'aux', 'avec', 'sont', 'par'],
  Spanish: ['el', 'los', 'las', 'y', 'es', 'del', 'una', 'con', 'para', 'por', 'que', 'se', 'su', 'al', 'como', 'más', 'pero', 'sus', 'está', 'son'],
  Dutch: ['het', 'een', 'en', 'van', 'is', 'niet', 'met', 'voor', 'op', 'te', 'zijn', 'wordt', 'door', 'aan', 'bij', 'ook', 'naar', 'dat', 'deze', 'worden'],
  Italian: ['il', 'lo', 'gli', 'e', 'della', 'di', 'che', 'per', 'con', 'una', 'sono', 'non', 'nel', 'alla', 'anche', 'come', 'più', 'dei', 'delle', 'viene'],
  Portuguese: ['o', 'os', 'as', 'e', 'do', 'da', 'dos', 'das', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'que', 'no', 'na', 'se', 'ao'],
};

const LOOKUP: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) m.set(w, [...(m.get(w) ?? []), lang]);
  return m;
})();

/** At most this many words are read: enough to tell a language, bounded on any input. */
const SAMPLE_WORDS = 4_000;

/**
 * The language a document is mostly written in, when it is not English: the language whose frequent function words
 * outnumber English ones by half again, over at least 20 such words. Undefined for English or too little text.
 */
export function nonEnglishLanguage(text: string): string | undefined {
  return languageSample(text).language;
}

/**
 * `nonEnglishLanguage` and how much of the text it read: any text whose first `readTo` characters are the same has the
 * same language (all of it when the text is shorter than the sample: then only the same text).
 */
export function languageSample(text: string): { language: string | undefined; readTo: number } {
  const counts = new Map<string, number>();
  let seen = 0;
  let total = 0;
  let readTo = text.length;
  const scripts = new Map<string, number>();
  let latin = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (++seen > SAMPLE_WORDS) {
      // the first letter of the word after the sample: the sample's last word ended before it
      readTo = m.index + 1;
      break;
    }
    const script = scriptLanguage(m[0]);
    if (script === 'Latin') latin++;
    else if (script) scripts.set(script, (scripts.get(script) ?? 0) + 1);
    const langs = LOOKUP.get(m[0].toLowerCase());
    if (!langs) continue;
    total++;
    for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  // Words of another script outnumbering Latin ones name the language whatever English labels stand among them.
  let [byScript, scriptWords] = [undefined as string | undefined, 0];
  for (const [lang, n] of scripts) if (n > scriptWords) [byScript, scriptWords] = [lang, n];
  if (byScript && scriptWords >= 20 && scriptWords > latin) return { language: byScript, readTo };
  if (total < 20) return { language: undefined, readTo };
  const english = counts.get('English') ?? 0;
  let best: string | undefined;
  let bestCount = 0;
  for (const [lang, n] of counts) if (lang !== 'English' && n > bestCount) [best, bestCount] = [lang, n];
  return { language: best && bestCount > english * 1.5 ? best : undefined, readTo };
}

/** The language a word's script says (Hangul is Korean, kana Japanese...), 'Latin' for Latin letters, else undefined. */
function scriptLanguage(word: string): string | undefined {
  const c = word.codePointAt(0)!;
  if (c < 0x250) return 'Latin';
  if (/\p{Script=Hangul}/u.test(word)) return 'Korean';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word)) return 'Japanese';
  if (/\p{Script=Han}/u.test(word)) return 'Chinese';
  if (/\p{Script=Cyrillic}/u.test(word)) return 'Russian';
  if (/\p{Script=Arabic}/u.test(word)) return 'Arabic';
  if (/\p{Script=Hebrew}/u.test(word)) return 'Hebrew';
  if (/\p{Script=Greek}/u.test(word)) return 'Greek';
  if (/\p{Script=Thai}/u.test(word)) return 'Thai';
  if (/\p{Script=Devanagari}/u.test(word)) return 'Hindi';
  return undefined;
}

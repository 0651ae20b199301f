// Lanes marked by an icon alone ("- 👤 You order a bag", "- 📦 Packed and shipped"), as a legend defines them
// ("- 👤 what the user does / sees"): the icon is the label, the words after it the content.

/** Characters that draw an icon and say nothing: pictographs, flag letters, skin tones, variation selector, joiner. */
const ICON_CHAR = String.raw`(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)`;
const ICON_CHARS = new RegExp(ICON_CHAR, 'gu');
const LEADING_ICONS = new RegExp(String.raw`^(?:${ICON_CHAR}|\s)+`, 'u');

/** The text without its icons ("nothing yet 🤷" is "nothing yet "). */
export function withoutIcons(text: string): string {
  return text.replace(ICON_CHARS, '');
}

/** The text without the icons (and spaces) it opens with ("🟩 nothing yet" is "nothing yet"). */
export function withoutLeadingIcons(text: string): string {
  return text.replace(LEADING_ICONS, '');
}

/** One emoji, with its variation selector, skin tone or zero-width-joined parts ("🧑‍🔧"). */
const EMOJI = String.raw`\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*`;
const ICON_HEAD = new RegExp(String.raw`^([ \t]*)(${EMOJI})[ \t]+(?=\S)`, 'u');

export interface IconHead {
  /** The icon as written. */
  icon: string;
  /** Where the icon starts and the words after it start, in the line. */
  start: number;
  contentFrom: number;
}

/** The icon a line opens with, followed by words; undefined when the line opens with anything else. */
export function iconHead(line: string): IconHead | undefined {
  const m = ICON_HEAD.exec(line);
  if (!m) return undefined;
  return { icon: m[2]!, start: m[1]!.length, contentFrom: m[0].length };
}

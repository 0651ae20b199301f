// Lanes marked by an icon alone ("- 👤 You order a bag", "- 📦 Packed and shipped"), as a legend defines them
// ("- 👤 what the user does / sees"): the icon is the label, the words after it the content.

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

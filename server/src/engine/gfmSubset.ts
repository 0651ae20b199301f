// The GFM constructs a blueprint's structure and text depend on: tables, task lists, strikethrough and footnotes.
// Autolink literals (bare www. and e-mail addresses) are left out: they only wrap text in links, which the
// engine reads as the same text, and finding them is about a quarter of the parse (measured on the bench tree).
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** A unified plugin like remark-gfm, without autolink literals; `{ tables: false }` leaves out tables too. */
export function remarkGfmSubset(this: Processor, options: { tables?: boolean } = {}): void {
  const data = this.data();
  const tables = options.tables !== false;
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(...(tables ? [gfmTableFromMarkdown()] : []), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}

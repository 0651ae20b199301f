// Whether a document's level-1 headings are its sections rather than its title: a converter (pandoc from Word, a
// static site generator) puts the title in the front matter and writes each section as Heading 1.

/** Several level-1 headings under a front matter that gives the title: each is a section that can be a step. */
export function levelOneAreSections(frontMatter: string | undefined, levelOneHeadings: number): boolean {
  return levelOneHeadings >= 2 && frontMatter !== undefined && /^title[ \t]*:/m.test(frontMatter);
}

// Code fences another notation fills with steps (Gherkin features, Mermaid sequence diagrams): each top-level fence a
// reader turns into synthetic headings and lane lines is replaced by them, one level under the heading above it.
import type { Code, Heading, Root, RootContent } from 'mdast';

/**
 * The root with every top-level fence `read` turns into nodes replaced by them (`depth` is the level for the steps it
 * makes: one under the heading above the fence); the same root when it turns none. Never throws: a reader that fails
 * leaves the document as Markdown reads it.
 */
export function withFenceSteps(root: Root, read: (code: Code, depth: Heading['depth']) => RootContent[] | undefined): Root {
  try {
    let changed = false;
    let depth = 1;
    const out: RootContent[] = [];
    for (const node of root.children) {
      if (node.type === 'heading') depth = node.depth;
      const nodes = node.type === 'code' ? read(node, Math.min(6, depth + 1) as Heading['depth']) : undefined;
      if (nodes?.length) {
        out.push(...nodes);
        changed = true;
      } else out.push(node);
    }
    return changed ? { ...root, children: out } : root;
  } catch {
    return root;
  }
}

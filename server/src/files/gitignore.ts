import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Answers "would git ignore this file?" from the .gitignore files between the repository root and the file. */
export class GitignoreFilter {
  private readonly rulesByDir = new Map<string, Ignore | null>();
  private readonly rootByDir = new Map<string, string>();

  isIgnored(absolutePath: string): boolean {
    const dirs = this.dirsFromRoot(dirname(absolutePath));
    let ignored = false;
    for (const dir of dirs) {
      const rules = this.rulesFor(dir);
      if (!rules) continue;
      const rel = relative(dir, absolutePath).replace(/\\/g, '/');
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
      // Deeper .gitignore files are read later, so their negations can re-include a file.
      const verdict = rules.test(rel);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** Directories from the repository root (nearest ancestor holding .git; else the filesystem root) down to `dir`. */
  private dirsFromRoot(dir: string): string[] {
    const root = this.repoRoot(dir);
    const chain: string[] = [];
    let d = dir;
    for (;;) {
      chain.push(d);
      if (d === root) break;
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    return chain.reverse();
  }

  private repoRoot(dir: string): string {
    const cached = this.rootByDir.get(dir);
    if (cached !== undefined) return cached;
    let root: string;
    if (existsSync(join(dir, '.git'))) root = dir;
    else {
      const up = dirname(dir);
      root = up === dir ? parse(dir).root : this.repoRoot(up);
    }
    this.rootByDir.set(dir, root);
    return root;
  }

  private rulesFor(dir: string): Ignore | null {
    if (this.rulesByDir.has(dir)) return this.rulesByDir.get(dir)!;
    // At the repository root, .git/info/exclude applies too, with less weight than .gitignore (so it comes first).
    const texts = [readOptional(join(dir, '.git', 'info', 'exclude')), readOptional(join(dir, '.gitignore'))].filter((t): t is string => t !== undefined);
    const rules = texts.length > 0 ? ignore().add(texts.join('\n')) : null;
    this.rulesByDir.set(dir, rules);
    return rules;
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // absent (or unreadable): nothing to apply
  }
}

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverFiles } from '../../server/src/files/discover.js';

describe('cli file discovery', () => {
  let root: string;
  const write = (rel: string, text = '# x\n'): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'blueprint-lint-discover-'));
    mkdirSync(join(root, '.git', 'info'), { recursive: true });
    writeFileSync(join(root, '.git', 'info', 'exclude'), 'local-notes.md\n');
    write('local-notes.md');
    write('.gitignore', 'build/\n*.tmp.md\n');
    write('a.md');
    write('UPPER.MD');
    write('x.markdown');
    write('notes.txt');
    write('build/b.md');
    write('sub/.gitignore', 'secret.md\n!keep.tmp.md\n');
    write('sub/secret.md');
    write('sub/keep.tmp.md');
    write('sub/drop.tmp.md');
    write('sub/deeper/c.md');
    write('other/secret.md');
    write('node_modules/pkg/readme.md');
    write('sub/node_modules/pkg/readme.md');
    write('.git/info.md');
    write('.github/template.md');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks directories for Markdown, honouring nested .gitignore files and .git/info/exclude, skipping node_modules and .git', async () => {
    const d = await discoverFiles(['.'], { cwd: root, useIgnoreFiles: true });
    assert.deepEqual(
      d.files.map((f) => f.displayPath),
      ['.github/template.md', 'UPPER.MD', 'a.md', 'other/secret.md', 'sub/deeper/c.md', 'sub/keep.tmp.md', 'x.markdown'],
    );
    assert.deepEqual(d.missing, []);
    assert.ok(d.files.every((f) => !f.explicit));
  });

  it('--no-ignore keeps gitignored files but still skips node_modules and .git', async () => {
    const d = await discoverFiles(['.'], { cwd: root, useIgnoreFiles: false });
    assert.deepEqual(
      d.files.map((f) => f.displayPath),
      ['.github/template.md', 'UPPER.MD', 'a.md', 'build/b.md', 'local-notes.md', 'other/secret.md', 'sub/deeper/c.md', 'sub/drop.tmp.md', 'sub/keep.tmp.md', 'sub/secret.md', 'x.markdown'],
    );
  });

  it('keeps paths as given, expands globs, lints explicit files whatever their name, reports missing paths, de-duplicates', async () => {
    const d = await discoverFiles(['sub', './notes.txt', 'build/b.md', 'sub/*.md', 'nope.md', 'a.md', 'a.md'], { cwd: root, useIgnoreFiles: true });
    assert.deepEqual(
      d.files.map((f) => [f.displayPath, f.explicit]),
      [
        ['./notes.txt', true],
        ['a.md', true],
        ['build/b.md', true],
        ['sub/deeper/c.md', false],
        ['sub/keep.tmp.md', false],
      ],
    );
    assert.deepEqual(d.missing, ['nope.md']);
    assert.deepEqual(d.unmatched, []);
    assert.equal(d.files[0]!.absolutePath, join(root, 'notes.txt'));
  });

  it('a glob that matches no file is reported as unmatched; one whose matches are all ignored is not', async () => {
    const d = await discoverFiles(['docs/**/*.md', 'build/*.md'], { cwd: root, useIgnoreFiles: true });
    assert.deepEqual(d.unmatched, ['docs/**/*.md']);
    assert.deepEqual(d.files, []);
  });

  it('walks a subdirectory with the .gitignore files above it still applied', async () => {
    const d = await discoverFiles(['.'], { cwd: join(root, 'sub'), useIgnoreFiles: true });
    assert.deepEqual(
      d.files.map((f) => f.displayPath),
      ['deeper/c.md', 'keep.tmp.md'],
    );
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineHasCoreRule, fixtures, launcher } from './helpers.js';

describe('blueprint-lint writing into a closed pipe', () => {
  it('a reader that stops early (| head) causes no crash, and the exit code still reflects the findings', async function () {
    if (!engineHasCoreRule) this.skip(); // needs findings to produce a large report
    const dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-pipe-'));
    try {
      // Enough findings that the JSON report is larger than a pipe buffer.
      for (let i = 0; i < 400; i++) copyFileSync(join(fixtures, 'ws', 'docs', 'checkin.blueprint.md'), join(dir, `s${String(i).padStart(3, '0')}.blueprint.md`));
      const child = spawn(process.execPath, [launcher, '.', '--format', 'json', '--max-warnings', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      assert.equal(stderr, 'blueprint-lint: too many warnings (400; maximum allowed: 0)\n');
      assert.equal(status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

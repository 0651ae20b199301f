import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../server/src/cli/main.js';
import { launcher } from './helpers.js';

/** Runs a program with a reduced capability set (util-linux, part of every Debian install). */
const SETPRIV = '/usr/bin/setpriv';

function io(overrides: Partial<CliIo> & { cwd: string }): CliIo & { stderr: string[] } {
  const stderr: string[] = [];
  return {
    env: {},
    stdoutIsTTY: false,
    out: () => undefined,
    err: (t) => void stderr.push(t),
    readStdin: async () => new Uint8Array(0),
    stderr,
    ...overrides,
  };
}

describe('blueprint-lint in-process: errors, colour, unreadable files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'blueprint-lint-errors-'));
    writeFileSync(join(dir, 'a.md'), '# A\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an internal error is one line and exit 2; the stack only with DEBUG=blueprint-lint', async () => {
    const failingOut = (): void => {
      throw new Error('disk on fire');
    };
    const quiet = io({ cwd: dir, out: failingOut });
    assert.equal(await main(['a.md', '--format', 'json'], quiet), 2);
    assert.deepEqual(quiet.stderr, ['blueprint-lint: internal error: disk on fire\n']);

    const debug = io({ cwd: dir, out: failingOut, env: { DEBUG: 'blueprint-lint' } });
    assert.equal(await main(['a.md', '--format', 'json'], debug), 2);
    assert.equal(debug.stderr[0], 'blueprint-lint: internal error: disk on fire\n');
    assert.match(debug.stderr[1]!, /^Error: disk on fire\n\s+at /);
  });

  it('colours stylish output only for a terminal without NO_COLOR, unless --color/--no-color says otherwise', async () => {
    writeFileSync(join(dir, 'steps.md'), '# T\n\n## Check-in\n\n- **Customer:** The guest arrives.\n- **Frontstage:** Checked in without waiting.\n');
    const render = async (args: string[], over: Partial<CliIo>): Promise<string> => {
      let out = '';
      await main(['steps.md', ...args], io({ cwd: dir, out: (t) => void (out += t), ...over }));
      return out;
    };
    const coloured = (s: string): boolean => s.includes('\u001b[');
    assert.ok(!coloured(await render([], {})), 'not a terminal');
    assert.ok(coloured(await render([], { stdoutIsTTY: true })), 'a terminal gets colour');
    assert.ok(!coloured(await render([], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })), 'NO_COLOR');
    assert.ok(!coloured(await render(['--no-color'], { stdoutIsTTY: true })), '--no-color');
    assert.ok(coloured(await render(['--color'], { env: { NO_COLOR: '1' } })), '--color wins');
  });

  it('an unreadable file is reported, the others are linted, exit code from findings', () => {
    const secret = join(dir, 'secret.md');
    writeFileSync(secret, '# Secret\n');
    chmodSync(secret, 0o000);
    // root reads anything: as root the CLI runs without the capabilities that bypass file modes, to meet a real EACCES
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? [SETPRIV, '--bounding-set=-dac_override,-dac_read_search', process.execPath] : [process.execPath];
    if (asRoot) assert.ok(existsSync(SETPRIV), `${SETPRIV} (Debian util-linux) is needed to test an unreadable file as root`);
    const r = spawnSync(command[0]!, [...command.slice(1), launcher, 'a.md', 'secret.md', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '' },
    });
    assert.equal(r.error, undefined);
    assert.equal(r.stderr, 'secret.md: cannot read: permission denied\n');
    assert.deepEqual([r.status, r.stdout], [0, '[]\n']);
  });
});

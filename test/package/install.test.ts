// The npm package as a user gets it: packed, installed from the tarball into an empty folder, then run by its bins.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** Repository root, from out/test/package/ (compiled) three levels up. */
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const blueprint = join(repoRoot, 'test', 'fixtures', 'workspace', 'support-desk.md');
/** A packed size far above today's (about 3.5 MB) means something large slipped into `files`. */
const MAX_TARBALL_BYTES = 6 * 1024 * 1024;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Quiet, and no network beyond the registry fetches the install needs.
const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env: npmEnv, encoding: 'utf8', input: '' });
  if (r.error) throw r.error;
  return r;
}

function mustRun(cmd: string, args: string[], cwd: string): string {
  const r = run(cmd, args, cwd);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

interface PackedFile {
  path: string;
  size: number;
}

describe('npm package (pack, install from the tarball, run)', function () {
  this.timeout(300_000);
  let work: string;
  let project: string;
  let tarball: string;
  let packed: PackedFile[];

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'blueprint-lint-pack-'));
    // The suites run after a build, so the pack must not build again (that is what `prepare` would do).
    const out = mustRun(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
    const [info] = JSON.parse(out) as Array<{ filename: string; files: PackedFile[] }>;
    packed = info!.files;
    tarball = join(work, info!.filename);
    project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "uses-blueprint-lint", "private": true }\n');
    mustRun(npm, ['install', '--no-package-lock', tarball], project);
    copyFileSync(blueprint, join(project, 'support-desk.md'));
    writeFileSync(join(project, '.blueprintlint.jsonc'), '{ "rules": { "benefit-needs-support": "error" } }\n');
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('carries the built output, docs, vocabularies and schemas, and no tests or sources', () => {
    const paths = packed.map((f) => f.path);
    for (const needed of [
      'bin/blueprint-lint.js',
      'bin/blueprint-lint-server.js',
      'out/server/src/cli/main.js',
      'out/server/src/server/main.js',
      'out/rules/index.js',
      'dist/cli.cjs',
      'rules/vocabulary/benefit.txt',
      'rules/vocabulary/phrase-table.generated.bin',
      'rules/presets/recommended.jsonc',
      'rules/benefit-needs-support.md',
      'schemas/blueprintlint.schema.json',
      'docs/cli.md',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
    ]) {
      assert.ok(paths.includes(needed), `${needed} is not in the package`);
    }
    const unwanted = paths.filter((p) => /(^|\/)test\/|\.test\.js$|\.map$|\.ts$|^dist\/extension\.cjs$/.test(p));
    assert.deepEqual(unwanted, []);
    const size = statSync(tarball).size;
    assert.ok(size < MAX_TARBALL_BYTES, `the tarball is ${size} bytes`);
  });

  it('npx blueprint-lint lints a blueprint: the finding, and exit 1 for an error', () => {
    const r = run(npx, ['--no', 'blueprint-lint', 'support-desk.md'], project);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      '\nsupport-desk.md\n' +
        '  8:51  error  Name the employee resource, tool or authority behind "within the hour": step "Open a ticket" promises it but names none.  benefit-needs-support\n' +
        '\n' +
        '✖ 1 problem (1 error, 0 warnings, 0 infos)\n',
    );
    assert.equal(r.status, 1);
  });

  it('blueprint-lint-server answers initialize over stdio and publishes the finding', async () => {
    const bin = join(project, 'node_modules', '.bin');
    assert.ok(readdirSync(bin).includes('blueprint-lint-server'), 'the install put no blueprint-lint-server on PATH');
    const child = spawn(join(bin, 'blueprint-lint-server'), ['--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'], env: npmEnv });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.diagnostics.length > 0) resolve(p);
      });
    });
    connection.listen();
    try {
      const init = await connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(project).href,
        workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'project' }],
        capabilities: {},
      });
      assert.equal(init.serverInfo?.name, 'blueprint-lint-server');
      assert.ok(init.capabilities.textDocumentSync !== undefined, 'no textDocumentSync capability');
      await connection.sendNotification('initialized', {});
      const uri = pathToFileURL(join(project, 'support-desk.md')).href;
      const text = readFileSync(blueprint, 'utf8');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const published = await diagnostics;
      assert.equal(published.uri, uri);
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.severity]),
        [['benefit-needs-support', 7, 50, 1]],
      );
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

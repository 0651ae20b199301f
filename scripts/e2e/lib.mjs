// Shared by the editor-test drivers: start code-server on a free port and open Debian Chromium on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Flags for a quiet, offline, headless Chromium (see shared/e2e-notes.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (source .e2e/env.sh, written by scripts/e2e/setup.sh)`);
  return value;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * User settings for a deterministic workbench: no auto-save into fixtures, no welcome page, nothing online.
 * Every value must be one the workbench accepts as is: a value it migrates (as `extensions.autoUpdate: false` became
 * "off") is rewritten a few seconds after start-up through a dirty settings.json document, in the middle of a test.
 * Returns the settings written, for `userSettingsDrift`.
 */
export function writeUserSettings(userDataDir, extra = {}) {
  const settings = {
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': 'off',
    'update.mode': 'none',
    'workbench.tips.enabled': false,
    'git.enabled': false,
    'workbench.enableExperiments': false,
    // restricted-mode runs open the folder untrusted without a modal prompt
    'security.workspace.trust.startupPrompt': 'never',
    ...extra,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return settings;
}

/**
 * The settings of `written` whose value in the user settings file is no longer the one written (the workbench migrated
 * or dropped them): each is a start-up write racing the tests. Settings the tests add are not looked at.
 */
export function userSettingsDrift(userDataDir, written) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  let now;
  try {
    now = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return [`${file} is not readable JSON any more (${error.message})`];
  }
  return Object.entries(written)
    .filter(([key, value]) => JSON.stringify(now[key]) !== JSON.stringify(value))
    .map(([key, value]) => `${key}: wrote ${JSON.stringify(value)}, now ${JSON.stringify(now[key])}`);
}

export function codeServerArgs(work) {
  return ['--user-data-dir', path.join(work, 'ud'), '--extensions-dir', path.join(work, 'ext'), '--config', path.join(work, 'config.yaml')];
}

/** Runs `code-server --install-extension VSIX` into the work dir's extensions folder; returns the installed folder. */
export async function installVsix(codeServer, work, vsix) {
  await new Promise((resolve, reject) => {
    const p = spawn(codeServer, [...codeServerArgs(work), '--install-extension', vsix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`code-server --install-extension failed (${c}):\n${out}`))));
  });
  const installed = fs.readdirSync(path.join(work, 'ext')).find((d) => d.startsWith('blueprint-lint.blueprint-lint-'));
  if (!installed) throw new Error(`the .vsix did not install into ${path.join(work, 'ext')}`);
  return path.join(work, 'ext', installed);
}

/** Starts code-server and resolves once it listens; `stop()` ends its whole process group. */
export async function startCodeServer({ codeServer, work, port, extraArgs = [], env = {}, trust = false }) {
  const args = [
    ...codeServerArgs(work),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trust ? [] : ['--disable-workspace-trust']),
    ...extraArgs,
  ];
  const server = spawn(codeServer, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } });
  const log = fs.createWriteStream(path.join(work, 'code-server.log'));
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start within 60 s; see ' + path.join(work, 'code-server.log'))), 60000);
    server.stdout.on('data', (d) => {
      if (/HTTP server listening on/.test(String(d))) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (c) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${c}; see ${path.join(work, 'code-server.log')}`));
    });
  }).catch((e) => {
    stop();
    throw e;
  });
  return { server, stop };
}

export function launchChromium(work, options = {}) {
  return chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

// Finds the language server's process from outside it (the process table), so no production code has to expose a PID.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

interface ProcessRow {
  pid: number;
  ppid: number;
  /** False for a zombie: killed, not yet reaped by its parent. */
  alive: boolean;
  args: string[];
}

/** Linux: /proc; elsewhere on POSIX (macOS): `ps` (BLUEPRINT_LINT_FORCE_PS=1 picks it on Linux too, to check that path). Windows is not supported (callers skip with a reason). */
function processTable(): ProcessRow[] {
  if (fs.existsSync('/proc/self/stat') && process.env.BLUEPRINT_LINT_FORCE_PS !== '1') return fromProc();
  if (process.platform !== 'win32') return fromPs();
  throw new Error('listing processes is not supported on Windows');
}

function fromProc(): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")"
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const args = fs
        .readFileSync(`/proc/${entry}/cmdline`, 'utf8')
        .split('\0')
        .filter((a) => a !== '');
      rows.push({ pid: Number(entry), ppid: Number(ppid), alive: state !== 'Z' && state !== 'X', args });
    } catch {
      // the process ended while we read the table
    }
  }
  return rows;
}

function fromPs(): ProcessRow[] {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  return (
    out
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      // `ps` joins the arguments with spaces: good enough to find a path without spaces as one argument
      .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), alive: !m[3]!.startsWith('Z'), args: m[4]!.split(' ') }))
  );
}

function descendsFrom(row: ProcessRow, ancestor: number, byPid: Map<number, ProcessRow>): boolean {
  let current: ProcessRow | undefined = row;
  for (let hops = 0; current && hops < 64; hops++) {
    if (current.ppid === ancestor) return true;
    current = byPid.get(current.ppid);
  }
  return false;
}

/** PIDs of live processes running `serverModule` (an argument of their command line) below the process `ancestor`. */
export function serverPids(serverModule: string, ancestor = process.pid): number[] {
  const rows = processTable();
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  return rows
    .filter((r) => r.args.includes(serverModule) && r.alive && descendsFrom(r, ancestor, byPid))
    .map((r) => r.pid)
    .sort((a, b) => a - b);
}

/** Polls the process table until `accept` holds for the server PIDs, or rejects after the deadline. */
export async function waitForServerPids(serverModule: string, accept: (pids: number[]) => boolean, what: string, timeoutMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = serverPids(serverModule);
    if (accept(pids)) return pids;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server processes now: ${JSON.stringify(pids)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

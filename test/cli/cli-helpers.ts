// Driving the real bundled program for the robustness tests: async (so
// several run at once on two cores), optionally as another user or under a
// file-size limit, and checks that an expected failure reads like one.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { play } from '../helpers.js';
import { BIN } from './run-cli.js';

export const MINI = 'test/fixtures/mini.yaml';
export const MINI_STRONG = 'test/fixtures/mini.strong.txt';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Run as this user (needs root). */
  uid?: number;
  gid?: number;
  /** RLIMIT_FSIZE in KiB, SIGXFSZ ignored: writes past it fail as on a full disk. */
  fileSizeKb?: number;
  timeoutMs?: number;
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', ...opts.env };
    const [cmd, argv] =
      opts.fileSizeKb !== undefined
        ? ['/bin/bash', ['-c', `trap '' XFSZ; ulimit -f ${opts.fileSizeKb}; exec "$0" "$@"`, process.execPath, BIN, ...args]]
        : [process.execPath, [BIN, ...args]];
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env, ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** An expected failure: the exit code, a message that matches, and no stack trace or crash report. */
export function expectRefusal(r: Run, code: 1 | 2, message: RegExp, what = ''): void {
  const all = `${what}\nexit ${r.code} ${r.signal ?? ''}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`;
  expect(r.code, all).toBe(code);
  expect(r.stderr, all).toMatch(message);
  expect(r.stderr, all).toMatch(/^firedrill: /);
  expect(r.stderr + r.stdout, all).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(r.stderr, all).not.toMatch(/unexpected error|full trace/);
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp folder others can enter (mkdtemp makes it 0700), removed after the file's tests. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'firedrill-robust-'));
  chmodSync(d, 0o755);
  dirs.push(d);
  return d;
}

/** A database holding one finished, verified mini session; returns its path. */
export async function seededDb(dir = tempDir()): Promise<string> {
  const file = join(dir, 'firedrill.db');
  const store = openStore(file);
  try {
    await play(MINI, MINI_STRONG, 4, { store });
  } finally {
    store.close();
  }
  return file;
}

/** What "no data loss" compares: every session and every event hash, and whether each chain verifies. */
export function contents(file: string): string {
  const store = openStore(file, { readonly: true });
  try {
    return JSON.stringify(
      store.listSessions().map((s) => ({ id: s.id, outcome: s.outcome, events: store.events(s.id).map((e) => `${e.seq}:${e.hash}`), ok: store.verify(s.id).ok })),
    );
  } finally {
    store.close();
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether this machine lets root start a process as `nobody` (65534) that can run the program. */
export function canRunAsNobody(): boolean {
  if (!isRoot) return false;
  const r = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(BIN)})`], { uid: 65534, gid: 65534, stdio: 'ignore' });
  return r.status === 0;
}

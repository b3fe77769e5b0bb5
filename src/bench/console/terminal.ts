// A pseudo-terminal for the console figures: the bundled program runs in a
// tmux pane of a fixed size on a private tmux server; keys go in with
// send-keys, the screen comes out with capture-pane, and the program's CPU
// time and memory are read from /proc.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Clock ticks per second for /proc/PID/stat (USER_HZ); 100 on every Linux we run on. */
function clockTicks(): number {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
}

export interface PaneOptions {
  width: number;
  height: number;
  env?: Record<string, string>;
}

/** One program in one tmux pane. */
export class Pane {
  private static counter = 0;
  readonly socket: string;
  readonly name: string;
  /** Date.now() just before the program was spawned. */
  readonly spawnedAt: number;
  readonly pid: number;
  private readonly hz = clockTicks();

  /**
   * Starts `argv` (exec'd, so the pane's process is the program itself) in
   * a new session on a private tmux server that is already running, so the
   * server's own start-up is not counted as the program's.
   */
  constructor(argv: readonly string[], opts: PaneOptions) {
    this.socket = `firedrill-bench-${process.pid}`;
    this.name = `p${Pane.counter++}`;
    ensureServer(this.socket);
    const env = Object.entries({ TERM: 'xterm-256color', ...opts.env })
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    const command = `exec env -u CI ${env} ${argv.map(shellQuote).join(' ')}`;
    this.spawnedAt = Date.now();
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(opts.width), '-y', String(opts.height), command);
    this.pid = Number(this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim());
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  async waitFor(pattern: RegExp, timeoutMs = 15_000, pollMs = 20): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < until) {
      last = this.screen();
      if (pattern.test(last)) return last;
      await sleep(pollMs);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}; the screen:\n${last}`);
  }

  alive(): boolean {
    return existsSync(`/proc/${this.pid}`);
  }

  /** CPU seconds (user + system) the program has used. */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / this.hz;
  }

  /** Resident memory in MB. */
  rssMb(): number {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    if (!m) throw new Error(`no VmRSS for ${this.pid}`);
    return Number(m[1]) / 1024;
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-session', '-t', this.name]);
  }
}

const servers = new Set<string>();

function ensureServer(socket: string): void {
  if (servers.has(socket)) return;
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'keepalive', 'sleep 86400']);
  servers.add(socket);
  process.once('exit', () => spawnSync('tmux', ['-L', socket, 'kill-server']));
}

/** Stops the private tmux server (and every pane on it). */
export function stopServers(): void {
  for (const s of servers) spawnSync('tmux', ['-L', s, 'kill-server']);
  servers.clear();
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/u.test(s) ? s : `'${s.replace(/'/gu, `'\\''`)}'`;
}

/** Frames written by FIREDRILL_FRAME_LOG: ms since the epoch, ms since the process started, each render's cost. */
export interface FrameLine {
  at: number;
  sinceStart: number;
  renderMs: number;
}

export function readFrameLog(path: string): FrameLine[] {
  return readLog(path).frames;
}

/** Frames and input arrivals ("key" lines) from FIREDRILL_FRAME_LOG. */
export function readLog(path: string): { frames: FrameLine[]; keys: number[] } {
  const frames: FrameLine[] = [];
  const keys: number[] = [];
  if (!existsSync(path)) return { frames, keys };
  for (const l of readFileSync(path, 'utf8').split('\n')) {
    if (!l) continue;
    const parts = l.split(' ');
    if (parts[0] === 'key') keys.push(Number(parts[1]));
    else frames.push({ at: Number(parts[0]), sinceStart: Number(parts[1]), renderMs: Number(parts[2]) });
  }
  return { frames, keys };
}

/** For each input arrival, ms until the next render after it (inside the program: no terminal, no polling). */
export function inputToFrame(log: { frames: FrameLine[]; keys: number[] }, from: number, to: number): number[] {
  const out: number[] = [];
  const at = log.frames.map((f) => f.at);
  for (const k of log.keys) {
    if (k < from || k > to) continue;
    const next = at.find((t) => t >= k);
    if (next !== undefined) out.push(next - k);
  }
  return out;
}

/** `node bin/firedrill.js …` from the package root. */
export function programArgv(root: string, args: readonly string[]): string[] {
  return [process.execPath, join(root, 'bin', 'firedrill.js'), ...args];
}

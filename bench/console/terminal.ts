// A pseudo-terminal for the console figures: the bundled program runs in the
// same pseudo-terminal and emulator as the terminal tests (node-pty read by
// @xterm/headless, test/support/terminal.ts), and its CPU time and memory
// are read from /proc.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgramTerminal } from '../../test/support/terminal.js';

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

/** One program in one pseudo-terminal, with what /proc says about it. */
export class Pane extends ProgramTerminal {
  /** Date.now() just before the program was spawned. */
  readonly spawnedAt: number;
  private readonly hz = clockTicks();

  /** Starts `argv` (the program itself is the terminal's process). */
  constructor(argv: readonly string[], opts: PaneOptions) {
    const spawnedAt = Date.now();
    super(argv[0]!, argv.slice(1), { cols: opts.width, rows: opts.height, ...(opts.env ? { env: opts.env } : {}) });
    this.spawnedAt = spawnedAt;
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

// The real program in a real tmux (Debian's /usr/bin/tmux), its screen read
// back with `tmux capture-pane`. A second driver beside terminal.ts (node-pty
// + @xterm/headless) because tmux is another emulator, with its own parser
// and its own character widths, and the issues ask for what a tmux capture
// shows. Same surface as ProgramTerminal where the tests need it. Only the
// system suite uses it (npm run test:system): tmux is a system program.
//
// Each terminal is its own private tmux server (-L, -f /dev/null), one
// session whose only pane is the whole window (status off). The pane stays
// after the program exits (remain-on-exit, with no "Pane is dead" line), so
// the last screen and the exit status can still be read. Waits poll the
// pane against a deadline; nothing sleeps for a fixed time.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Key } from './terminal.js';
import { childEnv, type Exit, SIZES, type TerminalOptions } from './terminal.js';

/** tmux's names for the keys the tests press (arrows follow the pane's cursor-keys mode inside tmux). */
const TMUX_KEYS: Record<Key, string> = {
  Enter: 'Enter',
  Tab: 'Tab',
  Escape: 'Escape',
  Backspace: 'BSpace',
  Space: 'Space',
  'C-c': 'C-c',
  'C-u': 'C-u',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Up: 'Up',
  Down: 'Down',
  Right: 'Right',
  Left: 'Left',
};

const POLL_MS = 30;
let servers = 0;

/** `node bin/firedrill.js ARGS` in a fresh tmux window of the given size. */
/** The process exists and is not a zombie. */
function isRunning(pid: string | undefined): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export function startProgramInTmux(args: readonly string[], opts: TerminalOptions = {}): TmuxTerminal {
  return new TmuxTerminal(process.execPath, [join(process.cwd(), 'bin', 'firedrill.js'), ...args], opts);
}

export class TmuxTerminal {
  cols: number;
  rows: number;
  private readonly socket = `firedrill-test-${process.pid}-${++servers}`;
  private readonly env: Record<string, string>;
  private exit: Exit | undefined;
  private disposed = false;
  /** Cells each character (grapheme cluster) takes in this tmux, measured by tmux itself. */
  private readonly widths = new Map<string, number>();

  constructor(file: string, args: readonly string[], opts: TerminalOptions = {}) {
    this.cols = opts.cols ?? SIZES.large.cols;
    this.rows = opts.rows ?? SIZES.large.rows;
    // The server's environment is the pane's: the same one terminal.ts gives
    // its child (no CI, no colour), TERM aside, which tmux sets to its own.
    this.env = childEnv(opts.env);
    this.tmux(
      'start-server', ';',
      'set', '-g', 'status', 'off', ';',
      'set', '-g', 'default-terminal', 'tmux-256color', ';',
      'set', '-g', 'remain-on-exit', 'on', ';',
      'set', '-g', 'remain-on-exit-format', '', ';',
      'new-session', '-d', '-s', 'main', '-x', String(this.cols), '-y', String(this.rows), '-c', opts.cwd ?? process.cwd(), '--', file, ...args,
    );
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-u', '-L', this.socket, '-f', '/dev/null', ...args], { env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  get pid(): number {
    return Number(this.tmux('display', '-p', '-t', 'main', '#{pane_pid}').trim());
  }

  /** The visible pane, one string per row, trailing blanks trimmed. */
  lines(): string[] {
    const out = this.tmux('capture-pane', '-p', '-t', 'main').split('\n');
    // capture-pane ends its last row with a newline too
    return Array.from({ length: this.rows }, (_, y) => out[y] ?? '');
  }

  screen(): string {
    return this.lines().join('\n');
  }

  /**
   * The visible pane cell by cell, as terminal.ts gives it: a character that
   * tmux draws two cells wide has its text in the first cell and '' in the
   * second. The cells each character takes are tmux's own (see widthOf).
   */
  cells(): string[][] {
    const segmenter = new Intl.Segmenter();
    return this.lines().map((line) => {
      const graphemes = [...segmenter.segment(line)].map((s) => s.segment);
      this.measure(graphemes);
      const row: string[] = [];
      for (const g of graphemes) {
        const w = this.widths.get(g) ?? 1;
        if (w === 0 && row.length > 0) row[row.length - 1] += g;
        else row.push(g, ...Array<string>(Math.max(0, w - 1)).fill(''));
      }
      while (row.length < this.cols) row.push(' ');
      return row.slice(0, this.cols);
    });
  }

  /** How many cells tmux gives this text. */
  widthOf(text: string): number {
    const graphemes = [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
    this.measure(graphemes);
    return graphemes.reduce((sum, g) => sum + (this.widths.get(g) ?? 1), 0);
  }

  /**
   * Learns the width of every new non-ASCII character from tmux: each is
   * printed at the start of a row of a scratch window followed by a jump to
   * column 40 and a '|'; the blanks tmux leaves between them tell the width.
   */
  private measure(graphemes: readonly string[]): void {
    const unknown = [...new Set(graphemes)].filter((g) => !this.widths.has(g) && !/^[\u0020-\u007e]$/u.test(g));
    if (unknown.length === 0) return;
    const text = unknown.map((g) => `${g}\u001B[40G|`).join('\r\n');
    this.tmux('new-session', '-d', '-s', 'measure', '-x', '60', '-y', String(unknown.length + 1), '--', 'sh', '-c', 'printf "%s" "$1"; exec sleep 60', 'sh', text);
    try {
      // (the printing program stays until the session is killed: a pane that ends at once can lose what it wrote)
      const deadline = Date.now() + 5_000;
      let rows = this.tmux('capture-pane', '-p', '-t', 'measure').split('\n');
      while (!unknown.every((_, i) => (rows[i] ?? '').endsWith('|'))) {
        if (Date.now() > deadline) throw new Error(`tmux did not print the characters to measure within 5 s: ${JSON.stringify(rows)} for ${JSON.stringify(unknown)}`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        rows = this.tmux('capture-pane', '-p', '-t', 'measure').split('\n');
      }
      unknown.forEach((g, i) => {
        const row = rows[i]!;
        if (!row.startsWith(g)) throw new Error(`tmux did not print ${JSON.stringify(g)} as expected: ${JSON.stringify(row)}`);
        this.widths.set(g, 39 - (row.length - g.length - 1));
      });
    } finally {
      this.tmux('kill-session', '-t', 'measure');
    }
  }

  /** The window resized, as a person drags it: the program gets SIGWINCH. */
  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.tmux('resize-window', '-t', 'main', '-x', String(cols), '-y', String(rows));
  }

  /** Literal text, as if typed (a carriage return is the Enter key). */
  type(text: string): void {
    text.split(/(\r)/u).forEach((part) => {
      if (part === '\r') this.tmux('send-keys', '-t', 'main', 'Enter');
      else if (part !== '') this.tmux('send-keys', '-t', 'main', '-l', '--', part);
    });
  }

  press(...keys: Key[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'main', TMUX_KEYS[key]);
  }

  /**
   * Resolves with the screen once it matches; rejects at the deadline, or as
   * soon as the program has exited without the screen ever matching.
   */
  async waitFor(want: RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const matches = typeof want === 'function' ? want : (s: string) => want.test(s);
    const what = typeof want === 'function' ? 'the condition' : String(want);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Whether it had ended is read before the screen, so a screen read after the end is final.
      const ended = this.poll();
      const screen = this.screen();
      if (matches(screen)) return screen;
      if (ended) throw new Error(`the program exited (${describeExit(ended)}) without showing ${what}; the pane:\n${screen}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the pane:\n${screen}`);
      await pause(POLL_MS);
    }
  }

  /** Waits for the program to end; the screen is then final. */
  async exited(timeoutMs = 15_000): Promise<Exit> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ended = this.poll();
      if (ended) return ended;
      if (Date.now() > deadline) throw new Error(`the program did not exit within ${timeoutMs} ms; the pane:\n${this.screen()}`);
      await pause(POLL_MS);
    }
  }

  /** The program's exit, once tmux has seen it. */
  private poll(): Exit | undefined {
    if (this.exit || this.disposed) return this.exit;
    const [dead, pid, status, signal] = this.tmux('display', '-p', '-t', 'main', '#{pane_dead}|#{pane_pid}|#{pane_dead_status}|#{pane_dead_signal}').trim().split('|');
    if (dead !== '1') return undefined;
    if (status || signal) this.exit = { code: Number(status || 0), signal: Number(signal || 0) };
    // tmux marks a pane dead when its terminal closes and takes the status when it reaps the
    // process; seen here, it sometimes leaves the process a zombie and never shows the status.
    // A process gone or a zombie has exited (its code unknown: -1); one still running has only
    // closed its terminal, so keep waiting.
    else if (!isRunning(pid)) this.exit = { code: -1, signal: 0 };
    return this.exit;
  }

  /** Ends the program if it still runs, and its tmux server. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeExit(e: Exit): string {
  return e.signal ? `signal ${e.signal}` : `exit ${e.code}`;
}

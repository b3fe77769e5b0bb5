// The real program in a real pseudo-terminal (node-pty), its output read by a
// real terminal emulator (@xterm/headless): what a person at the keyboard
// sees, without tmux. Waits are driven by the emulator's own "parsed" event
// and bounded by a deadline; nothing sleeps for a fixed time.
import { join } from 'node:path';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import stringWidth from 'string-width';

const { Terminal } = xterm;

/** The terminal sizes the product is designed for (SCREENS.md). */
export const SIZES = {
  small: { cols: 80, rows: 24 },
  medium: { cols: 100, rows: 30 },
  large: { cols: 120, rows: 40 },
} as const;

export interface TerminalOptions {
  cols?: number;
  rows?: number;
  /** Added to the child's environment, which is otherwise built here (see childEnv). */
  env?: Record<string, string>;
  cwd?: string;
}

export interface Exit {
  code: number;
  signal: number;
}

/**
 * Character widths of a current terminal (tmux, VTE, xterm with a current
 * libc): each code point by today's Unicode tables (East Asian Width, emoji
 * presentation), as string-width gives it, parts of a sequence drawn one by
 * one. The emulator's built-in tables are Unicode 6's, where 🔥 is one cell.
 */
const CURRENT_WIDTHS: xterm.IUnicodeVersionProvider = (() => {
  const cache = new Map<number, 0 | 1 | 2>();
  const wcwidth = (cp: number): 0 | 1 | 2 => {
    let w = cache.get(cp);
    if (w === undefined) {
      w = Math.min(2, stringWidth(String.fromCodePoint(cp))) as 0 | 1 | 2;
      cache.set(cp, w);
    }
    return w;
  };
  return {
    version: 'current',
    wcwidth,
    // As the built-in providers do: a zero-width code point joins the cell before it.
    charProperties(cp, preceding) {
      let width: number = wcwidth(cp);
      const previousWidth = (preceding >> 1) & 3;
      const join = width === 0 && preceding !== 0 && previousWidth !== 0;
      if (join && previousWidth > width) width = previousWidth;
      return ((width & 3) << 1) | (join ? 1 : 0);
    },
  };
})();

const KEYS = {
  Enter: '\r',
  Tab: '\t',
  Escape: '\u001B',
  Backspace: '\u007F',
  Space: ' ',
  'C-c': '\u0003',
  'C-u': '\u0015',
  PageUp: '\u001B[5~',
  PageDown: '\u001B[6~',
  Up: 'A',
  Down: 'B',
  Right: 'C',
  Left: 'D',
} as const;
export type Key = keyof typeof KEYS;
const ARROWS = new Set<Key>(['Up', 'Down', 'Right', 'Left']);

/**
 * The child's whole environment, stated here rather than inherited: Ink
 * renders only the last frame when CI is set at all (STACK-NOTES §3.1), and
 * colours and locale change what reaches the screen.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { TERM: 'xterm-256color', LANG: 'C.UTF-8', FORCE_COLOR: '0' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'USER', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}

/** `node bin/firedrill.js ARGS` in a fresh pseudo-terminal of the given size. */
export function startProgram(args: readonly string[], opts: TerminalOptions = {}): ProgramTerminal {
  return new ProgramTerminal(process.execPath, [join(process.cwd(), 'bin', 'firedrill.js'), ...args], opts);
}

export class ProgramTerminal {
  cols: number;
  rows: number;
  private readonly term: InstanceType<typeof Terminal>;
  private readonly child: pty.IPty;
  private cursorShown = true;
  private exit: Exit | undefined;
  private readonly exitWaiters: ((e: Exit) => void)[] = [];
  private readonly onChange = new Set<() => void>();
  private pendingWrites = 0;
  private disposed = false;
  /** Every byte the program wrote, as received (decoded as UTF-8). */
  private received = '';
  private readonly titles: string[] = [];

  constructor(file: string, args: readonly string[], opts: TerminalOptions = {}) {
    this.cols = opts.cols ?? SIZES.large.cols;
    this.rows = opts.rows ?? SIZES.large.rows;
    this.term = new Terminal({ cols: this.cols, rows: this.rows, allowProposedApi: true, scrollback: 1000 });
    this.term.unicode.register(CURRENT_WIDTHS);
    this.term.unicode.activeVersion = CURRENT_WIDTHS.version;
    // DECTCEM (CSI ? 25 h/l): the emulator keeps cursor visibility private, so watch the sequence go by.
    const cursor = (shown: boolean) => (params: (number | number[])[]) => {
      if (params.includes(25)) this.cursorShown = shown;
      return false; // the emulator handles it as usual too
    };
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'h' }, cursor(true));
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'l' }, cursor(false));
    this.child = pty.spawn(file, [...args], { name: 'xterm-256color', cols: this.cols, rows: this.rows, cwd: opts.cwd ?? process.cwd(), env: childEnv(opts.env) });
    this.term.onTitleChange((title) => this.titles.push(title));
    this.child.onData((data) => {
      if (this.disposed) return;
      this.received += data;
      this.pendingWrites++;
      this.term.write(data, () => {
        this.pendingWrites--;
        this.changed();
      });
    });
    this.child.onExit(({ exitCode, signal }) => {
      if (this.disposed) return;
      // Output still queued in the emulator is parsed before anyone hears of the exit.
      this.term.write('', () => {
        this.exit = { code: exitCode, signal: signal ?? 0 };
        this.exitWaiters.splice(0).forEach((w) => w(this.exit!));
        this.changed();
      });
    });
  }

  get pid(): number {
    return this.child.pid;
  }

  /** The visible screen, one string per row, trailing blanks trimmed. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.rows; y++) out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return out;
  }

  screen(): string {
    return this.lines().join('\n');
  }

  /**
   * The visible screen cell by cell: row y, column x holds what the emulator
   * drew in that cell. A wide character fills two cells: its text in the
   * first, '' in the second.
   */
  cells(): string[][] {
    const buffer = this.term.buffer.active;
    const out: string[][] = [];
    for (let y = 0; y < this.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      const row: string[] = [];
      for (let x = 0; x < this.cols; x++) {
        const cell = line?.getCell(x);
        row.push(cell ? (cell.getWidth() === 0 ? '' : cell.getChars() || ' ') : ' ');
      }
      out.push(row);
    }
    return out;
  }

  /** Everything the program has written to the terminal so far, escape sequences and all. */
  output(): string {
    return this.received;
  }

  /** Every window title the program set (OSC 0/2), in order. */
  get titlesSet(): readonly string[] {
    return this.titles;
  }

  /** The program switched to the alternate screen (and has not left it). */
  get alternateScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  get cursorVisible(): boolean {
    return this.cursorShown;
  }

  /** The window resized, as a person drags it: the program gets SIGWINCH, the emulator the new size. */
  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.term.resize(cols, rows);
    this.child.resize(cols, rows);
  }

  /** Literal text, as if typed. */
  type(text: string): void {
    this.child.write(text);
  }

  press(...keys: Key[]): void {
    for (const key of keys) {
      // Arrows follow the cursor-keys mode the program asked for (DECCKM).
      const seq = ARROWS.has(key) ? (this.term.modes.applicationCursorKeysMode ? '\u001BO' : '\u001B[') + KEYS[key] : KEYS[key];
      this.child.write(seq);
    }
  }

  /**
   * Resolves with the screen once it matches; rejects at the deadline, or as
   * soon as the program has exited without the screen ever matching.
   */
  waitFor(want: RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const matches = typeof want === 'function' ? want : (s: string) => want.test(s);
    const what = typeof want === 'function' ? 'the condition' : String(want);
    return new Promise((resolve, reject) => {
      const check = () => {
        const screen = this.screen();
        if (matches(screen)) return done(() => resolve(screen));
        if (this.exit && this.pendingWrites === 0) done(() => reject(new Error(`the program exited (${describeExit(this.exit!)}) without showing ${what}; the screen:\n${screen}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen:\n${this.screen()}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.onChange.delete(check);
        settle();
      };
      this.onChange.add(check);
      check();
    });
  }

  /** Waits for the program to end; the screen is then final. */
  exited(timeoutMs = 15_000): Promise<Exit> {
    if (this.exit) return Promise.resolve(this.exit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the program did not exit within ${timeoutMs} ms; the screen:\n${this.screen()}`)), timeoutMs);
      this.exitWaiters.push((e) => {
        clearTimeout(timer);
        resolve(e);
      });
    });
  }

  /**
   * Closes the terminal as a closed window does: the master side of the
   * pseudo-terminal goes away, the kernel hangs up the program's session
   * (SIGHUP) and its writes fail with EIO. The screen is then final; the
   * exit is still reported.
   */
  hangUp(): void {
    if (this.exit) return;
    // node-pty's UnixTerminal closes the master with destroy(); its typings do not list it.
    const closable = this.child as unknown as { destroy?: () => void };
    if (typeof closable.destroy !== 'function') throw new Error('this node-pty cannot close the terminal (no destroy())');
    closable.destroy();
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.exit) process.kill(this.child.pid, signal);
  }

  /** Ends the program if it still runs and frees the emulator. */
  dispose(): void {
    try {
      this.kill();
    } catch {
      // already gone
    }
    this.disposed = true;
    this.term.dispose();
  }

  private changed(): void {
    for (const check of [...this.onChange]) check();
  }
}

function describeExit(e: Exit): string {
  return e.signal ? `signal ${e.signal}` : `exit ${e.code}`;
}

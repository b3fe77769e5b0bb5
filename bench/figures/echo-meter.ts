// Keypress-to-echo as a client sees it: which bytes from the host show a
// typed key at the prompt. Kept apart from the figures so a test can check it.
import { stripVTControlCharacters } from 'node:util';
import { CURSOR } from '../../src/ui/components/CommandLine.js';

/**
 * Letters that always type into the command line: on an empty line q, space,
 * ?, +, - and / act (q asks to quit), so none of them is typed.
 */
const LETTERS = 'abcdefghijklmnoprstuvwxyz';
/** A key not shown within this long is counted as missed (and as this long in the percentiles). */
export const ECHO_TIMEOUT_MS = 5000;
/** Keys before the prompt is cleared (ctrl-u) and a new line started. */
const LINE_KEYS = 8;

/**
 * One candidate: a shell with a pty, the screen text received, and the echo
 * times measured. Each key extends the line at the prompt, and its echo is
 * the first screen update whose prompt shows exactly that line with the
 * cursor after it. Every line starts with a different letter than the one
 * before, so a frame still in flight from the last line never matches.
 * A key does not wait for the last one's echo; one frame showing a longer
 * line is the echo of every key still waiting before it.
 */
export class EchoMeter {
  private raw = '';
  private line = '';
  private lines = 0;
  private readonly pending: { prompt: string; at: number }[] = [];
  readonly echoMs: number[] = [];
  missed = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Bytes received from the host. */
  received(chunk: string): void {
    this.expire(); // a frame later than the timeout does not make a missed key count as shown
    if (this.pending.length === 0) return;
    // Escape sequences may be split across chunks: strip the joined tail, not each chunk.
    this.raw = (this.raw + chunk).slice(-32_768);
    const text = stripVTControlCharacters(this.raw);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      if (!text.includes(this.pending[i]!.prompt)) continue;
      const at = this.now();
      for (const p of this.pending.splice(0, i + 1)) this.echoMs.push(at - p.at);
      this.raw = '';
      return;
    }
  }

  /** What to write for the next key (ctrl-u first when the line is full); its echo is timed from now. */
  next(): string {
    this.expire();
    let out = '';
    if (this.line.length >= LINE_KEYS) {
      out = '\u0015';
      this.line = '';
      this.lines++;
    }
    const c = LETTERS[(this.lines + this.line.length) % LETTERS.length]!;
    this.line += c;
    out += c;
    this.pending.push({ prompt: `> ${this.line}${CURSOR}`, at: this.now() });
    return out;
  }

  /** Keys still waiting longer than the timeout are missed. */
  expire(): void {
    const now = this.now();
    while (this.pending.length > 0 && now - this.pending[0]!.at > ECHO_TIMEOUT_MS) {
      this.pending.shift();
      this.missed++;
    }
  }

  /** Every key's time, a missed one counted as the timeout. */
  times(): number[] {
    this.expire();
    return [...this.echoMs, ...Array.from({ length: this.missed }, () => ECHO_TIMEOUT_MS)];
  }
}

import { PassThrough, Writable } from 'node:stream';

/** What a channel must offer: ssh2's ServerChannel, or a test's stand-in. */
export interface ByteChannel {
  write(chunk: Buffer | string): boolean;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer) => void): unknown;
  readonly writableLength: number;
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** A client that stops reading: beyond this many unsent bytes the connection is dropped, not buffered. */
export const MAX_UNSENT_BYTES = 4 * 1024 * 1024;
/** The largest terminal a client may claim (a pty-req is untrusted input). */
export const MAX_COLUMNS = 500;
export const MAX_ROWS = 200;
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 5;

export function clampSize(columns: number, rows: number): TerminalSize {
  const clamp = (n: number, lo: number, hi: number, dflt: number) => (Number.isInteger(n) && n > 0 ? Math.min(hi, Math.max(lo, n)) : dflt);
  return { columns: clamp(columns, MIN_COLUMNS, MAX_COLUMNS, 80), rows: clamp(rows, MIN_ROWS, MAX_ROWS, 24) };
}

/**
 * There is no pty on this side to turn "\n" into "\r\n" (a terminal
 * driver's ONLCR), so the screen's newlines get their carriage return here.
 */
export function withCarriageReturns(chunk: Buffer): Buffer {
  let at = chunk.indexOf(0x0a);
  if (at === -1) return chunk;
  const parts: Buffer[] = [];
  let from = 0;
  while (at !== -1) {
    parts.push(chunk.subarray(from, at), CRLF);
    from = at + 1;
    at = chunk.indexOf(0x0a, from);
  }
  parts.push(chunk.subarray(from));
  return Buffer.concat(parts);
}
const CRLF = Buffer.from('\r\n');

type TtyOut = Writable & { columns: number; rows: number; isTTY: true };
type TtyIn = PassThrough & { isTTY: true; isRaw: boolean; setRawMode(raw: boolean): TtyIn; ref(): TtyIn; unref(): TtyIn };

/**
 * An SSH channel dressed as a terminal for Ink: an output stream with the
 * client's columns and rows (a window-change emits 'resize', as a TTY
 * does) and an input stream in "raw mode" (the client's own terminal is
 * raw: its pty-req asked the server side to interpret keys, and we do).
 * Every byte Ink writes goes through `onOutput` first, so a test can see
 * exactly what crossed the channel.
 */
export class ChannelTerminal {
  readonly stdout: TtyOut;
  readonly stdin: TtyIn;
  private readonly onData: (chunk: Buffer) => void;

  constructor(
    private readonly channel: ByteChannel,
    size: TerminalSize,
    private readonly hooks: { onOutput?: (chunk: Buffer) => void; onOverflow: () => void },
  ) {
    const out = new Writable({
      decodeStrings: true,
      write: (raw: Buffer, _enc, done) => {
        const chunk = withCarriageReturns(raw);
        this.hooks.onOutput?.(chunk);
        this.channel.write(chunk);
        if (this.channel.writableLength > MAX_UNSENT_BYTES) this.hooks.onOverflow();
        done();
      },
    }) as TtyOut;
    out.columns = size.columns;
    out.rows = size.rows;
    out.isTTY = true;
    this.stdout = out;

    const input = new PassThrough() as TtyIn;
    input.isTTY = true;
    input.isRaw = false;
    input.setRawMode = (raw: boolean) => {
      input.isRaw = raw;
      return input;
    };
    input.ref = () => input;
    input.unref = () => input;
    this.stdin = input;
    this.onData = (chunk) => input.write(chunk);
    channel.on('data', this.onData);
  }

  resize(columns: number, rows: number): void {
    const next = clampSize(columns, rows);
    if (next.columns === this.stdout.columns && next.rows === this.stdout.rows) return;
    this.stdout.columns = next.columns;
    this.stdout.rows = next.rows;
    this.stdout.emit('resize');
  }

  /** Stops listening to the channel; the streams end. */
  detach(): void {
    this.channel.off('data', this.onData);
    this.stdin.end();
    this.stdout.end();
  }
}

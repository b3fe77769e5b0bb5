import { terminalSafe } from '../text/terminal-safe.js';

/**
 * Output conventions: with --json, machine output on stdout and human text on
 * stderr; otherwise human text on stdout. The only module that writes; human
 * text passes the terminal sanitiser (names and typed text are untrusted).
 */
export interface Io {
  json: boolean;
  color: boolean;
  /** Human-readable result text. */
  out(text: string): void;
  /** Progress and notes: stderr always. */
  note(text: string): void;
  /** The --json document. */
  data(value: unknown): void;
}

// A reader that goes away (`firedrill list | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    // The terminal went away (a closed window): nobody is left to read; the
    // screen ends the ordinary way (ui/fullscreen.tsx) and the session stays resumable.
    if (e.code === 'EIO' || e.code === 'ENXIO') return;
    throw e;
  });
}

export function createIo(json: boolean, color: boolean): Io {
  return {
    json,
    color,
    out: (text) => (json ? process.stderr : process.stdout).write(`${terminalSafe(text, { newlines: true })}\n`),
    note: (text) => process.stderr.write(`${terminalSafe(text, { newlines: true })}\n`),
    data: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}

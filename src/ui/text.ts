/**
 * Plain-text helpers for fitting strings into fixed columns. Widths count code
 * points: every glyph this UI draws is one column wide, and Ink's own
 * wrap="truncate" is the final guard for anything wider in scenario text.
 */

export function textWidth(s: string): number {
  return [...s].length;
}

/** Cuts to `width` columns, ending in "…" when something was cut. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width === 1) return '…';
  return chars.slice(0, width - 1).join('') + '…';
}

/**
 * Cuts the middle so both ends survive: series labels differ at the start
 * (`/v1/…`, `/v2/…`) and at the end (`… 5xx %`, `… p95`).
 */
export function truncateMiddle(s: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width < 8) return truncate(s, width);
  const tail = Math.floor((width - 1) / 2);
  const head = width - 1 - tail;
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - tail).join('');
}

/** Keeps the end of the string (for a command line whose cursor is at the end). */
export function truncateStart(s: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width === 1) return '…';
  return '…' + chars.slice(chars.length - (width - 1)).join('');
}

export function padEnd(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** Exactly `width` columns: truncated or padded. */
export function fit(s: string, width: number): string {
  return padEnd(truncate(s, width), width);
}

/**
 * Word-wraps one paragraph to `width`; continuation lines get `indent` spaces.
 * Words longer than a line are hard-broken so nothing is lost.
 */
export function wrapText(s: string, width: number, indent = 0): string[] {
  const text = s.replace(/\s+$/u, '');
  if (width <= 0) return [];
  if (textWidth(text) <= width) return [text];
  const pad = ' '.repeat(Math.min(indent, Math.max(0, width - 1)));
  // The first line keeps its own leading spaces.
  const lead = /^ */u.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead.slice(0, Math.max(0, width - 1));
  let lineStart = line;
  const room = () => width - textWidth(line);
  for (const word of text.slice(lead.length).split(/ +/u)) {
    let w = word;
    const sep = line === lineStart ? '' : ' ';
    if (textWidth(sep + w) <= room()) {
      line += sep + w;
      continue;
    }
    if (line !== lineStart) {
      lines.push(line);
      lineStart = pad;
      line = pad;
    }
    // Hard-break a word that cannot fit on a fresh line.
    while (textWidth(w) > room()) {
      const chars = [...w];
      const n = Math.max(1, room());
      line += chars.slice(0, n).join('');
      lines.push(line);
      lineStart = pad;
      line = pad;
      w = chars.slice(n).join('');
    }
    line += w;
  }
  if (line !== lineStart || lines.length === 0) lines.push(line);
  return lines;
}

/** 1922 -> "1,922", independent of the machine's locale (frames must be deterministic). */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

// CSI and OSC sequences; enough for what chalk and Ink emit.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/gu;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

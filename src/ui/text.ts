import { cellWidth, graphemes, isPlainAscii, takeCells, takeLastCells } from '../text/cells.js';

/**
 * Plain-text helpers for fitting strings into fixed columns. Widths are
 * terminal cells (src/text/cells.ts): a CJK character or an emoji is two, a
 * combining mark none, so panel borders stay aligned whatever the text.
 * Every helper is linear in the text's length.
 */

export function textWidth(s: string): number {
  return cellWidth(s);
}

/** Cuts to `width` columns, ending in "…" when something was cut. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (s.length <= width && cellWidth(s) <= width) return s;
  const head = takeCells(s, width);
  if (head.length === s.length) return s;
  if (width === 1) return '…';
  return takeCells(head, width - 1) + '…';
}

/**
 * Cuts the middle so both ends survive: series labels differ at the start
 * (`/v1/…`, `/v2/…`) and at the end (`… 5xx %`, `… p95`).
 */
export function truncateMiddle(s: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidth(s) <= width) return s;
  if (width < 8) return truncate(s, width);
  const tail = Math.floor((width - 1) / 2);
  const head = width - 1 - tail;
  return takeCells(s, head) + '…' + takeLastCells(s, tail);
}

/** Where a label may be shortened: before a space or a slash, each piece keeping its separator. */
function labelUnits(s: string): string[] {
  return s.match(/[ /]*[^ /]+|[ /]+$/gu) ?? [s];
}

const abbreviated = new Map<string, string>();

/**
 * Shortens a label to `width` columns by leaving out whole words (or path
 * segments) from its middle, marked "…": both ends survive, and no word is
 * cut in two ("fraud-api… completed/s", "GET /api…/:id p95"). Only a single
 * word wider than the room is cut, at its end.
 */
export function abbreviate(s: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidth(s) <= width) return s;
  const key = `${width}\u0000${s}`;
  const hit = abbreviated.get(key);
  if (hit !== undefined) return hit;
  const units = labelUnits(s);
  const widths = units.map(cellWidth);
  const room = width - 1; // the "…"
  let best: { h: number; t: number; kept: number } | null = null;
  let headW = 0;
  for (let h = 0; h < units.length; h++) {
    if (h > 0) headW += widths[h - 1]!;
    if (headW > room) break;
    let tailW = 0;
    for (let t = 0; h + t < units.length; t++) {
      if (t > 0) tailW += widths[units.length - t]!;
      if (headW + tailW > room) break;
      const kept = headW + tailW;
      // The label's first word says what the series is: keep it when it fits; then the most kept.
      const better = !best || (h > 0 && best.h === 0) || ((h > 0) === (best.h > 0) && (kept > best.kept || (kept === best.kept && h > best.h)));
      if (kept > 0 && better) best = { h, t, kept };
    }
  }
  let out: string;
  if (!best) out = truncate(s, width);
  else {
    const head = units.slice(0, best.h).join('');
    const tail = units.slice(units.length - best.t).join('');
    out = `${head.trimEnd()}…${best.h === 0 ? tail.trimStart() : tail}`;
    if (cellWidth(out) > width) out = truncate(s, width);
  }
  if (abbreviated.size > 4096) abbreviated.clear();
  abbreviated.set(key, out);
  return out;
}

/** A person's name in `width` columns: whole, else "Priya R.", else the first name (cut only if it alone is wider). */
export function shortName(name: string, width: number): string {
  if (cellWidth(name) <= width) return name;
  const words = name.trim().split(/\s+/u);
  const first = words[0] ?? '';
  const initial = words.length > 1 ? `${first} ${[...(words.at(-1) ?? '')][0] ?? ''}.` : first;
  if (cellWidth(initial) <= width) return initial;
  return cellWidth(first) <= width ? first : truncate(first, width);
}

/** Keeps the end of the string (for a command line whose cursor is at the end). */
export function truncateStart(s: string, width: number): string {
  if (width <= 0) return '';
  const tail = takeLastCells(s, width);
  if (tail.length === s.length) return s;
  if (width === 1) return '…';
  return '…' + takeLastCells(s, width - 1);
}

/** A record that must stay one row (a log line, a dashboard label): its line breaks shown as "⏎", one character each. */
export function oneLine(s: string): string {
  return s.includes('\n') || s.includes('\r') ? s.replace(/\r\n|\r|\n/gu, '⏎') : s;
}

export function padEnd(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** Exactly `width` columns: truncated or padded (a wide character that would straddle the edge becomes a space). */
export function fit(s: string, width: number): string {
  return padEnd(truncate(s, width), width);
}

/**
 * Word-wraps one paragraph to `width`; continuation lines get `indent` spaces.
 * Words longer than a line are hard-broken so nothing is lost. One pass over
 * the text: a megabyte-long word costs what a megabyte of short words costs.
 */
export function wrapText(s: string, width: number, indent = 0): string[] {
  const text = s.trimEnd();
  if (width <= 0) return [];
  if (text.length <= width && textWidth(text) <= width) return [text];
  const pad = ' '.repeat(Math.min(indent, Math.max(0, width - 1)));
  // The first line keeps its own leading spaces.
  const lead = /^ */u.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead.slice(0, Math.max(0, width - 1));
  let used = line.length;
  let empty = true;
  const newLine = () => {
    lines.push(line);
    line = pad;
    used = pad.length;
    empty = true;
  };
  for (const word of text.slice(lead.length).split(/ +/u)) {
    const w = textWidth(word);
    const sep = empty ? 0 : 1;
    if (used + sep + w <= width) {
      line += (sep ? ' ' : '') + word;
      used += sep + w;
      empty = false;
      continue;
    }
    if (!empty) newLine();
    if (used + w <= width) {
      line += word;
      used += w;
      empty = false;
      continue;
    }
    // Hard-break a word that cannot fit on a fresh line, grapheme by grapheme.
    if (isPlainAscii(word)) {
      for (let at = 0; at < word.length; ) {
        if (used >= width && !empty) newLine();
        const n = Math.max(1, width - used);
        line += word.slice(at, at + n);
        used += Math.min(n, word.length - at);
        empty = false;
        at += n;
      }
      continue;
    }
    for (const g of graphemes(word)) {
      if (used + g.width > width && !empty) newLine();
      line += g.text;
      used += g.width;
      empty = false;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/** 1922 -> "1,922", independent of the machine's locale (frames must be deterministic). */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

// CSI and OSC sequences; enough for what chalk and Ink emit.
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/gu;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

import { wrapText } from './text.js';

/**
 * Lays out free text (briefing, summary) for a width: prose is word-wrapped;
 * indented lines and lines with box-drawing or arrows are kept verbatim (only
 * cut at the edge) so ASCII diagrams survive.
 */
const DIAGRAM = /[─│└┌┐┘├┤┬┴┼▶◀▲▼→←↑↓]/u;

export function layoutText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/gu, '\n').split('\n')) {
    const line = raw.replace(/\t/gu, '  ');
    if (line.trim() === '') out.push('');
    else if (/^\s/u.test(line) || DIAGRAM.test(line)) out.push(line);
    else out.push(...wrapText(line, width));
  }
  return out;
}

/** The window of `height` lines at `offset`, clamped; with what is above and below. */
export function scrollWindow<T>(lines: readonly T[], offset: number, height: number) {
  const max = Math.max(0, lines.length - height);
  const top = Math.max(0, Math.min(offset, max));
  return { top, lines: lines.slice(top, top + height), above: top, below: Math.max(0, lines.length - top - height) };
}

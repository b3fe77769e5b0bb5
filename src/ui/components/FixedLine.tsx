import { memo } from 'react';
import { Text, Transform } from 'ink';
import { oneLine, textWidth, truncate } from '../text.js';
import type { ColorName } from '../theme.js';

/**
 * One line of styled segments, exactly `width` columns, for text that
 * changes every frame (log lines, dashboard rows, the header clock).
 *
 * Ink 6 measures every text node through a module-level cache keyed by the
 * text itself and never evicts it, so each distinct log line or clock string
 * stays in memory for the rest of the session (at 10x about 30 new strings a
 * frame: ~20 MB over 45 sim-minutes). Here Ink lays out and measures a
 * placeholder of the same shape (a run of one letter per segment, styled
 * like the segment), which repeats from frame to frame, and the real text is
 * put in at output time by a Transform. The styles still come from Ink, so
 * colour off (NO_COLOR) and the terminal's colour support work as for any
 * <Text>. Each segment is one column per character, as everywhere in this UI.
 */
export interface Seg {
  text: string;
  color?: ColorName | undefined;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

// Uppercase ASCII: never part of an SGR sequence, measured on string-width's fast path.
const PLACEHOLDER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The segments cut or padded so that together they are exactly `width` columns. */
export function fitSegments(segs: readonly Seg[], width: number): Seg[] {
  const out: Seg[] = [];
  let used = 0;
  for (const seg of segs) {
    if (used >= width) break;
    // One row, whatever the text holds: a line break would push every row under it down.
    const s = seg.text.includes('\n') || seg.text.includes('\r') ? { ...seg, text: oneLine(seg.text) } : seg;
    const room = width - used;
    const w = textWidth(s.text);
    if (w === 0) continue;
    const text = w > room ? truncate(s.text, room) : s.text;
    out.push({ ...s, text });
    used += textWidth(text);
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

/** Puts each segment's text where its placeholder run is, left to right. */
export function fillPlaceholders(line: string, segs: readonly Seg[]): string {
  let out = line;
  let from = 0;
  segs.forEach((s, i) => {
    const run = PLACEHOLDER[i]!.repeat(textWidth(s.text));
    const at = out.indexOf(run, from);
    if (at === -1) return;
    out = out.slice(0, at) + s.text + out.slice(at + run.length);
    from = at + s.text.length;
  });
  return out;
}

export interface FixedLineProps {
  segs: readonly Seg[];
  width: number;
}

export const FixedLine = memo(function FixedLine({ segs, width }: FixedLineProps) {
  const fitted = fitSegments(segs, Math.max(0, width));
  if (fitted.length > PLACEHOLDER.length) {
    // Too many segments for the placeholders: plain nested text (measured as is).
    return (
      <Text wrap="truncate">
        {fitted.map((s, i) => (
          <Text key={i} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse} underline={s.underline}>
            {s.text}
          </Text>
        ))}
      </Text>
    );
  }
  return (
    <Transform transform={(line) => fillPlaceholders(line, fitted)}>
      <Text wrap="truncate">
        {fitted.map((s, i) => (
          <Text key={i} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse} underline={s.underline}>
            {PLACEHOLDER[i]!.repeat(textWidth(s.text))}
          </Text>
        ))}
      </Text>
    </Transform>
  );
});

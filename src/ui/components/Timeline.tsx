import { memo } from 'react';
import { Text } from 'ink';
import type { TimelineEntryView } from '../../view/model.js';
import { textWidth, truncate } from '../text.js';
import { dim, useTheme } from '../theme.js';
import { Panel } from './Panel.js';

const GAP = '   ';

export function entryText(e: TimelineEntryView): string {
  return `${e.time} ${e.text}`;
}

/**
 * Packs entries several to a line, filling from the newest backwards so the
 * latest decision is always visible (bottom right); older ones fall off the top.
 */
export function packTimeline(entries: readonly TimelineEntryView[], width: number, lines: number): string[] {
  if (width <= 0 || lines <= 0) return [];
  const out: string[][] = [];
  let line: string[] = [];
  let used = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const text = truncate(entryText(entries[i]!), width);
    const need = textWidth(text) + (line.length > 0 ? GAP.length : 0);
    if (line.length > 0 && used + need > width) {
      out.unshift(line);
      if (out.length >= lines) break;
      line = [];
      used = 0;
    }
    line.unshift(text);
    used += textWidth(text) + (line.length > 1 ? GAP.length : 0);
    if (i === 0) out.unshift(line);
  }
  return out.slice(-lines).map((l) => l.join(GAP));
}

export interface TimelineProps {
  timeline: readonly TimelineEntryView[];
  width: number;
  height: number;
}

/** The IC's own decisions, compact. */
export const Timeline = memo(function Timeline({ timeline, width, height }: TimelineProps) {
  const theme = useTheme();
  const rows = packTimeline(timeline, width - 2, height - 2);
  return (
    <Panel title="Your timeline" width={width} height={height}>
      {rows.length === 0 ? <Text dimColor={dim(theme)}>no decisions yet (try: ack)</Text> : null}
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row}
        </Text>
      ))}
    </Panel>
  );
});

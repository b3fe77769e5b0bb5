import { memo } from 'react';
import { Box, Text } from 'ink';
import { scrollWindow } from '../scroll-text.js';
import type { ViewerText } from '../viewer/viewer-lines.js';
import { dim, paint, useTheme } from '../theme.js';
import { truncate } from '../text.js';

/** Rows left for the text: the frame minus the title and footer lines. */
export function viewerRoom(height: number): number {
  return Math.max(1, height - 2);
}

/** The largest offset: the last page. */
export function viewerMaxOffset(text: ViewerText, height: number): number {
  return Math.max(0, text.lines.length - viewerRoom(height));
}

export interface ViewerProps {
  text: ViewerText;
  width: number;
  height: number;
  /** First line shown; null: the end (a conversation follows its newest message). */
  offset: number | null;
}

/** A log line, a dashboard row or the conversation in full, over the panels, until esc. */
export const Viewer = memo(function Viewer({ text, width, height, offset }: ViewerProps) {
  const theme = useTheme();
  const room = viewerRoom(height);
  const win = scrollWindow(text.lines, offset ?? viewerMaxOffset(text, height), room);
  const where = win.above > 0 || win.below > 0 ? ` · ↑ ${win.above} ↓ ${win.below}` : '';
  const keys = ['esc close', '↑↓ PgUp PgDn scroll', text.keys].filter(Boolean).join(' · ');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" bold color={paint(theme, 'cyan')}>
        {truncate(text.title, width)}
      </Text>
      <Box flexDirection="column" height={room} flexShrink={0}>
        {win.lines.map((l, i) => (
          <Text key={i} wrap="truncate">
            {l === '' ? ' ' : truncate(l, width)}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" dimColor={dim(theme)}>
        {truncate(keys + where, width)}
      </Text>
    </Box>
  );
});

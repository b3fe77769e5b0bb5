import { memo } from 'react';
import { Box, Text } from 'ink';
import { layoutText, scrollWindow } from '../scroll-text.js';
import { dim, paint, useTheme } from '../theme.js';

export const SUMMARY_KEYS = 'press q to exit';

export function summaryLines(summary: string | null, width: number): string[] {
  return layoutText(summary ?? 'The session is over.', Math.max(10, width - 2));
}

/** Lines for the summary text: the frame minus the title and key lines. */
export function summaryRoom(height: number): number {
  return Math.max(1, height - 2);
}

export interface SummaryProps {
  summary: string | null;
  width: number;
  height: number;
  offset: number;
}

/** When the session is scored: the summary text and how to leave. */
export const Summary = memo(function Summary({ summary, width, height, offset }: SummaryProps) {
  const theme = useTheme();
  const win = scrollWindow(summaryLines(summary, width), offset, summaryRoom(height));
  const more = win.below > 0 ? ` · ↑↓ scroll (${win.below} more)` : '';
  return (
    <Box flexDirection="column" width={width} height={height} paddingLeft={1}>
      <Text wrap="truncate" bold color={paint(theme, 'cyan')}>
        Session over
      </Text>
      <Box flexDirection="column" flexGrow={1}>
        {win.lines.map((l, i) => (
          <Text key={i} wrap="truncate">
            {l === '' ? ' ' : l}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" bold>
        {SUMMARY_KEYS}
        <Text bold={false} dimColor={dim(theme)}>
          {more}
        </Text>
      </Text>
    </Box>
  );
});

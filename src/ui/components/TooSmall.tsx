import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../layout.js';
import { wrapText } from '../text.js';
import { paint, useTheme } from '../theme.js';

export function tooSmallText(columns: number, rows: number): string {
  return (
    `firedrill needs at least ${MIN_COLUMNS}x${MIN_ROWS}; this terminal is ${columns}x${rows}. ` +
    'Enlarge it, or press q to quit (the clock is paused)'
  );
}

/** Shown below 80x24; App pauses the clock while it is up. */
export function TooSmall({ columns, rows, confirmQuit }: { columns: number; rows: number; confirmQuit: boolean }) {
  const theme = useTheme();
  const width = Math.max(10, columns - 2);
  const notice = wrapText(tooSmallText(columns, rows), width, 0);
  const lines = confirmQuit ? [...notice, 'Quit this session? y/n'] : notice;
  // Never reach the terminal's height, however small it is.
  const shown = lines.slice(0, Math.max(1, rows - 1));
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
      {shown.map((l, i) => {
        const question = confirmQuit && i === notice.length;
        return (
          <Text key={i} wrap="truncate" bold={question} color={question ? paint(theme, 'yellow') : undefined}>
            {' '}
            {l}
          </Text>
        );
      })}
    </Box>
  );
}

import { memo } from 'react';
import { Box, Text } from 'ink';
import { dim, paint, useTheme } from '../theme.js';

/** Takes the command line's two lines while it waits for y/n. */
export const QuitConfirm = memo(function QuitConfirm({ width, height = 2 }: { width: number; height?: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={Math.max(2, height)} flexShrink={0}>
      <Text wrap="truncate" bold color={paint(theme, 'yellow')}>
        {' '}Quit this session? y/n
      </Text>
      <Text wrap="truncate" dimColor={dim(theme)}>
        {' '}y (or Ctrl-C again) quits and writes the report · n or esc goes back
      </Text>
    </Box>
  );
});

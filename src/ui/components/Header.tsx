import { memo } from 'react';
import { Box, Text } from 'ink';
import type { HeaderView } from '../../view/model.js';
import { headerLine, type HeaderSegment } from '../header-line.js';
import { paint, severityColor, useTheme, type Theme } from '../theme.js';

function segmentColor(theme: Theme, s: HeaderSegment, h: HeaderView) {
  if (s.kind === 'severity') return severityColor(theme, h.severityLevel);
  if (s.alert) return paint(theme, s.kind === 'speed' ? 'yellow' : 'red');
  if (s.kind === 'brand') return paint(theme, 'cyan');
  return undefined;
}

/** One line: clock, speed, severity, time left, impact, next update due. */
export const Header = memo(function Header({ header, width }: { header: HeaderView; width: number }) {
  const theme = useTheme();
  const { segments, separator } = headerLine(header, width);
  return (
    <Box width={width} height={1} flexShrink={0}>
      <Text wrap="truncate">
        {' '}
        {segments.map((s, i) => (
          <Text
            key={s.kind}
            color={segmentColor(theme, s, header)}
            bold={s.kind === 'brand' || s.kind === 'severity' || s.alert === true}
          >
            {i > 0 ? separator : ''}
            {s.text}
          </Text>
        ))}
      </Text>
    </Box>
  );
});

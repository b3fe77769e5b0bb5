import { memo } from 'react';
import { Box } from 'ink';
import type { HeaderView } from '../../view/model.js';
import { headerLine, type HeaderSegment } from '../header-line.js';
import { paint, severityColor, useTheme, type Theme } from '../theme.js';
import { FixedLine, type Seg } from './FixedLine.js';

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
  const segs: Seg[] = [{ text: ' ' }];
  segments.forEach((s, i) => {
    if (i > 0) segs.push({ text: separator });
    segs.push({
      text: s.text,
      color: segmentColor(theme, s, header),
      bold: s.kind === 'brand' || s.kind === 'severity' || s.alert === true,
    });
  });
  return (
    <Box width={width} height={1} flexShrink={0}>
      <FixedLine segs={segs} width={width} />
    </Box>
  );
});

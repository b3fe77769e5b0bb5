import { memo } from 'react';
import { Box, Text } from 'ink';
import { VERBS } from '../../commands/verbs.js';
import { KEY_HELP } from '../keys.js';
import { scrollWindow } from '../scroll-text.js';
import { fit, wrapText } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';

type HelpLine = { text: string; heading?: boolean };

/** What the glyphs mean, so nothing depends on colour. */
export const LEGEND =
  '! alarm, alert or overdue · ▸ line matching the log filter · · no data · ' +
  'team: ● here ⧗ busy → joining … paged · ✓/✗ the last command worked/failed';

/** `head` then `text` wrapped beside it; continuation lines line up under the text. */
function hanging(head: string, text: string, width: number): string[] {
  const indent = head.length;
  const [first = '', ...rest] = wrapText(text, Math.max(10, width - indent));
  return [head + first, ...rest.map((l) => ' '.repeat(indent) + l)];
}

/** Every key, then every verb with its usage and help, wrapped to `width`. */
export function helpLines(width: number): HelpLine[] {
  const lines: HelpLine[] = [{ text: 'Keys', heading: true }];
  for (const k of KEY_HELP) {
    for (const text of hanging(`  ${fit(k.keys, 14)}`, k.does, width)) lines.push({ text });
  }
  lines.push({ text: '' }, { text: 'Marks', heading: true });
  for (const text of hanging('  ', LEGEND, width)) lines.push({ text });
  lines.push({ text: '' }, { text: 'Commands (type them on the command line; tab completes)', heading: true });
  for (const v of VERBS) {
    for (const text of hanging('  ', v.usage, width)) lines.push({ text });
    for (const text of hanging('      ', v.help, width)) lines.push({ text });
  }
  return lines;
}

/** Rows left for the list: the frame minus the title and footer lines. */
export function helpRoom(height: number): number {
  return Math.max(1, height - 2);
}

export function helpMaxOffset(width: number, height: number): number {
  return Math.max(0, helpLines(width - 1).length - helpRoom(height));
}

export interface HelpOverlayProps {
  width: number;
  /** Frame height (rows - 1). */
  height: number;
  offset: number;
}

/** Covers the play screen while open; takes every key until closed. */
export const HelpOverlay = memo(function HelpOverlay({ width, height, offset }: HelpOverlayProps) {
  const theme = useTheme();
  const win = scrollWindow(helpLines(width - 1), offset, helpRoom(height));
  const more = win.below > 0 ? ` · ↓ ${win.below} more` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" bold color={paint(theme, 'cyan')}>
        How to play: keys and commands
      </Text>
      <Box flexDirection="column" flexGrow={1}>
        {win.lines.map((l, i) => (
          <Text key={i} wrap="truncate" bold={l.heading === true}>
            {l.text === '' ? ' ' : l.text}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" dimColor={dim(theme)}>
        ? or esc close · ↑↓ PgUp PgDn scroll{more}
      </Text>
    </Box>
  );
});

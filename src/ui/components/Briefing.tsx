import { memo } from 'react';
import { Box, Text } from 'ink';
import type { BriefingView } from '../../view/model.js';
import { layoutText, scrollWindow } from '../scroll-text.js';
import { wrapText } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';

export const BRIEFING_KEYS = '[enter] start the clock  [?] how to play  [q] quit';

/** The scenario's team line, labelled unless it already says what it is. */
export function briefingTeam(b: BriefingView): string {
  return /^\s*(your\s+)?team\b/iu.test(b.team) ? b.team : `Your team: ${b.team}`;
}

export function briefingHeading(b: BriefingView): string {
  return `${b.id} · ${b.title} · ${b.difficulty} · ${b.timeLimitMin} min`;
}

/** Lines of the frame that are not the briefing text (heading, team, keys, blanks). */
function fixedLines(teamLines: number): number {
  return 1 + 1 + 1 + teamLines + 1 + 1;
}

export function briefingRoom(b: BriefingView, width: number, height: number): { lines: string[]; room: number } {
  const inner = Math.max(10, width - 2);
  const team = wrapText(briefingTeam(b), inner, 2);
  return { lines: layoutText(b.text, inner), room: Math.max(1, height - fixedLines(team.length)) };
}

export interface BriefingProps {
  briefing: BriefingView;
  width: number;
  height: number;
  offset: number;
  confirmQuit: boolean;
}

/** Before the clock starts: the scenario, its briefing verbatim, and how to begin. */
export const Briefing = memo(function Briefing({ briefing, width, height, offset, confirmQuit }: BriefingProps) {
  const theme = useTheme();
  const inner = Math.max(10, width - 2);
  const { lines, room } = briefingRoom(briefing, width, height);
  const win = scrollWindow(lines, offset, room);
  const more = win.below > 0 || win.above > 0 ? `  ↑↓ more (${win.below} below)` : '';
  return (
    <Box flexDirection="column" width={width} height={height} paddingLeft={1}>
      <Text wrap="truncate" bold color={paint(theme, 'cyan')}>
        {briefingHeading(briefing)}
      </Text>
      <Text> </Text>
      <Box flexDirection="column" height={room}>
        {win.lines.map((l, i) => (
          <Text key={i} wrap="truncate">
            {l === '' ? ' ' : l}
          </Text>
        ))}
      </Box>
      <Text> </Text>
      {wrapText(briefingTeam(briefing), inner, 2).map((l, i) => (
        <Text key={i} wrap="truncate">
          {l}
        </Text>
      ))}
      <Text> </Text>
      {confirmQuit ? (
        <Text wrap="truncate" bold color={paint(theme, 'yellow')}>
          Quit this session? y/n
        </Text>
      ) : (
        <Text wrap="truncate" bold>
          {BRIEFING_KEYS}
          <Text bold={false} dimColor={dim(theme)}>
            {more}
          </Text>
        </Text>
      )}
    </Box>
  );
});

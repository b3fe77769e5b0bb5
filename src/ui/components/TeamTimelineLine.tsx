import { memo } from 'react';
import { Box, Text } from 'ink';
import type { TeamMemberView, TimelineEntryView } from '../../view/model.js';
import { textWidth, truncate } from '../text.js';
import { dim, useTheme } from '../theme.js';
import { memberShort } from './Team.js';
import { packTimeline } from './Timeline.js';

/** At 80x24 team and timeline share one unboxed line: "Team ●Priya ⧗Marco! │ 21:12 poll …". */
export function teamTimelineText(
  team: readonly TeamMemberView[],
  timeline: readonly TimelineEntryView[],
  width: number,
): string {
  const teamPart = truncate(
    `Team ${team.length > 0 ? team.map(memberShort).join(' ') : '—'}`,
    Math.floor(width * 0.4),
  );
  const room = width - textWidth(teamPart) - 3;
  const [last] = packTimeline(timeline, room, 1);
  return `${teamPart} │ ${last ?? 'no decisions yet'}`;
}

export const TeamTimelineLine = memo(function TeamTimelineLine({
  team,
  timeline,
  width,
}: {
  team: readonly TeamMemberView[];
  timeline: readonly TimelineEntryView[];
  width: number;
}) {
  const theme = useTheme();
  const overdue = team.some((m) => m.overdue);
  return (
    <Box width={width} height={1} flexShrink={0}>
      <Text wrap="truncate" bold={overdue} dimColor={!overdue && dim(theme)}>
        {' '}
        {teamTimelineText(team, timeline, width - 2)}
      </Text>
    </Box>
  );
});

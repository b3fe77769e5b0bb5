import { memo } from 'react';
import { Text } from 'ink';
import type { TeamMemberView } from '../../view/model.js';
import { abbreviate, padEnd, shortName } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';
import { Panel } from './Panel.js';

/** A glyph per status, next to the word or the task. */
export function statusMark(status: string): string {
  switch (status) {
    case 'here':
      return '●';
    case 'busy':
      return '⧗';
    case 'joining':
      return '→';
    case 'paged':
      return '…';
    default:
      return '·';
  }
}

/** "Marco    platform  ⧗! check resolver  overdue 1:10": the "!" stays visible when the line is cut. */
export function memberLine(m: TeamMemberView): string {
  const what = m.task ?? m.status;
  const due = m.due ? `  ${m.due}` : '';
  return `${padEnd(shortName(m.name, 8), 8)} ${padEnd(abbreviate(m.team, 9), 9)} ${statusMark(m.status)}${m.overdue ? '!' : ' '}${what}${due}`;
}

/** Compact form for the shared line at 80x24: "●Priya ⧗Marco!". */
export function memberShort(m: TeamMemberView): string {
  return `${statusMark(m.status)}${shortName(m.name, 9)}${m.overdue ? '!' : ''}`;
}

export interface TeamProps {
  team: readonly TeamMemberView[];
  width: number;
  height: number;
}

export const Team = memo(function Team({ team, width, height }: TeamProps) {
  const theme = useTheme();
  const room = Math.max(1, height - 2);
  const shown = team.length > room ? team.slice(0, room - 1) : team;
  const more = team.length - shown.length;
  return (
    <Panel title="Team" width={width} height={height}>
      {team.length === 0 ? <Text dimColor={dim(theme)}>nobody paged yet (escalate TEAM)</Text> : null}
      {shown.map((m) => (
        <Text key={m.name} wrap="truncate" color={paint(theme, m.overdue ? 'red' : undefined)} bold={m.overdue}>
          {memberLine(m)}
        </Text>
      ))}
      {more > 0 ? <Text dimColor={dim(theme)}>+{more} more</Text> : null}
    </Panel>
  );
});

import { memo } from 'react';
import { Text } from 'ink';
import type { LogLineView, LogsView } from '../../view/model.js';
import { formatCount, padEnd, truncate } from '../text.js';
import { dim, levelColor, useTheme } from '../theme.js';
import { Panel } from './Panel.js';

/** "Logs  service=x level=error  (1,922 hidden)". */
export function logsTitle(logs: LogsView): string {
  let title = 'Logs';
  if (logs.filter) title += `  ${logs.filter}`;
  if (logs.hidden > 0) title += `  (${formatCount(logs.hidden)} hidden)`;
  return title;
}

export function logsRight(logs: LogsView): string {
  return logs.following && logs.scrollback === 0
    ? '[/] filter'
    : `↑ ${formatCount(logs.scrollback)} back · [f] follow`;
}

/** "▸" marks a line matching the text filter, for when inverse/bold are lost. */
export function logLineText(line: LogLineView): string {
  return `${line.highlight ? '▸' : ' '}${line.time} ${padEnd(line.level, 5)} ${line.service} ${line.text}`;
}

/** Cut here rather than by Ink: a fast stream would otherwise run every new line through cli-truncate. */
function Line({ line, width }: { line: LogLineView; width: number }) {
  const theme = useTheme();
  return (
    <Text
      wrap="truncate"
      color={levelColor(theme, line.level)}
      inverse={line.highlight && theme.color}
      bold={line.highlight}
    >
      {truncate(logLineText(line), width)}
    </Text>
  );
}

export interface LogsProps {
  logs: LogsView;
  width: number;
  height: number;
  lines: number;
  focused: boolean;
}

/** Only the lines that fit are drawn: Ink never lays out the hidden stream. */
export const Logs = memo(function Logs({ logs, width, height, lines, focused }: LogsProps) {
  const theme = useTheme();
  const shown = logs.lines.slice(-lines);
  const empty = logs.filter ? 'no lines match the filter (logs clear)' : 'no log lines yet';
  return (
    <Panel title={logsTitle(logs)} right={logsRight(logs)} width={width} height={height} focused={focused}>
      {shown.length === 0 ? <Text dimColor={dim(theme)}>{empty}</Text> : null}
      {shown.map((line, i) => (
        <Line key={i} line={line} width={width - 2} />
      ))}
    </Panel>
  );
});

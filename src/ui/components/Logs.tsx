import { memo } from 'react';
import { Text } from 'ink';
import type { LogLineView, LogsView } from '../../view/model.js';
import { formatCount, oneLine, padEnd, textWidth, truncate } from '../text.js';
import { dim, levelColor, useTheme } from '../theme.js';
import { FixedLine, type Seg } from './FixedLine.js';
import { Panel } from './Panel.js';

/** "Logs  service=x level=error  (1,922 hidden)". */
export function logsTitle(logs: LogsView): string {
  let title = 'Logs';
  if (logs.filter) title += `  ${logs.filter}`;
  if (logs.hidden > 0) title += `  (${formatCount(logs.hidden)}${logs.partial ? '+' : ''} hidden)`;
  return title;
}

/** Following: how to filter. Pinned: where the window is, how far back, and the way back. */
export function logsRight(logs: LogsView, focused = false): string {
  if (logs.following && logs.scrollback === 0) return focused ? 'enter: open ›line · [/] filter' : '[/] filter';
  const at = logs.pinnedAt ? `pinned ${logs.pinnedAt} · ` : '';
  return `${at}↑ ${formatCount(logs.scrollback)} back · [f] follow`;
}

/**
 * The columns before the message: "▸21:14:31 ERROR payment-processor ".
 * "▸" marks a line matching the filter's text or field values (for when
 * inverse/bold are lost); "›" the line enter opens while the logs have focus.
 */
export function logLinePrefix(line: LogLineView, selected = false): string {
  return `${line.highlight ? '▸' : selected ? '›' : ' '}${line.time} ${padEnd(line.level, 5)} ${line.service} `;
}

/** The record on one row: its line breaks shown as "⏎" (one character, so match offsets still hold). */
export function logLineText(line: LogLineView, selected = false): string {
  return logLinePrefix(line, selected) + oneLine(line.text);
}

export interface LogSegment {
  text: string;
  match: boolean;
}

/**
 * The line cut to `width`, split where the matched ranges start and end, so
 * the matches can be drawn inverse. Offsets count code points, as the text
 * helpers do.
 */
export function logLineSegments(line: LogLineView, width: number, selected = false): LogSegment[] {
  const full = truncate(logLineText(line, selected), width);
  const chars = [...full];
  const prefix = textWidth(logLinePrefix(line));
  const spans = (line.spans ?? []).map(([a, b]) => [a + prefix, b + prefix] as const);
  if (spans.length === 0) return [{ text: full, match: false }];
  const out: LogSegment[] = [];
  let at = 0;
  for (const [a, b] of spans) {
    if (a >= chars.length) break;
    if (a > at) out.push({ text: chars.slice(at, a).join(''), match: false });
    const end = Math.min(b, chars.length);
    if (end > Math.max(a, at)) out.push({ text: chars.slice(Math.max(a, at), end).join(''), match: true });
    at = Math.max(at, end);
  }
  if (at < chars.length) out.push({ text: chars.slice(at).join(''), match: false });
  return out;
}

/** Cut here rather than by Ink: a fast stream would otherwise run every new line through cli-truncate. */
function Line({ line, width, selected }: { line: LogLineView; width: number; selected: boolean }) {
  const theme = useTheme();
  const color = levelColor(theme, line.level);
  const segs: Seg[] = logLineSegments(line, width, selected).map((s) =>
    s.match ? { text: s.text, color, inverse: theme.color, bold: true, underline: !theme.color } : { text: s.text, color, bold: selected },
  );
  return <FixedLine segs={segs} width={width} />;
}

export interface LogsProps {
  logs: LogsView;
  width: number;
  height: number;
  lines: number;
  focused: boolean;
}

/** Only the lines that fit are drawn: Ink never lays out the hidden stream. Enter opens the newest line shown (the window's bottom). */
export const Logs = memo(function Logs({ logs, width, height, lines, focused }: LogsProps) {
  const theme = useTheme();
  const shown = logs.lines.slice(-lines);
  const empty = logs.note ?? (logs.filter ? 'no lines match the filter (logs clear)' : 'no log lines yet');
  return (
    <Panel title={logsTitle(logs)} right={logsRight(logs, focused)} width={width} height={height} focused={focused}>
      {shown.length === 0 ? <Text dimColor={dim(theme)}>{truncate(empty, width - 2)}</Text> : null}
      {shown.map((line, i) => (
        <Line key={i} line={line} width={width - 2} selected={focused && i === shown.length - 1} />
      ))}
    </Panel>
  );
});

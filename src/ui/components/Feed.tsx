import { memo } from 'react';
import { Text } from 'ink';
import type { FeedLineView } from '../../view/model.js';
import { wrapText } from '../text.js';
import { dim, toneColor, toneMark, useTheme } from '../theme.js';
import { Panel } from './Panel.js';

/** Who it came from, and on which channel, without relying on colour. */
export function feedPrefix(line: FeedLineView): string {
  switch (line.channel) {
    case 'page':
      return `PAGE ${line.from}`;
    case 'stakeholder':
      return `» ${line.from}:`;
    case 'system':
      return line.from ? `· ${line.from}` : '·';
    case 'examiner':
      return `EXAMINER ${line.from}:`;
    default:
      return `${line.from}:`;
  }
}

export interface FeedRow {
  text: string;
  line: FeedLineView;
}

/**
 * Messages wrapped to the panel, newest at the bottom; only the last `lines`
 * rows are kept, so an old message may show only its tail.
 */
export function feedRows(feed: readonly FeedLineView[], width: number, lines: number): FeedRow[] {
  const rows: FeedRow[] = [];
  for (const line of feed) {
    const head = `${toneMark(line.tone)}${line.time} `;
    const wrapped = wrapText(`${head}${feedPrefix(line)} ${line.text}`, width, head.length);
    for (const text of wrapped) rows.push({ text, line });
  }
  return rows.slice(-lines);
}

export interface FeedProps {
  feed: readonly FeedLineView[];
  width: number;
  height: number;
}

/** Pages, chat and stakeholder messages; alerts carry "!" as well as red. */
export const Feed = memo(function Feed({ feed, width, height }: FeedProps) {
  const theme = useTheme();
  const rows = feedRows(feed, width - 2, height - 2);
  return (
    <Panel title="Pages & chat" width={width} height={height}>
      {rows.length === 0 ? <Text dimColor={dim(theme)}>quiet so far</Text> : null}
      {rows.map((row, i) => (
        <Text
          key={i}
          wrap="truncate"
          color={toneColor(theme, row.line.tone)}
          bold={row.line.tone === 'alert'}
          dimColor={row.line.tone === 'muted' && dim(theme)}
        >
          {row.text}
        </Text>
      ))}
    </Panel>
  );
});

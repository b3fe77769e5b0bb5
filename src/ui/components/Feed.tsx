import { memo } from 'react';
import { Text } from 'ink';
import type { FeedLineView } from '../../view/model.js';
import { chatWindow } from '../chat/chat-rows.js';
import { dim, toneColor, useTheme } from '../theme.js';
import { Panel } from './Panel.js';

export { feedPrefix } from '../chat/chat-rows.js';

export interface FeedProps {
  feed: readonly FeedLineView[];
  width: number;
  height: number;
  focused?: boolean;
  /** Rows scrolled back from the newest (0: following). */
  back?: number;
  /** Messages that arrived below the window while scrolled back. */
  unseen?: number;
}

/**
 * Pages, chat and stakeholder messages as a scrollback: each message a block
 * (a multi-line report keeps its lines, indented under the speaker), newest
 * at the bottom. Alerts carry "!" as well as red.
 */
export const Feed = memo(function Feed({ feed, width, height, focused = false, back = 0, unseen = 0 }: FeedProps) {
  const theme = useTheme();
  const inner = Math.max(1, width - 2);
  const room = Math.max(1, height - 2);
  const win = chatWindow(feed, inner, room, back);
  const right = unseen > 0 ? `↓ ${unseen} new` : back > 0 ? `↑ ${back} back` : focused ? 'enter: all' : undefined;
  return (
    <Panel title="Pages & chat" right={right} width={width} height={height} focused={focused}>
      {win.rows.length === 0 ? <Text dimColor={dim(theme)}>quiet so far</Text> : null}
      {win.rows.map((row, i) => (
        <Text
          key={i}
          wrap="truncate"
          color={toneColor(theme, row.line.tone)}
          bold={row.line.tone === 'alert'}
          dimColor={row.line.tone === 'muted' && dim(theme)}
        >
          {row.text === '' ? ' ' : row.text}
        </Text>
      ))}
    </Panel>
  );
});

import type { FeedLineView } from '../../view/model.js';
import { chatRows, rowsAfter } from './chat-rows.js';

/**
 * Where the chat panel is scrolled to. `back` counts rows above the newest;
 * 0 follows the conversation. While scrolled back, what arrives is counted
 * ("↓ 2 new") and the window stays on what the reader was reading.
 */
export interface ChatScroll {
  back: number;
  /** The newest message the panel has accounted for. */
  lastKey: string | null;
  /** Messages that arrived while scrolled back, not yet seen. */
  unseen: number;
}

export const INITIAL_CHAT: ChatScroll = { back: 0, lastKey: null, unseen: 0 };

export function messageKey(line: FeedLineView): string {
  return `${line.time}\u0000${line.channel}\u0000${line.from}\u0000${line.text}`;
}

/**
 * After a view: account for the messages that came since the last one.
 * `hidden`: the panel is not on screen (a small terminal shows the dashboard
 * in its place), so whatever arrives is unseen even at the bottom.
 */
export function settleChat(s: ChatScroll, feed: readonly FeedLineView[], width: number, hidden = false): ChatScroll {
  const newest = feed.at(-1);
  if (!newest) return s;
  const key = messageKey(newest);
  if (key === s.lastKey) return !hidden && s.back === 0 && s.unseen > 0 ? { ...s, unseen: 0 } : s;
  if (s.back === 0 && !hidden) return s.unseen === 0 ? { ...s, lastKey: key } : { back: 0, lastKey: key, unseen: 0 };
  if (s.lastKey === null) return { ...s, lastKey: key };
  let j = feed.length - 1;
  while (j >= 0 && messageKey(feed[j]!) !== s.lastKey) j--;
  if (j < 0) return { ...s, lastKey: key, unseen: s.unseen + 1 };
  const back = s.back === 0 ? 0 : s.back + rowsAfter(feed, j, width);
  return { back, lastKey: key, unseen: s.unseen + (feed.length - 1 - j) };
}

/** Positive: further back. Clamped to the conversation; back at the bottom, nothing is unseen. */
export function scrollChat(s: ChatScroll, delta: number, feed: readonly FeedLineView[], width: number, height: number): ChatScroll {
  const max = Math.max(0, chatRows(feed, width).length - height);
  const back = Math.max(0, Math.min(max, s.back + delta));
  if (back === s.back) return s;
  return back === 0 ? { ...s, back, unseen: 0 } : { ...s, back };
}

/** Straight to the newest message. */
export function chatToEnd(s: ChatScroll): ChatScroll {
  return s.back === 0 && s.unseen === 0 ? s : { ...s, back: 0, unseen: 0 };
}

/** "↓ 1 new" while new messages wait below the window. */
export function unseenText(s: ChatScroll): string | null {
  return s.unseen > 0 ? `↓ ${s.unseen} new` : null;
}

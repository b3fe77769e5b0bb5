import type { FeedLineView } from '../../view/model.js';
import { wrapText } from '../text.js';
import { toneMark } from '../theme.js';

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
    case 'coach':
      return 'coach ›';
    default:
      return `${line.from}:`;
  }
}

export interface ChatRow {
  text: string;
  /** Index of the message in the feed it was laid out from. */
  message: number;
  line: FeedLineView;
}

/**
 * One message as a block of rows no wider than `width`: the speaker's line
 * wraps under itself, and every further line of a multi-line report (dig,
 * kubectl, EXPLAIN output) starts on its own row, indented under the speaker,
 * so no line of it can run into another or into the border.
 */
export function messageRows(line: FeedLineView, width: number): string[] {
  const head = `${toneMark(line.tone)}${line.time} `;
  const indent = Math.min(head.length, Math.max(0, width - 10));
  const pad = ' '.repeat(indent);
  const [first = '', ...more] = line.text.replace(/\r\n?/gu, '\n').split('\n');
  const out = wrapText(`${head}${feedPrefix(line)} ${first}`, width, indent);
  for (const part of more) {
    // Blank lines inside a report are kept short: one empty row.
    if (part.trim() === '') {
      if (out.at(-1) !== '') out.push('');
      continue;
    }
    // Keep the report's own indentation (columns of dig or kubectl output), within reason.
    const lead = /^ */u.exec(part)?.[0].length ?? 0;
    const inner = Math.min(lead, 8);
    for (const row of wrapText(part.slice(lead), Math.max(1, width - indent - inner), 0)) {
      out.push(pad + ' '.repeat(inner) + row);
    }
  }
  while (out.length > 1 && out.at(-1) === '') out.pop();
  return out;
}

/** Every message laid out, oldest first. */
export function chatRows(feed: readonly FeedLineView[], width: number): ChatRow[] {
  const rows: ChatRow[] = [];
  feed.forEach((line, message) => {
    for (const text of messageRows(line, width)) rows.push({ text, message, line });
  });
  return rows;
}

/**
 * The rows of the window that ends `back` rows above the newest, `height`
 * rows tall. Lays out messages from the newest only as far as the window
 * reaches, so a long conversation costs what is shown.
 */
export function chatWindow(feed: readonly FeedLineView[], width: number, height: number, back: number): { rows: ChatRow[]; moreAbove: boolean } {
  const want = Math.max(0, back) + Math.max(0, height);
  const tail: ChatRow[][] = [];
  let count = 0;
  let i = feed.length - 1;
  for (; i >= 0 && count < want; i--) {
    const line = feed[i]!;
    const block = messageRows(line, width).map((text) => ({ text, message: i, line }));
    tail.push(block);
    count += block.length;
  }
  const rows = tail.reverse().flat();
  const end = Math.max(0, rows.length - Math.max(0, back));
  const start = Math.max(0, end - height);
  return { rows: rows.slice(start, end), moreAbove: start > 0 || i >= 0 };
}

/** How many rows the messages after index `from` take (the ones that arrived since). */
export function rowsAfter(feed: readonly FeedLineView[], from: number, width: number): number {
  let n = 0;
  for (let i = Math.max(0, from + 1); i < feed.length; i++) n += messageRows(feed[i]!, width).length;
  return n;
}

import type { DashboardRow, FeedLineView, LogLineView } from '../../view/model.js';
import { messageRows } from '../chat/chat-rows.js';
import { wrapText } from '../text.js';
import { conversationWith, type Viewer } from './viewer-state.js';

export interface ViewerText {
  title: string;
  lines: string[];
  /** Keys that apply besides scrolling and closing. */
  keys: string;
}

/** `key=value` and `key="quoted value"` pairs in a log message (logfmt, klog, Rails), in order. */
export function logFields(text: string): [string, string][] {
  // A JSON record, or a JSON object at the end of a line (zap: "… msg\t{\"kind\": …}").
  const trimmed = text.trim();
  const brace = trimmed.startsWith('{') ? 0 : trimmed.endsWith('}') ? trimmed.indexOf('{') : -1;
  if (brace >= 0) {
    try {
      const obj: unknown = JSON.parse(trimmed.slice(brace));
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
        return Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
      }
    } catch {
      // Not JSON after all: read it as text.
    }
  }
  const out: [string, string][] = [];
  for (const m of text.matchAll(/(?:^|\s)([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|\S+)/gu)) {
    out.push([m[1]!, m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/\\"/gu, '"') : m[2]!]);
  }
  return out;
}

/** Each line of `text` word-wrapped to `width`, its own line breaks kept. */
function block(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  for (const part of text.replace(/\r\n?/gu, '\n').split('\n')) {
    if (part.trim() === '') out.push('');
    else for (const row of wrapText(part, Math.max(1, width - indent.length), 0)) out.push(indent + row);
  }
  return out;
}

function labelled(label: string, value: string, width: number): string[] {
  const head = `${label.padEnd(10)} `;
  const [first = '', ...rest] = block(value, width - head.length);
  return [head + first, ...rest.map((r) => ' '.repeat(head.length) + r)];
}

export function logDetailText(line: LogLineView, width: number): ViewerText {
  const lines = [
    ...labelled('time', line.time, width),
    ...labelled('level', line.level, width),
    ...labelled('service', line.service, width),
    '',
    'message',
    ...block(line.text, width, '  '),
  ];
  const fields = logFields(line.text);
  if (fields.length > 0) {
    lines.push('', 'fields');
    const keyWidth = Math.min(24, Math.max(...fields.map(([k]) => k.length)));
    for (const [k, v] of fields) {
      const head = `  ${k.padEnd(keyWidth)}  `;
      const [first = '', ...rest] = block(v, width - head.length);
      lines.push(head + first, ...rest.map((r) => ' '.repeat(head.length) + r));
    }
  }
  return { title: `Log line · ${line.time} ${line.level} ${line.service}`, lines, keys: '' };
}

export function dashRowText(row: DashboardRow, current: boolean, width: number): ViewerText {
  const lines = [
    ...labelled('panel', row.panel, width),
    ...labelled('series', row.label, width),
    ...labelled('now', row.noData ? 'no data' : `${row.value}${row.alarm ? '  ! alarm' : ''}`, width),
    ...labelled('alarm at', row.threshold ?? 'no threshold', width),
    ...labelled('axis', row.scale.text, width),
    ...labelled('drill in', row.drill, width),
  ];
  if (!current) lines.push('', 'This series is no longer on the dashboard; the value is the one it had when opened.');
  return { title: `Dashboard row · ${row.label}`, lines, keys: 'd drill in' };
}

export function conversationText(feed: readonly FeedLineView[], who: string | null, width: number): ViewerText {
  const shown = conversationWith(feed, who);
  const lines = shown.flatMap((l) => messageRows(l, width));
  if (lines.length === 0) lines.push(who ? `No messages from or to ${who} yet.` : 'Quiet so far.');
  return { title: `Chat · ${who ?? 'everyone'} · ${shown.length} message${shown.length === 1 ? '' : 's'}`, lines, keys: '←→ one person / everyone' };
}

/** The viewer's text for the current view. */
export function viewerText(v: Viewer, feed: readonly FeedLineView[], dashRows: readonly DashboardRow[], width: number): ViewerText {
  switch (v.kind) {
    case 'chat':
      return conversationText(feed, v.with, width);
    case 'log':
      return logDetailText(v.line, width);
    case 'dash': {
      const live = dashRows.find((r) => r.panelId === v.panelId && r.label === v.label);
      return dashRowText(live ?? v.row, live !== undefined, width);
    }
  }
}

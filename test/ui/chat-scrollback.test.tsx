// The chat panel as a scrollback: multi-line reports as blocks, focus and
// scrolling, "↓ 1 new" while scrolled back, the whole conversation on enter or
// `chat NAME`; and log records that stay one row each and open in full.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { chatRows, chatWindow, messageRows } from '../../src/ui/chat/chat-rows.js';
import { INITIAL_CHAT, scrollChat, settleChat } from '../../src/ui/chat/chat-scroll.js';
import { textWidth } from '../../src/ui/text.js';
import { logFields } from '../../src/ui/viewer/viewer-lines.js';
import { chatSpeakers, conversationWith, cycleSpeaker, matchSpeaker, parseChatCommand } from '../../src/ui/viewer/viewer-state.js';
import type { FeedLineView } from '../../src/view/model.js';
import { FakeController } from './fake-controller.js';
import { paymentFixture } from './fixture.js';
import { KEYS, renderApp, waitFor } from './helpers.js';

afterEach(cleanup);

const DIG = [
  'Resolve fraud-api.internal.corp from a payment-processor pod: $ kubectl -n payments exec deploy/payment-processor -- dig fraud-api.internal.corp',
  ';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 5521',
  ';; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1',
  '',
  ';; AUTHORITY SECTION:',
  'internal.corp. 30 IN SOA ns1.internal.corp. hostmaster.internal.corp. 2026031007 900 300 604800 300',
  ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)',
].join('\n');

const digReport: FeedLineView = { time: '21:11', channel: 'chat', from: 'Marco Bianchi → you', text: DIG, tone: 'normal' };
const later = (n: number): FeedLineView => ({ time: '21:12', channel: 'chat', from: 'Priya Raman', text: `update ${n}`, tone: 'normal' });

/** Lines between a panel's top border and its bottom border, found by title. */
function panelRows(frame: string, title: string): string[] {
  const lines = frame.split('\n');
  const top = lines.findIndex((l) => l.includes(title));
  const cells0 = [...lines[top]!];
  const at = cells0.join('').indexOf(title);
  let col = [...lines[top]!.slice(0, at)].length;
  while (col > 0 && cells0[col] !== '┌' && cells0[col] !== '┏') col--;
  const out: string[] = [];
  for (let i = top + 1; i < lines.length; i++) {
    const cells = [...lines[i]!];
    const ch = cells[col];
    if (ch === '└' || ch === '┗') break;
    out.push(cells.slice(col).join(''));
  }
  return out;
}

describe('chat rows', () => {
  it('a multi-line report is a block: every line on its own row, indented under the speaker, none wider than the panel', () => {
    for (const width of [38, 58, 78, 118]) {
      const rows = messageRows(digReport, width);
      for (const r of rows) expect(textWidth(r)).toBeLessThanOrEqual(width);
      expect(rows[0]).toMatch(/^ 21:11 Marco Bianchi → you: Resolve/u);
      const header = rows.findIndex((r) => r.includes('->>HEADER<<-'));
      const server = rows.findIndex((r) => r.includes(';; SERVER:'));
      expect(header).toBeGreaterThan(0);
      expect(server).toBeGreaterThan(header);
      // Indented under the speaker (the time column), never back at column 0.
      for (const r of rows.slice(1)) if (r !== '') expect(r.startsWith('       ')).toBe(true);
      expect(rows.some((r) => r.includes('\n'))).toBe(false);
    }
  });

  it('the window ends `back` rows above the newest and lays out only what it shows', () => {
    const feed = [digReport, later(1), later(2)];
    const all = chatRows(feed, 60).map((r) => r.text);
    expect(chatWindow(feed, 60, 3, 0).rows.map((r) => r.text)).toEqual(all.slice(-3));
    expect(chatWindow(feed, 60, 3, 2).rows.map((r) => r.text)).toEqual(all.slice(-5, -2));
    expect(chatWindow(feed, 60, 3, 2).moreAbove).toBe(true);
    expect(chatWindow(feed, 60, 100, 0).moreAbove).toBe(false);
  });

  it('scrolled back, new messages are counted and the window stays on what was being read', () => {
    const feed = [digReport, later(1)];
    let s = settleChat(INITIAL_CHAT, feed, 60);
    expect(s).toMatchObject({ back: 0, unseen: 0 });
    s = scrollChat(s, 4, feed, 60, 3);
    expect(s.back).toBe(4);
    const before = chatWindow(feed, 60, 3, s.back).rows.map((r) => r.text);
    const grown = [...feed, later(2)];
    s = settleChat(s, grown, 60);
    expect(s.unseen).toBe(1);
    expect(chatWindow(grown, 60, 3, s.back).rows.map((r) => r.text)).toEqual(before);
    // Back at the bottom, nothing is unseen any more.
    s = scrollChat(s, -100, grown, 60, 3);
    expect(s).toMatchObject({ back: 0, unseen: 0 });
    // Hidden (a small terminal shows the dashboard): counted even at the bottom.
    const hidden = settleChat(s, [...grown, later(3)], 60, true);
    expect(hidden).toMatchObject({ back: 0, unseen: 1 });
    expect(settleChat(hidden, [...grown, later(3)], 60, false).unseen).toBe(0);
  });

  it('a conversation can be narrowed to one person, by a name as typed', () => {
    const feed = [...paymentFixture().feed, digReport, later(1)];
    const speakers = chatSpeakers(feed);
    expect(speakers).toEqual(['Priya', 'Dana', 'Marco Bianchi', 'Priya Raman']);
    expect(matchSpeaker(speakers, 'marco')).toBe('Marco Bianchi');
    expect(matchSpeaker(speakers, 'nobody')).toBeNull();
    expect(conversationWith(feed, 'Marco Bianchi').map((l) => l.time)).toEqual(['21:11']);
    expect(cycleSpeaker(speakers, null, 1)).toBe('Priya');
    expect(cycleSpeaker(speakers, 'Priya', -1)).toBeNull();
    expect(parseChatCommand('chat marco')).toEqual({ who: 'marco' });
    expect(parseChatCommand('chat')).toEqual({ who: null });
    expect(parseChatCommand('chatter')).toBeNull();
  });
});

describe('the chat panel on screen', () => {
  const withDig = () => {
    const vm = paymentFixture();
    vm.feed = [...vm.feed, digReport];
    return new FakeController({ vm });
  };

  it('draws a dig report inside its borders, line by line', () => {
    // ink-testing-library's stdout is 100 columns wide; the PTY tests (test/ui/terminal-sizes.test.ts) cover 120x40.
    for (const size of [{ columns: 100, rows: 30 }, { columns: 100, rows: 40 }]) {
      const { frame } = renderApp({ controller: withDig(), size });
      const rows = panelRows(frame(), 'Pages & chat');
      const width = textWidth(rows[0]!);
      for (const r of rows) {
        expect(textWidth(r)).toBe(width);
        expect(r).toMatch(/^│.*│$/u);
      }
      // The report's last line is there, wrapped inside the panel if it must be.
      expect(rows.some((r) => r.includes(';; SERVER:'))).toBe(true);
      expect(rows.at(-1)).toContain('(UDP)');
      cleanup();
    }
  });

  it('tab focuses it; ↑ scrolls back; a new report says "↓ 1 new"; end returns; enter shows the whole conversation', async () => {
    const controller = withDig();
    const { press, frame } = renderApp({ controller });
    await press(KEYS.tab, KEYS.tab, KEYS.tab);
    expect(frame()).toContain('┏ ▸ Pages & chat');
    await press(KEYS.up, KEYS.up);
    await waitFor(() => frame().includes('↑ 2 back'), 'scrolled back');
    const read = panelRows(frame(), 'Pages & chat').join('\n');
    controller.vm = { ...controller.vm, feed: [...controller.vm.feed, later(1)] };
    await waitFor(() => frame().includes('↓ 1 new'), 'the new report signalled');
    expect(panelRows(frame(), 'Pages & chat').join('\n')).toBe(read);
    await press('f');
    await waitFor(() => !frame().includes('↓ 1 new'), 'back to the newest');
    expect(frame()).toContain('update 1');
    await press(KEYS.enter);
    expect(frame()).toContain('Chat · everyone · 6 messages');
    expect(frame()).toContain(';; ->>HEADER<<- opcode: QUERY');
    await press(KEYS.right, KEYS.right, KEYS.right);
    expect(frame()).toContain('Chat · Marco Bianchi · 1 message');
    await press(KEYS.escape);
    expect(frame()).toContain('┏ ▸ Pages & chat');
  });

  it('`chat marco` opens the conversation with Marco and is not sent to the session', async () => {
    const controller = withDig();
    const { type, press, frame } = renderApp({ controller });
    await type('chat marco');
    await press(KEYS.enter);
    expect(frame()).toContain('Chat · Marco Bianchi · 1 message');
    expect(frame()).toContain(';; SERVER: 10.96.0.10#53');
    expect(controller.submitted).toEqual([]);
  });

  it('at 80x24 the chat takes the top in turn with the dashboard, and says when it has news', async () => {
    const controller = withDig();
    const { press, frame } = renderApp({ controller, size: { columns: 80, rows: 24 } });
    expect(frame()).toContain('Dashboard');
    expect(frame()).not.toContain('Pages & chat');
    controller.vm = { ...controller.vm, feed: [...controller.vm.feed, later(1)] };
    await waitFor(() => frame().includes('chat: 1 new · tab'), 'the news signalled');
    await press(KEYS.tab, KEYS.tab, KEYS.tab);
    expect(frame()).toContain('┏ ▸ Pages & chat');
    expect(frame()).not.toContain('Dashboard');
    expect(frame()).toContain('update 1');
  });
});

describe('log records stay one row each and open in full', () => {
  const multiLine = () => {
    const vm = paymentFixture();
    vm.logs.lines = [
      ...vm.logs.lines,
      { time: '21:14:32', level: 'ERROR', service: 'otel-gateway', text: 'Exporting failed\n. Will retry the request after interval. kind=exporter name=otlphttp error="Post \\"https://otlp.internal:4318\\": context deadline exceeded"', highlight: false },
    ];
    return new FakeController({ vm });
  };

  it('a record with newlines is one row (⏎ marks them); the header stays on the first line', () => {
    const { frame } = renderApp({ controller: multiLine(), size: { columns: 100, rows: 30 } });
    const lines = frame().split('\n');
    expect(lines[0]).toContain('Tue 21:14:32');
    expect(lines).toHaveLength(29);
    const row = lines.find((l) => l.includes('otel-gateway'))!;
    expect(row).toContain('Exporting failed⏎. Will retry');
    expect(lines.some((l) => /^│?\. Will retry/u.test(l))).toBe(false);
  });

  it('enter on the focused logs opens the marked line with all its fields', async () => {
    const { press, frame } = renderApp({ controller: multiLine(), size: { columns: 100, rows: 30 } });
    await press(KEYS.tab);
    expect(frame()).toMatch(/›21:14:32 ERROR otel-gateway Exporting failed⏎/u);
    await press(KEYS.enter);
    const out = frame();
    expect(out).toContain('Log line · 21:14:32 ERROR otel-gateway');
    expect(out).toMatch(/^ {2}Exporting failed$/mu);
    expect(out).toMatch(/^ {2}\. Will retry the request after interval\./mu);
    expect(out).toMatch(/name\s+otlphttp/u);
    expect(out).toMatch(/error\s+Post "https:\/\/otlp\.internal:4318": context deadline exceeded/u);
    await press(KEYS.escape);
    expect(frame()).toContain('┏ ▸ Logs');
  });

  it('reads logfmt, quoted values and JSON records as fields', () => {
    expect(logFields('GET /x status=502 msg="upstream down" ms=12')).toEqual([['status', '502'], ['msg', 'upstream down'], ['ms', '12']]);
    expect(logFields('{"level":"error","ts":3.5,"msg":"x"}')).toEqual([['level', 'error'], ['ts', '3.5'], ['msg', 'x']]);
    expect(logFields('info\tExporting failed.\t{"kind": "exporter", "interval": "24.7s"}')).toEqual([['kind', 'exporter'], ['interval', '24.7s']]);
  });
});

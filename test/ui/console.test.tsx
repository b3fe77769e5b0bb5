// The commander's console, new behaviour: drilling down from the dashboard,
// pinned log scroll-back, highlighted matches and the hidden count, long
// answers, the postmortem editor. Real sessions (mini.yaml on an in-memory
// store behind the live controller) where the engine matters; the fake
// controller where only the calls matter.
import chalk from 'chalk';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { logLineSegments } from '../../src/ui/components/Logs.js';
import { stripAnsi } from '../../src/ui/text.js';
import { FakeController } from './fake-controller.js';
import { paymentFixture, postmortemFixture } from './fixture.js';
import { flush, handTicker, KEYS, renderApp, waitFor } from './helpers.js';
import { liveSession, miniWith } from './live.js';

afterEach(() => cleanup());

const COLOUR = /\u001B\[(?:3\d|4\d|9[0-7]|10[0-7])(?:;\d+)*m/u;
const SIZE = { columns: 100, rows: 30 };

/** The logs panel's lines: between its top border and its bottom border. */
function logLines(frame: string): string[] {
  const lines = frame.split('\n');
  const top = lines.findIndex((l) => /^[┌┏] (▸ )?Logs/u.test(l));
  const rest = lines.slice(top + 1);
  const bottom = rest.findIndex((l) => /^[└┗]/u.test(l));
  return rest.slice(0, bottom);
}

describe('dashboard drill-down', () => {
  it('tab to the dashboard, ↑↓ pick a row, d submits `dash PANEL by LABEL`, enter opens the row in full', async () => {
    const { press, frame, controller } = renderApp();
    await press(KEYS.tab, KEYS.tab);
    expect(frame()).toContain('┏ ▸ Dashboard');
    // The first row is picked: its axis and what the keys do are in the footer.
    expect(frame()).toContain('axis 0–50 req/s · d: dash traffic by route');
    await press(KEYS.down);
    expect(frame()).toContain('axis 0–100% · alarm > 5% · d: dash endpoints by route');
    expect(frame()).toMatch(/▸5xx %\s+POST \/api\/payment/u);
    await press('d');
    expect(controller.submitted).toEqual(['dash endpoints by route']);
    // ↑ at the top stays at the top; the list is clamped.
    await press(KEYS.up, KEYS.up, KEYS.up);
    expect(frame()).toContain('d: dash traffic by route');
    // Enter: the row in full (label, value now, threshold, axis); enter there drills in.
    await press(KEYS.down, KEYS.enter);
    expect(frame()).toContain('Dashboard row · POST /api/payment');
    expect(frame()).toMatch(/now\s+91%  ! alarm/u);
    expect(frame()).toMatch(/alarm at\s+> 5%/u);
    await press(KEYS.enter);
    expect(controller.submitted).toEqual(['dash endpoints by route', 'dash endpoints by route']);
    expect(frame()).not.toContain('Dashboard row ·');
  });

  it('on the real engine: the drill-down changes the panel, enter on a drilled row goes back', async () => {
    const { controller } = liveSession(miniWith((raw) => {
      const metrics = raw['metrics'] as Record<string, unknown>[];
      metrics.push({ ...metrics[0], id: 'refund_5xx', label: 'POST /refund', labels: { path: '/refund' } });
      metrics[0] = { ...metrics[0], labels: { path: '/checkout' } };
    }));
    controller.start();
    controller.advance(1000);
    const { press, frame } = renderApp({ controller, size: SIZE });
    await press(KEYS.tab, KEYS.tab, 'd');
    await waitFor(() => frame().includes('Dashboard › 5xx % by path'), 'drilled panel');
    expect(frame()).toContain('path=/checkout');
    expect(frame()).toContain('path=/refund');
    expect(frame()).toContain('d: dash ');
    await press('d');
    await waitFor(() => frame().includes('┏ ▸ Dashboard ━'), 'back to the overview');
  });

  it('sparklines are drawn on the row’s axis, not the window’s own range', () => {
    const vm = paymentFixture();
    vm.dashboard.rows = [
      { ...vm.dashboard.rows[3]!, label: 'steady 0.2%', points: [0.2, 0.2, 0.3, 0.2], value: '0.2%' },
      { ...vm.dashboard.rows[1]!, label: 'alarm 91%', points: [91, 91, 91, 91], value: '91%' },
    ];
    const controller = new FakeController({ vm });
    const { frame } = renderApp({ controller });
    const low = frame().split('\n').find((l) => l.includes('steady 0.2%'))!;
    const high = frame().split('\n').find((l) => l.includes('alarm 91%'))!;
    expect(low).toContain('▁▁▁▁');
    expect(high).toContain('▇▇▇▇');
  });
});

describe('log scroll-back on the real engine', () => {
  it('pins the window while new lines arrive; f follows again', async () => {
    const { controller } = liveSession();
    controller.start();
    for (let i = 0; i < 90; i++) controller.advance(1000);
    const { press, frame } = renderApp({ controller, size: SIZE });
    await press(KEYS.tab);
    expect(frame()).toContain('┏ ▸ Logs');
    await press(KEYS.up, KEYS.up, KEYS.up);
    await waitFor(() => /pinned \d\d:\d\d:\d\d · ↑ 3 back · \[f\] follow/u.test(frame()), 'pinned 3 back');
    const pinned = logLines(frame()).join('\n');
    const at = /pinned (\d\d:\d\d:\d\d)/u.exec(frame())![1];
    // A minute of new lines: the pinned window does not move, and says how far back it now is.
    for (let i = 0; i < 60; i++) controller.advance(1000);
    await waitFor(() => frame().includes('21:02:3'), 'the clock moved on');
    await waitFor(() => !frame().includes('↑ 3 back'), 'more lines below');
    expect(logLines(frame()).join('\n')).toBe(pinned);
    expect(frame()).toContain(`pinned ${at}`);
    const back = Number(/↑ ([\d,]+) back/u.exec(frame())![1]!.replace(/,/gu, ''));
    expect(back).toBeGreaterThan(100);
    // ↓ moves the pinned window forward, one line at a time.
    await press(KEYS.down);
    await waitFor(() => frame().includes(`↑ ${back - 1} back`), 'one line forward');
    await press('f');
    await waitFor(() => frame().includes('[/] filter'), 'following');
    expect(logLines(frame()).join('\n')).not.toBe(pinned);
    // f again returns to where the reader was.
    await press('f');
    await waitFor(() => frame().includes('pinned '), 'back to the pin');
  });

  it('PgDn past the newest line follows again', async () => {
    const { controller } = liveSession();
    controller.start();
    for (let i = 0; i < 30; i++) controller.advance(1000);
    const { press, frame } = renderApp({ controller, size: SIZE });
    await press(KEYS.pageUp);
    await waitFor(() => frame().includes('pinned '), 'pinned');
    await press(KEYS.pageDown, KEYS.pageDown);
    await waitFor(() => frame().includes('[/] filter'), 'following');
  });
});

describe('log filters: highlighted matches and the hidden count', () => {
  it('`logs status=502` keeps the matching lines, counts the hidden ones, and marks the match', async () => {
    const { controller } = liveSession();
    controller.start();
    for (let i = 0; i < 120; i++) controller.advance(1000);
    const { type, press, frame } = renderApp({ controller, size: SIZE });
    await type('logs status=502');
    await press(KEYS.enter);
    await waitFor(() => frame().includes('Logs  status=502  ('), 'filtered title');
    expect(frame()).toMatch(/Logs {2}status=502 {2}\([\d,]+ hidden\)/u);
    const lines = logLines(frame()).filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l).toMatch(/▸\d\d:\d\d:\d\d ERROR checkout POST \/checkout 502/u);
  });

  it('a field no line carries says so instead of an empty panel', async () => {
    const { controller } = liveSession();
    controller.start();
    for (let i = 0; i < 30; i++) controller.advance(1000);
    const { type, press, frame } = renderApp({ controller, size: SIZE });
    await type('logs colour=blue');
    await press(KEYS.enter);
    await waitFor(() => frame().includes('no log line has a field "colour"'), 'the note');
    expect(frame()).toContain('fields: host, level, ms, path, service, status');
  });

  it('draws the matched text inverse when colour is on, and only the match', async () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const vm = paymentFixture();
      vm.logs.lines = [{ time: '21:14:31', level: 'INFO', service: 'api', text: 'GET /x 503 upstream 503', highlight: true, spans: [[7, 10], [20, 23]] }];
      const out = renderApp({ controller: new FakeController({ vm }), color: true }).frame();
      expect(out).toMatch(/GET \/x \u001B\[7m\u001B\[1m503\u001B\[22m\u001B\[27m upstream \u001B\[7m\u001B\[1m503/u);
      cleanup();
      const plain = renderApp({ controller: new FakeController({ vm }), color: false }).frame();
      expect(plain).not.toMatch(COLOUR);
      expect(stripAnsi(plain)).toContain('▸21:14:31 INFO  api GET /x 503 upstream 503');
    } finally {
      chalk.level = level;
    }
  });

  it('segments cut at the width keep the match boundaries', () => {
    const line = { time: '21:14:31', level: 'ERROR' as const, service: 'svc', text: 'abc TIMEOUT def', highlight: true, spans: [[4, 11]] as [number, number][] };
    expect(logLineSegments(line, 200).map((s) => [s.text, s.match])).toEqual([
      ['▸21:14:31 ERROR svc abc ', false],
      ['TIMEOUT', true],
      [' def', false],
    ]);
    expect(logLineSegments(line, 29).map((s) => s.text).join('')).toBe('▸21:14:31 ERROR svc abc TIME…');
  });
});

describe('field filters are offered by tab completion', () => {
  it('`logs st` completes to the values the log fields take', async () => {
    const { completeLine } = await import('../../src/session/completion.js');
    const { loadFixture } = await import('../helpers.js');
    const mini = loadFixture('test/fixtures/mini.yaml').scenario;
    expect(completeLine(mini, 'logs st')).toEqual(['logs status=200', 'logs status=502']);
    expect(completeLine(mini, 'logs ho')).toEqual(['logs host=pay-old.internal']);
    expect(completeLine(mini, 'logs m')).toEqual(['logs ms=']);
    // A template that only a root-cause variant produces is not offered: it would hint at the variant.
    const gated = structuredClone(mini);
    gated.logs = gated.logs.map((t) => (t.id === 'err' ? { ...t, when: { kind: 'flag' as const, name: 'variant:bad-config' } } : t));
    expect(completeLine(gated, 'logs ho')).toEqual([]);
  });
});

describe('a busy log stream: 200 lines per sim-second', () => {
  const busy = () =>
    miniWith((raw) => {
      const logs = raw['logs'] as Record<string, unknown>[];
      logs[0] = { ...logs[0], rate: 200 };
    });

  it('typing at 10x is never dropped (what a frame costs here: npm run bench, view.busy-frame-ms)', async () => {
    const { controller, session } = liveSession(busy());
    controller.start();
    for (const _ of [1, 2, 3]) controller.faster();
    const clock = handTicker();
    const { press, frame } = renderApp({ controller, size: SIZE, ticker: clock.ticker });
    expect(frame()).toContain('▶ 10x');
    // A frame of the clock (a sim-second at 10x: 200 new lines) after every key.
    const text = 'note typed while two thousand lines a second stream past';
    for (const ch of text) {
      await press(ch);
      await clock.tick(100);
    }
    await press(KEYS.enter);
    await clock.tick(100);
    const recorded = session.store.events(session.id).filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text);
    expect(recorded).toEqual([text]);
    expect(session.engine.state.notes.some((n) => n.text.includes('two thousand'))).toBe(true);
    expect(session.engine.sec).toBe(text.length + 1);
  });

  it('a filter that hides nearly everything reads a bounded number of lines per frame', async () => {
    const { controller, session } = liveSession(busy());
    controller.start();
    for (let i = 0; i < 600; i++) controller.advance(1000);
    controller.submit('logs status=502');
    const { LOG_FRAME_BUDGET } = await import('../../src/view/log-window.js');
    let generated = 0;
    const engine = session.engine;
    const orig = engine.logsAt.bind(engine);
    engine.logsAt = (sec: number) => {
      const lines = orig(sec);
      generated += lines.length;
      return lines;
    };
    const size = { sparkPoints: 20, logLines: 20, feedLines: 9, timelineEntries: 10, logScrollback: 0 };
    const vm = controller.view(size);
    expect(generated).toBeLessThanOrEqual(LOG_FRAME_BUDGET + 400);
    expect(vm.logs.lines.length).toBe(20);
    // Later frames reuse what was read: only the newest second is generated again.
    generated = 0;
    controller.view(size);
    expect(generated).toBeLessThanOrEqual(250);
  });
});

describe('long answers', () => {
  const long = 'logs FILTER... | logs clear — filter the log panel: service=, level=, path=, status=, any field=, text~WORD. e.g. logs service=payment-processor level=error';

  it('a long answer (help VERB) is shown in full under the prompt; esc folds it to one line', async () => {
    const vm = paymentFixture();
    vm.answer = { text: long, ok: true };
    const { frame, press } = renderApp({ controller: new FakeController({ vm }), size: { columns: 80, rows: 30 } });
    await flush();
    await waitFor(() => frame().includes('e.g. logs service=payment-processor'), 'the whole answer');
    expect(frame()).toMatch(/^ {3}level=error$/mu);
    expect(frame()).toContain('✓ logs FILTER... | logs clear — filter the log panel');
    expect(frame().split('\n').length).toBeLessThan(30);
    await press(KEYS.escape);
    await waitFor(() => !frame().includes('text~WORD. e.g.'), 'folded');
    expect(frame()).toContain('✓ logs FILTER... | logs clear');
  });

  it('answers with several lines keep their lines', async () => {
    const vm = paymentFixture();
    vm.answer = { text: 'first line\nsecond line\nthird line', ok: false };
    const { frame } = renderApp({ controller: new FakeController({ vm }) });
    await waitFor(() => frame().includes('third line'), 'all lines');
    expect(frame()).toMatch(/✗ first line\n\s+second line\n\s+third line/u);
  });
});

describe('postmortem editor', () => {
  function pmController() {
    const vm = postmortemFixture();
    vm.postmortem.fields.push(
      { key: 'factors', label: 'Contributing factors', text: '' },
      { key: 'well', label: 'What went well', text: '' },
      { key: 'lucky', label: 'Where we got lucky', text: '' },
    );
    vm.postmortem.timeline = [
      { time: '21:02', sim: '+2:00', text: 'page PaymentErrorRateHigh', kind: 'page' },
      { time: '21:03', sim: '+3:00', text: 'ack PaymentErrorRateHigh', kind: 'ack' },
      { time: '21:29', sim: '+29:00', text: 'resolve', kind: 'resolve' },
    ];
    vm.postmortem.actionTypes = ['prevent', 'detect', 'mitigate', 'process', 'repair'];
    vm.postmortem.priorities = ['P0', 'P1', 'P2', 'P3'];
    return new FakeController({ vm });
  }

  it('opens with the countdown, every section, the timeline and the action row', async () => {
    const { frame } = renderApp({ controller: pmController() });
    await flush();
    const out = frame();
    expect(out).toContain('Postmortem · payment-fraud-dns · ⏱ 11:42 left');
    for (const s of ['Summary', 'Impact', 'Root cause', 'Contributing factors', 'What went well', 'Where we got lucky', 'Timeline', 'Action items']) expect(out).toContain(s);
    expect(out).toMatch(/Timeline\s+21:02 page PaymentErrorRateHigh · 21:03 ack PaymentErrorRateHigh/u);
    expect(out).toContain('21:29 resolve');
    // The focused field shows its end, where the cursor is.
    expect(out).toMatch(/▸ Summary\s+….*stopped resolving\.▏/u);
    expect(out).toContain('‹prevent›');
  });

  it('typing a field and enter submits `pm FIELD TEXT` through the controller', async () => {
    const controller = pmController();
    const { type, press, frame } = renderApp({ controller });
    await press(KEYS.down, KEYS.down); // summary → impact → root cause
    expect(frame()).toMatch(/▸ Root cause\s+▏/u);
    await type('the A record for fraud-api was deleted');
    expect(frame()).toMatch(/▸\*Root cause\s+the A record for fraud-api was deleted▏/u);
    await press(KEYS.enter);
    expect(controller.submitted).toEqual(['pm rootcause the A record for fraud-api was deleted']);
    // Keys typed in the editor never act globally (space, q, ?).
    expect(controller.calls).not.toContain('togglePause');
  });

  it('the action row: ←→ pick type and priority (letters never change the type), enter adds `pm action TYPE PRI OWNER TEXT`', async () => {
    const controller = pmController();
    const { type, press, frame } = renderApp({ controller });
    for (let i = 0; i < 7; i++) await press(KEYS.tab); // past the six sections and the list of items, to the action type
    await type('mitigate');
    expect(frame()).toContain('[‹prevent›]');
    await press(KEYS.right);
    expect(frame()).toContain('[‹detect›]');
    await press(KEYS.tab, KEYS.left);
    expect(frame()).toContain('[‹P0›]');
    await press(KEYS.tab);
    await type('@payments oncall');
    await press(KEYS.enter); // owner filled, text missing: enter moves on
    expect(controller.submitted).toEqual([]);
    await type('Alert when fraud-api stops resolving for 2 minutes');
    await press(KEYS.enter);
    expect(controller.submitted).toEqual(['pm action detect P0 @payments-oncall Alert when fraud-api stops resolving for 2 minutes']);
    expect(frame()).toContain('what, measurably');
  });

  it('the list of items: ↑↓ pick one, d deletes it and says so, e loads it into the row and enter saves over it', async () => {
    const controller = pmController();
    controller.vm.postmortem.actions = [
      { type: 'detect', priority: 'P1', owner: '@payments', text: 'Alert on DNS failures' },
      { type: 'process', priority: 'P2', owner: '@ana', text: 'Ana should be more careful' },
      { type: 'prevent', priority: 'P1', owner: '@platform', text: 'Guard DNS record deletes' },
    ];
    const { type, press, frame } = renderApp({ controller });
    for (let i = 0; i < 6; i++) await press(KEYS.tab); // past the six sections, onto item 1
    expect(frame()).toMatch(/▸\s+1 detect/u);
    expect(frame()).toContain('e/enter edit the item · d delete it');
    await press(KEYS.down);
    expect(frame()).toMatch(/▸\s+2 process/u);
    await type('d');
    expect(controller.submitted).toEqual(['pm action delete 2']);
    expect(frame()).toContain('item 2 deleted (pm action delete 2)');
    // The engine removed it; the list now shows what is left and the cursor stays on a row that exists.
    controller.vm.postmortem.actions.splice(1, 1);
    await press(KEYS.up, KEYS.down);
    expect(frame()).toMatch(/▸\s+2 prevent/u);
    expect(frame()).not.toContain('item 2 deleted');
    await type('e');
    expect(frame()).toMatch(/✎ 2\s+\[‹prevent›\]\s+‹P1›\s+@platform\s+Guard DNS record deletes/u);
    expect(frame()).toContain('enter saves item 2');
    await press(KEYS.tab, KEYS.left); // priority P1 → P0
    await press(KEYS.tab, KEYS.tab);
    await type(' and changes');
    await press(KEYS.enter);
    expect(controller.submitted).toEqual(['pm action delete 2', 'pm action edit 2 prevent P0 @platform Guard DNS record deletes and changes']);
    expect(frame()).toContain('enter adds the item');
  });

  it('ctrl-f on the impact field inserts the impact ledger’s figures', async () => {
    const controller = pmController();
    controller.vm.postmortem.fields[1]!.text = '';
    const { press, frame } = renderApp({ controller });
    await press(KEYS.down);
    expect(frame()).toContain('ctrl-f insert figures');
    await press(KEYS.ctrlF);
    expect(frame()).toMatch(/▸\*Impact\s+1,284 failed payments \(\$311k\), 57 failed refunds▏/u);
    await press(KEYS.enter);
    expect(controller.submitted).toEqual(['pm impact 1,284 failed payments ($311k), 57 failed refunds']);
  });

  it('ctrl-s saves what is unsaved, then submits: `pm submit`', async () => {
    const controller = pmController();
    const { type, press } = renderApp({ controller });
    await press(KEYS.down, KEYS.down);
    await type('DNS record deleted');
    await press(KEYS.ctrlS);
    expect(controller.submitted).toEqual(['pm rootcause DNS record deleted', 'pm submit']);
  });

  it('ctrl-s with nothing unsaved is just `pm submit`, from the command line too', async () => {
    const controller = pmController();
    const { press } = renderApp({ controller });
    await press(KEYS.escape); // to the command line
    await press(KEYS.ctrlS);
    expect(controller.submitted).toEqual(['pm submit']);
  });

  it('esc goes to the command line, where pm … lines work as typed; tab comes back', async () => {
    const controller = pmController();
    const { type, press, frame } = renderApp({ controller });
    await press(KEYS.escape);
    await waitFor(() => frame().includes('> ▏'), 'the command line to take focus');
    await type('pm well paged early');
    await press(KEYS.enter);
    await waitFor(() => controller.submitted.length > 0, 'the line to be submitted');
    expect(controller.submitted).toEqual(['pm well paged early']);
    await press(KEYS.tab);
    await waitFor(() => frame().includes('┏ ▸ Postmortem'), 'the editor to take focus back');
  });

  it('with colour off the editor writes no colour codes', async () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const { frame } = renderApp({ controller: pmController(), color: false });
      await flush();
      expect(frame()).not.toMatch(COLOUR);
      expect(frame()).toContain('▸');
    } finally {
      chalk.level = level;
    }
  });
});

describe('the postmortem on the real engine', () => {
  it('the view model carries the session as a timeline in the scenario clock', async () => {
    const { controller } = liveSession();
    controller.start();
    for (let i = 0; i < 100; i++) controller.advance(1000);
    controller.submit('ack');
    controller.submit('sev 2');
    controller.submit('do rollback config');
    for (let i = 0; i < 120; i++) controller.advance(1000);
    controller.submit('resolve');
    controller.submit('postmortem');
    const vm = controller.view({ sparkPoints: 10, logLines: 5, feedLines: 5, timelineEntries: 5, logScrollback: 0 });
    expect(vm.postmortem.open).toBe(true);
    const tl = vm.postmortem.timeline!;
    expect(tl[0]).toMatchObject({ time: '21:01', text: 'page CheckoutErrors', kind: 'page' });
    expect(tl.map((t) => t.text)).toEqual(expect.arrayContaining(['sev 2', 'mitigated']));
    expect(tl.every((t) => /^\d\d:\d\d$/u.test(t.time))).toBe(true);
    const { type, press, frame } = renderApp({ controller, size: SIZE });
    await waitFor(() => frame().includes('┏ ▸ Postmortem · mini-checkout'), 'editor');
    await type('Checkout failed after a bad config push');
    await press(KEYS.enter);
    await waitFor(() => frame().includes('✓'), 'answer');
    expect(controller.view({ sparkPoints: 10, logLines: 5, feedLines: 5, timelineEntries: 5, logScrollback: 0 }).postmortem.fields[0]!.text).toBe('Checkout failed after a bad config push');
  });
});

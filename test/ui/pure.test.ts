import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { chatWindow } from '../../src/ui/chat/chat-rows.js';
import { packTimeline } from '../../src/ui/components/Timeline.js';
import { headerLine, headerWidth } from '../../src/ui/header-line.js';
import { commandLineReducer, EMPTY_COMMAND_LINE, type CommandLineState } from '../../src/ui/hooks/use-command-line.js';
import { dispatchKey, type KeyLayer } from '../../src/ui/hooks/use-keypress.js';
import { layoutText } from '../../src/ui/scroll-text.js';
import { sparkline } from '../../src/ui/sparkline.js';
import { formatCount, truncate, wrapText } from '../../src/ui/text.js';
import { colorFromEnv } from '../../src/ui/theme.js';
import { paymentFixture } from './fixture.js';

describe('sparkline', () => {
  it('draws a jump at full height and a gap for null', () => {
    expect(sparkline([0, 0, 10, null, 10], 5)).toBe('▁▁█·█');
  });
  it('keeps a flat or barely moving series low', () => {
    expect(sparkline([0.2, 0.2, 0.2], 3)).toBe('▁▁▁');
    expect(sparkline([40, 44, 42], 3)).toBe('▁▃▂');
  });
  it('scales from zero, so a steady alarm stays tall', () => {
    expect(sparkline([91, 91, 91], 3, true)).toBe('███');
    expect(sparkline([60, 80], 2)).toBe('▆█');
  });
  it('pads short series on the left and keeps the newest points', () => {
    expect(sparkline([1, 9], 4)).toBe('  ▂█');
    expect(sparkline([9, 9, 0, 9], 2)).toBe('▁█');
  });
});

describe('text', () => {
  it('truncates with an ellipsis and wraps with an indent', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(wrapText('aa bb cc dd', 5, 2)).toEqual(['aa bb', '  cc', '  dd']);
    expect(formatCount(1922)).toBe('1,922');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
  it('keeps diagram lines verbatim and wraps prose', () => {
    const lines = layoutText('one two three four\n  a ──▶ b ──▶ c ──▶ d', 10);
    expect(lines).toEqual(['one two', 'three four', '  a ──▶ b ──▶ c ──▶ d']);
  });
});

describe('colorFromEnv', () => {
  it('honours NO_COLOR and --no-color', () => {
    expect(colorFromEnv({}, [])).toBe(true);
    expect(colorFromEnv({ NO_COLOR: '1' }, [])).toBe(false);
    expect(colorFromEnv({ NO_COLOR: '' }, [])).toBe(true);
    expect(colorFromEnv({}, ['node', 'firedrill', '--no-color'])).toBe(false);
  });
});

describe('header line', () => {
  it('keeps clock, speed, severity, time left, impact and update due at 80 columns', () => {
    const line = headerLine(paymentFixture().header, 80);
    const kinds = line.segments.map((s) => s.kind);
    for (const k of ['clock', 'speed', 'severity', 'timeLeft', 'impact', 'update'] as const) expect(kinds).toContain(k);
    expect(headerWidth(line)).toBeLessThanOrEqual(78);
  });
  it('cuts a long impact before losing the update due', () => {
    const h = { ...paymentFixture().header, impact: '1,284 Failed payment attempts · $311k Payment value at risk · 57 refunds' };
    const line = headerLine(h, 80);
    expect(line.segments.map((s) => s.kind)).toContain('update');
    expect(headerWidth(line)).toBeLessThanOrEqual(78);
    expect(line.segments.find((s) => s.kind === 'impact')?.text).toMatch(/…$/u);
  });
  it('shows everything when wide, and marks an overdue update with "!"', () => {
    const h = { ...paymentFixture().header, updateOverdue: true };
    const text = headerLine(h, 200).segments.map((s) => s.text).join(' ');
    expect(text).toContain('firedrill');
    expect(text).toContain('payment-fraud-dns');
    expect(text).toContain('! update overdue (due 21:19)');
  });
});

describe('timeline packing', () => {
  const entries = ['ack', 'sev 2', 'escalate payments', 'hyp #1 DNS'].map((text, i) => ({
    time: `21:0${i}`,
    text,
    kind: 'x',
  }));
  it('fills from the newest so the latest decision is always shown', () => {
    const one = packTimeline(entries, 30, 1);
    expect(one).toHaveLength(1);
    expect(one[0]).toContain('21:03 hyp #1 DNS');
    const all = packTimeline(entries, 30, 5);
    expect(all.join(' ')).toContain('21:00 ack');
    for (const l of all) expect([...l].length).toBeLessThanOrEqual(30);
  });
});

describe('feed rows', () => {
  it('marks alerts with "!" and keeps the newest rows', () => {
    const rows = chatWindow(paymentFixture().feed, 40, 3, 0).rows;
    expect(rows).toHaveLength(3);
    expect(rows.at(-1)?.text).toContain('ETA?');
    expect(chatWindow(paymentFixture().feed, 60, 20, 0).rows[0]?.text.startsWith('!21:02 PAGE')).toBe(true);
  });
});

describe('command line reducer', () => {
  const run = (actions: Parameters<typeof commandLineReducer>[1][], from: CommandLineState = EMPTY_COMMAND_LINE) =>
    actions.reduce(commandLineReducer, from);

  it('types, erases and submits into history', () => {
    const s = run([{ type: 'insert', text: 'ackx' }, { type: 'erase' }, { type: 'submitted' }]);
    expect(s.text).toBe('');
    expect(s.history).toEqual(['ack']);
  });
  it('walks history and restores the draft', () => {
    const base = run([{ type: 'insert', text: 'sev 2' }, { type: 'submitted' }, { type: 'insert', text: 'ack' }, { type: 'submitted' }]);
    const typed = run([{ type: 'insert', text: 'no' }], base);
    expect(run([{ type: 'historyPrev' }], typed).text).toBe('ack');
    expect(run([{ type: 'historyPrev' }, { type: 'historyPrev' }, { type: 'historyPrev' }], typed).text).toBe('sev 2');
    expect(run([{ type: 'historyPrev' }, { type: 'historyNext' }], typed).text).toBe('no');
  });
  it('a single completion replaces the line; several cycle', () => {
    expect(run([{ type: 'completed', candidates: ['escalate '] }]).text).toBe('escalate ');
    const cyc = run([{ type: 'completed', candidates: ['ack ', 'ask '] }]);
    expect(cyc.text).toBe('ack ');
    expect(run([{ type: 'cycle' }], cyc).text).toBe('ask ');
    expect(run([{ type: 'cycle' }, { type: 'cycle' }], cyc).text).toBe('ack ');
    expect(run([{ type: 'insert', text: 'x' }], cyc).cycle).toBeNull();
  });
});

describe('dispatchKey', () => {
  const key = {} as Key;
  it('stops at the first layer that takes the key; a modal takes every key', () => {
    const seen: string[] = [];
    const layer = (id: string, takes: boolean, extra: Partial<KeyLayer> = {}): KeyLayer => ({
      id,
      active: true,
      handle: () => {
        seen.push(id);
        return takes;
      },
      ...extra,
    });
    expect(dispatchKey([layer('a', false), layer('b', true), layer('c', true)], 'x', key)).toBe('b');
    expect(seen).toEqual(['a', 'b']);
    seen.length = 0;
    expect(dispatchKey([layer('modal', false, { modal: true }), layer('line', true)], 'x', key)).toBe('modal');
    expect(seen).toEqual(['modal']);
    expect(dispatchKey([layer('off', true, { active: false })], 'x', key)).toBeUndefined();
  });
});

describe('wrapText indentation', () => {
  it('keeps the first line indent when wrapping', () => {
    expect(wrapText('  pm summary impact', 12, 6)).toEqual(['  pm summary', '      impact']);
  });
});

describe('dashboard labels', () => {
  it('keep both ends when cut, so /v1 and /v2 series stay apart', async () => {
    const { truncateMiddle } = await import('../../src/ui/text.js');
    const v1 = truncateMiddle('/v1/appoints/available-schedule 5xx %', 20);
    const v2 = truncateMiddle('/v2/appoints/available-schedule p95', 20);
    expect(v1).toBe('/v1/appoin…ule 5xx %');
    expect(v1.startsWith('/v1/')).toBe(true);
    expect(v1.endsWith('5xx %')).toBe(true);
    expect(v2.startsWith('/v2/')).toBe(true);
    expect([...v1].length).toBe(20);
    expect(truncateMiddle('short', 20)).toBe('short');
  });
});

describe('postmortem form', () => {
  it('treats a typed `pm …` line in a field as the command it is', async () => {
    const { EMPTY_PM_FORM, pressEnter } = await import('../../src/ui/postmortem-form.js');
    const pm = { open: true, timeLeft: '10:00', fields: [{ key: 'summary', label: 'Summary', text: '' }], actions: [], impactFigures: '', submitted: false } as never;
    const form = { ...EMPTY_PM_FORM, drafts: { summary: 'pm action detect P1 sre Alert when lag exceeds 5 minutes' } };
    const r = pressEnter(form, pm);
    expect(r.line).toBe('pm action detect P1 sre Alert when lag exceeds 5 minutes');
    expect(r.form.drafts.summary).toBeUndefined();
    const plain = pressEnter({ ...EMPTY_PM_FORM, drafts: { summary: 'Payments failed for 10 minutes.' } }, pm);
    expect(plain.line).toBe('pm summary Payments failed for 10 minutes.');
  });
});

describe('postmortem form after a saved field', () => {
  it('still recognises a command typed after the saved text', async () => {
    const { EMPTY_PM_FORM, pressEnter } = await import('../../src/ui/postmortem-form.js');
    const pm = { open: true, timeLeft: '10:00', fields: [{ key: 'summary', label: 'Summary', text: 'Payments failed.' }], actions: [], impactFigures: '', submitted: false } as never;
    const r = pressEnter({ ...EMPTY_PM_FORM, drafts: { summary: 'Payments failed.pm impact 1,800 failed payments' } }, pm);
    expect(r.line).toBe('pm impact 1,800 failed payments');
    expect(r.form.drafts.summary).toBeUndefined();
  });
});

describe('groupThousands', () => {
  it('writes integers as en-US does', async () => {
    const { groupThousands, compact } = await import('../../src/scenario/number-text.js');
    for (const n of [0, 7, 42, 999, 1000, 1234, 9999, -1, -1234, 12345, 1234567, -9876543]) expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
    expect(compact(1728.4)).toBe('1,728');
    expect(compact(-5000)).toBe('-5,000');
  });
});

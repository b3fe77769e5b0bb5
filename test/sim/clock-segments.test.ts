import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simSecAt, wallClock, type ClockFrame } from '../../src/scenario/clock-frame.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { viewSizeFor } from '../../src/ui/render-frame.js';
import { selectView } from '../../src/view/select.js';
import { edit, lint } from '../scenario/lint/helpers.js';

const START = '2026-03-10T21:00:00';
const MINI = readFileSync('test/fixtures/mini.yaml', 'utf8');

describe('clock segments', () => {
  it('a frame without segments reads as it always did', () => {
    expect(wallClock({ startsAt: START }, 90)).toBe('Tue 21:01:30');
    expect(wallClock({ startsAt: START, clockScale: 60 }, 90)).toBe('Tue Mar 10 22:30:00');
  });

  it('a skip jumps the clock forward at its second, and times carry the date', () => {
    const frame: ClockFrame = { startsAt: START, clockSegments: [{ from: 600, skip: 18 * 3600 }] };
    expect(wallClock(frame, 599)).toBe('Tue Mar 10 21:09:59');
    expect(wallClock(frame, 600)).toBe('Wed Mar 11 15:10:00');
    expect(wallClock(frame, 660)).toBe('Wed Mar 11 15:11:00');
    // "at 15:30" is read through the jump: 20 minutes after it
    expect(simSecAt(frame, 15, 30)).toBe(1800);
    // a time the jump passed over is reached at the jump
    expect(simSecAt(frame, 3, 0)).toBe(600);
  });

  it('a segment runs at its own scale from its start', () => {
    const frame: ClockFrame = { startsAt: START, clockSegments: [{ from: 60, scale: 60 }, { from: 120, scale: 1 }] };
    expect(wallClock(frame, 60)).toBe('Tue Mar 10 21:01:00');
    expect(wallClock(frame, 90)).toBe('Tue Mar 10 21:31:00');
    expect(wallClock(frame, 130)).toBe('Tue Mar 10 22:01:10');
    expect(simSecAt(frame, 21, 31)).toBe(90);
  });

  it('tells the trainee when the clock jumps, and the header shows the new time', () => {
    const text = edit(MINI, 'timeLimitMin: 30', "timeLimitMin: 30\nclockSegments:\n  - { from: '05:00', skip: 18h, text: The restore ran overnight. }");
    const r = loadScenarioText(text, 'x.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const session = Session.start(openStore(':memory:'), r.value, { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
    // a session started today carries dates in its times (consistent)
    session.record({ type: 'start', consistent: true }, 0);
    session.engine.advanceTo(310_000);
    const told = session.engine.state.feed.filter((f) => f.text.startsWith('⏩'));
    expect(told.map((f) => `${f.sec} ${f.text}`)).toEqual(['300 ⏩ The clock jumps 18 hours: it is now Mar 11 15:05. The restore ran overnight.']);
    const view = selectView(session.engine, viewSizeFor(120, 40), { mode: 'play', interview: false, summary: null });
    expect(view.header.wallClock).toBe('Wed Mar 11 15:05:10');
  });

  it('refuses segments out of order, and one with neither scale nor skip', () => {
    const outOfOrder = lint(edit(MINI, 'timeLimitMin: 30', "timeLimitMin: 30\nclockSegments:\n  - { from: '05:00', skip: 1h }\n  - { from: '04:00', scale: 2 }"));
    expect(outOfOrder.some((f) => /clock segment 2 starts at 4:00, not after the one before it \(5:00\)/.test(f.message))).toBe(true);
    const empty = lint(edit(MINI, 'timeLimitMin: 30', "timeLimitMin: 30\nclockSegments:\n  - { from: '05:00' }"));
    expect(empty.some((f) => /a clock segment needs a scale, a skip, or both/.test(f.message))).toBe(true);
  });
});

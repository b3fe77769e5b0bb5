import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/sim/engine.js';
import { playText } from '../helpers.js';
import { edit, lint } from '../scenario/lint/helpers.js';

const FIXTURE = 'test/fixtures/once-logs.yaml';
const text = readFileSync(FIXTURE, 'utf8');

/** Every line of the whole run that says `what`, with its second. */
function linesSaying(engine: Engine, what: RegExp): { sec: number; level: string }[] {
  const out: { sec: number; level: string }[] = [];
  for (let sec = 0; sec <= engine.state.sec; sec++) for (const l of engine.logsAt(sec)) if (what.test(l.message)) out.push({ sec: Math.floor(l.ms / 1000), level: l.level });
  return out;
}

describe('one-shot log lines (once)', () => {
  it('writes a line once at its time', async () => {
    const { session } = await playText(FIXTURE, `00:30 ack\n`);
    expect(linesSaying(session.engine, /config reloaded from push 4411/)).toEqual([{ sec: 20, level: 'warn' }]);
  });

  it('writes a line once, `at` after its flag first goes up, and never without it', async () => {
    const done = await playText(FIXTURE, `00:30 ack\n02:00 do rollback config\n`);
    expect(linesSaying(done.session.engine, /rollback finished/)).toEqual([{ sec: 125, level: 'info' }]);
    const never = await playText(FIXTURE, `00:30 ack\n`);
    expect(linesSaying(never.session.engine, /rollback finished/)).toEqual([]);
  });

  it('is the same line every time the second is asked for (scroll-back and replay regenerate it)', async () => {
    const { session } = await playText(FIXTURE, `00:30 ack\n02:00 do rollback config\n`);
    expect(session.engine.logsAt(125)).toEqual(session.engine.logsAt(125));
    expect(session.engine.clone().logsAt(125)).toEqual(session.engine.logsAt(125));
  });

  it('needs rate or once, not both and not neither', () => {
    const both = lint(edit(text, 'once: { at: "00:20" }, level: warn', 'once: { at: "00:20" }, rate: 1, level: warn'));
    expect(both.some((f) => /log reload needs either rate \(a stream of lines\) or once \(a single line\), not both/.test(f.message))).toBe(true);
    const neither = lint(edit(text, 'once: { at: "00:20" }, level: warn', 'level: warn'));
    expect(neither.some((f) => /log reload needs either rate .* not neither/.test(f.message))).toBe(true);
    expect(lint(text).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/engine.js';
import { loadFixture, playText } from '../helpers.js';

const MINI = 'test/fixtures/mini.yaml';
// Ana joins 60 s after `escalate ops`, so at 2:00; a diagnostic takes her 120 s.
const OPENING = `00:30 ack\n00:40 sev 2\n01:00 escalate ops\n`;

/** mini, started with or without queued asks, Ana paged at 1:00. */
function started(asks: 'queued' | undefined): Engine {
  const e = new Engine(loadFixture(MINI).scenario, { seed: 1, variant: 'bad-config' });
  e.apply({ simMs: 0, actor: 'ic', body: { type: 'start', delegation: 'auto', ...(asks ? { asks } : {}) } });
  e.apply({ simMs: 60_000, actor: 'ic', body: { type: 'command', text: 'escalate ops' } });
  return e;
}

describe('an ask to someone paged but not joined yet', () => {
  it('waits for them: the IC is told so, and on joining they acknowledge it and start it', async () => {
    const { session } = await playText(MINI, `${OPENING}01:10 ask ana run config log in 5m\n`);
    const s = session.engine.state;
    const feed = s.feed.filter((f) => f.channel === 'chat').map((f) => [f.sec, f.from, f.text]);
    expect(feed).toContainEqual([70, 'you → Ana', 'run config log — back to you in 5:00']);
    expect(feed).toContainEqual([120, 'Ana', 'Catching up on the channel: taking "run config log" (asked at 1:10).']);
    // her time-box counts from when she takes it
    expect(s.tasks).toHaveLength(1);
    expect(s.tasks[0]).toMatchObject({ who: 'ana', kind: 'diagnostic', named: true, assignedSec: 120, dueSec: 120 + 300, reportedSec: 120 + 120 });
    expect(s.evidence['change-found']).toBe(240);
    expect(s.queuedAsks).toEqual([]);
  });

  it('answers the IC that it is queued', () => {
    const e = started('queued');
    e.apply({ simMs: 70_000, actor: 'ic', body: { type: 'command', text: 'ask ana run config log in 5m' } });
    expect(e.state.lastAnswer).toEqual({ sec: 70, text: 'Ana has not joined yet; they will take it when they join', ok: true });
    expect(e.state.queuedAsks.map((q) => [q.sec, q.who, q.ask.task])).toEqual([[70, 'ana', 'run config log']]);
  });

  it('takes several asks in the order they were made', async () => {
    const { session } = await playText(MINI, `${OPENING}01:10 ask ana run config log in 5m\n01:20 ask ana check the checkout dashboard in 10m\n`);
    const s = session.engine.state;
    expect(s.tasks.map((t) => [t.text, t.assignedSec])).toEqual([
      ['run config log', 120],
      ['check the checkout dashboard', 120],
    ]);
  });

  it('is still refused when nobody paged them: there is no join to wait for', async () => {
    const { session } = await playText(MINI, `00:30 ask ana run config log in 5m\n`);
    expect(session.engine.state.queuedAsks).toEqual([]);
    expect(session.engine.state.lastAnswer).toMatchObject({ ok: false, text: 'Ana has not joined yet: `escalate ops` first' });
  });

  it('is refused as it was in a recording made before asks waited (no `asks` on its start event)', () => {
    const e = started(undefined);
    e.apply({ simMs: 70_000, actor: 'ic', body: { type: 'command', text: 'ask ana run config log in 5m' } });
    expect(e.state.lastAnswer).toMatchObject({ ok: false, text: 'Ana has not joined yet (paged; waiting for them)' });
    e.advanceTo(300_000);
    expect(e.state.responders['ana']!.joinedSec).toBe(120);
    expect(e.state.tasks).toEqual([]);
  });
});

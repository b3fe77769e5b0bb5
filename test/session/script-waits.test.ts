import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers.js';
import { runScript, scriptWaitProblems } from '../../src/session/headless.js';
import { parseScript, type ScriptLine } from '../../src/session/script.js';
import { openStore } from '../../src/store/index.js';

const MINI = 'test/fixtures/mini.yaml';

function lines(text: string): ScriptLine[] {
  const r = parseScript(text, 'inline');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lines;
}

async function run(text: string, difficulty: 'easy' | 'normal' | 'hard' = 'normal') {
  const waits: Array<{ text: string; metMs: number | null }> = [];
  const { session } = await runScript(openStore(':memory:'), loadFixture(MINI), lines(text), { seed: 1, trainee: 't', mode: 'solo', difficulty, onWait: (l, metMs) => waits.push({ text: l.text, metMs }) }, () => 1_700_000_000_000);
  const said = (pattern: RegExp) => session.engine.state.feed.find((f) => pattern.test(f.text))?.sec ?? null;
  return { session, waits, said };
}

const ROLE_AFTER_JOIN = ['01:40 ack', '02:10 escalate ops', '02:15 wait joined(ana)', '02:20 role ops ana'].join('\n');

describe('script waits', () => {
  it('wait joined(NAME) holds the script until the responder joins; later lines keep their spacing from then', async () => {
    const normal = await run(ROLE_AFTER_JOIN);
    const joined = normal.session.engine.state.responders.ana!.joinedSec!;
    expect(normal.waits).toEqual([{ text: 'wait joined(ana)', metMs: joined * 1000 }]);
    expect(normal.said(/Ana is ops lead/)).toBe(joined + 5);
    // The same script still works when joining takes longer (hard: slower joins).
    const hard = await run(ROLE_AFTER_JOIN, 'hard');
    const joinedHard = hard.session.engine.state.responders.ana!.joinedSec!;
    expect(joinedHard).toBeGreaterThan(joined);
    expect(hard.said(/Ana is ops lead/)).toBe(joinedHard + 5);
  });

  it('wait flag(NAME) holds until the flag is up; a wait already met does not move the script', async () => {
    const r = await run(['01:40 ack', '02:10 escalate ops', '02:15 wait joined(ana)', '02:20 ask ana do rollback config in 3m', '02:25 go', '02:30 wait flag(rolled-back)', '02:40 status Rolled back; next update in 10 min', '02:45 wait flag(rolled-back)', '02:50 note after'].join('\n'));
    const [, rolled, again] = r.waits;
    expect(rolled!.metMs).not.toBeNull();
    expect(r.session.engine.has('rolled-back')).toBe(true);
    expect(r.said(/^Rolled back; next update/)).toBe(rolled!.metMs! / 1000 + 10);
    expect(again!.metMs).toBe(rolled!.metMs! + 15_000);
  });

  it('a wait never met stops at the time limit and says so', async () => {
    const r = await run(['01:40 ack', '02:15 wait joined(ana)', '02:20 note never'].join('\n'));
    expect(r.waits).toEqual([{ text: 'wait joined(ana)', metMs: null }]);
    expect(r.said(/never/)).toBeNull();
  });

  it('refuses a malformed wait at parse time, and waits on nobody or on a flag nothing raises before play', () => {
    const bad = parseScript('02:00 wait 5m\n', 'w.txt');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toBe('w.txt:1: "wait 5m": a script waits with "wait joined(NAME)" or "wait flag(NAME)"');
    const scenario = loadFixture(MINI).scenario;
    expect(scriptWaitProblems(lines('02:00 wait joined(zed)\n02:10 wait flag(no-such)\n02:20 wait joined(Ana)'), scenario)).toEqual([
      'line 1: nobody called "zed" can join; the scenario\'s people: ana',
      'line 2: the scenario never raises the flag "no-such"',
    ]);
  });
});

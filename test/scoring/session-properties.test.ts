import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreSession } from '../../src/scoring/score.js';
import type { Score } from '../../src/scoring/types.js';
import { loadFixture, playText } from '../helpers.js';
import { at, BUNDLED, strongScriptOf, scriptText, withLines } from '../support/played-scripts.js';

/**
 * The session score's invariants, over generated sessions of every bundled
 * scenario: a session is the strong script with a random part of its lines
 * left out (anything from a near-strong to a near-empty play), and each
 * property changes it one way and plays it again. Few runs per scenario with
 * a fixed seed: each run plays the scenario several times.
 */
const RUNS = 3;
const secOf = (line: string) => Number(line.slice(0, line.indexOf(':'))) * 60 + Number(line.slice(line.indexOf(':') + 1, line.indexOf(' ')));
const pm = (s: Score) => s.sections.find((x) => x.id === 'postmortem')?.score ?? 0;

describe.each(BUNDLED)('session score invariants: %s', (id) => {
  const path = `scenarios/${id}.yaml`;
  const { scenario } = loadFixture(path);
  const { file, variant: written } = strongScriptOf(id);
  const strong = scriptText(file);
  const harmful = scenario.actions.filter((a) => a.kind === 'harmful' && a.example);
  let variant: string;
  beforeAll(async () => {
    variant = written ?? scenario.variants[0]!.id;
  });
  const played = (lines: readonly string[], extra: readonly string[] = []) => playText(path, withLines(lines, extra), 1, variant);
  const session = fc.subarray(strong.map((_, i) => i), { minLength: 0 }).map((keep) => keep.map((i) => strong[i]!));

  it('doing nothing, or resolving at once, scores at most 5', async () => {
    expect((await played(['00:05 note watching'])).score.total).toBeLessThanOrEqual(5);
    expect((await played(['00:10 resolve'])).score.total).toBeLessThanOrEqual(5);
  });

  it('spamming any one command of a session never raises its score', async () => {
    await fc.assert(
      fc.asyncProperty(session, fc.nat(), fc.integer({ min: 2, max: 6 }), async (lines, pick, copies) => {
        fc.pre(lines.length > 0);
        const line = lines[pick % lines.length]!;
        const base = await played(lines);
        const spam = Array.from({ length: copies }, (_, i) => `${at(secOf(line) + 10 * (i + 1))} ${line.slice(line.indexOf(' ') + 1)}`);
        const r = await played(lines, spam);
        expect(r.score.total, `spamming "${line}"`).toBeLessThanOrEqual(base.score.total);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  }, 300_000);

  const VERBS = ['followup', 'status', 'ask', 'run', 'do', 'escalate', 'poll'] as const;
  const verbOf = (line: string) => line.slice(line.indexOf(' ') + 1).split(/\s+/)[0]!;
  // Each verb's lines in the strong script; a scenario whose strong play never follows up gets one, to a responder, ten minutes in.
  const linesOf = (verb: string) => {
    const of = strong.filter((l) => verbOf(l) === verb);
    return of.length > 0 || verb !== 'followup' ? of : [`${at(600)} followup ${scenario.people[0]!.id}`];
  };
  const verbs = VERBS.filter((v) => linesOf(v).length > 0);
  it('the verbs spammed cover followup, status, ask, escalate and poll in every scenario', () => {
    expect(verbs).toEqual(expect.arrayContaining(['followup', 'status', 'ask', 'escalate', 'poll']));
  });
  it.each(verbs)('spamming %s never raises the score', async (verb) => {
    await fc.assert(
      fc.asyncProperty(session, fc.nat(), fc.integer({ min: 2, max: 6 }), async (lines, pick, copies) => {
        const of = linesOf(verb);
        const line = of[pick % of.length]!;
        const base = await played(lines.includes(line) ? lines : [...lines, line]);
        const spam = Array.from({ length: copies }, (_, i) => `${at(secOf(line) + 15 * (i + 1))} ${line.slice(line.indexOf(' ') + 1)}`);
        const r = await played(lines.includes(line) ? lines : [...lines, line], spam);
        expect(r.score.total, `spamming "${line}" ${copies} times`).toBeLessThanOrEqual(base.score.total);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  }, 300_000);

  it('adding a harmful change never raises the score', async () => {
    expect(harmful.length, 'every bundled scenario offers harmful changes, each with an example to type').toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(session, fc.nat(), fc.integer({ min: 0, max: 1200 }), async (lines, pick, offset) => {
        const base = await played(lines);
        const action = harmful[pick % harmful.length]!;
        const onset = base.session.engine.state.onsetSec ?? 120;
        const r = await played(lines, [`${at(onset + offset)} do ${action.example!}`]);
        expect(r.score.total, `adding "do ${action.example}" at ${at(onset + offset)}`).toBeLessThanOrEqual(base.score.total);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  }, 300_000);

  it('delaying the key mitigation never raises the score', async () => {
    await fc.assert(
      fc.asyncProperty(session, fc.integer({ min: 30, max: 900 }), async (lines, delay) => {
        const base = await played(lines);
        const mitigated = base.session.engine.state.mitigatedSec;
        fc.pre(mitigated !== null);
        // The key mitigation: the last change asked for before the impact stopped.
        const key = lines.findLastIndex((l) => secOf(l) <= mitigated! && /(^|\s)do\s/.test(l.slice(l.indexOf(' '))));
        fc.pre(key >= 0);
        // Moved past a poll it would be a better-ordered decision (polled first), not merely a later one.
        fc.pre(!lines.some((l) => / poll /.test(l) && secOf(l) >= secOf(lines[key]!) && secOf(l) <= secOf(lines[key]!) + delay));
        const moved = `${at(secOf(lines[key]!) + delay)} ${lines[key]!.slice(lines[key]!.indexOf(' ') + 1)}`;
        const r = await played(lines.filter((_, i) => i !== key), [moved]);
        expect(r.score.total, `delaying "${lines[key]}" by ${delay} s`).toBeLessThanOrEqual(base.score.total);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  }, 300_000);

  it('a blameful item never raises the postmortem section', async () => {
    const person = scenario.people[0]!.name.split(/\s+/)[0]!;
    const owner = scenario.teams[0]?.id ?? 'platform';
    const blameful = [`Require ${person} to get sign-off from a senior engineer before every change`, 'Fire the engineer who made the change', 'Be more careful with production changes'];
    await fc.assert(
      fc.asyncProperty(session, fc.constantFrom(...blameful), async (lines, text) => {
        const base = await played(lines);
        const world = structuredClone(base.session.engine.state);
        world.postmortem.actions.push({ type: 'process', priority: 'P2', owner, text, sec: world.sec });
        const r = scoreSession(scenario, world);
        expect(pm(r), `adding "${text}"`).toBeLessThanOrEqual(pm(base.score));
        expect(r.total).toBeLessThanOrEqual(base.score.total);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/session/headless.js';
import { parseScript } from '../../src/session/script.js';
import { openStore } from '../../src/store/index.js';
import { checkpoint, loadFixture, playText } from '../helpers.js';

// The rubric checks on what happened (did, before, reached, never) and an
// action whose harm depends on the world (harmfulWhen), on a fixture whose
// onset is at 1:00: each is earned by one script and lost by another, with
// the reason the report shows.
const F = 'test/fixtures/happened.yaml';

const careful = `
01:40 escalate ops
02:00 ack
02:45 poll roll back the last change
03:00 do rollback config
05:00 do purge cache
20:00 resolve`;

const reckless = `
02:00 ack
04:00 do purge cache
05:00 do fail open payments
15:00 do rollback config
20:00 resolve`;

const idle = `
02:00 ack
25:00 resolve`;

const approvedFailOpen = `
01:40 escalate ops
02:00 ack
02:45 poll fail open payments
03:00 do fail open payments
20:00 resolve`;

const play = async (script: string) => (await playText(F, script.trim())).score;

describe('did: an action done, or a flag raised, within a time of the onset', () => {
  it('full points in time, said with the time after onset and the target', async () => {
    const s = await play(careful);
    expect(checkpoint(s, 'rolled')).toMatchObject({ earned: 15, reason: 'rolled back the config 2 min after onset (within 5 min)' });
    expect(checkpoint(s, 'landed')).toMatchObject({ earned: 10, reason: 'it happened 2 min 30 s after onset, once "Roll back the last change" took effect (within 10 min)' });
  });

  it('half when late, nothing when never done', async () => {
    const late = await play(reckless);
    expect(checkpoint(late, 'rolled')).toMatchObject({ earned: 7.5, reason: 'rolled back the config 14 min after onset (later than the 5 min expected)' });
    expect(checkpoint(late, 'landed').earned).toBe(5);
    const never = await play(idle);
    expect(checkpoint(never, 'rolled')).toMatchObject({ earned: 0, reason: 'never rolled back the config (expected within 5 min of onset)' });
  });

  it('names the responder who did it on the IC’s request', async () => {
    const s = await play(`
01:40 escalate ops
02:00 ack
03:30 ask ana do rollback config in 3m
03:35 go
20:00 resolve`);
    expect(checkpoint(s, 'rolled').reason).toMatch(/^rolled back the config by Ana \d min( \d+ s)? after onset \(within 5 min\)$/);
  });
});

describe('before: one thing before another', () => {
  it('earned when the first came first, lost when it came after or never', async () => {
    expect(checkpoint(await play(careful), 'agreed')).toMatchObject({ earned: 15, reason: 'Ana\'s answer in a poll at 2:45, before "Roll back the last change" at 3:00' });
    expect(checkpoint(await play(reckless), 'agreed')).toMatchObject({ earned: 0, reason: '"Roll back the last change" at 15:00 without Ana\'s answer in a poll before it' });
    const after = await play(`
01:40 escalate ops
02:00 ack
03:00 do rollback config
03:30 poll roll back the last change
20:00 resolve`);
    expect(checkpoint(after, 'agreed')).toMatchObject({ earned: 0, reason: '"Roll back the last change" at 3:00 came before Ana\'s answer in a poll (at 3:30)' });
  });

  it('does not apply when the impact was stopped without the second; costs when nothing was done', async () => {
    const other = checkpoint(await play(approvedFailOpen), 'agreed');
    expect(other).toMatchObject({ notApplicable: true, points: 0, earned: 0 });
    expect(other.reason).toMatch(/stopped without "Roll back the last change"/);
    expect(checkpoint(await play(idle), 'agreed')).toMatchObject({ earned: 0, reason: 'never got to "Roll back the last change", so Ana\'s answer in a poll never came before it' });
  });
});

describe('reached: a condition (here a named one) holding by a time after onset', () => {
  it('says when and what brought it about; half when late; nothing when never', async () => {
    expect(checkpoint(await play(careful), 'recovered')).toMatchObject({ earned: 15, reason: 'stopped the checkout errors 2 min 30 s after onset, once "Roll back the last change" took effect (within 5 min)' });
    const late = await play(`
02:00 ack
09:00 do rollback config
20:00 resolve`);
    expect(checkpoint(late, 'recovered')).toMatchObject({ earned: 7.5, reason: 'stopped the checkout errors 8 min 30 s after onset, once "Roll back the last change" took effect (later than the 5 min expected)' });
    expect(checkpoint(await play(idle), 'recovered')).toMatchObject({ earned: 0, reason: 'never stopped the checkout errors (expected within 5 min of onset)' });
  });
});

describe('never: a condition that must not hold', () => {
  it('earned when it never held, lost when it did, not applicable when nothing was changed', async () => {
    expect(checkpoint(await play(careful), 'no-rogue-fail-open')).toMatchObject({ earned: 15, reason: "never failed open without the risk owner's agreement (2 change(s) made)" });
    expect(checkpoint(await play(approvedFailOpen), 'no-rogue-fail-open').earned).toBeGreaterThan(0);
    expect(checkpoint(await play(reckless), 'no-rogue-fail-open')).toMatchObject({
      earned: 0,
      reason: 'failed open without the risk owner\'s agreement 4 min after onset, once "Fail open the payments check" took effect',
    });
    const nothing = await play(idle);
    expect(checkpoint(nothing, 'no-rogue-fail-open')).toMatchObject({ notApplicable: true, points: 0, reason: 'no change was made, so there was nothing to judge' });
    // its weight went to the checks that applied, never free points
    expect(nothing.checkpoints.reduce((a, c) => a + c.points, 0)).toBeCloseTo(100, 0);
    expect(nothing.total).toBe(Math.round(checkpoint(nothing, 'ack').earned));
  });
});

describe('harmfulWhen: harm that depends on the world', () => {
  it('is harmful while the condition holds as the action is taken: it loses no-harmful and halves mitigated', async () => {
    const s = await play(reckless);
    expect(checkpoint(s, 'harm')).toMatchObject({ earned: 0 });
    expect(checkpoint(s, 'harm').reason).toMatch(/^harmful: Purge the checkout cache at 4:00 \(With the bad config still in/);
    expect(checkpoint(s, 'mitigate').reason).toMatch(/1 harmful change\(s\) made \(×0\.5\)/);
  });

  it('is not harmful once the condition no longer holds', async () => {
    const s = await play(careful);
    expect(checkpoint(s, 'harm')).toMatchObject({ earned: 10, reason: '2 change(s) made, none of them harmful' });
    expect(checkpoint(s, 'mitigate').reason).not.toMatch(/harmful/);
  });

  it('is a harmful change to the solo coach exactly when it is one to the score', async () => {
    const coached = async (script: string) => {
      const p = parseScript(script.trim(), 'inline');
      if (!p.ok) throw new Error(p.errors.join('\n'));
      const r = await runScript(openStore(':memory:'), loadFixture(F), p.lines, { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal', coach: true }, () => 1_700_000_000_000);
      return r.session.engine.state.nudges.filter((n) => n.rule === 'harmful-change').map((n) => n.text);
    };
    expect(await coached(reckless)).toEqual([expect.stringMatching(/^That change \(Purge the checkout cache\) made things worse/)]);
    expect(await coached(careful)).toEqual([]);
  });

  it('leaves kind: harmful as it was: harmful whenever it is taken', async () => {
    const s = await play(`
02:00 ack
03:00 do rollback config
08:00 do restart db
20:00 resolve`);
    expect(checkpoint(s, 'harm').reason).toMatch(/^harmful: Restart the database at 8:00/);
  });
});

it('scores the same on a second run (the flag log is part of the deterministic world)', async () => {
  const a = await playText(F, reckless.trim());
  const b = await playText(F, reckless.trim());
  expect(a.score).toEqual(b.score);
  expect(a.session.engine.state.flagLog).toEqual(b.session.engine.state.flagLog);
});

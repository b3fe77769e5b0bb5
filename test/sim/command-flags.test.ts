import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/scenario/references.js';
import { checkpoint, loadFixture, playText } from '../helpers.js';
import { edit, lint } from '../scenario/lint/helpers.js';

const FIXTURE = 'test/fixtures/command-flags.yaml';
// Ana joins 60 s after `escalate ops`.
const OPENING = `00:30 ack\n00:40 sev 2\n01:00 escalate ops\n`;

const upAt = (log: readonly { sec: number; flag: string; on: boolean }[], flag: string) => log.find((c) => c.on && c.flag === flag)?.sec ?? null;

describe("flags raised by the IC's command acts", () => {
  it('escalate, a join, a status update, a role and a poll each raise their flag at the second they happen', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}02:10 status Checkout failing; next update in 10 min.\n02:20 role comms me\n02:30 poll roll back the last change\n`);
    const log = session.engine.state.flagLog;
    expect(upAt(log, 'escalated:ops')).toBe(60);
    expect(upAt(log, 'joined:ana')).toBe(120);
    expect(upAt(log, 'status-posted')).toBe(130);
    expect(upAt(log, 'role:comms')).toBe(140);
    expect(upAt(log, 'polled')).toBe(150);
    // Ana objects to a rollback
    expect(upAt(log, 'polled:objected')).toBe(150);
    expect(upAt(log, 'polled:clear')).toBeNull();
  });

  it('a poll nobody objects to raises polled:clear, and a handoff raises role:ic', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}02:30 poll add a second checkout replica\n02:40 handoff ana\n`);
    const log = session.engine.state.flagLog;
    expect(upAt(log, 'polled:clear')).toBe(150);
    expect(upAt(log, 'polled:objected')).toBeNull();
    expect(upAt(log, 'role:ic')).toBe(160);
  });

  it('messages, diagnostic outputs and rubric checks can be conditioned on them', async () => {
    const paged = await playText(FIXTURE, `${OPENING}02:10 role comms me\n02:20 status Checkout failing; next update in 10 min.\n02:30 poll add a second checkout replica\n02:40 run pager log\n`);
    const feed = paged.session.engine.state.feed;
    // afterFlag joined:ana (at 2:00) + 5 s; afterFlag status-posted (2:20) + 10 s while role:comms holds
    expect(feed.find((f) => f.text === 'Ana here, reading back the channel.')?.sec).toBe(125);
    expect(feed.find((f) => f.text === 'Thanks for the update, comms lead.')?.sec).toBe(150);
    expect(feed.some((f) => f.text === 'Is anyone from ops looking at this?')).toBe(false);
    expect(feed.some((f) => /ops paged; a poll heard no objection/.test(f.text))).toBe(true);
    expect(checkpoint(paged.score, 'paged').earned).toBe(checkpoint(paged.score, 'paged').points);

    const alone = await playText(FIXTURE, `00:30 ack\n00:40 sev 2\n02:40 run pager log\n`);
    const quiet = alone.session.engine.state.feed;
    expect(quiet.some((f) => f.text === 'Ana here, reading back the channel.')).toBe(false);
    expect(quiet.some((f) => f.text === 'Is anyone from ops looking at this?')).toBe(true);
    expect(quiet.some((f) => /nobody paged/.test(f.text))).toBe(true);
    expect(checkpoint(alone.score, 'paged').earned).toBe(0);
  });
});

describe('command flags in references and lint', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it('validate knows them: no unknown flag, while a misspelt one is still refused', () => {
    expect(checkReferences(loadFixture(FIXTURE).scenario)).toEqual([]);
    const typo = lint(edit(text, 'when: "!escalated:ops"', 'when: "!escalate:ops"'));
    expect(typo.some((f) => /unknown flag "escalate:ops"/.test(f.message))).toBe(true);
  });

  it('lint finds them reachable: a message read on them raises no finding', () => {
    expect(lint(text).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('lint knows who can never join: joined: for a person with joinSec null is never up', () => {
    const never = edit(text, 'joinSec: 60, taskSec: 120', 'joinSec: null, taskSec: 120');
    const found = lint(never).filter((f) => f.path.startsWith('messages.1'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => f.message).join('\n')).toMatch(/ana can never join/);
  });
});

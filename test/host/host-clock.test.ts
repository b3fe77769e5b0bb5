// The examiner owns the clock of a hosted interview: the candidate's keys
// cannot resume a pause or change speed, and the screen says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateTerminal, connect, sleep, startTestHost, type TestHost } from './host-harness.js';

describe('the examiner owns the clock', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('a paused examiner: the candidate cannot resume, is told so, and sees the time the examiner adds', async () => {
    const code = t.serving.host.issueCode();
    const client = await connect(t.serving.port, code);
    const term = await CandidateTerminal.open(client, 120, 40);
    await term.waitFor('[enter] start the clock');
    term.type('\r');
    await term.waitFor('Clock started');
    const cand = t.serving.host.candidates[0]!;
    const examiner = cand.examiner();
    for (let i = 0; i < 40 && !examiner.engine.state.started; i++) {
      examiner.poll();
      await sleep(50);
    }
    expect(examiner.togglePause()).toBe(true);
    await term.waitFor('paused by the examiner');
    const stoppedAt = cand.session.engine.sec;

    // Space (pause/resume) and + (faster) on an empty prompt: nothing recorded, the screen says why.
    const before = t.store.events(cand.id).length;
    term.type(' ');
    await term.waitFor('Paused by the examiner: the examiner resumes the clock.');
    term.type('+');
    await sleep(400);
    expect(t.store.events(cand.id).length).toBe(before);
    expect(cand.session.engine.state.paused).toBe(true);
    expect(cand.session.engine.state.speed).toBe(1);
    await sleep(1200);
    expect(cand.session.engine.sec).toBe(stoppedAt);

    expect(examiner.extend()).toBe(true);
    await term.waitFor('+10 min added');

    // The examiner resumes; with the clock granted, the candidate's own pause works.
    expect(examiner.togglePause()).toBe(true);
    await term.waitFor('▶ 1x');
    expect(examiner.toggleClockGrant()).toBe(true);
    for (let i = 0; i < 40 && !cand.session.engine.state.clockGranted; i++) await sleep(50);
    term.type(' ');
    await term.waitFor('⏸ paused 1x');
    const pause = t.store.events(cand.id).at(-1)!;
    expect([pause.type, pause.actor]).toEqual(['pause', 'ic']);
    client.end();
  });
});

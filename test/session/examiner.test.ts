// The examiner console against a live candidate in the same process, through
// two connections to one database file (as two processes would): what the
// examiner does reaches the candidate's screen on its next frame, stamped at
// the candidate's present, and the recording replays exactly.
import { describe, expect, it } from 'vitest';
import { ExaminerConsole } from '../../src/session/examiner.js';
import { Recording } from '../../src/session/replay.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { renderExaminerFrame } from '../../src/ui/examiner/render-examiner.js';
import { renderFrame, viewSizeFor } from '../../src/ui/render-frame.js';
import { cli, tempDb } from '../cli/run-cli.js';
import { loadFixture } from '../helpers.js';
import { LiveDriver } from './replay-helpers.js';

const size = viewSizeFor(120, 40);

function setup() {
  const db = tempDb();
  const candStore = openStore(db);
  const examStore = openStore(db);
  const session = Session.start(candStore, loadFixture('test/fixtures/mini.yaml'), { seed: 2, trainee: 'alex', mode: 'interview', difficulty: 'normal' }, () => 1_700_000_000_000);
  const driver = new LiveDriver(session, { interview: true });
  const examiner = ExaminerConsole.attach(examStore, 'latest', () => driver.wall);
  const screen = () => JSON.stringify(driver.live.view(size));
  return { db, candStore, examStore, session, driver, examiner, screen };
}

describe('examiner console with a live candidate', () => {
  it('waits for the clock, then follows it, and injects into the candidate\'s present', () => {
    const { session, driver, examiner, screen, candStore, examStore } = setup();
    expect(examiner.link().text).toMatch(/waiting for the clock to start/);
    expect(examiner.injectMessage('hello?')).toBe(false);
    expect(examiner.view(size).message).toMatch(/not started the clock/);

    driver.live.start();
    driver.runTo(90_000);
    examiner.poll();
    expect(examiner.engine.sec).toBe(90);
    expect(examiner.link()).toMatchObject({ live: false, text: expect.stringMatching(/candidate offline/) }); // same pid: not "another" process

    // a stakeholder message, named by id
    expect(examiner.injectMessage('sam: Customers are angry, any ETA?')).toBe(true);
    const injected = candStore.events(session.id).at(-1)!;
    expect(injected).toMatchObject({ actor: 'examiner', type: 'inject', simMs: 90_000 });
    expect(screen()).not.toContain('any ETA');
    driver.frame();
    expect(screen()).toContain('Customers are angry, any ETA?');
    expect(session.engine.state.questions.some((q) => q.stakeholder === 'sam')).toBe(true);

    // a page, the executive, a hint
    expect(examiner.injectPage('Checkout latency high')).toBe(true);
    expect(examiner.injectExecutive()).toBe(true);
    expect(examiner.injectExecutive()).toBe(false);
    expect(examiner.releaseHint()).toBe(true);
    expect(examiner.releaseHint()).toBe(false); // mini has one hint
    driver.frame();
    const vm = driver.live.view(size);
    expect(vm.feed.map((f) => f.text).join('\n')).toMatch(/Checkout latency high[\s\S]*What is going on[\s\S]*Hint: Look at what changed/);
    expect(session.engine.state.pages.some((p) => p.summary === 'Checkout latency high')).toBe(true);

    // pause: the candidate's clock stops on its next frame, and resumes
    expect(examiner.togglePause()).toBe(true);
    driver.frame();
    const stoppedAt = driver.live.clockMs;
    for (let i = 0; i < 20; i++) driver.frame();
    expect(driver.live.clockMs).toBe(stoppedAt);
    expect(driver.live.view(size).header.paused).toBe(true);
    examiner.poll();
    expect(examiner.view(size).header.paused).toBe(true);
    expect(examiner.togglePause()).toBe(true);
    for (let i = 0; i < 20; i++) driver.frame();
    expect(driver.live.clockMs).toBe(stoppedAt + 2000);

    // +10 minutes
    const before = session.engine.state.timeLimitSec;
    expect(examiner.extend()).toBe(true);
    driver.frame();
    expect(session.engine.state.timeLimitSec).toBe(before + 600);

    // a note pinned to now: on the examiner's console, never on the candidate's screen
    driver.runTo(150_000);
    examiner.poll();
    expect(examiner.note('hesitant on the rollback, SECRET-7')).toBe(true);
    const note = candStore.events(session.id).at(-1)!;
    expect(note).toMatchObject({ actor: 'examiner', type: 'annotate' });
    expect(note.simMs).toBeGreaterThanOrEqual(150_000);
    driver.frame();
    expect(screen()).not.toContain('SECRET-7');
    const evm = examiner.view(size);
    expect(evm.notes).toEqual([{ time: expect.stringMatching(/^\+2:3\d$/), text: 'hesitant on the rollback, SECRET-7' }]);
    expect(evm.activity.map((a) => a.text)).toEqual(expect.arrayContaining(['clock started', 'inject message as sam: Customers are angry, any ETA?', 'note: hesitant on the rollback, SECRET-7']));

    // the candidate's commands show up in the examiner's activity and light the rubric
    driver.live.submit('ack');
    driver.live.submit('sev 2');
    examiner.poll();
    const lit = examiner.view(size).rubric.items.filter((i) => i.state !== 'open').map((i) => i.id);
    expect(lit).toEqual(expect.arrayContaining(['sev']));
    expect(examiner.view(size).activity.slice(-2).map((a) => `${a.by} ${a.text}`)).toEqual(['ic ack', 'ic sev 2']);

    // the candidate quits: the examiner can still pin notes, nothing else
    driver.live.quit();
    examiner.poll();
    expect(examiner.link().text).toMatch(/session over/);
    expect(examiner.injectPage('too late')).toBe(false);
    expect(examiner.note('debrief: good comms')).toBe(true);

    // the recording replays what the candidate saw, injections included
    const rec = Recording.load(candStore, session.id);
    expect(rec.checkFidelity(candStore.viewHashes(session.id)).firstDiff).toBeNull();
    const finalFeed = rec.final.state.feed.map((f) => f.text).join('\n');
    for (const t of ['Customers are angry, any ETA?', 'Checkout latency high', 'Hint: Look at what changed']) expect(finalFeed).toContain(t);
    expect(rec.final.state.notes.map((n) => n.text)).toEqual(['hesitant on the rollback, SECRET-7', 'debrief: good comms']);
    expect(rec.markers.filter((m) => m.kind === 'inject')).toHaveLength(4);
    candStore.close();
    examStore.close();
  });

  it('never stamps an event before the candidate\'s published clock, even when the examiner lags', () => {
    const { session, driver, examiner, candStore, examStore } = setup();
    driver.live.start();
    driver.runTo(30_000);
    examiner.poll();
    driver.runTo(75_000); // the examiner has not polled since 0:30
    expect(examiner.engine.sec).toBe(30);
    expect(examiner.injectPage('late page')).toBe(true);
    const e = candStore.events(session.id).at(-1)!;
    expect(e.simMs).toBe(75_000);
    driver.frame();
    expect(session.engine.state.pages.find((p) => p.summary === 'late page')!.firedSec).toBe(75);
    const rec = Recording.load(candStore, session.id);
    expect(rec.final.state.pages.find((p) => p.summary === 'late page')!.firedSec).toBe(75);
    candStore.close();
    examStore.close();
  });

  it('a command typed right after an injection is recorded after it, so live and replay agree', () => {
    const { session, driver, examiner, candStore, examStore } = setup();
    driver.live.start();
    driver.runTo(20_000);
    examiner.poll();
    examiner.injectMessage('status please');
    driver.live.submit('status investigating'); // no frame in between: the controller catches up first
    const evs = candStore.events(session.id).slice(-2);
    expect(evs.map((x) => x.type)).toEqual(['inject', 'command']);
    const rec = Recording.load(candStore, session.id);
    expect(JSON.stringify(rec.final.state)).toBe(JSON.stringify(session.engine.state));
    candStore.close();
    examStore.close();
  });

  it('examine --headless prints the console: candidate view, hidden truth, rubric', () => {
    const { db, driver, examiner, candStore, examStore } = setup();
    driver.live.start();
    driver.runTo(200_000);
    driver.live.submit('ack');
    examiner.note('pinned');
    const text = renderExaminerFrame(examiner, 120, 42);
    expect(text).toMatch(/EXAMINER · candidate: alex · variant: bad-flag · 21:03:20 \(sim \+3:20\)/);
    expect(text).toMatch(/scenario: mini-checkout/);
    expect(text).toMatch(/Hidden truth/);
    // beside the candidate's screen the root cause wraps, whole
    expect(text).toMatch(/root cause: A feature flag routed/);
    expect(text).toMatch(/checkout to a dead host\./);
    expect(text).toMatch(/✓ Acknowledge fast/);
    expect(text).toMatch(/EXAMINER note: pinned/);
    expect(text.split('\n').length).toBeLessThanOrEqual(41);
    candStore.close();
    examStore.close();
    const r = cli(['examine', 'latest', '--headless', '--width', '120', '--height', '42'], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Rubric \(live\)/);
    expect(r.stdout).toMatch(/candidate offline/);
    expect(r.stdout).toMatch(/`firedrill resume \w+` continues the session/);
    const small = renderExaminerFrame(ExaminerConsole.attach(openStore(db), 'latest', Date.now), 80, 24);
    expect(small).toMatch(/needs at least 80x35/);
    const tty = cli(['examine', 'latest'], { FIREDRILL_DB: db });
    expect(tty.code).toBe(1);
    expect(tty.stderr).toMatch(/needs an interactive terminal.*--headless/);
  });

  it('the candidate\'s own screen in the examiner console is the candidate\'s view model', () => {
    const { driver, examiner, candStore, examStore } = setup();
    driver.live.start();
    driver.runTo(120_000);
    driver.live.submit('sev 2');
    examiner.poll();
    const evm = examiner.view(size, true);
    const cand = driver.live.view(size);
    expect(renderFrame(evm.candidate, 120, 40)).toBe(renderFrame({ ...cand, briefing: evm.candidate.briefing }, 120, 40));
    candStore.close();
    examStore.close();
  });
});

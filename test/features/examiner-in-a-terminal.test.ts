// The real program in real terminals: a candidate plays in interview mode in
// one terminal while the examiner console runs in another on the same
// database; then the candidate's process is killed and the session resumed.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { cli, tempDb } from '../cli/run-cli.js';
import { type ProgramTerminal, SIZES, startProgram } from '../support/terminal.js';

const open: ProgramTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

function start(db: string, args: string, rows: number = SIZES.large.rows): ProgramTerminal {
  const t = startProgram([...args.split(' '), '--db', db], { cols: SIZES.large.cols, rows });
  open.push(t);
  return t;
}

async function exitsCleanly(t: ProgramTerminal): Promise<string> {
  expect(await t.exited()).toEqual({ code: 0, signal: 0 });
  return t.screen();
}

describe('candidate and examiner in two terminals', () => {
  it('the examiner watches, injects and pauses; the candidate sees it; the recording checks out', async () => {
    const db = tempDb();
    const cand = start(db, 'play test/fixtures/mini.yaml --mode interview --seed 2 --trainee alex');
    await cand.waitFor(/examiner may be watching/);
    await cand.waitFor(/enter.*start the clock/i);
    const exam = start(db, 'examine latest', 42);
    await exam.waitFor(/EXAMINER · candidate: alex/);
    await exam.waitFor(/waiting for the clock to start/);
    cand.press('Enter');
    await exam.waitFor(/candidate live/);
    // The examiner owns an interview's clock: the candidate's speed key works only once granted.
    cand.type('+');
    await cand.waitFor(/the examiner runs the clock/);
    exam.type('g');
    await exam.waitFor(/may pause and change speed/);
    await cand.waitFor(/▶ 1x/);
    for (let i = 0; i < 20 && !/▶ 2x/.test(cand.screen()); i++) {
      cand.type('+');
      await new Promise((r) => setTimeout(r, 150));
    }
    await cand.waitFor(/▶ 2x/);
    cand.type('sev 2');
    cand.press('Enter');
    await exam.waitFor(/> sev 2/);
    await exam.waitFor(/· Acknowledge fast/);

    exam.type('1');
    await exam.waitFor(/message \(who: text/);
    exam.type('sam: is checkout down?');
    exam.press('Enter');
    await cand.waitFor(/is checkout down\?/);
    exam.type('h');
    await cand.waitFor(/Hint: Look at what changed/);
    exam.type('n');
    exam.type('hidden-note-42');
    exam.press('Enter');
    await exam.waitFor(/EXAMINER note: hidden-note-42/);
    exam.type('p');
    await cand.waitFor(/⏸ paused/);
    await exam.waitFor(/⏸ paused/);
    exam.type('p');
    await cand.waitFor(/▶ 2x/);
    exam.type('+');
    await exam.waitFor(/time limit \+10 min/);
    expect(cand.screen()).not.toMatch(/hidden-note-42|feature flag routed/);

    await cand.waitFor(/> ▏ +\? help/);
    cand.type('q');
    await cand.waitFor(/Quit this session\? y\/n/);
    cand.type('y');
    const after = await exitsCleanly(cand);
    // (play prints the score summary after the app exits; see the report: that is play-interactive's output)
    expect(after).not.toMatch(/hidden-note-42|feature flag routed|bad-flag|Bad feature flag/);
    await exam.waitFor(/session over/);
    exam.type('q');
    await exitsCleanly(exam);

    const check = cli(['replay', 'latest', '--check'], { FIREDRILL_DB: db });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^ok /);
    const store = openStore(db);
    const events = store.events(store.getSession('latest').id);
    expect(events.filter((e) => e.actor === 'examiner').map((e) => e.type)).toEqual(['grant', 'inject', 'inject', 'annotate', 'pause', 'resume', 'extend']);
    store.close();
  }, 90_000);

  it('a killed candidate process is resumed with the same world', async () => {
    const db = tempDb();
    const cand = start(db, 'play test/fixtures/mini.yaml --seed 4');
    await cand.waitFor(/enter.*start the clock/i);
    cand.press('Enter');
    await cand.waitFor(/Dashboard/);
    cand.type('sev 2');
    cand.press('Enter');
    await cand.waitFor(/SEV-2/);
    cand.type('hyp a bad config push');
    cand.press('Enter');
    await cand.waitFor(/hyp #1/);
    cand.kill('SIGKILL');
    expect((await cand.exited()).signal).toBe(9);

    const again = start(db, 'resume latest');
    await again.waitFor(/SEV-2/);
    await again.waitFor(/hyp #1/);
    again.type('escalate ops');
    again.press('Enter');
    await again.waitFor(/paged Ops/);
    await again.waitFor(/> ▏ +\? help/);
    // The quit must come after 0:00, or the branch below would start from a session already over.
    await again.waitFor(/21:00:(0[2-9]|[1-5]\d) +▶/);
    again.type('q');
    await again.waitFor(/Quit this session\? y\/n/);
    again.type('y');
    await exitsCleanly(again);
    const store = openStore(db);
    const texts = store.events(store.getSession('latest').id).filter((e) => e.type === 'command').map((e) => (e.payload as { text: string }).text);
    expect(texts).toEqual(['sev 2', 'hyp a bad config push', 'escalate ops']);
    const original = store.getSession('latest');
    store.close();
    expect(cli(['replay', 'latest', '--check'], { FIREDRILL_DB: db }).code).toBe(0);

    // what-if: from 0:00 of that session, a different course in a new session
    const branch = start(db, `replay ${original.id} --branch-at 0:00`);
    await branch.waitFor(/Dashboard/);
    await branch.waitFor(/> ▏ +\? help/);
    branch.type('q');
    await branch.waitFor(/Quit this session\? y\/n/);
    branch.type('y');
    await exitsCleanly(branch);
    const s2 = openStore(db);
    expect(s2.getSession('latest')).toMatchObject({ parentId: original.id, branchAtMs: 0, seed: original.seed, variant: original.variant });
    s2.close();
  }, 90_000);

  it('replays in the terminal: play/pause, seek, step', async () => {
    const db = tempDb();
    expect(cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--quiet'], { FIREDRILL_DB: db }).code).toBe(0);
    const t = start(db, 'replay latest');
    await t.waitFor(/REPLAY ⏸ 1x {2}\+0:00 \/ 14:20 {2}decision 0\/22/);
    expect(t.alternateScreen).toBe(true);
    t.type('n');
    await t.waitFor(/decision 1\/22 · \+1:40 > ack/);
    t.type('g');
    t.type('12:30');
    t.press('Enter');
    await t.waitFor(/\+12:30 \/ 14:20/);
    t.type(' ');
    await t.waitFor(/REPLAY ▶ 1x/);
    t.type('q');
    await exitsCleanly(t);
    expect(t.alternateScreen).toBe(false);
  }, 60_000);
});

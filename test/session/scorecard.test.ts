// The interviewer's scorecard: ratings beside the computed scores, notes
// tagged to rubric items and moments, a recommendation, all examiner-only
// events; `report --examiner` has it, the candidate's report, replay and
// copy never do, and the candidate's debrief waits for the examiner's release.
import { describe, expect, it } from 'vitest';
import { ExaminerConsole } from '../../src/session/examiner.js';
import { candidateCopy } from '../../src/session/examiner-redact.js';
import { Recording } from '../../src/session/replay.js';
import { Session } from '../../src/session/session.js';
import { keyRing } from '../../src/signing/index.js';
import { openStore } from '../../src/store/index.js';
import { renderExaminerFrame } from '../../src/ui/examiner/render-examiner.js';
import { viewSizeFor } from '../../src/ui/render-frame.js';
import { cli, tempDb } from '../cli/run-cli.js';
import { loadFixture } from '../helpers.js';
import { LiveDriver } from './replay-helpers.js';

const size = viewSizeFor(120, 40);

function interview() {
  const db = tempDb();
  const candStore = openStore(db);
  const examStore = openStore(db);
  const session = Session.start(candStore, loadFixture('test/fixtures/mini.yaml'), { seed: 2, trainee: 'alex', mode: 'interview', difficulty: 'normal' }, () => 1_700_000_000_000);
  const driver = new LiveDriver(session, { interview: true });
  const examiner = ExaminerConsole.attach(examStore, 'latest', () => driver.wall);
  driver.live.start();
  driver.runTo(200_000);
  driver.live.submit('ack');
  driver.live.submit('sev 2');
  examiner.poll();
  return { db, candStore, examStore, session, driver, examiner };
}

describe('the examiner\'s scorecard', () => {
  it('reads notes with a moment and a rubric item, ratings and a recommendation, and refuses what it cannot place', () => {
    const { examiner, candStore, examStore, session } = interview();
    expect(examiner.note('@1:30 #sev SECRET-NOTE slow to call the severity')).toBe(true);
    expect(candStore.events(session.id).at(-1)).toMatchObject({ actor: 'examiner', type: 'annotate', payload: { text: 'SECRET-NOTE slow to call the severity', item: 'sev', atMs: 90_000 } });
    expect(examiner.note('#nosuch text')).toBe(false);
    expect(examiner.view(size).message).toMatch(/#nosuch is no rubric item; they are: ack, sev/);
    expect(examiner.note('@9:00 from the future')).toBe(false);
    expect(examiner.note('@xx text')).toBe(false);

    expect(examiner.rate('severity 7')).toBe(true);
    expect(examiner.rate('severity 12')).toBe(false); // worth 11.1 of 100
    expect(examiner.rate('charisma 3')).toBe(false);
    expect(examiner.rate('severity')).toBe(false);
    expect(examiner.recommend('hire: SECRET-VERDICT calm and clear')).toBe(true);
    expect(examiner.recommend('maybe')).toBe(false);

    const card = examiner.view(size).scorecard;
    const sev = card.competencies.find((c) => c.id === 'severity')!;
    expect(sev).toMatchObject({ rated: 7, final: 7 });
    expect(sev.max).toBeCloseTo(11.1);
    expect(sev.computed).toBeGreaterThan(0);
    const det = card.competencies.find((c) => c.id === 'detection')!;
    expect(det.rated).toBeNull();
    expect(det.final).toBe(det.computed);
    expect(card.recommendation).toMatchObject({ verdict: 'hire', text: 'SECRET-VERDICT calm and clear' });
    expect(card.notes[0]).toMatchObject({ atSec: 90, item: { id: 'sev', title: 'Declare severity' } });
    expect(card.releasedSec).toBeNull();
    candStore.close();
    examStore.close();
  });

  it('is in report --examiner; the candidate\'s report waits for the release, then has score and notes but never the scorecard', () => {
    const { db, driver, examiner, candStore, examStore, session } = interview();
    examiner.note('#ack SECRET-NOTE quick ack');
    examiner.rate('detection 9');
    examiner.recommend('strong-hire: SECRET-VERDICT');
    expect(examiner.release()).toBe(false); // not before the session is over
    driver.live.quit();
    examiner.poll();
    const id = session.id;
    const env = { FIREDRILL_DB: db };

    for (const format of ['md', 'json', 'html']) {
      const held = cli(['report', id, '--format', format], env);
      expect(held.code, held.stderr).toBe(0);
      expect(held.stdout).toMatch(/has not released the debrief yet/);
      for (const secret of ['SECRET-NOTE', 'SECRET-VERDICT', 'dead host', 'bad-flag', '/100', '"total"']) expect(held.stdout).not.toContain(secret);
      const full = cli(['report', id, '--format', format, '--examiner'], env);
      expect(full.code, full.stderr).toBe(0);
      for (const secret of ['SECRET-NOTE', 'SECRET-VERDICT', 'dead host']) expect(full.stdout).toContain(secret);
    }
    const md = cli(['report', id, '--examiner'], env).stdout;
    expect(md).toMatch(/## Scorecard \(examiner only\)/);
    expect(md).toMatch(/\| detection \| 11\.1\/11\.1 \| 9\/11\.1 \| 9 \|/);
    expect(md).toMatch(/\*\*Recommendation:\*\* strong hire — SECRET-VERDICT/);
    expect(md).toMatch(/on "Acknowledge fast": SECRET-NOTE quick ack/);
    expect(md).toMatch(/\*\*Debrief:\*\* not released to the candidate/);
    const json = JSON.parse(cli(['report', id, '--format', 'json', '--examiner'], env).stdout) as { scorecard: { recommendation: { verdict: string } } };
    expect(json.scorecard.recommendation.verdict).toBe('strong-hire');

    // the candidate's replay has no note markers before the release; the examiner's does
    expect(Recording.load(candStore, id).markers.some((m) => m.kind === 'note')).toBe(false);
    const forExaminer = Recording.load(candStore, id);
    forExaminer.showExaminerNotes();
    expect(forExaminer.markers.some((m) => m.kind === 'note' && m.label.includes('SECRET-NOTE'))).toBe(true);

    expect(examiner.release()).toBe(true);
    expect(examiner.release()).toBe(false); // once
    expect(candStore.events(id).at(-1)).toMatchObject({ actor: 'examiner', type: 'release' });
    const released = cli(['report', id], env).stdout;
    expect(released).not.toMatch(/has not released/);
    expect(released).toMatch(/## Score/);
    expect(released).toContain('SECRET-NOTE'); // the notes, released
    expect(released).toContain('dead host'); // what broke
    expect(released).not.toContain('SECRET-VERDICT');
    expect(released).not.toMatch(/Scorecard/);
    expect(Recording.load(candStore, id).markers.some((m) => m.kind === 'note')).toBe(true);
    candStore.close();
    examStore.close();
  });

  it('never reaches the candidate\'s copy, and shows in the examiner console', () => {
    const { driver, examiner, candStore, examStore, session } = interview();
    examiner.note('#sev SECRET-NOTE');
    examiner.rate('severity 4');
    examiner.recommend('no-hire: SECRET-VERDICT');
    driver.live.quit();
    examiner.poll();
    examiner.release();
    const copy = JSON.stringify(candidateCopy(candStore.exportSession(session.id), keyRing().own()));
    for (const secret of ['SECRET-NOTE', 'SECRET-VERDICT', '"rate"', '"recommend"', 'no-hire']) expect(copy).not.toContain(secret);
    expect(copy).toContain('"release"');
    expect(examiner.view(size).activity.map((a) => a.text)).toEqual(expect.arrayContaining(['rated severity 4', 'recommends no-hire: SECRET-VERDICT', 'released the debrief']));
    expect(renderExaminerFrame(examiner, 120, 42)).toMatch(/\[x\] release debrief/);
    candStore.close();
    examStore.close();
  });
});

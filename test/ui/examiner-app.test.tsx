// The examiner console's keys with ink-testing-library, against a candidate
// driven in the same process through a second connection to the database.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ExaminerConsole } from '../../src/session/examiner.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { ExaminerApp } from '../../src/ui/examiner/ExaminerApp.js';
import { tempDb } from '../cli/run-cli.js';
import { loadFixture } from '../helpers.js';
import { LiveDriver } from '../session/replay-helpers.js';

const flush = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

describe('ExaminerApp', () => {
  it('injects, releases a hint, pauses, extends and pins notes by key; the candidate gets them', async () => {
    const db = tempDb();
    const cand = openStore(db);
    const exam = openStore(db);
    const session = Session.start(cand, loadFixture('test/fixtures/mini.yaml'), { seed: 2, trainee: 'alex', mode: 'interview', difficulty: 'normal' }, () => 0);
    const d = new LiveDriver(session, { interview: true });
    d.live.start();
    d.runTo(200_000);
    d.live.submit('ack');
    const examiner = ExaminerConsole.attach(exam, session.id, () => d.wall);
    const app = render(<ExaminerApp examiner={examiner} size={{ columns: 120, rows: 42 }} color={false} pollMs={20} />);
    const frame = () => app.lastFrame() ?? '';
    const press = async (...keys: string[]) => {
      for (const k of keys) {
        app.stdin.write(k);
        await flush();
      }
    };
    expect(frame()).toMatch(/EXAMINER · candidate: alex/);
    expect(frame()).toMatch(/Hidden truth/);
    expect(frame()).toMatch(/✓ Acknowledge fast/);
    expect(frame()).toMatch(/\[1\] message \[2\] page \[3\] exec joins \[c\] curveball \[h\] hint/);

    await press('1');
    expect(frame()).toMatch(/message \(who: text — a stakeholder, a responder or exec\) > ▏/);
    await press('sam: any news?', '\r');
    expect(frame()).toMatch(/message from Sam at \+3:20/);
    await press('2', 'Disk almost full', '\r');
    await press('3', 'h', '+');
    await press('n');
    expect(frame()).toMatch(/note @\+3:20 > ▏/);
    await press('slow to escalate', '\r');
    await press('p');
    const types = cand.events(session.id).filter((e) => e.actor === 'examiner').map((e) => e.type);
    expect(types).toEqual(['inject', 'inject', 'inject', 'inject', 'extend', 'annotate', 'pause']);
    d.frame();
    const feed = d.live.view({ sparkPoints: 10, logLines: 3, feedLines: 20, timelineEntries: 3, logScrollback: 0 }).feed.map((f) => f.text).join('\n');
    expect(feed).toMatch(/any news\?[\s\S]*Disk almost full[\s\S]*What is going on[\s\S]*Hint:/);
    expect(feed).not.toMatch(/slow to escalate/);
    expect(session.engine.state.paused).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    await flush();
    expect(frame()).toMatch(/⏸ paused/);
    expect(frame()).toMatch(/EXAMINER note: slow to escalate/);
    await press('q');
    app.unmount();
    cand.close();
    exam.close();
  });
});

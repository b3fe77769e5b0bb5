// What the examiner does in an interview is scored for what it is: an
// injected page does not move the scenario's MTTA, a released hint costs
// what the ladder says and shows in the report.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/scoring/report-md.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { selectExaminerView } from '../../src/view/examiner-select.js';
import { loadFixture } from '../helpers.js';

function interview() {
  const store = openStore(':memory:');
  const loaded = loadFixture('scenarios/payment-fraud-dns.yaml');
  const session = Session.start(store, loaded, { seed: 1, trainee: 'cand', mode: 'interview', difficulty: 'normal' }, () => 1_700_000_000_000);
  session.record({ type: 'start' }, 0);
  return { store, session, scenario: loaded.scenario };
}

describe('examiner interventions and the score', () => {
  it('an injected page, acknowledged, leaves first-page and acknowledge times to the scenario', () => {
    const { session } = interview();
    session.record({ type: 'inject', kind: 'page', from: 'pagerduty', channel: 'page', text: 'Disk 91% on db-2' }, 5_000, 'examiner');
    session.record({ type: 'command', text: 'ack' }, 6_000);
    const s = session.engine.state;
    expect(s.pages.find((p) => p.id.startsWith('inject-'))?.ackedSec).toBe(6);
    expect(s.ackSec).toBeNull();
    expect(s.firstPageSec === null || s.firstPageSec > 5).toBe(true);
  });

  it('a hint the examiner releases costs what the ladder says, on the timeline and in the score', () => {
    const { session, scenario } = interview();
    const before = session.score();
    session.record({ type: 'inject', kind: 'hint', from: 'examiner', channel: 'chat', text: '' }, 60_000, 'examiner');
    const s = session.engine.state;
    expect(s.hintsTaken).toEqual([{ sec: 60, cost: scenario.hints[0]!.cost, by: 'examiner' }]);
    expect(s.timeline.some((t) => /hint 1 \(released by the examiner\)/.test(t.text))).toBe(true);
    const after = session.score();
    expect(after.hintPenalty).toBe(scenario.hints[0]!.cost);
    expect(after.sections.find((x) => x.id === 'hints')?.reasons[0]).toMatch(/1 released by the examiner/);
    expect(after.total).toBeLessThanOrEqual(before.total);
    // and the report says so: on the timeline and in the hints line of the score
    const md = renderMarkdown(scenario, s, after, { sessionId: session.id, seed: 1, trainee: 'cand', mode: 'interview', difficulty: 'normal', startedAt: '', revealTruth: true, chainVerified: null });
    expect(md).toMatch(/hint 1 \(released by the examiner\)/);
    expect(md).toMatch(/1 hint\(s\) taken \(1 released by the examiner\): −\d/);
  });

  it('the live rubric at +0:00 earns nothing: checks that cannot apply yet wait for the end', () => {
    const { session } = interview();
    const view = () =>
      selectExaminerView(session.engine, { sessionId: session.id, trainee: 'cand', mode: 'interview', link: '', live: true, candidateSize: { sparkPoints: 40, logLines: 12, feedLines: 9, timelineEntries: 12, logScrollback: 0 }, activity: [], message: null });
    const start = view().rubric;
    expect(start.total).toBe(0);
    expect(start.items.filter((i) => i.state !== 'open' && i.state !== 'n/a').map((i) => i.title)).toEqual([]);
    expect(start.items.some((i) => /judged at the end/.test(i.reason))).toBe(true);
    // Once the session is over they are judged: checks that never applied earn nothing, and doing nothing earns nothing.
    session.record({ type: 'quit' }, 60_000, 'system');
    const end = view().rubric;
    expect(end.items.some((i) => i.state === 'n/a' && /not applicable/.test(i.reason))).toBe(true);
    expect(end.items.filter((i) => i.state === 'met' || i.state === 'partial').map((i) => i.title)).toEqual([]);
    expect(end.total).toBe(0);
    expect(end.total).toBe(session.score().total);
  });
});

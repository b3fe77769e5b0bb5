import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceScript } from '../../src/scenario/reference-play.js';
import { referenceTimeline } from '../../src/scoring/reference.js';
import { referenceRun } from '../../src/scoring/reference-run.js';
import { harmRows } from '../../src/scoring/report-common.js';
import { checkpoint, loadFixture, play, scriptLines } from '../helpers.js';

const PFD = 'scenarios/payment-fraud-dns.yaml';

describe('the comparison with the reference play', () => {
  it('runs the strong script of the session variant through the engine: deterministic, the same world as playing it', async () => {
    const strong = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt', 4);
    const sc = strong.session.scenario;
    const key = { seed: 4, variant: strong.session.engine.state.variant, difficulty: 'normal' as const };
    const run = referenceRun(sc, key)!;
    expect(run.world.outcome).toBe('resolved');
    expect(run.score.total).toBe(strong.score.total);
    expect(run.world.impact).toEqual(strong.session.engine.state.impact);
    expect(run.world.mitigatedSec).toBe(strong.session.engine.state.mitigatedSec);
    // A fresh copy of the scenario (no cache) runs to the same world.
    const again = referenceRun(structuredClone(sc), key)!;
    expect(JSON.stringify(again.world)).toBe(JSON.stringify(run.world));
  });

  it('ticks only what was done well, and its deadlines do not move with the trainee', async () => {
    const strong = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt');
    const weak = await play(PFD, 'test/scripts/payment-fraud-dns.weak.txt');
    const sc = weak.session.scenario;
    const ref = referenceRun(sc, { seed: 1, variant: weak.session.engine.state.variant, difficulty: 'normal' });
    expect(ref).not.toBeNull();
    const s = referenceTimeline(sc, strong.session.engine.state, strong.score, ref);
    const w = referenceTimeline(sc, weak.session.engine.state, weak.score, ref);
    expect(s.filter((r) => r.status !== 'met')).toEqual([]);
    // The same deadlines whatever the trainee did (the weak IC acknowledged, declared and resolved at other times).
    expect(w.map((r) => [r.checkpoint, r.bySec])).toEqual(s.map((r) => [r.checkpoint, r.bySec]));
    expect(w.map((r) => r.bySec)).toEqual([...w.map((r) => r.bySec)].sort((a, b) => a - b));
    // The reference column is the reference play's own times: filled for every step it took.
    for (const r of w.filter((x) => x.checkpoint !== 'no-harm' && !/cadence/.test(x.what))) expect(r.refSec, r.what).not.toBeNull();
    expect(w.find((r) => r.checkpoint === 'ack-page')!.refSec).toBe(ref!.world.ackSec);
    const by = (id: string) => w.find((r) => r.checkpoint === id)!;
    expect(by('ack-page').status).toBe('late');
    expect(checkpoint(weak.score, 'ack-page').earned).toBeLessThan(checkpoint(weak.score, 'ack-page').points);
    expect(by('assign-roles').status).toBe('missed');
    expect(by('hypothesis-first').status).toBe('missed');
    // Quality, not just timing: a SEV-3 declared in time, a wrong root cause, a blameful postmortem get no tick.
    const sev = w.find((r) => /declares the incident at SEV-2/.test(r.what))!;
    expect(weak.session.engine.state.severityHistory[0]!.level).toBe(3);
    expect(sev).toMatchObject({ status: 'wrong', note: expect.stringMatching(/SEV-3, too low/) });
    expect(w.find((r) => r.what === 'states the root cause')).toMatchObject({ status: 'wrong', note: 'misses what broke' });
    expect(w.find((r) => /submits the postmortem/.test(r.what))).toMatchObject({ status: 'wrong', note: expect.stringMatching(/blameful/) });
    expect(by('resolved-after-fix')).toMatchObject({ status: 'wrong', note: expect.stringMatching(/fault still active/) });
    expect(checkpoint(weak.score, 'resolved-after-fix').earned).toBe(0);
  });

  it('sets the harm figures beside the reference play’s', async () => {
    const weak = await play(PFD, 'test/scripts/payment-fraud-dns.weak.txt');
    const sc = weak.session.scenario;
    const ref = referenceRun(sc, { seed: 1, variant: weak.session.engine.state.variant, difficulty: 'normal' })!;
    const rows = harmRows(sc, weak.session.engine.state, weak.score, ref);
    const failed = rows.find((r) => r.id === 'impact:failed-payments')!;
    const n = (t: string) => Number(t.replace(/[^\d]/g, ''));
    expect(n(failed.you)).toBeGreaterThan(n(failed.reference!));
    expect(rows.find((r) => r.id === 'impact:payment-value-failed')!.you).toMatch(/^\$/);
    expect(rows.find((r) => r.id === 'harmful')).toMatchObject({ you: '3', reference: 'none' });
    expect(rows.find((r) => r.id === 'score')!.reference).toBe(`${ref.score.total}/${ref.score.max}`);
    expect(harmRows(sc, weak.session.engine.state, weak.score, null).every((r) => r.reference === null)).toBe(true);
  });

  it('plays, for every bundled scenario and variant, the strong script the tests play', () => {
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const sc = loadFixture(`scenarios/${file}`).scenario;
      for (const v of sc.variants) {
        const own = `test/scripts/${sc.id}.${v.id}.strong.txt`;
        const path = readdirSync('test/scripts').includes(`${sc.id}.${v.id}.strong.txt`) ? own : `test/scripts/${sc.id}.strong.txt`;
        expect(readFileSync(path, 'utf8').length).toBeGreaterThan(0);
        expect(referenceScript(sc, v.id), `${sc.id} ${v.id}`).toEqual(scriptLines(path));
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { referenceWorld } from '../../src/sim/reference-world.js';
import { harmCounters, harmOf, judgeMitigation } from '../../src/scoring/mitigation.js';
import { checkpoint, play, playText } from '../helpers.js';

const PFD = 'scenarios/payment-fraud-dns.yaml';

describe('mitigation scored from the simulated harm against the reference play', () => {
  it('the strong play earns it in full; a later fix with more failed payments earns the reference share, and the reason gives both figures', async () => {
    const strong = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt');
    expect(checkpoint(strong.score, 'mitigated-fast').earned).toBe(checkpoint(strong.score, 'mitigated-fast').points);
    expect(checkpoint(strong.score, 'mitigated-fast').reason).toMatch(/harm .* failed payments vs .* in the reference play/);
    const sc = strong.session.scenario;
    const check = sc.rubric.find((c) => c.check.kind === 'mitigated')!.check as Extract<(typeof sc.rubric)[number]['check'], { kind: 'mitigated' }>;
    const w = strong.session.engine.state;
    const ref = referenceWorld(sc, { seed: w.seed, variant: w.variant, difficulty: w.difficulty })!;
    // The same reference world for a copy of the scenario: kept by content, seed, variant and difficulty.
    expect(referenceWorld(structuredClone(sc), { seed: w.seed, variant: w.variant, difficulty: w.difficulty })).toBe(ref);
    const counters = harmCounters(sc, check);
    expect(counters.map((c) => c.id)).toEqual(['failed-payments']);
    // A world with three times the reference's failed payments: a third of the credit, no cliff.
    const worse = structuredClone(w);
    worse.impact['failed-payments'] = 3 * harmOf(ref, counters);
    const j = judgeMitigation(sc, check, worse);
    expect(j.fraction).toBeCloseTo((harmOf(ref, counters) + 1) / (3 * harmOf(ref, counters) + 1), 6);
    // Smooth: a little more harm costs a little.
    const bit = structuredClone(w);
    bit.impact['failed-payments'] = 1.05 * harmOf(ref, counters);
    expect(judgeMitigation(sc, check, bit).fraction).toBeGreaterThan(0.9);
  });

  it('a risky change asked for before the poll is unapproved even when it lands after the poll', async () => {
    const K8S = 'scenarios/k8s-observability-blindspot.yaml';
    const early = await playText(K8S, ['06:05 ack', '06:25 escalate platform', '08:45 ask bruno do raise minReplicas of the appoints-v2 HPA to 8 in 3m', '12:30 poll raise minReplicas on the appoints-v2 HPA to 8'].join('\n'), 1, 'v2-pool-tls');
    const later = await playText(K8S, ['06:05 ack', '06:25 escalate platform', '10:30 ask bruno do raise minReplicas of the appoints-v2 HPA to 8 in 3m', '12:30 poll raise minReplicas on the appoints-v2 HPA to 8'].join('\n'), 1, 'v2-pool-tls');
    expect(later.score.total).toBeLessThanOrEqual(early.score.total);
    expect(checkpoint(later.score, 'polled').earned).toBe(0);
  });
});

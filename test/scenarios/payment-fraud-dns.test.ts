import { describe, expect, it } from 'vitest';
import { play, reasonsOf, expectSeedReplaysIdentically } from '../helpers.js';

const SCENARIO = 'scenarios/payment-fraud-dns.yaml';
const STRONG = 'test/scripts/payment-fraud-dns.strong.txt';
const WEAK = 'test/scripts/payment-fraud-dns.weak.txt';
const VARIANTS = ['record-deleted', 'coredns-forwarder', 'zone-expired'];

describe('payment-fraud-dns', () => {
  for (const variant of VARIANTS) {
    it(`strong play resolves and scores high, weak play scores low (${variant})`, async () => {
      const strong = await play(SCENARIO, STRONG, 1, { variant });
      const weak = await play(SCENARIO, WEAK, 1, { variant });
      expect(strong.session.engine.state.outcome).toBe('resolved');
      expect(strong.session.engine.state.resolvedWhileFixed).toBe(true);
      expect(strong.score.total).toBeGreaterThanOrEqual(85);
      expect(weak.score.total).toBeLessThanOrEqual(40);
      expect(strong.score.total - weak.score.total).toBeGreaterThanOrEqual(45);
      const weakWhy = reasonsOf(weak.score);
      expect(weakWhy).toMatch(/harmful: .*(database|Postgres|payment-db)/i);
      expect(weakWhy).toMatch(/hands-on work while responders were present|never delegated/);
      expect(weak.score.items.some((i) => i.blameful)).toBe(true);
      expect(weak.score.items.some((i) => i.vague)).toBe(true);
    });
  }

  it('the seed picks the variant and the same seed replays identically', () => expectSeedReplaysIdentically(SCENARIO, STRONG, 42, []));

  it('dig answers NXDOMAIN in the deleted-record variant and a safe mitigation brings the error rate down', async () => {
    const { session } = await play(SCENARIO, STRONG, 1, { variant: 'record-deleted' });
    const e = session.engine;
    const s = e.state;
    expect(s.feed.some((f) => /NXDOMAIN/.test(f.text))).toBe(true);
    const errorMetric = e.scenario.metrics.find((m) => m.threshold?.above !== undefined && /payment/i.test(m.label))!;
    expect(e.metricAt(errorMetric.id, s.onsetSec! + 300)!).toBeGreaterThan(50);
    expect(e.metricAt(errorMetric.id, s.mitigatedSec! + 120)!).toBeLessThan(10);
  });
});

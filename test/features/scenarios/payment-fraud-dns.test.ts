import { expect, it } from 'vitest';
import { play } from '../../helpers.js';
import { describeScenarioContract } from '../../support/scenario-contract.js';

const SCENARIO = 'scenarios/payment-fraud-dns.yaml';
const STRONG = 'test/scripts/payment-fraud-dns.strong.txt';
const VARIANTS = ['record-deleted', 'coredns-forwarder', 'zone-expired'];

describeScenarioContract(
  {
    id: 'payment-fraud-dns',
    variants: VARIANTS,
    strongScript: () => STRONG,
    replay: { seed: 42, script: STRONG },
    weakReasons: [/harmful: .*(database|Postgres|payment-db)/i, /hands-on work while responders were present|never delegated/],
  },
  () => {
    it('dig answers NXDOMAIN in the deleted-record variant and a safe mitigation brings the error rate down', async () => {
      const { session } = await play(SCENARIO, STRONG, 1, { variant: 'record-deleted' });
      const e = session.engine;
      const s = e.state;
      expect(s.feed.some((f) => /NXDOMAIN/.test(f.text))).toBe(true);
      const errorMetric = e.scenario.metrics.find((m) => m.threshold?.above !== undefined && /payment/i.test(m.label))!;
      expect(e.metricAt(errorMetric.id, s.onsetSec! + 300)!).toBeGreaterThan(50);
      expect(e.metricAt(errorMetric.id, s.mitigatedSec! + 120)!).toBeLessThan(10);
    });
  },
);

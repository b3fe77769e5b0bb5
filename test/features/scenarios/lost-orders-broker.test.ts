import { expect, it } from 'vitest';
import { play } from '../../helpers.js';
import { describeScenarioContract } from '../../support/scenario-contract.js';

const SCENARIO = 'scenarios/lost-orders-broker.yaml';
const WEAK = 'test/scripts/lost-orders-broker.weak.txt';
const strong = (variant: string) => `test/scripts/lost-orders-broker.${variant}.strong.txt`;

/** What the strong IC must have seen in each variant to act on it. */
const LOCATED: Record<string, string> = {
  'stray-consumer': 'stray-consumers-found',
  'push-cert-expired': 'push-x509-in-logs',
  'ttl-dlq': 'dlq-growing',
};
const VARIANTS = Object.keys(LOCATED);

describeScenarioContract(
  {
    id: 'lost-orders-broker',
    variants: VARIANTS,
    replay: { seed: 42 },
    weakReasons: [/harmful: .*Restart RabbitMQ/, /maintenance page/, /hands-on work while responders were present/, /never saw loss-quantified/],
    also: (strong, weak, variant) => {
      expect(strong.session.engine.state.evidence[LOCATED[variant]!]).toBeDefined();
      expect(strong.session.engine.state.evidence['loss-quantified']).toBeDefined();
      expect(weak.session.engine.state.resolvedWhileFixed).toBe(false);
    },
  },
  () => {
    it('nothing on the team dashboards shows the loss: no page fires except Support and the disk warning', async () => {
      const { session } = await play(SCENARIO, strong('push-cert-expired'), 1, { variant: 'push-cert-expired' });
      const e = session.engine;
      const pages = e.state.pages.map((p) => p.name);
      expect(pages.some((n) => /Support/.test(n))).toBe(true);
      expect(pages.filter((n) => !/Support|RabbitMQDiskFreeLow/.test(n))).toEqual([]);
      // At 5 minutes the loss runs at more than half the order rate while the panels stay green.
      expect(e.metricAt('orders_lost_rps', 300)!).toBeGreaterThan(2.5);
      expect(e.metricAt('gw_5xx', 300)!).toBeLessThan(1);
      expect(e.metricAt('q_ready', 300)!).toBeLessThan(5);
      expect(e.metricAt('rs_acked', 300)!).toBeGreaterThan(5);
    });

    it('read-only mode stops order creation and the loss while menus and search stay up', async () => {
      const { session } = await play(SCENARIO, strong('stray-consumer'), 1, { variant: 'stray-consumer' });
      const e = session.engine;
      const s = e.state;
      expect(s.actions.some((a) => a.id === 'ordering-kill-switch')).toBe(true);
      const before = 240;
      const during = s.mitigatedSec! + 90;
      expect(e.metricAt('order_rps', before)!).toBeGreaterThan(4);
      expect(e.metricAt('orders_lost_rps', before)!).toBeGreaterThan(1);
      expect(e.metricAt('order_rps', during)).toBe(0);
      expect(e.metricAt('orders_lost_rps', during)).toBe(0);
      expect(e.metricAt('menu_rps', during)!).toBeGreaterThan(180 * 0.7);
      expect(e.metricAt('search_rps', during)!).toBeGreaterThan(55 * 0.7);
      expect(e.metricAt('menu_err', during)!).toBeLessThan(1);
      // Ordering comes back once the stray consumer is gone, and nothing is lost any more.
      const after = s.resolvedSec! - 30;
      expect(e.metricAt('order_rps', after)!).toBeGreaterThan(4);
      expect(e.metricAt('orders_lost_rps', after)).toBe(0);
    });

    it('the maintenance page stops orders too, but takes the menus down with them', async () => {
      const { session } = await play(SCENARIO, WEAK, 1, { variant: 'ttl-dlq' });
      const e = session.engine;
      const at = session.engine.state.actions.find((a) => a.id === 'maintenance-mode')!.sec + 60;
      expect(e.metricAt('order_rps', at)).toBe(0);
      expect(e.metricAt('menu_rps', at)).toBe(0);
      expect(e.metricAt('menu_err', at)).toBe(100);
      expect(session.engine.state.mitigatedSec).toBeNull();
    });

    it('the diagnostics tell the variants apart', async () => {
      const seen: Record<string, string[]> = {};
      for (const variant of VARIANTS) {
        const { session } = await play(SCENARIO, strong(variant), 1, { variant });
        seen[variant] = Object.keys(session.engine.state.evidence);
      }
      expect(seen['stray-consumer']).toContain('loss-random');
      expect(seen['stray-consumer']).not.toContain('dlq-growing');
      expect(seen['push-cert-expired']).toContain('loss-android');
      expect(seen['push-cert-expired']).toContain('consumers-normal');
      expect(seen['push-cert-expired']).toContain('dlq-quiet');
      expect(seen['ttl-dlq']).toContain('loss-kitchenhub');
      expect(seen['ttl-dlq']).toContain('consumers-normal');
    });
  },
);

import { expect, it } from 'vitest';
import { play } from '../../helpers.js';
import { describeScenarioContract } from '../../support/scenario-contract.js';

const SCENARIO = 'scenarios/tokenize-latency-apm.yaml';
const WEAK = 'test/scripts/tokenize-latency-apm.weak.txt';
const strong = (variant: string) => `test/scripts/tokenize-latency-apm.${variant}.strong.txt`;

/** Evidence only the right reading of each variant produces. */
const CAUSE: Record<string, string> = {
  'vendor-degraded': 'vendor-confirms-degradation',
  'vendor-rate-limit': 'bulk-import-found',
  'egress-exhausted': 'proxy-fd-exhausted',
};
const VARIANTS = Object.keys(CAUSE);
const APM_METRICS = ['rt_tok_p95', 'rt_tok_err', 'rt_pm_p95', 'ob_vp_p50', 'ob_vp_p99', 'ob_vp_connect', 'ob_vp_429', 'puma_busy', 'rt_queue_p95'];

describeScenarioContract(
  {
    id: 'tokenize-latency-apm',
    variants: VARIANTS,
    replay: { seed: 7 },
    weakReasons: [/harmful: .*Raise Puma's thread count/, /liveness/, /hands-on work while responders were present/, /never saw/],
    also: (strong, weak, variant) => {
      expect(strong.session.engine.state.evidence[CAUSE[variant]!]).toBeDefined();
      expect(strong.session.engine.state.evidence['pool-exhausted']).toBeDefined();
      expect(weak.session.engine.state.resolvedWhileFixed).toBe(false);
      expect(weak.session.engine.state.mitigatedSec).toBeNull();
    },
  },
  () => {
    it('per-route and outbound panels have no data until tracing is on, and numbers after the delay', async () => {
      const { session } = await play(SCENARIO, strong('vendor-degraded'), 1, { variant: 'vendor-degraded' });
      const e = session.engine;
      const enabled = e.state.actions.find((a) => a.id === 'enable-otel')!;
      expect(enabled).toBeDefined();
      const on = enabled.sec + 240;
      for (const id of APM_METRICS) {
        expect(e.metricAt(id, on - 30), `${id} before tracing`).toBeNull();
        expect(typeof e.metricAt(id, on + 30), `${id} after tracing`).toBe('number');
      }
      // The team's own panels had data all along.
      expect(typeof e.metricAt('edge_p95', on - 30)).toBe('number');
      // Once on, the outbound panel shows where the time goes.
      expect(e.metricAt('ob_vp_p50', on + 30)!).toBeGreaterThan(10);
    });

    it('without tracing the APM panels never show data', async () => {
      const { session } = await play(SCENARIO, WEAK, 1, { variant: 'egress-exhausted' });
      const e = session.engine;
      for (const id of APM_METRICS) expect(e.metricAt(id, e.state.sec)).toBeNull();
    });

    it('the outbound metrics tell the variants apart once tracing is on', async () => {
      const at = 11 * 60 + 30;
      const seen: Record<string, { p50: number; p99: number; connect: number; r429: number }> = {};
      for (const variant of VARIANTS) {
        const { session } = await play(SCENARIO, strong(variant), 1, { variant });
        const m = (id: string) => session.engine.metricAt(id, at)!;
        seen[variant] = { p50: m('ob_vp_p50'), p99: m('ob_vp_p99'), connect: m('ob_vp_connect'), r429: m('ob_vp_429') };
      }
      const vd = seen['vendor-degraded']!;
      const rl = seen['vendor-rate-limit']!;
      const eg = seen['egress-exhausted']!;
      expect(vd.p50).toBeGreaterThan(10);
      expect(vd.connect).toBeLessThan(1);
      expect(vd.r429).toBe(0);
      expect(rl.p50).toBeLessThan(1);
      expect(rl.p99).toBeGreaterThan(20);
      expect(rl.r429).toBeGreaterThan(2);
      expect(eg.connect).toBeGreaterThan(10);
      expect(eg.r429).toBe(0);
    });

    it('the bulkhead gives every other route its threads back while card saves fail fast', async () => {
      const { session } = await play(SCENARIO, strong('vendor-degraded'), 1, { variant: 'vendor-degraded' });
      const e = session.engine;
      const s = e.state;
      expect(s.actions.some((a) => a.id === 'tokenize-bulkhead')).toBe(true);
      const saturated = 8 * 60;
      const guarded = s.mitigatedSec! + 60;
      expect(e.metricAt('other_fail', saturated)!).toBeGreaterThan(0.1);
      expect(e.metricAt('edge_p95', saturated)!).toBeGreaterThan(20);
      expect(e.metricAt('pod_cpu', saturated)!).toBeLessThan(15);
      expect(e.metricAt('other_fail', guarded)!).toBeLessThan(0.01);
      expect(e.metricAt('edge_p95', guarded)!).toBeLessThan(1);
      expect(e.metricAt('tok_fail', guarded)!).toBeGreaterThan(0.5);
      // After the vendor moves us, card saves work again.
      expect(e.metricAt('tok_fail', s.resolvedSec! - 10)!).toBeLessThan(0.05);
    });

    it('raising Puma threads makes the other routes worse, not better', async () => {
      const { session } = await play(SCENARIO, WEAK, 1, { variant: 'vendor-rate-limit' });
      const e = session.engine;
      const raised = e.state.actions.find((a) => a.id === 'scale-threads')!.sec + 120;
      expect(e.metricAt('other_fail', raised + 90)!).toBeGreaterThan(e.metricAt('other_fail', raised - 30)!);
      expect(e.metricAt('db_conns', raised + 150)!).toBeGreaterThanOrEqual(79);
    });
  },
);

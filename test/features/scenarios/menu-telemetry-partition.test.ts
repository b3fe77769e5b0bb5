import { expect, it } from 'vitest';
import { play, playText } from '../../helpers.js';
import { describeScenarioContract } from '../../support/scenario-contract.js';

const SCENARIO = 'scenarios/menu-telemetry-partition.yaml';
const WEAK = 'test/scripts/menu-telemetry-partition.weak.txt';
const VARIANTS = ['sync-export', 'cache-schema', 'password-rotation'];
const strongScript = (variant: string) => `test/scripts/menu-telemetry-partition.${variant}.strong.txt`;

type Played = Awaited<ReturnType<typeof play>>;
const pagesNamed = (r: Played, name: string) => r.session.engine.state.pages.filter((p) => p.name === name);
const raisedAt = (r: Played, flag: string) => r.session.engine.flags.log().find((c) => c.flag === flag && c.on)?.sec;

/** The link drops at 2:00 (19:42); nothing restores it before 13:00 in any script. */
const PARTITION = 120;

describeScenarioContract(
  {
    id: 'menu-telemetry-partition',
    variants: VARIANTS,
    replay: { seed: 7 },
    weakReasons: [/harmful: .*Announce all clear/, /harmful: .*Restart the collectors/, /hands-on work while responders were present|never delegated/, /never stopped the user impact/, /while the underlying fault was still there/],
    also: (strong, weak) => {
      // The strong commander lost no telemetry; the weak one threw the gateway's queue away.
      expect(strong.session.engine.state.impact['lost-telemetry'] ?? 0).toBe(0);
      expect(weak.session.engine.state.impact['lost-telemetry']!).toBeGreaterThan(1_000_000);
    },
  },
  () => {
    it('during the partition the hub draws no data while locally scraped metrics show the failure', async () => {
      for (const variant of VARIANTS) {
        const r = await play(SCENARIO, strongScript(variant), 1, { variant });
        const e = r.session.engine;
        const restored = raisedAt(r, 'link-restored')!;
        expect(restored).toBeGreaterThan(PARTITION);
        // Before the partition the hub has data.
        expect(e.metricAt('hub_menu_5xx', PARTITION - 30)).not.toBeNull();
        expect(e.metricAt('hub_menu_rps', PARTITION - 30)).not.toBeNull();
        for (const t of [PARTITION + 60, 600, restored - 1]) {
          // Every hub panel for the region is "no data" (null), not zero...
          expect(e.metricAt('hub_menu_5xx', t)).toBeNull();
          expect(e.metricAt('hub_menu_rps', t)).toBeNull();
          expect(e.metricAt('hub_menu_views', t)).toBeNull();
          // ...the hub's own ingestion counter for eu-west-1 reads zero while the other regions are normal...
          expect(e.metricAt('hub_ingest_euw1', t)).toBe(0);
          expect(e.metricAt('hub_ingest_euc1', t)!).toBeGreaterThan(100_000);
        }
        // ...while the error rate scraped inside the region, and the ALB outside the pipeline, show the failure.
        expect(e.metricAt('local_menu_5xx', 600)!).toBeGreaterThan(30);
        expect(e.metricAt('alb_5xx', 600)!).toBeGreaterThan(30);
        // Once the link is back the hub has data again, and it agrees with the local view: healthy.
        const after = restored + 300;
        expect(e.metricAt('hub_menu_5xx', after)).not.toBeNull();
        expect(e.metricAt('hub_menu_5xx', after)!).toBeLessThan(5);
        expect(e.metricAt('local_menu_5xx', after)!).toBeLessThan(5);
      }
    });

    it('the no-data alert rule never pages during the partition, and pages once the link returns while menu-api still fails', async () => {
      for (const variant of VARIANTS) {
        const weak = await play(SCENARIO, WEAK, 1, { variant });
        expect(pagesNamed(weak, 'MenuApiHighErrorRate')).toEqual([]);
      }
      const rerouteOnly = [
        '06:05 ack',
        '06:15 sev 2',
        '06:30 escalate netops',
        '10:40 ask kwame do remove the stale static route in the hub TGW so traffic fails over to tunnel-2 in 5m',
      ].join('\n');
      for (const variant of ['cache-schema', 'password-rotation']) {
        const r = await playText(SCENARIO, rerouteOnly, 1, variant);
        const restored = raisedAt(r, 'link-restored')!;
        expect(restored).toBeGreaterThan(0);
        const pages = pagesNamed(r, 'MenuApiHighErrorRate');
        expect(pages.length).toBeGreaterThanOrEqual(1);
        expect(pages[0]!.firedSec).toBeGreaterThan(restored);
        expect(pages[0]!.firedSec).toBeLessThanOrEqual(restored + 150);
        // Restoring the link shows the failure; it does not stop it.
        expect(r.session.engine.state.mitigatedSec).toBeNull();
      }
      // In sync-export the partition is what blocks menu-api: the link coming back ends the impact.
      const sync = await playText(SCENARIO, rerouteOnly, 1, 'sync-export');
      expect(sync.session.engine.state.mitigatedSec).not.toBeNull();
      expect(pagesNamed(sync, 'MenuApiHighErrorRate')).toEqual([]);
      // ...but it is not fixed: the next partition would block every request again.
      expect(sync.session.engine.state.fixedSec).toBeNull();
    });

    it('restarting otel-gateway during the partition throws away its in-memory queue', async () => {
      const text = ['06:05 ack', '12:00 do kubectl -n monitoring rollout restart deploy/otel-gateway'].join('\n');
      const r = await playText(SCENARIO, text, 1, 'cache-schema');
      const e = r.session.engine;
      const at = raisedAt(r, 'collectors-restarted')!;
      expect(at).toBe(720);
      expect(e.metricAt('gw_queue_pct', at - 1)!).toBeGreaterThan(40);
      expect(e.metricAt('gw_queue_pct', at + 5)!).toBeLessThan(5);
      expect(e.state.impact['lost-telemetry']!).toBeGreaterThan(1_000_000);
      expect(e.state.feed.some((f) => /empty sending queues/.test(f.text))).toBe(true);
      // Without a restart and without the link, the queue fills at 20:00 and the agents spill to disk.
      const idle = await playText(SCENARIO, '06:05 ack\n', 1, 'cache-schema');
      expect(raisedAt(idle, 'queue-full')).toBe(1200);
      expect(idle.session.engine.metricAt('gw_queue_pct', 1250)!).toBeGreaterThan(99);
      expect(idle.session.engine.metricAt('agent_disk_pct', 1800)!).toBeGreaterThan(40);
    });

    it('each variant has its own repair, and the others are refused with a reason', async () => {
      const secret = '06:05 ack\n08:00 do force-sync the menu-db-credentials ExternalSecret and rolling-restart menu-api\n';
      expect(raisedAt(await playText(SCENARIO, secret, 1, 'password-rotation'), 'secret-synced')).toBeGreaterThan(0);
      expect(raisedAt(await playText(SCENARIO, secret, 1, 'cache-schema'), 'secret-synced')).toBeUndefined();
      const publisher = '06:05 ack\n08:00 do roll back menu-publisher to 2.7.4\n';
      expect(raisedAt(await playText(SCENARIO, publisher, 1, 'cache-schema'), 'publisher-rolled-back')).toBeGreaterThan(0);
      expect(raisedAt(await playText(SCENARIO, publisher, 1, 'sync-export'), 'publisher-rolled-back')).toBeUndefined();
      // Switching tracing off stops the 504s only where the export was blocking requests.
      const tracingOff = '06:05 ack\n08:00 do set TRACING_ENABLED=false on menu-api\n';
      expect((await playText(SCENARIO, tracingOff, 1, 'sync-export')).session.engine.state.mitigatedSec).not.toBeNull();
      expect((await playText(SCENARIO, tracingOff, 1, 'password-rotation')).session.engine.state.mitigatedSec).toBeNull();
      // A shorter export timeout stops the 504s in sync-export but leaves the export on the request path: mitigated, not fixed.
      const shortTimeout = await playText(SCENARIO, '06:05 ack\n08:00 do lower menu-api\'s OTLP exporter timeout from 10 s to 200 ms\n', 1, 'sync-export');
      expect(shortTimeout.session.engine.state.mitigatedSec).not.toBeNull();
      expect(shortTimeout.session.engine.state.fixedSec).toBeNull();
      expect(shortTimeout.session.engine.metricAt('local_menu_p95', 900)!).toBeGreaterThan(200);
      // Restarting menu-api before the secret is synced makes the credential variant worse.
      const restart = await playText(SCENARIO, '06:05 ack\n08:00 do kubectl -n production rollout restart deploy/menu-api\n', 1, 'password-rotation');
      expect(restart.session.engine.metricAt('local_menu_5xx', 600)!).toBeGreaterThan(95);
    });
  },
);

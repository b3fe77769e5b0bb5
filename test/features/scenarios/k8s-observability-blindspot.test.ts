import { expect, it } from 'vitest';
import { play, playText } from '../../helpers.js';
import { describeScenarioContract } from '../../support/scenario-contract.js';

const SCENARIO = 'scenarios/k8s-observability-blindspot.yaml';
const WEAK = 'test/scripts/k8s-observability-blindspot.weak.txt';
const VARIANTS = ['v1-workers-tls', 'v1-workers-apiservice', 'v2-pool-tls', 'v2-pool-apiservice'];
const strongScript = (variant: string) => `test/scripts/k8s-observability-blindspot.${variant}.strong.txt`;

type Played = Awaited<ReturnType<typeof play>>;
const pagesNamed = (r: Played, name: string) => r.session.engine.state.pages.filter((p) => p.name === name);
const raisedAt = (r: Played, flag: string) => r.session.engine.flags.log().find((c) => c.flag === flag && c.on)?.sec;

describeScenarioContract(
  {
    id: 'k8s-observability-blindspot',
    variants: VARIANTS,
    replay: { seed: 11 },
    weakReasons: [/harmful: .*Restart Prometheus/, /harmful: .*Silence every alert/, /harmful: .*Delete application pods/, /hands-on work while responders were present|never delegated/, /never stopped the user impact/],
  },
  () => {
    it('the first signal is a human report, and only noise pages before it', async () => {
      for (const variant of ['v1-workers-tls', 'v2-pool-apiservice']) {
        const r = await play(SCENARIO, strongScript(variant), 1, { variant });
        const pages = r.session.engine.state.pages;
        expect(pages[0]!.id).toMatch(/^frontdesk-page/);
        // What the alerting does send is flapping noise: it fires and resolves repeatedly.
        const flapping = pagesNamed(r, 'HighRequestLatency');
        expect(flapping.length).toBeGreaterThanOrEqual(2);
        expect(flapping.filter((p) => p.clearedSec !== null).length).toBeGreaterThanOrEqual(1);
      }
    });

    it('the log-based alert never pages while the ruler is broken', async () => {
      for (const variant of VARIANTS) {
        const r = await play(SCENARIO, strongScript(variant), 1, { variant });
        const e = r.session.engine;
        const fixedAt = raisedAt(r, 'ruler-fixed')!;
        expect(fixedAt).toBeGreaterThan(0);
        // Loki held thousands of 5xx lines per 5 minutes for minutes on end...
        let above = 0;
        for (let t = 0; t < fixedAt; t++) if (e.metricAt('logs_5xx_5m', t)! > 100) above++;
        expect(above).toBeGreaterThan(300);
        // ...and LogsErrorBurst never paged before the ruler came back.
        expect(pagesNamed(r, 'LogsErrorBurst').filter((p) => p.firedSec < fixedAt)).toEqual([]);
      }
      // The weak commander never repairs the ruler: the alert never pages at all.
      const weak = await play(SCENARIO, WEAK, 1, { variant: 'v2-pool-tls' });
      expect(pagesNamed(weak, 'LogsErrorBurst')).toEqual([]);
    });

    it('the log-based alert pages once the ruler is restored while errors continue', async () => {
      const text = [
        '06:05 ack',
        '06:15 sev 2',
        '06:20 escalate observability',
        '09:00 ask mei do set the Loki ruler rule_path to /tmp/loki/rules on an emptyDir in 3m',
      ].join('\n');
      for (const variant of ['v1-workers-tls', 'v2-pool-apiservice']) {
        const r = await playText(SCENARIO, text, 1, variant);
        const fixedAt = raisedAt(r, 'ruler-fixed')!;
        expect(fixedAt).toBeGreaterThan(0);
        const burst = pagesNamed(r, 'LogsErrorBurst');
        expect(burst.length).toBeGreaterThanOrEqual(1);
        expect(burst[0]!.firedSec).toBeGreaterThan(fixedAt);
        expect(burst[0]!.firedSec).toBeLessThanOrEqual(fixedAt + 90);
      }
    });

    it('manual scaling mitigates only the degraded version, and metrics-server fixes match their cause', async () => {
      const scaleV1 = '06:05 ack\n06:30 do raise minReplicas of the appoints-v1 HPA to 8\n';
      expect((await playText(SCENARIO, scaleV1, 1, 'v1-workers-tls')).session.engine.state.mitigatedSec).not.toBeNull();
      expect((await playText(SCENARIO, scaleV1, 1, 'v2-pool-tls')).session.engine.state.mitigatedSec).toBeNull();

      // A working metrics API lets the CPU-based HPA rescue v1, but not v2 (pool-bound, CPU low).
      const fixTls = '06:05 ack\n06:30 do add --kubelet-insecure-tls to the metrics-server args\n';
      const v1 = await playText(SCENARIO, fixTls, 1, 'v1-workers-tls');
      const v2 = await playText(SCENARIO, fixTls, 1, 'v2-pool-tls');
      expect(v1.session.engine.state.mitigatedSec).not.toBeNull();
      expect(v2.session.engine.state.mitigatedSec).toBeNull();
      expect(raisedAt(v2, 'metrics-fixed')).toBeGreaterThan(0);

      // The TLS stop-gap is refused when the APIService's Service port is the cause, and vice versa.
      const apiservice = await playText(SCENARIO, fixTls, 1, 'v1-workers-apiservice');
      expect(raisedAt(apiservice, 'metrics-fixed')).toBeUndefined();
      const fixPort = '06:05 ack\n06:30 do fix the metrics-server Service targetPort to match --secure-port 10250\n';
      expect(raisedAt(await playText(SCENARIO, fixPort, 1, 'v1-workers-apiservice'), 'metrics-fixed')).toBeGreaterThan(0);
      expect(raisedAt(await playText(SCENARIO, fixPort, 1, 'v2-pool-tls'), 'metrics-fixed')).toBeUndefined();
    });
  },
);

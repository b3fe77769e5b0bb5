import { expect, it } from 'vitest';
import { wallClock, wallHm } from '../../../src/scenario/clock-frame.js';
import { play, playText, reasonsOf } from '../../helpers.js';
import { describeScenarioContract } from '../../support/scenario-contract.js';

const SCENARIO = 'scenarios/visits-slow-query.yaml';
const WEAK = 'test/scripts/visits-slow-query.weak.txt';
const VARIANTS = ['n-plus-one', 'missing-index'];
const strongScript = (variant: string) => `test/scripts/visits-slow-query.${variant}.strong.txt`;
const DAY = 86_400;

describeScenarioContract(
  {
    id: 'visits-slow-query',
    variants: VARIANTS,
    replay: { seed: 7 },
    weakReasons: [/harmful: .*Restart the Postgres primary/, /harmful: .*offsets/, /hands-on work while responders were present|never delegated/, /too low: this incident is SEV-3/, /declared resolved at .* while the underlying fault was still there/],
  },
  () => {
    it('p95 grows day over day while unmitigated, and the clock spans weeks', async () => {
      const { session } = await play(SCENARIO, WEAK, 1, { variant: 'missing-index' });
      const e = session.engine;
      const s = e.state;
      // One sim-minute is one wall-clock day.
      expect(e.scenario.clockScale).toBe(1440);
      expect(wallClock(e.scenario, 0)).toBe('Mon Sep 14 07:00:00');
      expect(wallClock(e.scenario, 60)).toBe('Tue Sep 15 07:00:00');
      // times in chat, logs and the timeline carry the date, so two lines a day apart never read alike
      expect(wallHm(e.scenario, 36)).toBe('Sep 14 21:24');
      expect(wallHm(e.scenario, 96)).toBe('Sep 15 21:24');
      expect(((s.resolvedSec ?? s.sec) * e.scenario.clockScale) / DAY).toBeGreaterThanOrEqual(14);
      // Weekly means of /visits p95 keep climbing while the page is not fixed.
      const weekMean = (fromDay: number) => {
        let sum = 0;
        for (let d = fromDay; d < fromDay + 7; d++) sum += e.metricAt('visits_p95', d * 60 + 30)!;
        return sum / 7;
      };
      const w1 = weekMean(0);
      const w2 = weekMean(7);
      const w3 = weekMean(14);
      expect(w2).toBeGreaterThan(w1 * 1.2);
      expect(w3).toBeGreaterThan(w2 * 1.2);
      // Traffic stays flat while latency grows: cost follows the data.
      expect(e.metricAt('visits_rpm', 20 * 60)! / e.metricAt('visits_rpm', 60)!).toBeLessThan(1.4);
      // The consumer lag grows alongside.
      expect(e.metricAt('ingest_lag', 14 * 60)!).toBeGreaterThan(e.metricAt('ingest_lag', 60)! * 1.5);
    });

    it('a strong fix flattens p95 and the feed shows the variant-specific evidence', async () => {
      const n1 = await play(SCENARIO, strongScript('n-plus-one'), 1, { variant: 'n-plus-one' });
      const mi = await play(SCENARIO, strongScript('missing-index'), 1, { variant: 'missing-index' });
      expect(n1.session.engine.state.feed.some((f) => /N\+1 query pattern/.test(f.text))).toBe(true);
      expect(n1.session.engine.state.feed.some((f) => /Parallel Seq Scan/.test(f.text))).toBe(false);
      expect(mi.session.engine.state.feed.some((f) => /Parallel Seq Scan/.test(f.text))).toBe(true);
      for (const r of [n1, mi]) {
        const e = r.session.engine;
        const m = e.state.mitigatedSec!;
        expect(e.metricAt('visits_p95', m - 60)!).toBeGreaterThan(2500);
        expect(e.metricAt('visits_p95', m + 240)!).toBeLessThan(1000);
      }
    });

    it('pagination alone mitigates the N+1 but not the missing index', async () => {
      const text = '00:10 ack\n00:20 do paginate /visits at 50 rows per page, newest first\n';
      const n1 = await playText(SCENARIO, text, 1, 'n-plus-one');
      const mi = await playText(SCENARIO, text, 1, 'missing-index');
      expect(n1.session.engine.state.mitigatedSec).not.toBeNull();
      expect(mi.session.engine.state.mitigatedSec).toBeNull();
      expect(mi.session.engine.metricAt('visits_p95', 10 * 60)!).toBeGreaterThan(2000);
    });

    it('the fix that does not match the variant is refused, and a blocking CREATE INDEX is harmful', async () => {
      const text = '00:10 ack\n00:20 do create index concurrently on visits (center_id, checked_in_at desc)\n00:30 do ship the includes(:child, :classroom) hotfix for the N+1\n00:40 do create index on visits (center_id, checked_in_at)\n';
      const n1 = await playText(SCENARIO, text, 1, 'n-plus-one');
      const mi = await playText(SCENARIO, text, 1, 'missing-index');
      const ids = (r: typeof n1) => r.session.engine.state.actions.map((a) => a.id);
      expect(ids(n1)).toEqual(['eager-load', 'create-index-blocking']);
      expect(ids(mi)).toEqual(['index-concurrently', 'create-index-blocking']);
      for (const r of [n1, mi]) expect(reasonsOf(r.score)).toMatch(/harmful: Build an index on visits without CONCURRENTLY/);
      // The lock stalls the ingestor: its lag spikes while the table is locked.
      const e = n1.session.engine;
      const lockedAt = e.state.actions.find((a) => a.id === 'create-index-blocking')!.sec;
      expect(e.metricAt('ingest_lag', lockedAt + 4)!).toBeGreaterThan(e.metricAt('ingest_lag', lockedAt - 5)! + 100_000);
    });
  },
);

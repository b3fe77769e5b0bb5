// Request matcher figures: how often a typed request is understood as the
// corpus labels it (data/requests), and how many changes it would propose
// that were not asked for, on the tuning part and the held-aside fifth.
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { legacyAsk, legacyHands } from '../../src/sim/requests/legacy.js';
import { understand } from '../../src/sim/requests/matcher.js';
import type { RequestOutcome } from '../../src/sim/requests/outcome.js';
import { figure, type BenchContext } from '../harness.js';
import { askerOf, loadCorpus, scoreCorpus, type CorpusEntry, type CorpusScore } from '../request-corpus.js';

function scenarios(ctx: BenchContext, entries: readonly CorpusEntry[]): Promise<Map<string, Scenario>> {
  return ctx.once('request-scenarios', () => {
    const map = new Map<string, Scenario>();
    for (const id of new Set(entries.map((e) => e.scenario))) {
      const r = loadScenarioFile(join(ctx.root, 'scenarios', `${id}.yaml`));
      if (!r.ok) throw new Error(`cannot load scenario ${id}`);
      map.set(id, r.value.scenario);
    }
    return map;
  });
}

interface Scores {
  now: CorpusScore;
  before: CorpusScore;
}

function scores(ctx: BenchContext, held: boolean): Promise<Scores> {
  return ctx.once(`request-scores-${held}`, async () => {
    // quick (the test suite): one scenario's requests, enough to show the figure measures
    const all = loadCorpus(join(ctx.root, 'data', 'requests')).filter((e) => !ctx.quick || e.scenario === 'payment-fraud-dns');
    const map = await scenarios(ctx, all);
    const part = all.filter((e) => e.heldAside === held);
    const now = scoreCorpus(part, (e) => understand(map.get(e.scenario)!, askerOf(e), e.request));
    const before = scoreCorpus(part, (e): RequestOutcome[] => {
      const a = askerOf(e);
      return ['hands' in a ? legacyHands(map.get(e.scenario)!, a.hands, e.request) : legacyAsk(map.get(e.scenario)!, e.request)];
    });
    return { now, before };
  });
}

const pct = (s: CorpusScore) => (100 * s.right) / Math.max(1, s.total);

function missList(s: CorpusScore): string {
  return s.misses
    .slice(0, 40)
    .map((m) => `  ${m.entry.file}:${m.entry.line} ${m.entry.who} | ${m.entry.request} → ${m.got.join(' ; ')} (wanted ${m.entry.expected.join(' ; ')})`)
    .join('\n');
}

for (const held of [false, true]) {
  const part = held ? 'held' : 'tuning';
  figure({
    name: `requests.accuracy-${part}`,
    unit: '%',
    target: { min: 95 },
    about: `requests in the ${held ? 'held-aside fifth of the' : 'tuning part of the'} corpus (data/requests) understood as labelled: the diagnostic, the action (and its numbers), a clarifying question, a redirect or words only`,
    measure: async (ctx) => {
      const { now, before } = await scores(ctx, held);
      // The held-aside part's misses are not listed: nobody tunes on them.
      const misses = held ? '' : `\n${missList(now)}`;
      return { value: pct(now), detail: `${now.right}/${now.total} right; before read-backs the matcher got ${before.right}/${before.total} (${pct(before).toFixed(1)} %)${misses}` };
    },
  });
  figure({
    name: `requests.wrong-changes-${part}`,
    unit: 'requests',
    target: { max: 0 },
    about: `requests in the ${part} part that would propose a change that was not asked for`,
    measure: async (ctx) => {
      const { now, before } = await scores(ctx, held);
      return { value: now.wrongChanges, detail: `before read-backs: ${before.wrongChanges}` };
    },
  });
}

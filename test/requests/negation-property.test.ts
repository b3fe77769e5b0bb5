import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers.js';
import { understand } from '../../src/sim/requests/matcher.js';

const IDS = ['payment-fraud-dns', 'lost-orders-broker', 'tokenize-latency-apm', 'menu-telemetry-partition', 'k8s-observability-blindspot', 'visits-slow-query'];
const SCENARIOS = new Map(IDS.map((id) => [id, loadFixture(`scenarios/${id}.yaml`).scenario]));

const NEGATIONS = [(x: string) => `don't ${x}`, (x: string) => `do not ${x}`, (x: string) => `dont ${x}`, (x: string) => `never ${x}`, (x: string) => `no need to ${x}`, (x: string) => `hold off on: ${x}`, (x: string) => `please don't ${x} yet`];
const REVERSALS = [(x: string) => `undo ${x}`, (x: string) => `revert ${x}`, (x: string) => `roll back ${x}`, (x: string) => `undo the ${x}`];

describe('a request phrased as the negation or reversal of an action never triggers that action', () => {
  it('for every scenario action, phrased by its title or its example', () => {
    const cases = IDS.flatMap((scenario) =>
      SCENARIOS.get(scenario)!.actions.flatMap((a) => [a.title, a.example].filter((p): p is string => !!p).map((phrase) => ({ scenario, action: a.id, phrase: phrase.charAt(0).toLowerCase() + phrase.slice(1) }))),
    );
    const people = (id: string) => [...SCENARIOS.get(id)!.people.map((p) => ({ person: p.id })), { hands: 'do' as const }];
    // every action of every scenario, each phrasing, askers in turn (the property's whole domain, not a sample)
    expect(new Set(cases.map((c) => c.scenario))).toEqual(new Set(IDS));
    let k = 0;
    for (const c of cases)
      for (const phrase of [...NEGATIONS, ...REVERSALS]) {
        const askers = people(c.scenario);
        const outcomes = understand(SCENARIOS.get(c.scenario)!, askers[k++ % askers.length]!, phrase(c.phrase));
        expect(outcomes.filter((o) => o.kind === 'action' && o.id === c.action), `${phrase(c.phrase)}`).toEqual([]);
      }
    // and random pairings of phrase, phrasing and asker beyond the round-robin
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom(...NEGATIONS, ...REVERSALS), fc.nat(), (c, phrase, n) => {
        const askers = people(c.scenario);
        const outcomes = understand(SCENARIOS.get(c.scenario)!, askers[n % askers.length]!, phrase(c.phrase));
        expect(outcomes.filter((o) => o.kind === 'action' && o.id === c.action), `${phrase(c.phrase)}`).toEqual([]);
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});

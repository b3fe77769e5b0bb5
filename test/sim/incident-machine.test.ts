// The engine steps the incident machine with IncidentStepper, a fast path
// that reuses one inert actor scope instead of building one per step. On any
// sequence of events it must give exactly the snapshots XState's public
// `transition()` gives: the same state, context, status, tags and answers to
// `can`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { conditionFlags } from '../../src/scenario/condition.js';
import { createIncidentMachine, IncidentStepper, type IncidentEvent, type IncidentSnapshot } from '../../src/sim/incident-machine.js';
import { loadFixture } from '../helpers.js';

const PLAIN = ['START', 'MITIGATED', 'UNMITIGATED', 'RESOLVE', 'TIMEOUT', 'POSTMORTEM', 'SUBMIT', 'ABANDON'] as const;

function observe(snap: IncidentSnapshot) {
  return {
    value: snap.value,
    context: snap.context,
    status: snap.status,
    tags: [...snap.tags].sort(),
    can: PLAIN.filter((type) => snap.can({ type })),
  };
}

/** Event sequences: the plain lifecycle events and TICKs at non-decreasing seconds with any set of the phases' `unless` flags. */
function eventsFor(flags: string[], maxSec: number): fc.Arbitrary<IncidentEvent[]> {
  const step = fc.oneof(
    fc.constantFrom(...PLAIN).map((type) => ({ kind: 'plain' as const, type })),
    fc.record({ kind: fc.constant('tick' as const), gap: fc.nat(maxSec / 4), flags: fc.subarray(flags) }),
  );
  return fc.array(step, { maxLength: 60 }).map((steps) => {
    let sec = 0;
    return steps.map((s): IncidentEvent => {
      if (s.kind === 'plain') return { type: s.type };
      sec += s.gap;
      return { type: 'TICK', sec, flags: s.flags };
    });
  });
}

describe('IncidentStepper', () => {
  for (const path of ['test/fixtures/mini.yaml', 'scenarios/payment-fraud-dns.yaml', 'scenarios/lost-orders-broker.yaml']) {
    it(`${path}: gives the snapshots of xstate's transition() on generated event sequences`, () => {
      const scenario = loadFixture(path).scenario;
      const machine = createIncidentMachine(scenario);
      const flags = new Set<string>();
      for (const p of scenario.phases) if (p.unless) conditionFlags(p.unless, flags);
      const maxSec = Math.max(60, ...scenario.phases.map((p) => p.at)) * 2;
      fc.assert(
        fc.property(eventsFor([...flags], maxSec), (events) => {
          const fast = new IncidentStepper(machine);
          let reference = initialTransition(machine)[0];
          expect(observe(fast.state)).toEqual(observe(reference));
          for (const e of events) {
            fast.send(e);
            reference = transition(machine, reference, e)[0];
            expect(observe(fast.state), JSON.stringify(e)).toEqual(observe(reference));
            expect(fast.lifecycle).toBe((reference.value as { lifecycle: string }).lifecycle);
            expect(fast.phase).toBe((reference.value as { fault: string }).fault);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('tags the lifecycle states: running, mitigated, postmortem, over', () => {
    const machine = createIncidentMachine(loadFixture('test/fixtures/mini.yaml').scenario);
    const s = new IncidentStepper(machine);
    const tags = () => [...s.state.tags].sort();
    expect(tags()).toEqual([]);
    s.send({ type: 'START' });
    expect(tags()).toEqual(['running']);
    s.send({ type: 'MITIGATED' });
    expect(tags()).toEqual(['mitigated', 'running']);
    expect(s.state.can({ type: 'POSTMORTEM' })).toBe(false);
    s.send({ type: 'RESOLVE' });
    expect(tags()).toEqual([]);
    expect(s.state.can({ type: 'POSTMORTEM' })).toBe(true);
    s.send({ type: 'POSTMORTEM' });
    expect(tags()).toEqual(['postmortem']);
    s.send({ type: 'SUBMIT' });
    expect(s.lifecycle).toBe('scored');
    expect(tags()).toEqual(['over']);
  });
});

import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { evalCondition } from '../scenario/condition.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * The incident's lifecycle and the scenario's fault phases as one XState
 * machine built from scenario data. Sim time lives in context and moves by
 * TICK events (no `after:` timers), so a snapshot is the whole state and the
 * machine can be stepped with the pure `transition` function.
 */
export type IncidentEvent =
  | { type: 'TICK'; sec: number; flags: readonly string[] }
  | { type: 'START' }
  | { type: 'MITIGATED' }
  | { type: 'UNMITIGATED' }
  | { type: 'RESOLVE' }
  | { type: 'TIMEOUT' }
  | { type: 'POSTMORTEM' }
  | { type: 'SUBMIT' }
  | { type: 'ABANDON' };

export interface IncidentContext {
  sec: number;
}

export const LIFECYCLE = ['briefing', 'active', 'mitigated', 'resolved', 'timed-out', 'abandoned', 'postmortem', 'scored'] as const;
export type Lifecycle = (typeof LIFECYCLE)[number];

export function createIncidentMachine(scenario: Scenario) {
  const phaseStates: Record<string, object> = {};
  const phases = scenario.phases;
  const order = ['normal', ...phases.map((p) => p.id)];
  order.forEach((id, i) => {
    const next = phases[i];
    phaseStates[id] = next
      ? {
          on: {
            TICK: {
              target: next.id,
              guard: ({ event }: { event: IncidentEvent }) =>
                event.type === 'TICK' && event.sec >= next.at && !(next.unless && evalCondition(next.unless, (f) => event.flags.includes(f))),
            },
          },
        }
      : {};
  });

  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent },
  }).createMachine({
    id: 'incident',
    type: 'parallel',
    context: { sec: 0 },
    states: {
      clock: {
        on: { TICK: { actions: assign({ sec: ({ event }) => (event.type === 'TICK' ? event.sec : 0) }) } },
      },
      lifecycle: {
        initial: 'briefing',
        states: {
          briefing: { on: { START: 'active', ABANDON: 'abandoned' } },
          active: { on: { MITIGATED: 'mitigated', RESOLVE: 'resolved', TIMEOUT: 'timed-out', ABANDON: 'abandoned', POSTMORTEM: 'postmortem' } },
          mitigated: { on: { UNMITIGATED: 'active', RESOLVE: 'resolved', TIMEOUT: 'timed-out', ABANDON: 'abandoned', POSTMORTEM: 'postmortem' } },
          resolved: { on: { POSTMORTEM: 'postmortem', ABANDON: 'abandoned' } },
          'timed-out': { on: { POSTMORTEM: 'postmortem', ABANDON: 'abandoned' } },
          abandoned: { type: 'final' },
          postmortem: { on: { SUBMIT: 'scored' } },
          scored: { type: 'final' },
        },
      },
      fault: { initial: 'normal', states: phaseStates },
    },
  });
}

export type IncidentMachine = ReturnType<typeof createIncidentMachine>;
export type IncidentSnapshot = SnapshotFrom<IncidentMachine>;

/** A small pure wrapper: step the machine, read the two regions. */
export class IncidentStepper {
  private snapshot: IncidentSnapshot;

  constructor(
    private readonly machine: IncidentMachine,
    snapshot?: IncidentSnapshot,
  ) {
    this.snapshot = snapshot ?? initialTransition(machine)[0];
  }

  send(event: IncidentEvent): void {
    this.snapshot = transition(this.machine, this.snapshot, event)[0];
  }

  get lifecycle(): Lifecycle {
    return (this.snapshot.value as { lifecycle: Lifecycle }).lifecycle;
  }

  get phase(): string {
    return (this.snapshot.value as { fault: string }).fault;
  }

  get state(): IncidentSnapshot {
    return this.snapshot;
  }
}

import { assign, createActor, initialTransition, setup, type SnapshotFrom } from 'xstate';
import { evalCondition, type Condition } from '../scenario/condition.js';
import { dueSec } from '../scenario/after-text.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * The incident's lifecycle and the scenario's fault phases as one XState
 * machine built from scenario data. Sim time lives in context and moves by
 * TICK events (no `after:` timers), so a snapshot is the whole state and the
 * machine can be stepped with the pure `transition` function.
 */
export type IncidentEvent =
  | {
      type: 'TICK';
      sec: number;
      flags: readonly string[];
      /** The second a condition first held (for phases due `after` a flag); without it, never. */
      firstHeld?: (c: Condition) => number | null;
    }
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

/**
 * What the rest of the program asks of the lifecycle, as tags on its states
 * (`snapshot.hasTag`); which events a state takes is asked with
 * `snapshot.can(event)`. Nothing outside this module compares state names.
 * - `running`: the incident is under way (active or mitigated): the clock can run out, impact grows, stakeholders ask;
 * - `mitigated`: running with the impact stopped;
 * - `time-up`: the time limit ran out and the postmortem is not open yet (the live clock stands still);
 * - `postmortem`: the timed postmortem is open;
 * - `over`: scored or abandoned; nothing more happens.
 */
export type LifecycleTag = 'running' | 'mitigated' | 'time-up' | 'postmortem' | 'over';

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
              guard: ({ event }: { event: IncidentEvent }) => {
                if (event.type !== 'TICK') return false;
                const due = dueSec(next, event.firstHeld ?? (() => null));
                return due !== null && event.sec >= due && !(next.unless && evalCondition(next.unless, (f) => event.flags.includes(f)));
              },
            },
          },
        }
      : {};
  });

  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, tags: {} as LifecycleTag },
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
          active: { tags: ['running'], on: { MITIGATED: 'mitigated', RESOLVE: 'resolved', TIMEOUT: 'timed-out', ABANDON: 'abandoned' } },
          mitigated: { tags: ['running', 'mitigated'], on: { UNMITIGATED: 'active', RESOLVE: 'resolved', TIMEOUT: 'timed-out', ABANDON: 'abandoned' } },
          // The postmortem opens only once the incident is closed: resolved, or the clock ran out.
          resolved: { on: { POSTMORTEM: 'postmortem', ABANDON: 'abandoned' } },
          'timed-out': { tags: ['time-up'], on: { POSTMORTEM: 'postmortem', ABANDON: 'abandoned' } },
          abandoned: { type: 'final', tags: ['over'] },
          postmortem: { tags: ['postmortem'], on: { SUBMIT: 'scored' } },
          scored: { type: 'final', tags: ['over'] },
        },
      },
      fault: { initial: 'normal', states: phaseStates },
    },
  });
}

export type IncidentMachine = ReturnType<typeof createIncidentMachine>;
export type IncidentSnapshot = SnapshotFrom<IncidentMachine>;

type ActorScopeOf<M extends IncidentMachine> = Parameters<M['transition']>[2];

/**
 * xstate's pure `transition()` builds a throwaway actor (and with it the
 * machine's initial snapshot) on every call, which was most of the cost of a
 * TICK. This machine has no children, delays or side effects (its one
 * action is `assign`), so one inert scope per machine, built the same way,
 * serves every step and gives the same snapshots.
 */
const scopes = new WeakMap<IncidentMachine, ActorScopeOf<IncidentMachine>>();

function inertScope(machine: IncidentMachine): ActorScopeOf<IncidentMachine> {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const noop = () => {};
    scope = { self, defer: noop, id: '', logger: noop, sessionId: '', stopChild: noop, system: self.system, emit: noop, actionExecutor: noop } as unknown as ActorScopeOf<IncidentMachine>;
    scopes.set(machine, scope);
  }
  return scope;
}

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
    this.snapshot = this.machine.transition(this.snapshot, event, inertScope(this.machine));
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

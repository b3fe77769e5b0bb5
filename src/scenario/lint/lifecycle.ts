import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { conditionFlags } from '../condition.js';
import type { Scenario } from '../schema.js';
import type { FlagModel, VariantModel } from './model.js';

/**
 * The incident machine (lifecycle + fault phases, built from the scenario by
 * the sim) is handed in, so this module depends on nothing above `scenario`.
 * The sim's createIncidentMachine fits.
 */
export type IncidentMachineFactory = (scenario: Scenario) => AnyStateMachine;

type LifecycleEvent =
  | { type: 'TICK'; sec: number; flags: readonly string[]; firstHeld: () => number }
  | { type: 'START' }
  | { type: 'MITIGATED' }
  | { type: 'RESOLVE' }
  | { type: 'POSTMORTEM' }
  | { type: 'SUBMIT' };

interface MachineValue {
  lifecycle: string;
  fault: string;
}

export interface LifecycleProof {
  /** Lifecycle states some event sequence reaches, with a witness sequence of events. */
  lifecycle: Map<string, string[]>;
  /** Fault states (normal and the phase ids) some sequence reaches. */
  faults: Set<string>;
  /** A sequence resolves the incident in a phase where fixedWhen can hold. */
  resolvesFixed: boolean;
  /** False when the flag model under it was cut short: nothing is claimed then. */
  complete: boolean;
}

/**
 * Proves with xstate/graph that the incident machine of one variant can reach
 * `resolved` and `scored`, and which fault phases it can enter. The events
 * are representative of what the engine sends: START, a TICK at each phase's
 * time carrying each flag set the flag model can have just before it (so the
 * machine's own `unless` guards decide), MITIGATED where the flag model says
 * mitigatedWhen can hold in that phase, and the IC's RESOLVE, POSTMORTEM and
 * SUBMIT where the engine's handlers accept them. `vm` must track the flags
 * of mitigatedWhen, fixedWhen and every phase's unless.
 */
export function proveLifecycle(machine: AnyStateMachine, model: FlagModel, vm: VariantModel): LifecycleProof {
  const s = model.scenario;
  const order = ['normal', ...s.phases.map((p) => p.id)];
  const unlessFlags = new Set<string>();
  for (const p of s.phases) if (p.unless) conditionFlags(p.unless, unlessFlags);

  // Per fault state: the TICKs that may move it on, and whether mitigated/fixed can hold there.
  const ticks = new Map<string, LifecycleEvent[]>();
  const canMitigate = new Set<string>();
  const canFix = new Set<string>();
  order.forEach((fault, k) => {
    const here = vm.states.filter((r) => r.state.phase === k - 1);
    if (k > 0 && here.some((r) => model.holds(s.mitigatedWhen, r.state))) canMitigate.add(fault);
    if (k > 0 && here.some((r) => model.holds(s.fixedWhen, r.state))) canFix.add(fault);
    const next = s.phases[k];
    const dueSec = next ? Math.max(next.at, next.after?.offsetSec ?? 0) : 0;
    if (!next || dueSec > model.timeLimitSec) return;
    const sets = new Map<string, string[]>();
    // a phase due after a flag is offered only from states where that flag has held, as if from the start
    for (const r of here.filter((x) => model.nextAnchored(x.state))) {
      const flags = r.state.up.filter((f) => unlessFlags.has(f));
      sets.set(flags.join(','), flags);
    }
    ticks.set(fault, [...sets.values()].map((flags) => ({ type: 'TICK', sec: dueSec, flags, firstHeld: () => 0 })));
  });

  const valueOf = (snap: { value: unknown }) => snap.value as MachineValue;
  // The machine says which events each state takes (the engine's handlers ask it the same way);
  // only MITIGATED depends on what the flag model says can hold in the fault phase.
  const events = (snap: AnyMachineSnapshot): LifecycleEvent[] => {
    const fault = valueOf(snap).fault;
    const offered: LifecycleEvent[] = [{ type: 'START' }, ...(ticks.get(fault) ?? []), { type: 'RESOLVE' }, { type: 'POSTMORTEM' }, { type: 'SUBMIT' }];
    if (canMitigate.has(fault)) offered.push({ type: 'MITIGATED' });
    return offered.filter((e) => snap.can(e));
  };

  const paths = getShortestPaths(machine, {
    events: events as never,
    serializeState: (snap) => `${JSON.stringify((snap as { value: unknown }).value)}|${(snap as { context: { sec: number } }).context.sec}`,
    limit: 100_000,
  });

  const lifecycle = new Map<string, string[]>();
  const faults = new Set<string>();
  let resolvesFixed = false;
  for (const p of paths) {
    const v = valueOf(p.state);
    const steps = p.steps.filter((st) => !String(st.event.type).startsWith('xstate.'));
    if (!lifecycle.has(v.lifecycle)) lifecycle.set(v.lifecycle, steps.map((st) => String(st.event.type)));
    faults.add(v.fault);
    steps.forEach((st, i) => {
      if (st.event.type !== 'RESOLVE') return;
      const before = i === 0 ? 'normal' : valueOf(steps[i - 1]!.state).fault;
      if (canFix.has(before)) resolvesFixed = true;
    });
  }
  return { lifecycle, faults, resolvesFixed, complete: vm.complete };
}

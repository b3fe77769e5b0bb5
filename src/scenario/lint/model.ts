import { fromTransition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { evalCondition, type Condition } from '../condition.js';
import { formatClock } from '../duration.js';
import type { Scenario } from '../schema.js';
import { readFlags } from './conditions.js';

/**
 * The world as lint sees it: which flags are up, which fault phase the
 * incident is in, which flags will wear off (an action's forSec) and which
 * delayed actions have not landed yet. Only flags some condition reads are
 * tracked, so the space stays small.
 *
 * From a variant's starting flags, the IC may at any moment apply any action
 * whose `requires` holds (raising `done:<id>` and its sets, lowering its
 * clears), poll so that a joined responder's objection raises its sets, or
 * wait: the next phase starts when its time comes unless its `unless` holds,
 * temporary flags wear off and delayed effects land. Exact times do not
 * matter for what can become true, except that a phase due after the time
 * limit never starts in play. xstate/graph explores this as transition logic:
 * every reachable state, each with a shortest witness path of moves.
 */
export interface FlagState {
  /** Index into scenario.phases of the current phase; -1 before onset. */
  phase: number;
  up: readonly string[];
  /** Flags that an action's forSec will lower again. */
  temp: readonly string[];
  /** Delayed actions whose done:<id> is up but whose effects have not landed. */
  pending: readonly number[];
}

export type ModelEvent =
  | { type: 'PHASE' }
  | { type: 'DO'; action: number }
  | { type: 'LAND'; action: number }
  | { type: 'OBJECT'; objection: number }
  | { type: 'EXPIRE'; flag: string };

export interface ReachableState {
  state: FlagState;
  flags: ReadonlySet<string>;
  /** A shortest sequence of moves from the start of the variant to this state. */
  path: ModelEvent[];
}

export interface VariantModel {
  variant: Scenario['variants'][number];
  states: ReachableState[];
  /** False when the exploration hit its bound: "never" cannot be proven then. */
  complete: boolean;
}

export const DEFAULT_MAX_STATES = 200_000;

/** People who can ever join: escalating their team (after paging whoever comes first elsewhere) brings them in. */
export function joinablePeople(s: Scenario): Set<string> {
  const out = new Set<string>();
  const joinSec = new Map(s.people.map((p) => [p.id, p.joinSec]));
  for (const p of s.people) {
    if (p.joinSec === null) continue;
    const ok = s.teams.some((t) => {
      const at = t.members.indexOf(p.id);
      if (at === -1) return false;
      // Everyone before p who would join instead must be pageable through a team without p.
      return t.members.slice(0, at).every((m) => joinSec.get(m) === null || s.teams.some((o) => o !== t && o.members.includes(m) && !o.members.includes(p.id)));
    });
    if (ok) out.add(p.id);
  }
  return out;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

export class FlagModel {
  readonly relevant: Set<string>;
  readonly timeLimitSec: number;
  readonly joinable: Set<string>;
  /** Delayed actions whose done flag is read: the gap before they land is observable. */
  private readonly tracksPending: Set<number>;

  constructor(readonly scenario: Scenario) {
    this.relevant = readFlags(scenario);
    this.timeLimitSec = Math.round(scenario.timeLimitMin * 60);
    this.joinable = joinablePeople(scenario);
    this.tracksPending = new Set(
      scenario.actions.flatMap((a, i) => (a.delaySec > 0 && this.relevant.has(`done:${a.id}`) && (a.sets.length > 0 || a.clears.length > 0) ? [i] : [])),
    );
  }

  initial(variantIndex: number): FlagState {
    const v = this.scenario.variants[variantIndex]!;
    return { phase: -1, up: sorted([`variant:${v.id}`, ...v.flags].filter((f) => this.relevant.has(f))), temp: [], pending: [] };
  }

  holds(c: Condition | undefined, st: FlagState): boolean {
    return c ? evalCondition(c, (f) => st.up.includes(f)) : true;
  }

  /** Whether the next phase may start from here (its time is inside the limit and its unless does not hold). */
  canAdvance(st: FlagState): boolean {
    const next = this.scenario.phases[st.phase + 1];
    return next !== undefined && next.at <= this.timeLimitSec && !(next.unless && this.holds(next.unless, st));
  }

  step(st: FlagState, ev: ModelEvent): FlagState {
    const up = new Set(st.up);
    const temp = new Set(st.temp);
    let pending = st.pending;
    let phase = st.phase;
    const raise = (f: string, temporary: boolean) => {
      if (!this.relevant.has(f)) return;
      up.add(f);
      if (temporary) temp.add(f);
    };
    const lower = (f: string) => {
      up.delete(f);
      temp.delete(f);
    };
    const effects = (i: number, delayed: boolean) => {
      const a = this.scenario.actions[i]!;
      const sets = () => a.sets.forEach((f) => raise(f, a.forSec !== undefined));
      // The engine raises undelayed sets at once and lowers clears a second later; delayed ones lower, then raise.
      if (delayed) {
        a.clears.forEach(lower);
        sets();
      } else {
        sets();
        a.clears.forEach(lower);
      }
    };
    switch (ev.type) {
      case 'PHASE':
        if (!this.canAdvance(st)) return st;
        phase += 1;
        for (const p of this.scenario.phases.slice(0, phase + 1)) raise(p.id, false);
        break;
      case 'DO': {
        const a = this.scenario.actions[ev.action]!;
        if (!this.holds(a.requires, st)) return st;
        raise(`done:${a.id}`, false);
        if (this.tracksPending.has(ev.action)) pending = [...new Set([...pending, ev.action])].sort((x, y) => x - y);
        else effects(ev.action, a.delaySec > 0);
        break;
      }
      case 'LAND':
        if (!pending.includes(ev.action)) return st;
        pending = pending.filter((x) => x !== ev.action);
        effects(ev.action, true);
        break;
      case 'OBJECT': {
        const o = this.scenario.objections[ev.objection]!;
        if (!this.joinable.has(o.from)) return st;
        o.sets.forEach((f) => raise(f, false));
        break;
      }
      case 'EXPIRE':
        if (!temp.has(ev.flag)) return st;
        lower(ev.flag);
        break;
    }
    return { phase, up: sorted(up), temp: sorted(temp), pending };
  }

  /** The moves that change something from here (no self-loops, so the graph stays small). */
  moves(st: FlagState): ModelEvent[] {
    const out: ModelEvent[] = [];
    const k = key(st);
    const consider = (ev: ModelEvent) => {
      if (key(this.step(st, ev)) !== k) out.push(ev);
    };
    consider({ type: 'PHASE' });
    this.scenario.actions.forEach((_, i) => consider({ type: 'DO', action: i }));
    st.pending.forEach((i) => consider({ type: 'LAND', action: i }));
    this.scenario.objections.forEach((_, i) => consider({ type: 'OBJECT', objection: i }));
    st.temp.forEach((f) => consider({ type: 'EXPIRE', flag: f }));
    return out;
  }

  explore(variantIndex: number, maxStates = DEFAULT_MAX_STATES): VariantModel {
    const variant = this.scenario.variants[variantIndex]!;
    const logic = fromTransition((st: FlagState, ev: ModelEvent) => this.step(st, ev), this.initial(variantIndex));
    try {
      const paths = getShortestPaths(logic, {
        events: (snap) => this.moves(snap.context),
        serializeState: (snap) => key(snap.context),
        serializeEvent: (ev) => JSON.stringify(ev),
        limit: maxStates,
      });
      const states = paths.map((p) => ({ state: p.state.context, flags: new Set(p.state.context.up), path: p.steps.map((s) => s.event).filter((ev) => !ev.type.startsWith('xstate.')) }));
      return { variant, states, complete: true };
    } catch (e) {
      if (!/limit/i.test((e as Error).message)) throw e;
      return { variant, states: [{ state: this.initial(variantIndex), flags: new Set(this.initial(variantIndex).up), path: [] }], complete: false };
    }
  }

  /**
   * Whether the world can be in this state at sim second `sec`: every phase
   * so far is due by then, and the next one is not due yet or is held back
   * by its unless.
   */
  possibleAt(st: FlagState, sec: number): boolean {
    const phases = this.scenario.phases;
    for (let i = 0; i <= st.phase; i++) if (phases[i]!.at > sec) return false;
    const next = phases[st.phase + 1];
    return next === undefined || next.at > sec || (next.unless !== undefined && this.holds(next.unless, st));
  }

  describe(ev: ModelEvent): string {
    const s = this.scenario;
    switch (ev.type) {
      case 'PHASE':
        return 'wait for the next phase';
      case 'DO': {
        const a = s.actions[ev.action]!;
        return `do ${a.example ?? a.id}`;
      }
      case 'LAND':
        return `wait for ${s.actions[ev.action]!.id} to take effect`;
      case 'OBJECT': {
        const o = s.objections[ev.objection]!;
        return `poll (${o.from} objects)`;
      }
      case 'EXPIRE':
        return `wait for ${ev.flag} to wear off`;
    }
  }

  /** A witness path in words, phases named with their times. */
  describePath(path: readonly ModelEvent[]): string {
    if (path.length === 0) return 'from the start';
    let phase = -1;
    return path
      .map((ev) => {
        if (ev.type !== 'PHASE') return this.describe(ev);
        phase += 1;
        const p = this.scenario.phases[phase]!;
        return `${p.id} starts (${formatClock(p.at)})`;
      })
      .join(', ');
  }
}

export function key(st: FlagState): string {
  return `${st.phase}|${st.up.join(',')}|${st.temp.join(',')}|${st.pending.join(',')}`;
}

import { evalCondition, type Condition } from '../condition.js';
import { formatClock } from '../duration.js';
import type { Scenario } from '../schema.js';
import { conditionFlags } from '../condition.js';
import { readFlags, showCondition } from './conditions.js';
import { actionChanges, landingOrder } from '../action-timing.js';
import { commandFlags } from '../command-flags.js';
import { changedValue, counterFlag, counterFlags, type CounterChange } from '../counters.js';

/**
 * The world as lint sees it: which flags are up, which fault phase the
 * incident is in, which flags will wear off (an action's forSec) and which
 * delayed actions have not landed yet. Only flags some condition reads are
 * tracked, so the space stays small.
 *
 * From a variant's starting flags, the IC may at any moment apply any action
 * whose `requires` holds (raising `done:<id>` and its sets, lowering its
 * clears), poll so that a joined responder's objection raises its sets,
 * raise a command flag by a command act (escalated:TEAM, joined:PERSON for
 * someone who can join, role:ROLE, status-posted, polled…), or wait: the next phase starts when its time comes unless its `unless` holds,
 * temporary flags wear off and delayed effects land. Exact times do not
 * matter for what can become true, except that a phase due after the time
 * limit never starts in play. The exploration is breadth-first, so each
 * reachable state comes with a shortest witness sequence of moves.
 */
export interface FlagState {
  /** Index into scenario.phases of the current phase; -1 before onset. */
  phase: number;
  /** Indexes into scenario.events of the events that have fired (those whose flag is tracked). */
  fired: readonly number[];
  /** Indexes into the model's anchors (the `after` conditions of phases and events) that have held at some point. */
  seen: readonly number[];
  up: readonly string[];
  /** Flags that an action's forSec will lower again. */
  temp: readonly string[];
  /** Delayed actions whose done:<id> is up but whose effects have not landed. */
  pending: readonly number[];
}

export type ModelEvent =
  | { type: 'PHASE' }
  | { type: 'EVENT'; event: number }
  | { type: 'DO'; action: number }
  | { type: 'LAND'; action: number }
  | { type: 'OBJECT'; objection: number }
  | { type: 'KNOW'; person: string; knowledge: number }
  | { type: 'COMMAND'; flag: string }
  | { type: 'EXPIRE'; flag: string };

export interface ReachableState {
  state: FlagState;
  flags: ReadonlySet<string>;
  /** A shortest sequence of moves from the start of the variant to this state. */
  readonly path: ModelEvent[];
}

export interface VariantModel {
  variant: Scenario['variants'][number];
  index: number;
  states: ReachableState[];
  /** False when the exploration hit its bound: "never" cannot be proven then. */
  complete: boolean;
}

/** Distinct flag states explored per variant before lint gives up proving "never". */
export const DEFAULT_MAX_STATES = 50_000;

/** People who can ever join: escalating their team (after paging whoever comes first elsewhere) brings them in; a team that `joins: all` brings in everyone who can. */
export function joinablePeople(s: Scenario): Set<string> {
  const out = new Set<string>();
  const joinSec = new Map(s.people.map((p) => [p.id, p.joinSec]));
  for (const p of s.people) {
    if (p.joinSec === null) continue;
    const ok = s.teams.some((t) => {
      const at = t.members.indexOf(p.id);
      if (at === -1) return false;
      if (t.joins === 'all') return true;
      // Everyone before p who would join instead must be pageable through a team without p.
      return t.members.slice(0, at).every((m) => joinSec.get(m) === null || s.teams.some((o) => o !== t && o.members.includes(m) && !o.members.includes(p.id)));
    });
    if (ok) out.add(p.id);
  }
  return out;
}

/** A state during the search: flags as bit masks over the tracked flags. */
interface Packed {
  phase: number;
  fired: bigint;
  seen: bigint;
  up: bigint;
  temp: bigint;
  pending: readonly number[];
}

interface PackedAction {
  requires: Condition | undefined;
  done: bigint;
  /** The changes of the action landing, in the engine's order (action-timing.ts): which flag, raised or lowered, and whether it wears off again. */
  landing: { bit: bigint; raise: boolean; temporary: boolean }[];
  tracksPending: boolean;
  /** The counters it changes that some condition reads: each value's bit, in the order of `values`. */
  counting: { counter: Scenario['counters'][number]; change: CounterChange; values: number[]; bits: bigint[] }[];
}

export class FlagModel {
  readonly relevant: Set<string>;
  readonly timeLimitSec: number;
  readonly joinable: Set<string>;
  private readonly names: string[];
  private readonly bitOf: Map<string, bigint>;
  private readonly actions: PackedAction[];
  private readonly phaseUp: bigint[];
  /** Per event, its flag's bit (0n when untracked: such an event cannot matter). */
  private readonly eventBit: bigint[];
  /** Every `after` condition of a phase or event; a phase's or event's anchor is its index here, or -1. */
  private readonly anchors: Condition[] = [];
  private readonly phaseAnchor: number[];
  private readonly eventAnchor: number[];
  private readonly objectionSets: bigint[];
  /** What a specialist who can join answers, while they know it and are not locked out: the flags it raises. */
  private readonly knowledge: { person: string; knowledge: number; sets: bigint; when: Condition | undefined; locked: Condition | undefined }[];
  /** Command flags some condition reads, and the command that raises each. */
  private readonly commands: Map<string, string>;

  /**
   * `track` narrows the model to some flags (a cone of influence, see
   * coneOf); flags outside it are ignored, as if never up.
   */
  constructor(
    readonly scenario: Scenario,
    track?: ReadonlySet<string>,
  ) {
    const read = readFlags(scenario);
    this.relevant = track ? new Set([...track].filter((f) => read.has(f))) : read;
    // a counter read anywhere is tracked at every value: where it can go next depends on where it is
    const valueFlags = counterFlags(scenario);
    for (const flags of valueFlags.values()) if (flags.some((f) => this.relevant.has(f))) flags.forEach((f) => this.relevant.add(f));
    this.timeLimitSec = Math.round(scenario.timeLimitMin * 60);
    this.joinable = joinablePeople(scenario);
    this.names = [...this.relevant].sort();
    this.bitOf = new Map(this.names.map((f, i) => [f, 1n << BigInt(i)]));
    const mask = (flags: readonly string[]) => flags.reduce((m, f) => m | (this.bitOf.get(f) ?? 0n), 0n);
    this.actions = scenario.actions.map((a) => {
      const done = this.bitOf.get(`done:${a.id}`) ?? 0n;
      const sets = mask(a.sets);
      const clears = mask(a.clears);
      const changes = actionChanges(a);
      const wearing = new Set(changes.filter((c) => c.wearsOff).map((c) => c.flag));
      const counting = a.counters.flatMap((change) => {
        const counter = scenario.counters.find((c) => c.id === change.id)!;
        const flags = valueFlags.get(change.id) ?? [];
        if (!flags.some((f) => this.bitOf.has(f))) return [];
        const values = flags.map((f) => Number(f.slice(change.id.length + 1)));
        return [{ counter, change, values, bits: flags.map((f) => this.bitOf.get(f)!) }];
      });
      return {
        counting,
        requires: a.requires,
        done,
        landing: landingOrder(changes)
          .filter((c) => this.bitOf.has(c.flag))
          .map((c) => ({ bit: this.bitOf.get(c.flag)!, raise: c.raise, temporary: c.raise && wearing.has(c.flag) })),
        // The gap between done:<id> and the delayed effects is observable only when done:<id> is read.
        tracksPending: a.delaySec > 0 && done !== 0n && ((sets | clears) !== 0n || counting.length > 0),
      };
    });
    this.phaseUp = scenario.phases.map((_, k) => mask(scenario.phases.slice(0, k + 1).map((p) => p.id)));
    this.eventBit = scenario.events.map((e) => this.bitOf.get(e.id) ?? 0n);
    const anchor = (t: { after?: { when: Condition } | undefined }) => (t.after ? this.anchors.push(t.after.when) - 1 : -1);
    this.phaseAnchor = scenario.phases.map(anchor);
    this.eventAnchor = scenario.events.map(anchor);
    this.objectionSets = scenario.objections.map((o) => (this.joinable.has(o.from) ? mask(o.sets) : 0n));
    this.knowledge = scenario.people.flatMap((p) =>
      this.joinable.has(p.id) ? p.knows.map((k, i) => ({ person: p.id, knowledge: i, sets: mask(k.sets), when: k.when, locked: p.lockedOut?.when })).filter((k) => k.sets !== 0n) : [],
    );
    this.commands = new Map(commandFlags(scenario, this.joinable).filter((c) => this.bitOf.has(c.flag)).map((c) => [c.flag, c.how]));
  }

  initial(variantIndex: number): FlagState {
    return this.unpack(this.initialPacked(variantIndex));
  }

  private initialPacked(variantIndex: number): Packed {
    const v = this.scenario.variants[variantIndex]!;
    const up = [`variant:${v.id}`, ...v.flags, ...this.scenario.counters.map((c) => counterFlag(c.id, c.start))].reduce((m, f) => m | (this.bitOf.get(f) ?? 0n), 0n);
    return { phase: -1, fired: 0n, seen: this.seenNow(0n, up), up, temp: 0n, pending: [] };
  }

  /** The anchors seen so far, with those that hold under `up` added. */
  private seenNow(seen: bigint, up: bigint): bigint {
    this.anchors.forEach((c, i) => {
      if (this.holdsPacked(c, up)) seen |= 1n << BigInt(i);
    });
    return seen;
  }

  private anchorSeen(anchor: number, seen: bigint): boolean {
    return anchor === -1 || ((seen >> BigInt(anchor)) & 1n) !== 0n;
  }

  holds(c: Condition | undefined, st: FlagState): boolean {
    return c ? evalCondition(c, (f) => st.up.includes(f)) : true;
  }

  private holdsPacked(c: Condition | undefined, up: bigint): boolean {
    return c ? evalCondition(c, (f) => ((this.bitOf.get(f) ?? 0n) & up) !== 0n) : true;
  }

  /** Whether the next phase may start from here (its time is inside the limit and its unless does not hold). */
  canAdvance(st: FlagState): boolean {
    return this.canAdvancePacked(st.phase, this.seenMask(st), (f) => st.up.includes(f));
  }

  /** Whether the phase after `phase` has its `after` anchor behind it (or has none) in this state. */
  nextAnchored(st: FlagState): boolean {
    return this.phaseAnchor[st.phase + 1] === undefined || this.anchorSeen(this.phaseAnchor[st.phase + 1]!, this.seenMask(st));
  }

  private seenMask(st: FlagState): bigint {
    return st.seen.reduce((m, i) => m | (1n << BigInt(i)), 0n);
  }

  private canAdvancePacked(phase: number, seen: bigint, has: (f: string) => boolean): boolean {
    const next = this.scenario.phases[phase + 1];
    if (next === undefined || !this.anchorSeen(this.phaseAnchor[phase + 1]!, seen)) return false;
    // `at` is the earliest it can be due; after a flag, no earlier than the offset
    const earliest = Math.max(next.at, next.after?.offsetSec ?? 0);
    return earliest <= this.timeLimitSec && !(next.unless && evalCondition(next.unless, has));
  }

  private canFire(event: number, fired: bigint, seen: bigint, up: bigint): boolean {
    const e = this.scenario.events[event]!;
    const bit = 1n << BigInt(event);
    if (this.eventBit[event] === 0n || (fired & bit) !== 0n || !this.anchorSeen(this.eventAnchor[event]!, seen)) return false;
    return Math.max(e.at, e.after?.offsetSec ?? 0) <= this.timeLimitSec && !(e.unless && this.holdsPacked(e.unless, up));
  }

  /** An action's sets and clears landing, in the order the engine makes them take effect. */
  private static land(a: PackedAction, up: bigint, temp: bigint): [bigint, bigint] {
    for (const c of a.landing) {
      if (c.raise) {
        up |= c.bit;
        if (c.temporary) temp |= c.bit;
      } else {
        up &= ~c.bit;
        temp &= ~c.bit;
      }
    }
    for (const k of a.counting) {
      const at = k.bits.findIndex((b) => (up & b) !== 0n);
      if (at === -1) continue;
      const next = k.values.indexOf(changedValue(k.counter, k.values[at]!, k.change));
      up = (up & ~k.bits[at]!) | k.bits[next]!;
    }
    return [up, temp];
  }

  private step(st: Packed, ev: ModelEvent): Packed | null {
    let { phase, fired, up, temp, pending } = st;
    switch (ev.type) {
      case 'PHASE':
        if (!this.canAdvancePacked(phase, st.seen, (f) => ((this.bitOf.get(f) ?? 0n) & up) !== 0n)) return null;
        phase += 1;
        up |= this.phaseUp[phase]!;
        break;
      case 'EVENT':
        if (!this.canFire(ev.event, fired, st.seen, up)) return null;
        fired |= 1n << BigInt(ev.event);
        up |= this.eventBit[ev.event]!;
        break;
      case 'DO': {
        const a = this.actions[ev.action]!;
        if (!this.holdsPacked(a.requires, up)) return null;
        up |= a.done;
        if (a.tracksPending) {
          if (!pending.includes(ev.action)) pending = [...pending, ev.action].sort((x, y) => x - y);
        } else [up, temp] = FlagModel.land(a, up, temp);
        break;
      }
      case 'LAND':
        if (!pending.includes(ev.action)) return null;
        pending = pending.filter((x) => x !== ev.action);
        [up, temp] = FlagModel.land(this.actions[ev.action]!, up, temp);
        break;
      case 'OBJECT':
        up |= this.objectionSets[ev.objection]!;
        break;
      case 'KNOW': {
        const k = this.knowledge.find((x) => x.person === ev.person && x.knowledge === ev.knowledge)!;
        // asked while locked out, they find out nothing; the answer needs what they know to hold when it is given
        if (!this.holdsPacked(k.when, up) || (k.locked && this.holdsPacked(k.locked, up))) return null;
        up |= k.sets;
        break;
      }
      case 'COMMAND':
        // a command act's flag stays up for the rest of the run
        up |= this.bitOf.get(ev.flag) ?? 0n;
        break;
      case 'EXPIRE': {
        const b = this.bitOf.get(ev.flag) ?? 0n;
        if ((temp & b) === 0n) return null;
        up &= ~b;
        temp &= ~b;
        break;
      }
    }
    if (phase === st.phase && fired === st.fired && up === st.up && temp === st.temp && pending === st.pending) return null;
    return { phase, fired, seen: this.seenNow(st.seen, up), up, temp, pending };
  }

  private candidates(st: Packed): ModelEvent[] {
    const out: ModelEvent[] = [{ type: 'PHASE' }];
    this.eventBit.forEach((b, i) => {
      if (b !== 0n) out.push({ type: 'EVENT', event: i });
    });
    this.actions.forEach((_, i) => out.push({ type: 'DO', action: i }));
    st.pending.forEach((i) => out.push({ type: 'LAND', action: i }));
    this.objectionSets.forEach((m, i) => {
      if (m !== 0n) out.push({ type: 'OBJECT', objection: i });
    });
    for (const k of this.knowledge) out.push({ type: 'KNOW', person: k.person, knowledge: k.knowledge });
    for (const flag of this.commands.keys()) out.push({ type: 'COMMAND', flag });
    if (st.temp !== 0n) this.names.forEach((f, i) => {
      if ((st.temp >> BigInt(i)) & 1n) out.push({ type: 'EXPIRE', flag: f });
    });
    return out;
  }

  private unpack(p: Packed): FlagState {
    const list = (m: bigint) => this.names.filter((_, i) => ((m >> BigInt(i)) & 1n) !== 0n);
    const indexes = (m: bigint) => [...m.toString(2)].reverse().flatMap((b, i) => (b === '1' ? [i] : []));
    return { phase: p.phase, fired: indexes(p.fired), seen: indexes(p.seen), up: list(p.up), temp: list(p.temp), pending: p.pending };
  }

  /** Every state reachable in a variant, breadth-first, each with a shortest witness path. */
  explore(variantIndex: number, maxStates = DEFAULT_MAX_STATES): VariantModel {
    const variant = this.scenario.variants[variantIndex]!;
    const packedKey = (p: Packed) => `${p.phase}|${p.fired.toString(36)}|${p.seen.toString(36)}|${p.up.toString(36)}|${p.temp.toString(36)}|${p.pending.join(',')}`;
    const start = this.initialPacked(variantIndex);
    const nodes: { st: Packed; parent: number; event: ModelEvent | null }[] = [{ st: start, parent: -1, event: null }];
    const seen = new Map([[packedKey(start), 0]]);
    let complete = true;
    for (let head = 0; head < nodes.length; head++) {
      const here = nodes[head]!.st;
      for (const ev of this.candidates(here)) {
        const next = this.step(here, ev);
        if (!next) continue;
        const k = packedKey(next);
        if (seen.has(k)) continue;
        if (nodes.length >= maxStates) {
          complete = false;
          break;
        }
        seen.set(k, nodes.length);
        nodes.push({ st: next, parent: head, event: ev });
      }
      if (!complete) break;
    }
    const pathTo = (i: number): ModelEvent[] => {
      const out: ModelEvent[] = [];
      for (let n = i; n > 0; n = nodes[n]!.parent) out.push(nodes[n]!.event!);
      return out.reverse();
    };
    const states = nodes.map((n, i): ReachableState => {
      const state = this.unpack(n.st);
      return {
        state,
        flags: new Set(state.up),
        get path() {
          return pathTo(i);
        },
      };
    });
    return { variant, index: variantIndex, states, complete };
  }

  /**
   * Whether the world can be in this state at sim second `sec`: every phase
   * so far is due by then, and the next one is not due yet or is held back
   * by its unless.
   */
  possibleAt(st: FlagState, sec: number): boolean {
    const phases = this.scenario.phases;
    const events = this.scenario.events;
    const earliest = (t: { at: number; after?: { offsetSec: number } | undefined }) => Math.max(t.at, t.after?.offsetSec ?? 0);
    for (let i = 0; i <= st.phase; i++) if (earliest(phases[i]!) > sec) return false;
    if (st.fired.some((i) => earliest(events[i]!) > sec)) return false;
    // an event due by now with nothing to hold it back has fired (only tracked events are known)
    const overdue = events.some((e, i) => this.eventBit[i] !== 0n && !st.fired.includes(i) && e.after === undefined && e.unless === undefined && e.at <= sec);
    if (overdue) return false;
    const next = phases[st.phase + 1];
    // a phase due after a flag may be held back by when that flag came, which the model does not know
    return next === undefined || next.after !== undefined || next.at > sec || (next.unless !== undefined && this.holds(next.unless, st));
  }

  describe(ev: ModelEvent): string {
    const s = this.scenario;
    switch (ev.type) {
      case 'PHASE':
        return 'wait for the next phase';
      case 'EVENT':
        return `wait for event ${s.events[ev.event]!.id}`;
      case 'DO': {
        const a = s.actions[ev.action]!;
        return `do ${a.example ?? a.id}`;
      }
      case 'LAND':
        return `wait for ${s.actions[ev.action]!.id} to take effect`;
      case 'OBJECT':
        return `poll (${s.objections[ev.objection]!.from} objects)`;
      case 'KNOW':
        return `ask ${ev.person} what they know (${s.people.find((p) => p.id === ev.person)!.knows[ev.knowledge]!.match[0]!.source})`;
      case 'COMMAND':
        return this.commands.get(ev.flag) ?? ev.flag;
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
        if (ev.type === 'EVENT') return `${this.scenario.events[ev.event]!.id} fires (${whenDue(this.scenario.events[ev.event]!)})`;
        if (ev.type !== 'PHASE') return this.describe(ev);
        phase += 1;
        const p = this.scenario.phases[phase]!;
        return `${p.id} starts (${whenDue(p)})`;
      })
      .join(', ');
  }
}

/**
 * The flags that can influence these ones: whatever the requires of an
 * action that raises or lowers them reads, recursively, plus every phase's
 * unless (the phase in effect matters to almost every question). Exploring
 * only this cone gives exactly the projection of the full model onto it, and
 * keeps the space small when a scenario has many independent flags.
 */
export function coneOf(s: Scenario, seeds: Iterable<string>): Set<string> {
  const read = readFlags(s);
  const out = new Set<string>();
  const queue: string[] = [...seeds];
  const counterOf = new Map<string, string>();
  for (const [id, flags] of counterFlags(s)) flags.forEach((f) => counterOf.set(f, id));
  for (const t of [...s.phases, ...s.events]) {
    if (t.unless) queue.push(...conditionFlags(t.unless));
    if (t.after) queue.push(...conditionFlags(t.after.when));
  }
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (out.has(f) || !read.has(f)) continue;
    out.add(f);
    for (const a of s.actions) {
      const counts = counterOf.has(f) && a.counters.some((ch) => ch.id === counterOf.get(f));
      if (a.requires && (a.sets.includes(f) || a.clears.includes(f) || f === `done:${a.id}` || counts)) queue.push(...conditionFlags(a.requires));
    }
    for (const p of s.people) {
      for (const k of p.knows) {
        if (!k.sets.includes(f)) continue;
        if (k.when) queue.push(...conditionFlags(k.when));
        if (p.lockedOut) queue.push(...conditionFlags(p.lockedOut.when));
      }
    }
  }
  return out;
}

/** When a phase or event is due, in words: its time, or its offset after a flag. */
export function whenDue(t: { at: number; after?: { when: Condition; offsetSec: number } | undefined }): string {
  if (!t.after) return formatClock(t.at);
  const after = `${formatClock(t.after.offsetSec)} after ${showCondition(t.after.when)}`;
  return t.at > 0 ? `${after}, not before ${formatClock(t.at)}` : after;
}

import { evalCondition, type Condition } from '../scenario/condition.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';

/**
 * When things happened, read from the world's record of flag changes
 * (WorldState.flagLog). A second's flags are those after every change made
 * in it, as the engine sees them (FlagHistory.flagsAt): a flag raised and
 * lowered in the same second never held.
 */

export interface Moment {
  sec: number;
  /** Position in the flag log: orders two things that happened in the same second. */
  order: number;
}

/** The first time a flag went up, or null if it never did. */
export function firstUp(w: WorldState, flag: string): Moment | null {
  const i = w.flagLog.findIndex((c) => c.on && c.flag === flag);
  return i === -1 ? null : { sec: w.flagLog[i]!.sec, order: i };
}

/** The first second in [fromSec, toSec] at which the condition held, or null if it did not in that span. */
export function firstHeld(w: WorldState, cond: Condition, fromSec: number, toSec = Infinity): number | null {
  const up = new Set<string>();
  const holds = () => evalCondition(cond, (f) => up.has(f));
  const log = w.flagLog;
  let i = 0;
  const applyThrough = (sec: number) => {
    for (; i < log.length && log[i]!.sec <= sec; i++) (log[i]!.on ? up.add(log[i]!.flag) : up.delete(log[i]!.flag));
  };
  applyThrough(fromSec);
  if (fromSec <= toSec && holds()) return fromSec;
  while (i < log.length && log[i]!.sec <= toSec) {
    const sec = log[i]!.sec;
    applyThrough(sec);
    if (holds()) return sec;
  }
  return null;
}

/**
 * What the IC did that changed the world at `sec`, as a phrase for a
 * reason: an action applied then, or one whose flags landed then (its
 * delaySec later), or a poll. Null when nothing the IC did changed it at
 * that second (a phase, a flag wearing off); phases are not named, since
 * their ids can give the variant away.
 */
export function changeAt(scenario: Scenario, w: WorldState, sec: number): string | null {
  for (let k = w.actions.length - 1; k >= 0; k--) {
    const a = w.actions[k]!;
    const def = scenario.actions.find((x) => x.id === a.id);
    if (def && (a.sec === sec || (def.delaySec > 0 && a.sec + def.delaySec === sec))) return `once "${def.title}" took effect`;
  }
  return w.polls.some((p) => p.sec === sec) ? 'after a poll' : null;
}

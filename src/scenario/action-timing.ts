import type { Action } from './schema.js';

// When an action's flag changes take effect. The engine (sim/handlers/hands-on.ts)
// applies them by these rules and lint (lint/model.ts) proves what can become
// true by the same ones. It lives in `scenario` because lint may not import
// `sim` (layers point down) while the sim may import `scenario`: the one
// layer both stand on.

/** One flag change an action makes, `afterSec` after it is done. */
export interface FlagChange {
  flag: string;
  raise: boolean;
  afterSec: number;
  /** A temporary set wearing off again (forSec, or the flag's own lasting time). */
  wearsOff: boolean;
}

/** An action's flag changes, in the order the engine schedules them: its clears, then each set (and its wearing off). */
export function actionChanges(a: Action): FlagChange[] {
  const out: FlagChange[] = [];
  for (const flag of a.clears) out.push({ flag, raise: false, afterSec: a.delaySec, wearsOff: false });
  for (const flag of a.sets) {
    out.push({ flag, raise: true, afterSec: a.delaySec, wearsOff: false });
    const lasts = a.lasting[flag] ?? a.forSec;
    if (lasts !== undefined) out.push({ flag, raise: false, afterSec: a.delaySec + lasts, wearsOff: true });
  }
  return out;
}

/**
 * A change made in the very second the action is done: raising an undelayed
 * set. Every other change is scheduled, and scheduled work runs at the start
 * of a later second, so an undelayed clear falls one second after the sets
 * rose (the clear wins), while a delayed action's clears fall just before
 * its sets rise in the same second (the sets win).
 */
export function takesEffectAtOnce(c: FlagChange): boolean {
  return c.raise && c.afterSec === 0;
}

/** The changes of an action landing (wearing off is not landing), in the order they take effect. */
export function landingOrder(changes: readonly FlagChange[]): FlagChange[] {
  const landing = changes.filter((c) => !c.wearsOff);
  // The engine's schedule is stable: same second, order of scheduling.
  return [...landing.filter(takesEffectAtOnce), ...landing.filter((c) => !takesEffectAtOnce(c)).sort((x, y) => x.afterSec - y.afterSec)];
}

import { dueSec } from '../scenario/after-text.js';
import type { WorldEffects } from './world-effects.js';

/**
 * The scenario's one-off events: each fires the first second it is due and
 * its `unless` does not hold, raising its flag. Whether it has fired is read
 * from the flag history (its flag has gone up), so the world carries no
 * extra state and a recording made before events existed replays unchanged.
 */
export function fireEvents(world: WorldEffects, sec: number): void {
  for (const e of world.scenario.events) {
    if (world.flags.firstUp(e.id) !== undefined) continue;
    const due = dueSec(e, (c) => world.flags.conditionFirst(c, sec));
    if (due === null || sec < due) continue;
    if (e.unless && world.holds(e.unless)) continue;
    world.flags.raise(e.id, sec);
  }
}

import type { WorldState } from './world.js';

/**
 * The changes that counted as harmful: an action with harmfulWhen by whether
 * it held when the action was taken (the engine records it), any other by
 * its kind.
 */
export function isHarmful(a: WorldState['actions'][number]): boolean {
  return a.harmful ?? a.kind === 'harmful';
}

export const harmfulActions = (w: WorldState): WorldState['actions'] => w.actions.filter(isHarmful);

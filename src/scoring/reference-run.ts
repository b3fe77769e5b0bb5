import type { Scenario } from '../scenario/schema.js';
import { referenceKeyOf, referenceWorld, type ReferenceKey } from '../sim/reference-world.js';
import type { WorldState } from '../sim/world.js';
import { scoreSession } from './score.js';
import type { ReferenceRun } from './types.js';
import { baseScenario } from '../scenario/variant-view.js';

export type { ReferenceRun } from './types.js';
export type { ReferenceKey } from '../sim/reference-world.js';

/**
 * The scenario's reference (strong) play for a variant, seed and difficulty,
 * run through the same engine (sim/reference-world.ts keeps the world) and
 * scored; the score is kept with the world, since every report format asks.
 */
const scores = new WeakMap<WorldState, ReferenceRun>();

export function referenceRun(scenario: Scenario, key: ReferenceKey): ReferenceRun | null {
  const world = referenceWorld(baseScenario(scenario), key);
  if (!world) return null;
  let run = scores.get(world);
  if (!run) scores.set(world, (run = { world, score: scoreSession(scenario, world) }));
  return run;
}

/** The reference run for a session: the seed, variant and difficulty its world was played with. */
export function referenceFor(scenario: Scenario, world: WorldState): ReferenceRun | null {
  return referenceRun(scenario, referenceKeyOf(world));
}

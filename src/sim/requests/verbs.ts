import type { Scenario } from '../../scenario/schema.js';
import { ENGINE_CHANGE } from './intent.js';

/**
 * How a request's verbs are read. `change`: the verbs that make it a change,
 * the engine's and the scenario's own `changeVerbs`. `owned`: a change never
 * runs a diagnostic, not even typed after `run`. Recordings made before that
 * (no `verbs` on their start event) read the engine's verbs alone and let
 * `run` try every diagnostic, as they were played.
 */
export interface Verbs {
  change: ReadonlySet<string>;
  owned: boolean;
}

const BEFORE: Verbs = { change: ENGINE_CHANGE, owned: false };
const cache = new WeakMap<Scenario, Verbs>();

export function verbsOf(scenario: Scenario, owned = true): Verbs {
  if (!owned) return BEFORE;
  let v = cache.get(scenario);
  if (!v) cache.set(scenario, (v = { change: new Set([...ENGINE_CHANGE, ...scenario.changeVerbs]), owned: true }));
  return v;
}

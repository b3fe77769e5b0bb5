import { changedValue, counterFlag, counterValue, type CounterChange } from '../scenario/counters.js';
import type { WorldEffects } from './world-effects.js';

/** The counter's value now. */
export function counterNow(world: Pick<WorldEffects, 'scenario' | 'flags'>, id: string): number | undefined {
  const c = world.scenario.counters.find((x) => x.id === id);
  return c ? counterValue(c, world.flags.active()) : undefined;
}

/** Moves a counter's value flag: the old value's flag goes down and the new one's comes up in the same second. */
export function changeCounter(world: Pick<WorldEffects, 'scenario' | 'flags'>, change: CounterChange, sec: number): void {
  const c = world.scenario.counters.find((x) => x.id === change.id);
  if (!c) return;
  const was = counterValue(c, world.flags.active());
  const now = changedValue(c, was, change);
  if (now === was) return;
  world.flags.lower(counterFlag(c.id, was), sec);
  world.flags.raise(counterFlag(c.id, now), sec);
}

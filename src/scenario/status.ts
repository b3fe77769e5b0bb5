import { evalCondition } from './condition.js';
import type { Status } from './schema.js';

// Status series (`statuses:`): a state name chosen by conditions, like a
// diagnostic's outputs: the first state whose when holds, else the last.
// The engine reads it over the flag history; lint over reachable states.

/** Which of the series' states it is in, given the flags up. */
export function statusIndex(status: Status, has: (flag: string) => boolean): number {
  const i = status.values.findIndex((v) => v.when === undefined || evalCondition(v.when, has));
  return i === -1 ? status.values.length - 1 : i;
}

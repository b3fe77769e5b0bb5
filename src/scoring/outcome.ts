import { wallHm } from '../scenario/clock-frame.js';
import type { Scenario } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';

/**
 * How the session ended, told apart where the world's `outcome` is not:
 * a resolve declared while the fault was still active is its own outcome
 * (`resolved-fault-active`), not a resolution. The world's `outcome` keeps
 * its old values (resolved | timed-out | abandoned) for old readers.
 */
export type OutcomeDetail = 'resolved' | 'resolved-fault-active' | 'timed-out' | 'abandoned' | 'unfinished';

export function outcomeDetail(world: WorldState): OutcomeDetail {
  if (world.outcome === 'resolved') return world.resolvedWhileFixed ? 'resolved' : 'resolved-fault-active';
  return world.outcome ?? 'unfinished';
}

/** The header's outcome: "resolved at 21:33", or says that the fault was still active. */
export function outcomeLine(scenario: Scenario, world: WorldState): string {
  const at = world.resolvedSec !== null ? ` at ${wallHm(scenario, world.resolvedSec)}` : '';
  if (outcomeDetail(world) === 'resolved-fault-active') return `declared resolved${at} with the fault still active (not a resolution)`;
  return `${world.outcome ?? 'unfinished'}${at}`;
}

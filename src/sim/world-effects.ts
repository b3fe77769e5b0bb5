import type { Condition } from '../scenario/condition.js';
import type { Scenario } from '../scenario/schema.js';
import type { DifficultyKnobs } from './difficulty.js';
import type { FlagHistory } from './flag-history.js';
import type { IncidentEvent, IncidentSnapshot } from './incident-machine.js';
import type { FeedChannel, FeedItem, Scheduled, WorldState } from './world.js';

/**
 * What command handlers, watchers and scheduled work see of the world: read
 * it, say things, answer the IC, schedule later work, raise flags, step the
 * incident machine. The Engine provides it and drives them; they never see
 * the Engine, so the sim's imports run one way (engine → handlers → this).
 */
export interface WorldEffects {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly knobs: DifficultyKnobs;
  readonly postmortemMin: number;
  readonly flags: FlagHistory;
  readonly state: WorldState;
  readonly sec: number;
  /** The incident machine's snapshot: `hasTag`, `can`. */
  readonly incident: IncidentSnapshot;
  holds(cond: Condition | undefined): boolean;
  metric(id: string): Scenario['metrics'][number] | undefined;
  metricAt(metricId: string, sec: number): number | null;
  statusAt(id: string, sec: number): string | null;
  say(channel: FeedChannel, from: string, text: string, tone?: FeedItem['tone']): void;
  answer(text: string, ok?: boolean): void;
  schedule(item: Omit<Scheduled, 'order'>): void;
  gainEvidence(id: string, sec: number): void;
  personName(id: string): string;
  executiveJoins(sec: number): void;
  /** Steps the incident machine (a TICK is the engine's alone). */
  send(event: Exclude<IncidentEvent, { type: 'TICK' }>): void;
  submitPostmortem(late: boolean): void;
}

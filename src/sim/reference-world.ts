import { createHash } from 'node:crypto';
import { referenceScript } from '../scenario/reference-play.js';
import type { Scenario } from '../scenario/schema.js';
import { Engine } from './engine.js';
import type { WorldState } from './world.js';

/**
 * The world the scenario's reference (strong) play leaves behind for a
 * variant, seed and difficulty: no scoring, so the score can measure a
 * session's harm against it without importing itself. Played the way a
 * headless script is (session/headless.ts): each command at its time, then
 * the clock run out to the time limit and the postmortem's countdown, then
 * quit. Pure and deterministic, so it is kept per (scenario content, seed,
 * variant, difficulty): a copy of the same scenario finds the same run.
 */
export interface ReferenceKey {
  seed: number;
  variant: string;
  difficulty: 'easy' | 'normal' | 'hard';
  /** The rules of the session's time (its start event's `consistent`); absent: today's. */
  consistent?: boolean;
  /** How an ask to someone not joined yet is taken in the session's time (its start event's `asks`); absent: today's. */
  asks?: 'refused' | 'queued';
  /** How change verbs kept requests from diagnostics in the session's time (its start event's `verbs`); absent: today's. */
  verbs?: 'patterns' | 'engine';
}

/** Enough for every variant of every bundled scenario at a few seeds; the oldest run goes first. */
const MAX_RUNS = 64;
const runs = new Map<string, WorldState | null>();
const hashes = new WeakMap<Scenario, string>();

function contentHash(scenario: Scenario): string {
  let h = hashes.get(scenario);
  if (h === undefined) hashes.set(scenario, (h = createHash('sha256').update(JSON.stringify(scenario)).digest('hex')));
  return h;
}

/** The reference play's final world, or null when the scenario has no reference play for the variant. Do not change it: it is shared. */
export function referenceWorld(scenario: Scenario, key: ReferenceKey): WorldState | null {
  const id = `${contentHash(scenario)}/${key.variant}/${key.seed}/${key.difficulty}/${key.consistent !== false}/${key.asks ?? 'queued'}/${key.verbs ?? 'engine'}`;
  if (runs.has(id)) return runs.get(id)!;
  const world = play(scenario, key);
  runs.set(id, world);
  if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
  return world;
}

function play(scenario: Scenario, key: ReferenceKey): WorldState | null {
  if (!scenario.variants.some((v) => v.id === key.variant)) return null;
  const lines = referenceScript(scenario, key.variant);
  if (!lines) return null;
  const engine = new Engine(scenario, { seed: key.seed, variant: key.variant, difficulty: key.difficulty });
  const delegation = lines.some((l) => /^(go|yes|confirm)\b/i.test(l.text.trim())) ? 'confirm' : 'auto';
  engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start', delegation, consistent: key.consistent !== false, ...(key.asks !== 'refused' ? { asks: 'queued' as const } : {}), ...(key.verbs !== 'patterns' ? { verbs: 'engine' as const } : {}) } });
  for (const line of lines) {
    if (engine.incident.hasTag('over')) break;
    engine.apply({ simMs: line.simMs, actor: 'ic', body: { type: 'command', text: line.text } });
  }
  const s = engine.state;
  if (engine.incident.hasTag('running')) engine.advanceTo(s.timeLimitSec * 1000);
  if (engine.incident.hasTag('postmortem') && s.postmortem.deadlineSec !== null) engine.advanceTo(s.postmortem.deadlineSec * 1000);
  engine.apply({ simMs: s.sec * 1000, actor: 'system', body: { type: 'quit' } });
  return engine.state;
}

/** The key a world was played under: the reference for it is the same scenario's reference play in the same conditions. */
export function referenceKeyOf(world: WorldState): ReferenceKey {
  return { seed: world.seed, variant: world.variant, difficulty: world.difficulty, consistent: world.consistent, asks: world.asks, verbs: world.verbs };
}

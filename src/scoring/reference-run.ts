import { referenceScript } from '../scenario/reference-play.js';
import type { Scenario } from '../scenario/schema.js';
import { Engine } from '../sim/engine.js';
import type { WorldState } from '../sim/world.js';
import { scoreSession } from './score.js';
import type { ReferenceRun } from './types.js';

export type { ReferenceRun } from './types.js';

/**
 * The scenario's reference (strong) play for this session's variant, run
 * through the same engine with the same seed and difficulty, played the way
 * a headless script is (session/headless.ts): each command at its time, then
 * the clock run out to the time limit and the postmortem's countdown, then
 * quit. Pure and deterministic; kept per scenario object, variant, seed and
 * difficulty, since every report format asks for it.
 */
export interface ReferenceKey {
  seed: number;
  variant: string;
  difficulty: 'easy' | 'normal' | 'hard';
}

const cache = new WeakMap<Scenario, Map<string, ReferenceRun | null>>();

export function referenceRun(scenario: Scenario, key: ReferenceKey): ReferenceRun | null {
  let runs = cache.get(scenario);
  if (!runs) cache.set(scenario, (runs = new Map()));
  const id = `${key.variant}/${key.seed}/${key.difficulty}`;
  if (!runs.has(id)) runs.set(id, play(scenario, key));
  return runs.get(id)!;
}

function play(scenario: Scenario, key: ReferenceKey): ReferenceRun | null {
  const lines = referenceScript(scenario, key.variant);
  if (!lines) return null;
  const engine = new Engine(scenario, { seed: key.seed, variant: key.variant, difficulty: key.difficulty });
  const delegation = lines.some((l) => /^(go|yes|confirm)\b/i.test(l.text.trim())) ? 'confirm' : 'auto';
  engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start', delegation } });
  for (const line of lines) {
    if (engine.incident.hasTag('over')) break;
    engine.apply({ simMs: line.simMs, actor: 'ic', body: { type: 'command', text: line.text } });
  }
  const s = engine.state;
  if (engine.incident.hasTag('running')) engine.advanceTo(s.timeLimitSec * 1000);
  if (engine.incident.hasTag('postmortem') && s.postmortem.deadlineSec !== null) engine.advanceTo(s.postmortem.deadlineSec * 1000);
  engine.apply({ simMs: s.sec * 1000, actor: 'system', body: { type: 'quit' } });
  return { world: engine.state, score: scoreSession(scenario, engine.state) };
}

/** The reference run for a report: this session's seed, variant and difficulty. */
export function referenceFor(scenario: Scenario, world: WorldState, meta: { seed: number; difficulty: string }): ReferenceRun | null {
  const difficulty = meta.difficulty === 'easy' || meta.difficulty === 'hard' || meta.difficulty === 'normal' ? meta.difficulty : scenario.difficulty;
  return referenceRun(scenario, { seed: meta.seed, variant: world.variant, difficulty });
}

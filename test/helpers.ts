import { readFileSync } from 'node:fs';
import { loadScenarioFile, type LoadedScenario } from '../src/scenario/index.js';
import { runScript } from '../src/session/headless.js';
import { parseScript } from '../src/session/script.js';
import { openStore, type Store } from '../src/store/index.js';

export function loadFixture(path: string): LoadedScenario {
  const r = loadScenarioFile(path);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return r.value;
}

export function scriptLines(path: string) {
  const s = parseScript(readFileSync(path, 'utf8'), path);
  if (!s.ok) throw new Error(s.errors.join('\n'));
  return s.lines;
}

/** Plays a script against an in-memory store with a fixed wall clock. */
export async function play(scenarioPath: string, scriptPath: string, seed = 1, extra: { variant?: string; store?: Store } = {}) {
  const store = extra.store ?? openStore(':memory:');
  return runScript(store, loadFixture(scenarioPath), scriptLines(scriptPath), { seed, trainee: 'test', mode: 'solo', difficulty: 'normal', ...(extra.variant ? { variant: extra.variant } : {}) }, () => 1_700_000_000_000);
}

/** Plays a script given as text (one `MM:SS command` per line). */
export async function playText(scenarioPath: string, text: string, seed = 1, variant?: string) {
  const parsed = parseScript(text, 'inline');
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return runScript(openStore(':memory:'), loadFixture(scenarioPath), parsed.lines, { seed, trainee: 'test', mode: 'solo', difficulty: 'normal', ...(variant ? { variant } : {}) }, () => 1_700_000_000_000);
}

export function reasonsOf(score: { sections: { reasons: string[] }[] }): string {
  return score.sections.flatMap((s) => s.reasons).join('\n');
}

export function checkpoint(score: { checkpoints: { id: string; earned: number; points: number; reason: string }[] }, id: string) {
  const c = score.checkpoints.find((x) => x.id === id);
  if (!c) throw new Error(`no checkpoint ${id}`);
  return c;
}

/** The same seed picks the same variant and replays to the same world and score. */
export async function expectSeedReplaysIdentically(scenarioPath: string, scriptPath: string, seed: number, variants: readonly string[]) {
  const { expect } = await import('vitest');
  const a = await play(scenarioPath, scriptPath, seed);
  const b = await play(scenarioPath, scriptPath, seed);
  if (variants.length > 0) expect(variants).toContain(a.session.engine.state.variant);
  expect(a.session.engine.state.variant).toBe(b.session.engine.state.variant);
  expect(JSON.stringify(a.session.engine.state)).toBe(JSON.stringify(b.session.engine.state));
  expect(a.score).toEqual(b.score);
}

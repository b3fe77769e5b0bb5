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

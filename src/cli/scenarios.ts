import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../scenario/problems.js';
import { scenarioFiles } from '../scenario/read.js';
import type { LoadedScenario } from '../scenario/validate.js';
import { CliError } from './errors.js';
import { bundledScenarios } from './paths.js';
import { loadScenarioCached } from './scenario-cache.js';

// Finding a scenario by id or path, through the validated-scenario cache
// (scenario-cache.ts): the YAML parser loads only for a file read the first
// time, or to word what is wrong with an invalid one.

/** Every valid bundled scenario, by id (invalid ones are reported by `validate`, skipped here). */
export async function listBundled(): Promise<LoadedScenario[]> {
  const out: LoadedScenario[] = [];
  for (const f of scenarioFiles([bundledScenarios()])) {
    const r = await loadScenarioCached(f);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
}

/**
 * SCENARIO is an id of a bundled scenario or a path to a YAML file. An id is
 * tried as scenarios/ID.yaml before every bundled file is read to look for it.
 */
export async function resolveScenario(ref: string): Promise<LoadedScenario> {
  const looksLikePath = /[\\/]|\.ya?ml$/i.test(ref);
  const file = looksLikePath ? ref : /^[\w.-]+$/u.test(ref) ? join(bundledScenarios(), `${ref}.yaml`) : null;
  if (file && existsSync(file)) {
    const fast = await loadScenarioCached(file);
    if (fast && (looksLikePath || fast.scenario.id === ref)) return fast;
  }
  if (looksLikePath || existsSync(ref)) {
    // Invalid (or unreadable): the full loader says where and why.
    const { loadScenarioFile } = await import('../scenario/load.js');
    const r = loadScenarioFile(ref);
    if (!r.ok) throw new CliError(`scenario ${ref} is not valid:\n${r.problems.map(formatProblem).join('\n')}`);
    return r.value;
  }
  const all = await listBundled();
  const hit = all.find((s) => s.scenario.id === ref);
  if (!hit) throw new CliError(`no scenario "${ref}"; \`firedrill list\` shows them (${all.map((s) => s.scenario.id).join(', ')}), or pass a path to a .yaml file`);
  return hit;
}

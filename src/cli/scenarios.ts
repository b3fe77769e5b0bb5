import { existsSync } from 'node:fs';
import { formatProblem, loadScenarioFile, scenarioFiles, type LoadedScenario } from '../scenario/index.js';
import { CliError } from './errors.js';
import { bundledScenarios } from './paths.js';

/** Every valid bundled scenario (invalid ones are reported by `validate`, skipped here). */
export function listBundled(): LoadedScenario[] {
  const out: LoadedScenario[] = [];
  for (const f of scenarioFiles([bundledScenarios()])) {
    const r = loadScenarioFile(f);
    if (r.ok) out.push(r.value);
  }
  return out.sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
}

/** SCENARIO is an id of a bundled scenario or a path to a YAML file. */
export function resolveScenario(ref: string): LoadedScenario {
  const looksLikePath = /[\\/]|\.ya?ml$/i.test(ref);
  if (looksLikePath || existsSync(ref)) {
    const r = loadScenarioFile(ref);
    if (!r.ok) throw new CliError(`scenario ${ref} is not valid:\n${r.problems.map(formatProblem).join('\n')}`);
    return r.value;
  }
  const all = listBundled();
  const hit = all.find((s) => s.scenario.id === ref);
  if (!hit) throw new CliError(`no scenario "${ref}"; \`firedrill list\` shows them (${all.map((s) => s.scenario.id).join(', ')}), or pass a path to a .yaml file`);
  return hit;
}

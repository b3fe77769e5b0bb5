import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/schema.js';

export const MINI = readFileSync('test/fixtures/mini.yaml', 'utf8');

/** mini.yaml with these sections added at its end (components, degrade, or entries that override). */
export function withSections(yaml: string): string {
  return `${MINI}\n${yaml}\n`;
}

export function load(text: string): Scenario {
  const r = loadScenarioText(text, 'x.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n'));
  return r.value.scenario;
}

export function problems(text: string): string[] {
  const r = loadScenarioText(text, 'x.yaml');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`);
}

/** The ids generated from one component (everything whose id starts with `ID.`). */
export function generated(s: Scenario, id: string) {
  const mine = <T extends { id: string }>(xs: T[]) => xs.filter((x) => x.id.startsWith(`${id}.`));
  return { metrics: mine(s.metrics), logs: mine(s.logs), alerts: mine(s.alerts) };
}

import type { Scenario } from './schema.js';

/**
 * Everyone in a scenario who can speak to the IC: its stakeholders, its
 * responders (people) and its executive (id `exec`, as `reply exec` names
 * it), each with the name the candidate's screen shows. Examiner
 * injections and prepared curveballs speak as one of them.
 */
export interface Persona {
  id: string;
  kind: 'stakeholder' | 'responder' | 'executive';
  name: string;
  role: string;
}

export const EXECUTIVE_ID = 'exec';
/** A curveball `from: pager` is a page, not a person. */
export const PAGER = 'pager';

export function personas(scenario: Scenario): Persona[] {
  const out: Persona[] = scenario.stakeholders.map((s) => ({ id: s.id, kind: 'stakeholder' as const, name: s.name, role: s.role }));
  for (const p of scenario.people) out.push({ id: p.id, kind: 'responder', name: p.name, role: p.role });
  const exec = scenario.executive;
  if (exec) out.push({ id: EXECUTIVE_ID, kind: 'executive', name: exec.name, role: exec.role });
  return out;
}

/** By id, or by first name, case-insensitive (`dana`, `Dana`, `exec`). */
export function findPersona(scenario: Scenario, ref: string): Persona | undefined {
  const r = ref.trim().toLowerCase();
  if (r === '') return undefined;
  const all = personas(scenario);
  return all.find((p) => p.id.toLowerCase() === r) ?? all.find((p) => p.name.toLowerCase().split(/\s+/u)[0] === r);
}

/** How the feed names them: as their scripted messages do. */
export function personaLabel(p: Persona): string {
  return p.kind === 'responder' ? `${p.name} → you` : `${p.name} (${p.role})`;
}

import type { Scenario } from '../../scenario/schema.js';

/** People, teams and stakeholders are found by id or by (first) name, case-insensitively. */
const norm = (s: string) => s.toLowerCase().replace(/^@/, '');

export function findPerson(scenario: Scenario, who: string) {
  const w = norm(who);
  return scenario.people.find((p) => p.id === w || norm(p.name) === w || norm(p.name).split(/\s+/)[0] === w);
}

export function findTeam(scenario: Scenario, team: string) {
  const t = norm(team);
  return scenario.teams.find((x) => x.id === t || norm(x.name) === t || norm(x.name).split(/\s+/)[0] === t);
}

export const EXECUTIVE_ALIASES = ['exec', 'executive', 'vp'];

/** A stakeholder id, or 'executive'. */
export function findStakeholder(scenario: Scenario, who: string): string | null {
  const w = norm(who);
  const st = scenario.stakeholders.find((x) => x.id === w || norm(x.name) === w || norm(x.name).split(/\s+/)[0] === w);
  if (st) return st.id;
  const ex = scenario.executive;
  if (ex && (EXECUTIVE_ALIASES.includes(w) || norm(ex.name) === w || norm(ex.name).split(/\s+/)[0] === w)) return 'executive';
  return null;
}

export function firstMatch<T extends { match: RegExp[] }>(items: readonly T[], text: string): T | undefined {
  return items.find((it) => it.match.some((re) => re.test(text)));
}

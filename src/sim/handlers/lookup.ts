import { editDistance } from '../../commands/parse.js';
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

const FILLER = new Set(['the', 'team', 'teams', 'on-call', 'oncall', 'folks', 'people', 'please', 'now', 'guys', 'squad', 'in']);

/**
 * A team named loosely: "the platform team", "platfrom". `guessed` is set
 * when a word was taken for a team it is only close to (one or two letters
 * off), so the answer can say what it was read as.
 */
export function findTeamLoosely(scenario: Scenario, phrase: string): { team: Scenario['teams'][number]; guessed: boolean } | null {
  const exact = findTeam(scenario, phrase);
  if (exact) return { team: exact, guessed: false };
  const words = norm(phrase).split(/\s+/).filter((w) => w && !FILLER.has(w));
  for (const w of words) {
    const t = findTeam(scenario, w);
    if (t) return { team: t, guessed: false };
  }
  const near = closeNames(scenario.teams.map((t) => ({ item: t, names: [t.id, norm(t.name).split(/\s+/)[0]!] })), words);
  return near ? { team: near, guessed: true } : null;
}

/** A person named with a typo ("priay"): the one person one or two letters off, for "did you mean". */
export function closePerson(scenario: Scenario, who: string) {
  return closeNames(scenario.people.map((p) => ({ item: p, names: [p.id, norm(p.name).split(/\s+/)[0]!] })), [norm(who)]);
}

function closeNames<T>(items: { item: T; names: string[] }[], words: string[]): T | null {
  const hits = new Set<T>();
  for (const w of words)
    for (const { item, names } of items) if (w.length >= 3 && names.some((n) => editDistance(w, n) <= (n.length >= 5 ? 2 : 1))) hits.add(item);
  return hits.size === 1 ? [...hits][0]! : null;
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

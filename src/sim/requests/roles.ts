import type { Action, Diagnostic, Scenario } from '../../scenario/schema.js';
import { contentWords, overlap } from './words.js';

/**
 * Who can do what. People whose role is communication, support, vendor or
 * merchant relations, or risk policy do comms and what their own team owns;
 * engineers do the engineering. A target's owner is the team whose name and
 * members' roles share the most words with it.
 */
const NON_ENGINEERING = /communicat|\bcomms\b|support|success|vendor|liaison|marketing|\brisk\b|compliance/i;

/** Things a non-engineer can do on nobody's behalf: holding a campaign, announcing, calling someone. */
export const COMMS_TARGET = /\b(ask|contact|announce|tell|notify|hold|marketing|campaign|promo|push|merchant|vendor|carrier|ticket|status page)\b/i;

export function isEngineer(scenario: Scenario, personId: string): boolean {
  const p = scenario.people.find((x) => x.id === personId);
  if (!p) return true;
  const team = scenario.teams.find((t) => t.id === p.team);
  return !NON_ENGINEERING.test(`${p.role} ${team?.name ?? ''}`);
}

function teamWords(scenario: Scenario, teamId: string): Set<string> {
  const t = scenario.teams.find((x) => x.id === teamId)!;
  const roles = t.members.map((id) => scenario.people.find((p) => p.id === id)?.role ?? '').join(' ');
  return contentWords(`${t.id} ${t.name} ${roles}`);
}

function targetWords(t: Diagnostic | Action): Set<string> {
  return contentWords(`${t.id} ${t.title} ${t.example ?? ''}`);
}

/**
 * The engineering team (or `also`, the asker's own) that owns a target; null
 * when no team stands out. The request's own words count first (the IC said
 * "the DNS", whatever the check is called), the target's words break ties.
 */
export function ownerOf(scenario: Scenario, target: Diagnostic | Action, also: string | null, request = ''): string | null {
  const [asked, words] = [contentWords(request), targetWords(target)];
  let best: string | null = null;
  let bestN = 0;
  let tie = false;
  for (const t of scenario.teams) {
    const engineering = t.members.some((m) => isEngineer(scenario, m));
    if (!engineering && t.id !== also) continue;
    const team = teamWords(scenario, t.id);
    // request words weigh more than any number of the target's own words
    const n = overlap(asked, team) * 100 + overlap(words, team);
    if (n > bestN) [best, bestN, tie] = [t.id, n, false];
    else if (n === bestN && n > 0) tie = true;
  }
  return tie ? null : best;
}

/** The team a redirect names: the owner, else the scenario's first engineering team. */
export function redirectTeam(scenario: Scenario, target: Diagnostic | Action, request = ''): string | null {
  return ownerOf(scenario, target, null, request) ?? scenario.teams.find((t) => t.members.some((m) => isEngineer(scenario, m)))?.id ?? null;
}

/** On call for production: may change what the incident needs changed, whoever's team owns it. */
const ON_CALL = /\bon[- ]?call\b/i;

/**
 * Whether this person can run or make the target themself. Engineers run any
 * check; an engineer on call makes any change; an engineer who is not (a
 * mobile lead) makes only their own team's changes.
 */
export function canDo(scenario: Scenario, personId: string, target: Diagnostic | Action, request = ''): boolean {
  const person = scenario.people.find((p) => p.id === personId);
  // declared capabilities decide for themselves (the handler answers with the person's refusal)
  if (person?.can !== undefined) return true;
  const own = person?.team ?? null;
  if (isEngineer(scenario, personId)) {
    if (!('kind' in target) || own === null || ON_CALL.test(person?.role ?? '')) return true;
    return overlap(contentWords(`${request} ${target.id} ${target.title} ${target.example ?? ''}`), teamWords(scenario, own)) > 0;
  }
  // comms-like work (calling a vendor, holding a campaign) unless another non-engineering team owns it
  if (!COMMS_TARGET.test(`${target.title} ${target.example ?? ''}`)) return false;
  const owner = ownerOf(scenario, target, own, request);
  const ownerTeam = scenario.teams.find((t) => t.id === owner);
  return owner === null || owner === own || (ownerTeam?.members.some((m) => isEngineer(scenario, m)) ?? false);
}

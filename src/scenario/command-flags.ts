import type { Scenario } from './schema.js';
import { ROLES } from './vocabulary.js';

/**
 * Flags the IC's command acts raise, so a scenario can react to them
 * (`when: escalated:dba`, `afterFlag: joined:ana`). Each goes up the first
 * time the act happens and stays up for the rest of the run.
 */

/** `escalate TEAM` paged the team (or a responder's offer to page it was taken). */
export const escalatedFlag = (team: string): string => `escalated:${team}`;
/** The person joined the incident channel. */
export const joinedFlag = (person: string): string => `joined:${person}`;
/** `role ROLE WHO` gave the role to someone (a handoff gives `role:ic`). */
export const roleFlag = (role: string): string => `role:${role}`;
/** The IC posted a status update. */
export const STATUS_POSTED = 'status-posted';
/** The IC polled for objections. */
export const POLLED = 'polled';
/** A poll heard at least one objection. */
export const POLL_OBJECTED = 'polled:objected';
/** A poll heard no objection. */
export const POLL_CLEAR = 'polled:clear';

/** A flag the IC raises by a command, and the command that raises it (for lint's witnesses). */
export interface CommandFlag {
  flag: string;
  how: string;
}

/**
 * Every command flag the IC can raise in this scenario. `joinable` are the
 * people who can ever join: only they raise `joined:`, and only their
 * objections make `polled:objected`.
 */
export function commandFlags(s: Scenario, joinable: ReadonlySet<string>): CommandFlag[] {
  const out: CommandFlag[] = [];
  for (const t of s.teams) out.push({ flag: escalatedFlag(t.id), how: `escalate ${t.id}` });
  for (const p of s.people) if (joinable.has(p.id)) out.push({ flag: joinedFlag(p.id), how: `escalate ${p.team} (${p.id} joins)` });
  for (const r of ROLES) out.push({ flag: roleFlag(r), how: `role ${r} me` });
  out.push({ flag: STATUS_POSTED, how: 'status …' });
  out.push({ flag: POLLED, how: 'poll …' });
  out.push({ flag: POLL_CLEAR, how: 'poll … (no objection)' });
  if (s.objections.some((o) => joinable.has(o.from))) out.push({ flag: POLL_OBJECTED, how: 'poll … (an objection)' });
  return out;
}

/** Names the command flags for reference checks: every person may join as far as a name goes. */
export function commandFlagNames(s: Scenario): Set<string> {
  const all = new Set(s.people.map((p) => p.id));
  const names = new Set(commandFlags(s, all).map((c) => c.flag));
  names.add(POLL_OBJECTED);
  return names;
}


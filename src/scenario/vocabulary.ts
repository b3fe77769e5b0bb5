// The incident-command words the whole program shares: the command parser,
// tab completion and help, the scenario schema, scoring, the postmortem form
// and the reports all read them here. It sits in `scenario`, the floor every
// other layer may import.

/** The postmortem's text sections, in the order they are written and shown, with their headings. */
export const PM_SECTIONS = [
  { key: 'summary', label: 'Summary' },
  { key: 'impact', label: 'Impact' },
  { key: 'rootcause', label: 'Root cause' },
  { key: 'factors', label: 'Contributing factors' },
  { key: 'well', label: 'What went well' },
  { key: 'lucky', label: 'Where we got lucky' },
] as const;

export type PmField = (typeof PM_SECTIONS)[number]['key'];
export const PM_FIELDS = PM_SECTIONS.map((s) => s.key) as readonly PmField[] as readonly [PmField, ...PmField[]];

/** The sections a postmortem cannot do without: missing one makes it partial. */
export const PM_CORE_FIELDS: readonly PmField[] = ['summary', 'impact', 'rootcause'];

/** What an action item does about the incident. */
export const ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process', 'repair'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Action-item priorities, most urgent first. */
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Incident roles the IC can hand out (`role ROLE WHO`). */
export const ROLES = ['ic', 'ops', 'comms', 'scribe', 'deputy'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The verbs that make a request a change ("restart", "roll back", "fail over"):
 * a request led by one never runs a diagnostic, whatever a scenario's patterns
 * say. A scenario adds its own with `changeVerbs`.
 */
export const CHANGE_VERBS: readonly string[] = 'restart bounce recycle rollout roll rollback revert undo scale add set enable disable turn switch flip block unblock pause resume hold stop fail failover fix restore apply purge delete drain pin unpin raise lower cut reduce increase decrease bump double throttle shed rate-limit limit cap remove renew rotate reload deploy redeploy ship install force force-sync put create build drop truncate vacuum reset replay re-dispatch redispatch refund route reroute point move close kill clear flush silence unsilence expire mute upgrade downgrade patch edit configure lift degrade bypass paginate cache reopen re-enable shorten give approve revoke issue terminate evict recreate sync gate require make start bring wipe empty requeue shovel re-run rerun correct repair re-key rekey open file'.split(' ');

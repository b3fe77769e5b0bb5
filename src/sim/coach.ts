import type { Scenario } from '../scenario/schema.js';
import { elapsedWords } from './executive-text.js';
import { isHarmful } from './harmful.js';
import type { WorldEffects } from './world-effects.js';
import type { CoachRule } from './world.js';

/**
 * The solo coach: a line in the chat when the world shows an objective
 * slip (a page nobody acknowledged, no status update past the cadence,
 * minutes with no command while the impact continues, a harmful change, a
 * resolve while alerts still fire, a time-box run out with nobody following
 * up). Each rule is a pure function of the world at a sim second and names
 * the occurrence it is about, so each is said once and a replay says the
 * same lines at the same seconds. It never touches the score.
 */

/** Minutes with no command, while the impact continues, before the coach speaks. */
export const IDLE_SEC = 180;
/** How long after a time-box runs out a follow-up may take before the coach speaks. */
export const FOLLOW_UP_GRACE_SEC = 60;
/** Without an ack target in the rubric: how long a page may wait. */
const DEFAULT_ACK_SEC = 180;
/** Without a cadence in the rubric: the longest silence between status updates. */
const DEFAULT_CADENCE_SEC = 1200;

/** Whether a session should have the coach: solo play at easy or normal, unless the player said --no-coach. */
export function coachWanted(opts: { mode: 'solo' | 'interview'; difficulty: 'easy' | 'normal' | 'hard'; noCoach?: boolean }): boolean {
  return opts.mode === 'solo' && opts.difficulty !== 'hard' && !opts.noCoach;
}

export interface Nudge {
  rule: CoachRule;
  /** The occurrence it is about: one nudge per key. */
  key: string;
  text: string;
}

/** What the coach would say now, said or not: every rule over the world at this second. */
export function nudgesDue(world: WorldEffects): Nudge[] {
  return [...unackedPages(world), ...missedCadence(world), ...idle(world), ...harmfulChanges(world), ...resolvedWithAlerts(world), ...expiredTimeBoxes(world)];
}

/** Says what is due and not yet said. Called at the end of each sim second and after each command. */
export function coach(world: WorldEffects): void {
  const s = world.state;
  if (!s.coach) return;
  for (const n of nudgesDue(world)) {
    if (s.nudges.some((x) => x.key === n.key)) continue;
    s.nudges.push({ sec: s.sec, ...n });
    world.say('coach', 'coach', n.text, 'muted');
  }
}

/** A stretch of sim seconds as the scenario's clock shows it ("3 minutes", or "3 days" on a day-a-minute clock). */
function span(scenario: Scenario, sec: number): string {
  return elapsedWords(sec * (scenario.clockScale ?? 1));
}

function checkOf<K extends Scenario['rubric'][number]['check']['kind']>(scenario: Scenario, kind: K): Extract<Scenario['rubric'][number]['check'], { kind: K }> | undefined {
  return scenario.rubric.map((r) => r.check).find((c): c is Extract<Scenario['rubric'][number]['check'], { kind: K }> => c.kind === kind);
}

function unackedPages(world: WorldEffects): Nudge[] {
  const s = world.state;
  // Once the IC has acknowledged a page the incident has an owner: later pages are theirs to weigh, not to ack one by one.
  if (!world.incident.hasTag('running') || s.ackSec !== null) return [];
  const waitSec = checkOf(world.scenario, 'ack')?.excellentSec ?? DEFAULT_ACK_SEC;
  return s.pages
    .filter((p) => p.ackedSec === null && p.clearedSec === null && s.sec - p.firedSec >= waitSec)
    .map((p) => ({
      rule: 'unacked-page',
      key: `page:${p.id}`,
      text: `${p.name} has been paging for ${span(world.scenario, s.sec - p.firedSec)} with nobody acknowledging it. Acknowledge it (\`ack\`) so the pager stops escalating and everyone knows someone owns this.`,
    }));
}

function missedCadence(world: WorldEffects): Nudge[] {
  const s = world.state;
  if (!world.incident.hasTag('running')) return [];
  const last = s.statusUpdates.at(-1)?.sec ?? null;
  const from = last ?? s.ackSec ?? s.firstPageSec;
  const gap = checkOf(world.scenario, 'update-cadence')?.maxGapSec ?? DEFAULT_CADENCE_SEC;
  if (from === null || s.sec - from < gap) return [];
  const silence = span(world.scenario, s.sec - from);
  const every = span(world.scenario, gap);
  return [
    {
      rule: 'update-cadence',
      key: `cadence:${from}`,
      text:
        last === null
          ? `No status update yet, ${silence} into the response. Stakeholders expect one at least every ${every}: post the impact, what is being done and when the next update comes (\`status …\`).`
          : `${silence} since your last status update; stakeholders expect one at least every ${every}. Post what changed and when the next update comes, even if it is "no news yet" (\`status …\`).`,
    },
  ];
}

function idle(world: WorldEffects): Nudge[] {
  const s = world.state;
  // before the ack, the page's own nudge is the one that matters
  if (!world.incident.hasTag('running') || world.incident.hasTag('mitigated') || s.ackSec === null) return [];
  const since = Math.max(s.lastCommandSec ?? 0, s.ackSec);
  if (s.sec - since < IDLE_SEC) return [];
  return [
    {
      rule: 'idle',
      key: `idle:${since}`,
      text: `${span(world.scenario, s.sec - since)} with no command while the impact continues. Size up, stabilise, update, verify: ask someone for a check with a time-box, pick a mitigation, or post an update. A wrong decision beats no decision.`,
    },
  ];
}

function harmfulChanges(world: WorldEffects): Nudge[] {
  const s = world.state;
  return s.actions.flatMap((a, i) => {
    if (!isHarmful(a)) return [];
    const title = world.scenario.actions.find((x) => x.id === a.id)?.title ?? a.id;
    return [
      {
        rule: 'harmful-change' as const,
        key: `harm:${i}`,
        text: `That change (${title}) made things worse, not better. Stop the bleeding first: watch the dashboard, undo it if you can, and state a hypothesis and poll before the next change.`,
      },
    ];
  });
}

function resolvedWithAlerts(world: WorldEffects): Nudge[] {
  const s = world.state;
  const at = s.resolvedSec;
  if (at === null) return [];
  // Critical alerts only: a warning (a capacity ticket, a decoy) may outlive the incident, and a page a message raised never clears.
  const critical = world.scenario.alerts.filter((a) => a.severity === 'critical');
  const firing = s.pages.filter((p) => critical.some((a) => p.id.startsWith(`${a.id}#`)) && p.firedSec <= at && (p.clearedSec === null || p.clearedSec > at));
  if (firing.length === 0) return [];
  const names = [...new Set(firing.map((p) => p.name))];
  return [
    {
      rule: 'resolve-with-alerts',
      key: `resolve:${at}`,
      text: `You resolved while ${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} still firing. Resolve only once the exit criteria hold: the alerts clear and the errors stay back to normal for a while.`,
    },
  ];
}

function expiredTimeBoxes(world: WorldEffects): Nudge[] {
  const s = world.state;
  if (!world.incident.hasTag('running')) return [];
  return s.tasks.flatMap((t) => {
    if (t.expiredSec === null || t.reportedSec !== null || s.sec - t.expiredSec < FOLLOW_UP_GRACE_SEC) return [];
    if (s.timeline.some((e) => e.sec >= t.expiredSec! && e.text === `followup ${t.who}`)) return [];
    const who = world.personName(t.who);
    return [
      {
        rule: 'timebox-expired' as const,
        key: `timebox:${t.n}`,
        text: `${who}'s time-box for "${t.text}" ran out ${span(world.scenario, s.sec - t.expiredSec)} ago and nobody followed up. Come back to them (\`followup ${t.who}\`): ask what they found, then set a new time-box or reassign.`,
      },
    ];
  });
}

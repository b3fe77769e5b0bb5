import type { Command } from '../../commands/command.js';
import { durationWords, formatClock } from '../../scenario/clock-text.js';
import { escalatedFlag, POLL_CLEAR, POLL_OBJECTED, POLLED, roleFlag } from '../../scenario/command-flags.js';
import type { WorldEffects } from '../world-effects.js';
import type { TaskState } from '../world.js';
import type { Person } from '../../scenario/schema.js';
import { legacyAsk } from '../requests/legacy.js';
import { settingsWords } from '../requests/params.js';
import { spoken } from '../requests/units.js';
import { delegate } from './delegation.js';
import { assignTask } from './tasks.js';
import { applyAction, diagnosticOutput, tellChange } from './hands-on.js';
import { closePerson, findPerson, findTeam, findTeamLoosely } from './lookup.js';
import { knowledgeOf, lockedOutText } from './person-limits.js';
import { fillPlaceholders } from './placeholders.js';

export { durationWords };

/** Responders: paging, delegation with time-boxes, follow-ups, polls, handoff. */

const ANYONE = ['anyone', 'someone', 'somebody', 'anybody', 'all', 'team'];

export function escalate(world: WorldEffects, cmd: Extract<Command, { verb: 'escalate' }>): void {
  const s = world.state;
  // a recording from before loose names reads the first word only, as it did then
  const legacy = world.state.delegation === 'legacy';
  const exact = legacy ? findTeam(world.scenario, cmd.team.split(/\s+/)[0]!) : undefined;
  const found = legacy ? (exact ? { team: exact, guessed: false } : null) : findTeamLoosely(world.scenario, cmd.team);
  if (!found) {
    const teams = world.scenario.teams.map((t) => t.id).join(', ') || 'none in this scenario';
    world.answer(`no team "${cmd.team}"; teams you can page: ${teams}`, false);
    return;
  }
  const team = found.team;
  s.escalations.push({ sec: s.sec, team: team.id });
  world.flags.raise(escalatedFlag(team.id), s.sec);
  s.timeline.push({ sec: s.sec, text: `escalate ${team.id}`, kind: 'delegate' });
  const members = team.members.map((id) => world.scenario.people.find((p) => p.id === id)!);
  const fresh = members.filter((p) => s.responders[p.id]!.pagedSec === null);
  for (const p of fresh) s.responders[p.id]!.pagedSec = s.sec;
  const able = fresh.filter((p) => p.joinSec !== null);
  for (const joiner of team.joins === 'all' ? able : able.slice(0, 1)) world.schedule({ sec: s.sec + Math.round(joiner.joinSec! * world.knobs.joinDelay), kind: 'join', person: joiner.id });
  world.say('system', 'pager', `Paged ${team.name}.`, 'muted');
  const read = found.guessed ? ` (did you mean ${team.id}? taken as ${team.id})` : '';
  world.answer(fresh.length === 0 ? `${team.name} was already paged${read}` : `paged ${team.name}; their on-call will join when they can${read}`);
}

/** `go` (or `no`) after a responder offered to page the team a request belongs to. */
export function takeOffer(world: WorldEffects, page: boolean): void {
  const s = world.state;
  const offer = s.pageOffer!;
  s.pageOffer = null;
  const person = world.scenario.people.find((p) => p.id === offer.who)!;
  if (!page) {
    s.timeline.push({ sec: s.sec, text: `no ${offer.who}: not paging ${offer.team}`, kind: 'delegate' });
    return world.answer(`${person.name} will not page ${offer.team}`);
  }
  world.say('chat', `you → ${person.name}`, 'Go: page them.', 'muted');
  escalate(world, { verb: 'escalate', team: offer.team });
}

export function ask(world: WorldEffects, cmd: Extract<Command, { verb: 'ask' }>): void {
  const s = world.state;
  const named = !ANYONE.includes(cmd.who);
  const joined = world.scenario.people.filter((p) => s.responders[p.id]!.joinedSec !== null);
  const person = named ? findPerson(world.scenario, cmd.who) : joined.find((p) => !s.tasks.some((t) => t.who === p.id && t.reportedSec === null)) ?? joined[0];
  if (!person) {
    const near = named ? closePerson(world.scenario, cmd.who) : null;
    world.answer(named ? `nobody called "${cmd.who}" is on this incident${near ? `; did you mean ${near.id}?` : ''}` : 'nobody has joined yet: `escalate TEAM` first', false);
    return;
  }
  if (s.responders[person.id]!.joinedSec === null) {
    if (s.asks === 'queued' && joinPending(world, person.id)) return queueAsk(world, person, cmd);
    world.answer(`${person.name} has not joined yet${s.responders[person.id]!.pagedSec === null ? `: \`escalate ${person.team}\` first` : ' (paged; waiting for them)'}`, false);
    return;
  }
  handOver(world, person, cmd, named, true);
}

/** The IC's ask reaches a responder who has joined: on the timeline, in the chat (when `echo`), and taken up. */
function handOver(world: WorldEffects, person: Person, cmd: Extract<Command, { verb: 'ask' }>, named: boolean, echo: boolean): void {
  const s = world.state;
  const boxSec = sessionBoxSec(cmd, world.scenario.clockScale ?? 1);
  const boxWords = cmd.boxClock === 'scenario' && cmd.boxSec !== null ? scenarioBoxWords(cmd.boxSec) : null;
  s.timeline.push({ sec: s.sec, text: `ask ${person.id} ${cmd.task}${boxWords ? ` in ${boxWords}` : boxSec ? ` in ${Math.round(boxSec / 60)}m` : ''}`, kind: 'delegate' });
  if (echo) world.say('chat', `you → ${person.name}`, `${cmd.task}${boxText(world, cmd)}`, 'muted');
  if (s.delegation !== 'legacy') return delegate(world, person, cmd.task, boxSec, named);
  const o = legacyAsk(world.scenario, cmd.task);
  const kind: TaskState['kind'] = o.kind === 'diagnostic' ? 'diagnostic' : o.kind === 'action' ? 'action' : 'question';
  assignTask(world, { who: person.id, text: cmd.task, kind, targetId: 'id' in o ? o.id : null, boxSec, named });
  world.say('chat', person.name, 'Ack, on it.', 'normal');
  world.answer(named ? `${person.name} acknowledged` : `${person.name} picked it up (name the person next time: "can someone" gets nobody)`);
}

/** " — back to you in 5:00": the time-box as the IC's message says it. */
function boxText(world: WorldEffects, cmd: Extract<Command, { verb: 'ask' }>): string {
  const boxSec = sessionBoxSec(cmd, world.scenario.clockScale ?? 1);
  const boxWords = cmd.boxClock === 'scenario' && cmd.boxSec !== null ? scenarioBoxWords(cmd.boxSec) : null;
  return boxSec !== null ? ` — back to you in ${formatClock(boxSec)}${boxWords && (world.scenario.clockScale ?? 1) !== 1 ? ` (${boxWords} on the clock)` : ''}` : '';
}

/** Whether this person's join is on its way (they were paged and will answer). */
function joinPending(world: WorldEffects, who: string): boolean {
  return world.state.pending.some((p) => p.kind === 'join' && p.person === who);
}

/** An ask to someone paged but not joined yet waits in the channel for them; they take it when they join. */
function queueAsk(world: WorldEffects, person: Person, cmd: Extract<Command, { verb: 'ask' }>): void {
  const s = world.state;
  s.queuedAsks.push({ sec: s.sec, who: person.id, ask: cmd });
  world.say('chat', `you → ${person.name}`, `${cmd.task}${boxText(world, cmd)}`, 'muted');
  world.answer(`${person.name} has not joined yet; they will take it when they join`);
}

/** On joining, a responder acknowledges the asks that waited for them, in order, and starts each (its time-box counts from now). */
export function takeQueuedAsks(world: WorldEffects, who: string): void {
  const s = world.state;
  const mine = s.queuedAsks.filter((q) => q.who === who);
  if (mine.length === 0) return;
  s.queuedAsks = s.queuedAsks.filter((q) => q.who !== who);
  // once the incident is resolved or over, there is nothing left to take up
  if (!world.incident.hasTag('running')) return;
  const person = world.scenario.people.find((p) => p.id === who)!;
  for (const q of mine) {
    world.say('chat', person.name, `Catching up on the channel: taking "${q.ask.task}" (asked at ${formatClock(q.sec)}).`, 'normal');
    handOver(world, person, q.ask, true, false);
  }
}

/** A responder finishes a task and reports back. */
export function applyReport(world: WorldEffects, n: number, sec: number): void {
  const s = world.state;
  const task = s.tasks.find((t) => t.n === n);
  if (!task || task.reportedSec !== null) return;
  task.reportedSec = sec;
  const person = world.scenario.people.find((p) => p.id === task.who)!;
  // locked out when the work falls due: nothing was run, changed or found out
  const locked = task.words === undefined ? lockedOutText(world, person) : null;
  if (locked !== null) return world.say('chat', `${person.name} → you`, `Could not: ${locked}`, 'muted');
  const known = knowledgeOf(person, task.targetId);
  if (known && task.kind === 'question') {
    if (world.holds(known.when)) {
      world.say('chat', `${person.name} → you`, fillPlaceholders(world, known.text), 'normal');
      for (const e of known.evidence) world.gainEvidence(e, sec);
      for (const f of known.sets) world.flags.raise(f, sec);
      return;
    }
    return world.say('chat', `${person.name} → you`, `On "${task.text}": nothing I can tell you yet.`, 'normal');
  }
  if (task.kind === 'diagnostic') {
    const d = world.scenario.diagnostics.find((x) => x.id === task.targetId)!;
    const wrong = person.wrongLeads[d.id];
    s.diagnostics.push({ id: d.id, sec, by: person.id });
    if (wrong) {
      world.say('chat', `${person.name} → you`, wrong, 'normal');
      return;
    }
    const out = diagnosticOutput(world, d);
    world.say('chat', `${person.name} → you`, `${d.title}: ${out.text}`, 'normal');
    for (const e of out.evidence) world.gainEvidence(e, sec);
    return;
  }
  if (task.kind === 'action') {
    const a = world.scenario.actions.find((x) => x.id === task.targetId)!;
    const result = applyAction(world, a, person.id, task.values);
    // the settings applied; a recording from before settings echoed the request's numbers
    const asked = task.values && a.params.length ? ` (${settingsWords(a, task.values)})` : task.params?.length && s.delegation === 'legacy' ? ` (as asked: ${task.params.map(spoken).join(', ')})` : '';
    if (result.ok) tellChange(world, a, `${person.name} → you`, `Done: ${a.title}${asked}. `, (t) => `Under way: ${a.title}${asked}. It takes effect in about ${t}; I'll tell you when it has.`, result.raw, 'good', { ...(task.values ? { values: task.values } : {}), ownBefore: result.ownBefore });
    else world.say('chat', `${person.name} → you`, `Could not: ${result.text}`, 'muted');
    return;
  }
  // words-only work reports as what it was, not as a check that found nothing
  if (task.words === 'comms') return world.say('chat', `${person.name} → you`, `Done: ${task.text}. I'll keep them posted and tell you what comes back.`, 'normal');
  if (task.words === 'negated') return world.say('chat', `${person.name} → you`, `Left it alone, as you asked ("${task.text}").`, 'normal');
  world.say('chat', `${person.name} → you`, `On "${task.text}": nothing conclusive from my side. Give me something specific to run or change.`, 'normal');
}

export function followup(world: WorldEffects, cmd: Extract<Command, { verb: 'followup' }>): void {
  const s = world.state;
  const person = findPerson(world.scenario, cmd.who);
  if (!person) {
    world.answer(`nobody called "${cmd.who}" is on this incident`, false);
    return;
  }
  const open = s.tasks.filter((t) => t.who === person.id && t.reportedSec === null);
  s.timeline.push({ sec: s.sec, text: `followup ${person.id}`, kind: 'delegate' });
  if (open.length === 0) {
    world.say('chat', person.name, 'Nothing outstanding from me; my last report is above.', 'normal');
    world.answer(`${person.name} has nothing outstanding`);
    return;
  }
  for (const t of open) {
    if (t.followedUpSec === null) t.followedUpSec = s.sec;
    world.say('chat', person.name, `Still on "${t.text}": about ${durationWords(Math.max(0, t.reportSec - s.sec))} more.`, 'normal');
  }
  world.answer(`checked in with ${person.name}`);
}

export function poll(world: WorldEffects, cmd: Extract<Command, { verb: 'poll' }>): void {
  const s = world.state;
  const heard: string[] = [];
  const replies: { name: string; text: string; objects: boolean }[] = [];
  for (const o of world.scenario.objections) {
    if (!o.match.some((re) => re.test(cmd.text))) continue;
    const who = world.scenario.people.find((p) => p.id === o.from)!;
    if (s.responders[who.id]!.joinedSec === null) continue;
    // The reply is tallied by what it says: "No objection, but…" is a condition, not an objection.
    const reply = pollReply(o.text, who.name);
    if (reply.objects) heard.push(`${who.name}: ${reply.text}`);
    replies.push({ name: `${who.name} (${who.role})`, ...reply });
    for (const f of o.sets) world.flags.raise(f, s.sec);
  }
  s.polls.push({ sec: s.sec, text: cmd.text, objections: heard });
  world.flags.raise(POLLED, s.sec);
  world.flags.raise(heard.length === 0 ? POLL_CLEAR : POLL_OBJECTED, s.sec);
  s.timeline.push({ sec: s.sec, text: `poll ${cmd.text}`, kind: 'poll' });
  world.say('chat', 'you → all', proposalLine(cmd.text), 'muted');
  // The proposal first, then the answers to it.
  for (const r of replies) world.say('chat', r.name, r.objects && !/^(strong )?objection\b/iu.test(r.text) ? `Objection — ${r.text}` : r.text, r.objects ? 'alert' : 'normal');
  if (heard.length === 0) world.say('chat', 'channel', 'No strong objections.', 'good');
  world.answer(heard.length === 0 ? 'no strong objections: proceed and announce it' : `${heard.length} objection(s): weigh them, then decide`);
}

/** "Proposal: X. Any strong objections?" once, however the IC worded the poll ("Proposal: X. Any strong objections?" typed in full). */
export function proposalLine(text: string): string {
  let core = text.trim().replace(/^proposal\s*[:—-]\s*/iu, '');
  core = core.replace(/[\s.,;:—-]*(any\s+)?(strong\s+)?objections?\s*\??\s*$/iu, '').trim();
  const end = /[.?!]$/u.test(core) ? '' : '.';
  return `Proposal: ${core}${end} Any strong objections?`;
}

/** A scenario's poll reply: who said it is the speaker's name, and whether it objects is read from its words. */
export function pollReply(text: string, speaker: string): { text: string; objects: boolean } {
  const first = speaker.split(/\s+/u)[0] ?? speaker;
  const body = text.trim().replace(new RegExp(`^(${escapeRe(speaker)}|${escapeRe(first)})\\s*:\\s*`, 'iu'), '');
  const agrees = /^(no (strong |real )?objections?\b|fine\b|agreed\b|go ahead\b|sounds good\b|\+1\b|ok\b|okay\b|happy with\b)/iu.test(body);
  return { text: body, objects: !agrees };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}


export function handoff(world: WorldEffects, cmd: Extract<Command, { verb: 'handoff' }>): void {
  const s = world.state;
  const person = findPerson(world.scenario, cmd.who);
  if (!person || s.responders[person.id]!.joinedSec === null) {
    world.answer(person ? `${person.name} has not joined` : `nobody called "${cmd.who}" is on this incident`, false);
    return;
  }
  s.handoff = { who: person.id, sec: s.sec };
  s.roles['ic'] = { who: person.id, sec: s.sec };
  world.flags.raise(roleFlag('ic'), s.sec);
  s.timeline.push({ sec: s.sec, text: `handoff ${person.id}`, kind: 'other' });
  world.say('chat', 'you → all', `Be advised: I am handing over command to ${person.name}.`, 'muted');
  world.say('chat', person.name, `Acknowledged: I am now the incident commander.`, 'good');
  world.answer(`${person.name} has command`);
}

export function assignRole(world: WorldEffects, cmd: Extract<Command, { verb: 'role' }>): void {
  const s = world.state;
  const self = ['me', 'myself', 'you', 'self'].includes(cmd.who.toLowerCase());
  const person = self ? null : findPerson(world.scenario, cmd.who);
  if (!self && (!person || s.responders[person.id]!.joinedSec === null)) {
    world.answer(person ? `${person.name} has not joined yet` : `nobody called "${cmd.who}" is on this incident`, false);
    return;
  }
  const who = person?.id ?? 'you';
  s.roles[cmd.role] = { who, sec: s.sec };
  world.flags.raise(roleFlag(cmd.role), s.sec);
  s.timeline.push({ sec: s.sec, text: `role ${cmd.role} ${who}`, kind: 'other' });
  world.say('chat', 'you → all', `${person?.name ?? 'I'} ${person ? 'is' : 'am'} ${cmd.role} lead.`, 'muted');
  world.answer(`${cmd.role}: ${person?.name ?? 'you'}`);
}

/**
 * The time-box in sim seconds. Hours and days were said on the scenario's
 * clock, which may show a day per sim-minute; at least one second remains.
 */
function sessionBoxSec(cmd: Extract<Command, { verb: 'ask' }>, clockScale: number): number | null {
  if (cmd.boxSec === null) return null;
  return cmd.boxClock === 'scenario' ? Math.max(1, Math.round(cmd.boxSec / clockScale)) : cmd.boxSec;
}

/** "2 h", "1 d", "1 d 12 h": a time-box said on the scenario's clock, as the IC said it. */
function scenarioBoxWords(wallSec: number): string {
  const d = Math.floor(wallSec / 86_400);
  const h = Math.round((wallSec % 86_400) / 3600);
  return [d ? `${d} d` : '', h ? `${h} h` : ''].filter(Boolean).join(' ') || `${Math.round(wallSec / 60)} min`;
}

import type { Command } from '../../commands/command.js';
import type { Person } from '../../scenario/schema.js';
import type { WorldEffects } from '../world-effects.js';
import { understand } from '../requests/matcher.js';
import { settingsWords } from '../requests/params.js';
import { verbsOf } from '../requests/verbs.js';
import { spoken } from '../requests/units.js';
import type { ReadBack } from '../world.js';
import { assignTask } from './tasks.js';
import { allowed, knowledgeTarget, lockedOutText } from './person-limits.js';

/**
 * Closed-loop delegation: a responder says what they understood. Checks and
 * questions start at once and say what runs; a change is read back and
 * waits for the IC's `go` (or is confirmed at once when the session's
 * read-backs are, see the start event); an unsure request gets a question
 * naming the closest candidates; a request the person cannot do gets whose
 * it is.
 */
export function delegate(world: WorldEffects, person: Person, text: string, boxSec: number | null, named: boolean): void {
  const s = world.state;
  const locked = lockedOutText(world, person);
  if (locked !== null) {
    world.say('chat', person.name, `I can't do anything right now: ${locked}`, 'alert');
    return world.answer(`${person.name} is locked out and did nothing`, false);
  }
  // a question only this person can answer is theirs to think about, whatever check it resembles
  const knows = knowledgeTarget(person, text);
  if (knows !== null) {
    assignTask(world, { who: person.id, text, kind: 'question', targetId: knows, boxSec, named });
    world.say('chat', person.name, 'I know about that; give me a moment.', 'normal');
    return world.answer(`${person.name} acknowledged`);
  }
  const outcomes = understand(world.scenario, { person: person.id }, text, verbsOf(world.scenario, s.verbs === 'engine'));
  const said: string[] = [];
  const changes: ReadBack[] = [];
  let refused = 0;
  for (const o of outcomes) {
    if ((o.kind === 'diagnostic' || o.kind === 'action') && !allowed(person, o.id)) {
      const t = o.kind === 'diagnostic' ? world.scenario.diagnostics.find((x) => x.id === o.id)! : world.scenario.actions.find((x) => x.id === o.id)!;
      said.push(`I can't ${o.kind === 'diagnostic' ? 'run' : 'do'} that (${t.title.charAt(0).toLowerCase()}${t.title.slice(1)}): ${person.refusal}`);
      refused++;
      continue;
    }
    if (o.kind === 'diagnostic') {
      const d = world.scenario.diagnostics.find((x) => x.id === o.id)!;
      assignTask(world, { who: person.id, text, kind: 'diagnostic', targetId: d.id, boxSec, named });
      said.push(`running ${d.example ?? d.title}`);
    } else if (o.kind === 'action') {
      const action = world.scenario.actions.find((a) => a.id === o.id)!;
      // a number the change cannot take is said, never swapped for the runbook's
      if (o.settings && 'problem' in o.settings) {
        said.push(`${o.settings.problem}. What should I use?`);
        continue;
      }
      // an earlier read-back to the same person that was never confirmed is corrected by this one
      for (const r of s.readBacks) if (r.who === person.id && r.state === 'pending') [r.state, r.settledSec] = ['corrected', s.sec];
      const values = action.params.length ? (o.settings?.values ?? Object.fromEntries(action.params.map((p) => [p.id, p.default]))) : undefined;
      const rb: ReadBack = { n: s.readBacks.length + 1, who: person.id, actionId: o.id, params: o.params, ...(values ? { values } : {}), text, boxSec, named, sec: s.sec, state: 'pending', settledSec: null };
      s.readBacks.push(rb);
      changes.push(rb);
    } else if (o.kind === 'task') {
      const words = o.negated ? 'negated' : o.comms ? 'comms' : undefined;
      assignTask(world, { who: person.id, text, kind: 'question', targetId: null, boxSec, named, ...(words ? { words } : {}) });
      said.push(o.negated ? "understood, I won't touch that" : 'on it');
    } else if (o.kind === 'redirect') {
      const team = world.scenario.teams.find((t) => t.id === o.team);
      if (team) s.pageOffer = { who: person.id, team: team.id, sec: s.sec };
      said.push(team ? `that's ${team.name}'s to do, not mine — shall I page them? (\`go\` to page ${team.id})` : "that's not mine to do — who owns it?");
    } else {
      const names = o.candidates.map((id) => world.scenario.diagnostics.find((d) => d.id === id)?.title ?? world.scenario.actions.find((a) => a.id === id)?.title ?? id);
      said.push(names.length ? `which do you mean: ${names.join(', or ')}?` : 'what exactly should I run or change?');
    }
  }
  if (changes.length) said.push(`I'll ${changes.map(readBackText(world)).join(', then ')}${changes.map(unusedNumbers(world)).join('')} — go?`);
  world.say('chat', person.name, capitalise(said.join('; ')), changes.length ? 'alert' : 'normal');
  for (const rb of changes) s.timeline.push({ sec: s.sec, text: `read-back ${person.id}: ${readBackText(world)(rb)}`, kind: 'delegate' });
  if (changes.length && s.delegation === 'auto') {
    for (const rb of changes) settle(world, rb, 'confirmed');
    world.answer(`${person.name} read back the change; confirmed as the script asked`);
    return;
  }
  if (refused === outcomes.length) return world.answer(`${person.name} cannot do that and did nothing`, false);
  world.answer(changes.length ? `${person.name} read back a change: \`go\` to confirm, \`no\` to cancel, or correct it with a new \`ask\`` : named ? `${person.name} acknowledged` : `${person.name} picked it up (name the person next time: "can someone" gets nobody)`);
}

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

function readBackText(world: WorldEffects): (rb: ReadBack) => string {
  return (rb) => {
    const a = world.scenario.actions.find((x) => x.id === rb.actionId)!;
    const title = a.title.charAt(0).toLowerCase() + a.title.slice(1);
    if (rb.values && a.params.length) return `${title} (${settingsWords(a, rb.values)})`;
    // a recording from before settings read the request's numbers back as they were
    return `${title}${rb.params.length && !rb.values && world.state.delegation === 'legacy' ? ` (${rb.params.map(spoken).join(', ')})` : ''}`;
  };
}

/** A change that takes no numbers says so when the request gave some, rather than seeming to apply them. */
function unusedNumbers(world: WorldEffects): (rb: ReadBack) => string {
  return (rb) => {
    const a = world.scenario.actions.find((x) => x.id === rb.actionId)!;
    return a.params.length || !rb.params.length ? '' : ` (it has no setting for ${rb.params.map(spoken).join(', ')}: it goes as the runbook has it)`;
  };
}

function settle(world: WorldEffects, rb: ReadBack, state: 'confirmed' | 'cancelled'): void {
  const s = world.state;
  rb.state = state;
  rb.settledSec = s.sec;
  if (state === 'cancelled') return;
  assignTask(world, { who: rb.who, text: rb.text, kind: 'action', targetId: rb.actionId, boxSec: rb.boxSec, named: rb.named, params: rb.params, ...(rb.values ? { values: rb.values } : {}) });
}

function pendingFor(world: WorldEffects, who: string | null): ReadBack[] | string {
  const s = world.state;
  const pending = s.readBacks.filter((r) => r.state === 'pending');
  if (who === null) return pending;
  const person = world.scenario.people.find((p) => p.id === who || p.name.toLowerCase().split(/\s+/)[0] === who);
  if (!person) return `nobody called "${who}" is on this incident`;
  return pending.filter((r) => r.who === person.id);
}

/** `go [WHO]`: confirms the pending read-backs (of WHO). */
export function confirm(world: WorldEffects, cmd: Extract<Command, { verb: 'go' }>): void {
  const s = world.state;
  const pending = pendingFor(world, cmd.who);
  if (typeof pending === 'string') return world.answer(pending, false);
  if (pending.length === 0) return world.answer('nothing is waiting for your go', false);
  for (const rb of pending) {
    const person = world.scenario.people.find((p) => p.id === rb.who)!;
    settle(world, rb, 'confirmed');
    s.timeline.push({ sec: s.sec, text: `go ${rb.who}: ${readBackText(world)(rb)}`, kind: 'action' });
    world.say('chat', `you → ${person.name}`, 'Go.', 'muted');
    world.say('chat', person.name, 'Going ahead.', 'normal');
  }
  world.answer(`confirmed ${pending.length === 1 ? 'the change' : `${pending.length} changes`}`);
}

/** `no [WHO]`: cancels the pending read-backs (of WHO). */
export function cancel(world: WorldEffects, cmd: Extract<Command, { verb: 'cancel' }>): void {
  const s = world.state;
  const pending = pendingFor(world, cmd.who);
  if (typeof pending === 'string') return world.answer(pending, false);
  if (pending.length === 0) return world.answer('nothing is waiting for your go', false);
  for (const rb of pending) {
    settle(world, rb, 'cancelled');
    s.timeline.push({ sec: s.sec, text: `no ${rb.who}: ${readBackText(world)(rb)}`, kind: 'delegate' });
  }
  world.say('chat', 'you', 'Hold that: no change.', 'muted');
  world.answer(`cancelled ${pending.length === 1 ? 'the change' : `${pending.length} changes`}`);
}

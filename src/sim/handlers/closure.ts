import { PM_FIELDS } from '../../scenario/vocabulary.js';
import type { Command } from '../../commands/command.js';
import type { WorldEffects } from '../world-effects.js';

/** Resolving, and the timed postmortem. */

export function resolve(world: WorldEffects): void {
  const s = world.state;
  if (!world.incident.can({ type: 'RESOLVE' })) {
    world.answer(`cannot resolve: the incident is ${s.lifecycle}`, false);
    return;
  }
  s.resolvedSec = s.sec;
  s.resolvedWhileFixed = s.fixedSec !== null && world.holds(world.scenario.fixedWhen);
  s.outcome = 'resolved';
  s.timeline.push({ sec: s.sec, text: 'resolve', kind: 'resolve' });
  world.send({ type: 'RESOLVE' });
  world.say('system', 'incident', 'Incident resolved. Start the postmortem with `postmortem`.', 'good');
  world.answer('resolved');
}

export function startPostmortem(world: WorldEffects, minutes: number): void {
  const s = world.state;
  if (!world.incident.can({ type: 'POSTMORTEM' })) {
    world.answer(world.incident.hasTag('postmortem') ? 'the postmortem is already open' : 'resolve the incident first (or let the clock run out)', false);
    return;
  }
  s.postmortem.startedSec = s.sec;
  s.postmortem.deadlineSec = s.sec + Math.round(minutes * 60);
  world.send({ type: 'POSTMORTEM' });
  world.say('system', 'postmortem', `Postmortem open: ${minutes} minutes. pm ${PM_FIELDS.join('/')} TEXT, pm action TYPE PRIORITY OWNER TEXT, pm submit.`, 'normal');
  world.answer('postmortem started');
}

export function pmField(world: WorldEffects, cmd: Extract<Command, { verb: 'pm-field' }>): void {
  world.state.postmortem.fields[cmd.field] = cmd.text;
  world.answer(`${cmd.field} saved`);
}

export function pmAction(world: WorldEffects, cmd: Extract<Command, { verb: 'pm-action' }>): void {
  const pm = world.state.postmortem;
  pm.actions.push({ type: cmd.type, priority: cmd.priority, owner: cmd.owner, text: cmd.text, sec: world.state.sec });
  world.answer(`action item ${pm.actions.length} added`);
}

/** The item numbered n as the editor lists it (1-based), or a refusal naming the numbers there are. */
function itemIndex(world: WorldEffects, n: number): number | null {
  const count = world.state.postmortem.actions.length;
  if (n >= 1 && n <= count) return n - 1;
  world.answer(count === 0 ? `no action item ${n}: there are none yet` : `no action item ${n}: the items are numbered 1–${count}`, false);
  return null;
}

export function pmActionEdit(world: WorldEffects, cmd: Extract<Command, { verb: 'pm-action-edit' }>): void {
  const i = itemIndex(world, cmd.n);
  if (i === null) return;
  world.state.postmortem.actions[i] = { type: cmd.type, priority: cmd.priority, owner: cmd.owner, text: cmd.text, sec: world.state.sec };
  world.answer(`action item ${cmd.n} replaced`);
}

export function pmActionDelete(world: WorldEffects, cmd: Extract<Command, { verb: 'pm-action-delete' }>): void {
  const i = itemIndex(world, cmd.n);
  if (i === null) return;
  const pm = world.state.postmortem;
  pm.actions.splice(i, 1);
  world.answer(`action item ${cmd.n} deleted${pm.actions.length > i ? `; the ones after it moved up a number` : ''}`);
}

export function pmSubmit(world: WorldEffects): void {
  world.submitPostmortem(false);
  world.answer('postmortem submitted');
}

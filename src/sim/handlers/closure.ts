import type { Command } from '../../commands/command.js';
import type { Engine } from '../engine.js';

/** Resolving, and the timed postmortem. */

export function resolve(engine: Engine): void {
  const s = engine.state;
  if (!engine.incident.can({ type: 'RESOLVE' })) {
    engine.answer(`cannot resolve: the incident is ${s.lifecycle}`, false);
    return;
  }
  s.resolvedSec = s.sec;
  s.resolvedWhileFixed = s.fixedSec !== null && engine.holds(engine.scenario.fixedWhen);
  s.outcome = 'resolved';
  s.timeline.push({ sec: s.sec, text: 'resolve', kind: 'resolve' });
  engine.send({ type: 'RESOLVE' });
  engine.say('system', 'incident', 'Incident resolved. Start the postmortem with `postmortem`.', 'good');
  engine.answer('resolved');
}

export function startPostmortem(engine: Engine, minutes: number): void {
  const s = engine.state;
  if (!engine.incident.can({ type: 'POSTMORTEM' })) {
    engine.answer(engine.incident.hasTag('postmortem') ? 'the postmortem is already open' : 'resolve the incident first (or let the clock run out)', false);
    return;
  }
  s.postmortem.startedSec = s.sec;
  s.postmortem.deadlineSec = s.sec + Math.round(minutes * 60);
  engine.send({ type: 'POSTMORTEM' });
  engine.say('system', 'postmortem', `Postmortem open: ${minutes} minutes. pm summary/impact/rootcause/factors/well/lucky TEXT, pm action TYPE PRIORITY OWNER TEXT, pm submit.`, 'normal');
  engine.answer('postmortem started');
}

export function pmField(engine: Engine, cmd: Extract<Command, { verb: 'pm-field' }>): void {
  engine.state.postmortem.fields[cmd.field] = cmd.text;
  engine.answer(`${cmd.field} saved`);
}

export function pmAction(engine: Engine, cmd: Extract<Command, { verb: 'pm-action' }>): void {
  const pm = engine.state.postmortem;
  pm.actions.push({ type: cmd.type, priority: cmd.priority, owner: cmd.owner, text: cmd.text, sec: engine.state.sec });
  engine.answer(`action item ${pm.actions.length} added`);
}

export function pmSubmit(engine: Engine): void {
  engine.submitPostmortem(false);
  engine.answer('postmortem submitted');
}

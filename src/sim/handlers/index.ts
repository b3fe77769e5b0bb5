import type { Command } from '../../commands/command.js';
import { helpFor, VERBS } from '../../commands/verbs.js';
import type { Engine } from '../engine.js';
import { pmAction, pmField, pmSubmit, resolve, startPostmortem } from './closure.js';
import { ack, reply, severity, status } from './comms.js';
import { doByIc, runByIc } from './hands-on.js';
import { hint, hypothesis, rootCause, setDash, setLogs, settleHypothesis } from './investigation.js';
import { ask, assignRole, escalate, followup, handoff, poll } from './team.js';

const ALWAYS = new Set(['help', 'logs', 'dash', 'note']);
const POSTMORTEM_ONLY = new Set(['pm-field', 'pm-action', 'pm-submit']);

/** Routes a parsed command to its handler, refusing what the lifecycle does not allow. */
export function applyCommand(engine: Engine, cmd: Command, by: 'ic' | 'examiner'): void {
  const s = engine.state;
  const life = engine.incident;
  if (!s.started && cmd.verb !== 'help') return engine.answer('the clock has not started: press enter on the briefing', false);
  if (life.hasTag('over')) {
    if (cmd.verb !== 'help') return engine.answer('this session is over', false);
  } else if (life.hasTag('postmortem')) {
    if (!POSTMORTEM_ONLY.has(cmd.verb) && !ALWAYS.has(cmd.verb)) return engine.answer('the postmortem is open: use pm … (help pm)', false);
  } else if (POSTMORTEM_ONLY.has(cmd.verb)) {
    return engine.answer('the postmortem is not open yet: `resolve`, then `postmortem`', false);
  }

  switch (cmd.verb) {
    case 'ack':
      return ack(engine, cmd);
    case 'sev':
      return severity(engine, cmd);
    case 'role':
      return assignRole(engine, cmd);
    case 'status':
      return status(engine, cmd);
    case 'reply':
      return reply(engine, cmd);
    case 'escalate':
      return escalate(engine, cmd);
    case 'ask':
      return ask(engine, cmd);
    case 'followup':
      return followup(engine, cmd);
    case 'poll':
      return poll(engine, cmd);
    case 'handoff':
      return handoff(engine, cmd);
    case 'hyp':
      return hypothesis(engine, cmd);
    case 'hyp-settle':
      return settleHypothesis(engine, cmd);
    case 'logs':
      return setLogs(engine, cmd);
    case 'dash':
      return setDash(engine, cmd);
    case 'run':
      return runByIc(engine, cmd.text);
    case 'do':
      return doByIc(engine, cmd.text);
    case 'note':
      s.notes.push({ sec: s.sec, text: cmd.text, by });
      s.timeline.push({ sec: s.sec, text: `note ${cmd.text}`, kind: 'other' });
      return engine.answer('noted');
    case 'rootcause':
      return rootCause(engine, cmd);
    case 'hint':
      return hint(engine);
    case 'resolve':
      return resolve(engine);
    case 'postmortem':
      return startPostmortem(engine, engine.postmortemMin);
    case 'pm-field':
      return pmField(engine, cmd);
    case 'pm-action':
      return pmAction(engine, cmd);
    case 'pm-submit':
      return pmSubmit(engine);
    case 'help': {
      const h = cmd.topic ? helpFor(cmd.topic) : undefined;
      if (cmd.topic && !h) return engine.answer(`no verb "${cmd.topic}"; verbs: ${VERBS.map((v) => v.verb).join(' ')}`, false);
      return engine.answer(h ? `${h.usage} — ${h.help}. e.g. ${h.example}` : `verbs: ${VERBS.map((v) => v.verb).join(' ')} — \`help VERB\` for one`);
    }
  }
}

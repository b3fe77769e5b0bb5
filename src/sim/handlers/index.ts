import type { Command } from '../../commands/command.js';
import { helpFor, VERBS } from '../../commands/verbs.js';
import type { WorldEffects } from '../world-effects.js';
import { pmAction, pmActionDelete, pmActionEdit, pmField, pmSubmit, resolve, startPostmortem } from './closure.js';
import { ack, reply, severity, status } from './comms.js';
import { plainWords } from '../requests/vocabulary.js';
import { cancel, confirm } from './delegation.js';
import { doByIc, runByIc } from './hands-on.js';
import { hint, hypothesis, rootCause, setDash, setLogs, settleHypothesis } from './investigation.js';
import { ask, assignRole, escalate, followup, handoff, poll, takeOffer } from './team.js';

const ALWAYS = new Set(['help', 'logs', 'dash', 'note']);
const POSTMORTEM_ONLY = new Set(['pm-field', 'pm-action', 'pm-action-edit', 'pm-action-delete', 'pm-submit']);

/** Routes a parsed command to its handler, refusing what the lifecycle does not allow. */
export function applyCommand(world: WorldEffects, cmd: Command, by: 'ic' | 'examiner'): void {
  const s = world.state;
  const life = world.incident;
  if (!s.started && cmd.verb !== 'help') return world.answer('the clock has not started: press enter on the briefing', false);
  if (life.hasTag('over')) {
    if (cmd.verb !== 'help') return world.answer('this session is over', false);
  } else if (life.hasTag('postmortem')) {
    if (!POSTMORTEM_ONLY.has(cmd.verb) && !ALWAYS.has(cmd.verb)) return world.answer('the postmortem is open: use pm … (help pm)', false);
  } else if (POSTMORTEM_ONLY.has(cmd.verb)) {
    return world.answer('the postmortem is not open yet: `resolve`, then `postmortem`', false);
  }

  switch (cmd.verb) {
    case 'ack':
      return ack(world, cmd);
    case 'sev':
      return severity(world, cmd);
    case 'role':
      return assignRole(world, cmd);
    case 'status':
      return status(world, cmd);
    case 'reply':
      return reply(world, cmd);
    case 'escalate':
      return escalate(world, cmd);
    case 'ask':
      return ask(world, cmd);
    case 'followup':
      return followup(world, cmd);
    case 'go':
      // "shall I page them?" — go with no change waiting takes up the offer
      if (s.pageOffer && !s.readBacks.some((r) => r.state === 'pending')) return takeOffer(world, true);
      return confirm(world, cmd);
    case 'cancel':
      if (s.pageOffer && !s.readBacks.some((r) => r.state === 'pending')) return takeOffer(world, false);
      return cancel(world, cmd);
    case 'poll':
      return poll(world, cmd);
    case 'handoff':
      return handoff(world, cmd);
    case 'hyp':
      return hypothesis(world, cmd);
    case 'hyp-settle':
      return settleHypothesis(world, cmd);
    case 'logs':
      return setLogs(world, cmd);
    case 'dash':
      return setDash(world, cmd);
    case 'run':
      return runByIc(world, cmd.text);
    case 'do':
      return doByIc(world, cmd.text);
    case 'note':
      s.notes.push({ sec: s.sec, text: cmd.text, by });
      s.timeline.push({ sec: s.sec, text: `note ${cmd.text}`, kind: 'other' });
      return world.answer('noted');
    case 'rootcause':
      return rootCause(world, cmd);
    case 'hint':
      return hint(world);
    case 'resolve':
      return resolve(world);
    case 'postmortem':
      return startPostmortem(world, world.postmortemMin);
    case 'pm-field':
      return pmField(world, cmd);
    case 'pm-action':
      return pmAction(world, cmd);
    case 'pm-action-edit':
      return pmActionEdit(world, cmd);
    case 'pm-action-delete':
      return pmActionDelete(world, cmd);
    case 'pm-submit':
      return pmSubmit(world);
    case 'help': {
      const h = cmd.topic ? helpFor(cmd.topic) : undefined;
      if (cmd.topic && !h) return world.answer(`no verb "${cmd.topic}"; verbs: ${VERBS.map((v) => v.verb).join(' ')}`, false);
      if (h && (h.verb === 'run' || h.verb === 'do') && world.state.delegation !== 'legacy') return world.answer(`${h.usage} — ${h.help}. Here: ${plainWords(world.scenario, h.verb).join('; ')}`);
      return world.answer(h ? `${h.usage} — ${h.help}. e.g. ${h.example}` : `verbs: ${VERBS.map((v) => v.verb).join(' ')} — \`help VERB\` for one`);
    }
  }
}

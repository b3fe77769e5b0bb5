import type { Command } from '../../commands/command.js';
import type { WorldEffects } from '../world-effects.js';
import { describeFilter } from '../logs.js';
import { onScreen } from '../screen-evidence.js';
import { HINT_BEFORE_ONSET, hintText } from '../hint-text.js';

/** Looking: log filters, dashboard drill-down, hypotheses, root cause, hints. */

export function setLogs(world: WorldEffects, cmd: Extract<Command, { verb: 'logs' }>): void {
  const s = world.state;
  s.logFilter = cmd.clear ? { equals: {}, text: null } : { equals: cmd.equals, text: cmd.text };
  for (const e of world.scenario.evidence) if (e.logs && onScreen(world, e)) world.gainEvidence(e.id, s.sec);
  world.answer(cmd.clear ? 'showing all logs' : `logs: ${describeFilter(s.logFilter)}`);
}

export function setDash(world: WorldEffects, cmd: Extract<Command, { verb: 'dash' }>): void {
  const s = world.state;
  if (cmd.panel === null) {
    s.dash = { panel: null, by: null };
    world.answer('dashboard overview');
    return;
  }
  const q = cmd.panel.toLowerCase();
  const panel = world.scenario.panels.find((p) => p.id === q || p.title.toLowerCase() === q) ?? world.scenario.panels.find((p) => p.id.startsWith(q) || p.title.toLowerCase().startsWith(q));
  if (!panel) {
    world.answer(`no panel "${cmd.panel}"; panels: ${world.scenario.panels.map((p) => p.id).join(', ')}`, false);
    return;
  }
  s.dash = { panel: panel.id, by: cmd.by };
  for (const e of world.scenario.evidence) if (e.dash === panel.id && onScreen(world, e)) world.gainEvidence(e.id, s.sec);
  world.answer(`dashboard: ${panel.title}${cmd.by ? ` by ${cmd.by}` : ''}`);
}

export function hypothesis(world: WorldEffects, cmd: Extract<Command, { verb: 'hyp' }>): void {
  const s = world.state;
  const n = s.hypotheses.length + 1;
  s.hypotheses.push({ n, text: cmd.text, sec: s.sec, verdict: 'open', because: '' });
  s.timeline.push({ sec: s.sec, text: `hyp #${n} ${cmd.text}`, kind: 'hyp' });
  world.answer(`hypothesis #${n} recorded`);
}

export function settleHypothesis(world: WorldEffects, cmd: Extract<Command, { verb: 'hyp-settle' }>): void {
  const h = world.state.hypotheses.find((x) => x.n === cmd.n);
  if (!h) {
    world.answer(`no hypothesis #${cmd.n}`, false);
    return;
  }
  h.verdict = cmd.verdict;
  h.because = cmd.because;
  world.state.timeline.push({ sec: world.state.sec, text: `hyp #${h.n} ${cmd.verdict}ed`, kind: 'hyp' });
  world.answer(`hypothesis #${h.n} ${cmd.verdict}ed`);
}

export function rootCause(world: WorldEffects, cmd: Extract<Command, { verb: 'rootcause' }>): void {
  const s = world.state;
  s.rootCause = { text: cmd.text, sec: s.sec };
  s.timeline.push({ sec: s.sec, text: `rootcause ${cmd.text}`, kind: 'rootcause' });
  world.answer('root cause recorded');
}

export function hint(world: WorldEffects): void {
  const s = world.state;
  const next = world.scenario.hints[s.hintsTaken.length];
  if (!next) {
    world.answer('no more hints', false);
    return;
  }
  if (s.onsetSec === null && world.scenario.phases.length > 0) {
    world.answer(HINT_BEFORE_ONSET, false);
    return;
  }
  const cost = next.cost * world.knobs.hintCost;
  s.hintsTaken.push({ sec: s.sec, cost });
  s.timeline.push({ sec: s.sec, text: `hint ${s.hintsTaken.length}`, kind: 'other' });
  world.say('system', 'hint', hintText(next, (c) => world.holds(c)), 'good');
  world.answer(`hint ${s.hintsTaken.length}/${world.scenario.hints.length} (−${cost} points)`);
}

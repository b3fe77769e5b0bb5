import type { Command } from '../../commands/command.js';
import type { Engine } from '../engine.js';
import { describeFilter } from '../logs.js';

/** Looking: log filters, dashboard drill-down, hypotheses, root cause, hints. */

export function setLogs(engine: Engine, cmd: Extract<Command, { verb: 'logs' }>): void {
  const s = engine.state;
  s.logFilter = cmd.clear ? { equals: {}, text: null } : { equals: cmd.equals, text: cmd.text };
  for (const e of engine.scenario.evidence) {
    if (!e.logs || !engine.holds(e.when)) continue;
    const hit = Object.entries(e.logs).every(([k, v]) => s.logFilter.equals[k]?.toLowerCase() === v.toLowerCase());
    if (hit) engine.gainEvidence(e.id, s.sec);
  }
  engine.answer(cmd.clear ? 'showing all logs' : `logs: ${describeFilter(s.logFilter)}`);
}

export function setDash(engine: Engine, cmd: Extract<Command, { verb: 'dash' }>): void {
  const s = engine.state;
  if (cmd.panel === null) {
    s.dash = { panel: null, by: null };
    engine.answer('dashboard overview');
    return;
  }
  const q = cmd.panel.toLowerCase();
  const panel = engine.scenario.panels.find((p) => p.id === q || p.title.toLowerCase() === q) ?? engine.scenario.panels.find((p) => p.id.startsWith(q) || p.title.toLowerCase().startsWith(q));
  if (!panel) {
    engine.answer(`no panel "${cmd.panel}"; panels: ${engine.scenario.panels.map((p) => p.id).join(', ')}`, false);
    return;
  }
  s.dash = { panel: panel.id, by: cmd.by };
  for (const e of engine.scenario.evidence) if (e.dash === panel.id && engine.holds(e.when)) engine.gainEvidence(e.id, s.sec);
  engine.answer(`dashboard: ${panel.title}${cmd.by ? ` by ${cmd.by}` : ''}`);
}

export function hypothesis(engine: Engine, cmd: Extract<Command, { verb: 'hyp' }>): void {
  const s = engine.state;
  const n = s.hypotheses.length + 1;
  s.hypotheses.push({ n, text: cmd.text, sec: s.sec, verdict: 'open', because: '' });
  s.timeline.push({ sec: s.sec, text: `hyp #${n} ${cmd.text}`, kind: 'hyp' });
  engine.answer(`hypothesis #${n} recorded`);
}

export function settleHypothesis(engine: Engine, cmd: Extract<Command, { verb: 'hyp-settle' }>): void {
  const h = engine.state.hypotheses.find((x) => x.n === cmd.n);
  if (!h) {
    engine.answer(`no hypothesis #${cmd.n}`, false);
    return;
  }
  h.verdict = cmd.verdict;
  h.because = cmd.because;
  engine.state.timeline.push({ sec: engine.state.sec, text: `hyp #${h.n} ${cmd.verdict}ed`, kind: 'hyp' });
  engine.answer(`hypothesis #${h.n} ${cmd.verdict}ed`);
}

export function rootCause(engine: Engine, cmd: Extract<Command, { verb: 'rootcause' }>): void {
  const s = engine.state;
  s.rootCause = { text: cmd.text, sec: s.sec };
  s.timeline.push({ sec: s.sec, text: `rootcause ${cmd.text}`, kind: 'rootcause' });
  engine.answer('root cause recorded');
}

export function hint(engine: Engine): void {
  const s = engine.state;
  const next = engine.scenario.hints[s.hintsTaken.length];
  if (!next) {
    engine.answer('no more hints', false);
    return;
  }
  const cost = next.cost * engine.knobs.hintCost;
  s.hintsTaken.push({ sec: s.sec, cost });
  s.timeline.push({ sec: s.sec, text: `hint ${s.hintsTaken.length}`, kind: 'other' });
  engine.say('system', 'hint', next.text, 'good');
  engine.answer(`hint ${s.hintsTaken.length}/${engine.scenario.hints.length} (−${cost} points)`);
}

import { actionChanges, takesEffectAtOnce } from '../../scenario/action-timing.js';
import type { Action, Diagnostic } from '../../scenario/schema.js';
import type { Engine } from '../engine.js';
import { firstMatch } from './lookup.js';
import { fillPlaceholders } from './placeholders.js';

/** Diagnostics and actions, whether the IC runs them or a responder does. */

export function findDiagnostic(engine: Engine, text: string): Diagnostic | undefined {
  return firstMatch(engine.scenario.diagnostics, text.replace(/^run\s+/i, ''));
}

export function findAction(engine: Engine, text: string): Action | undefined {
  return firstMatch(engine.scenario.actions, text.replace(/^do\s+/i, ''));
}

/** The output a diagnostic gives in the world as it is now. */
export function diagnosticOutput(engine: Engine, d: Diagnostic): { text: string; evidence: string[] } {
  const out = d.outputs.find((o) => engine.holds(o.when)) ?? d.outputs[d.outputs.length - 1]!;
  return { text: fillPlaceholders(engine, out.text), evidence: out.evidence };
}

/** Applies an action's effects; returns the response the actor sees. */
export function applyAction(engine: Engine, action: Action, by: string): { ok: boolean; text: string } {
  const s = engine.state;
  if (!engine.holds(action.requires)) return { ok: false, text: action.refusal };
  // the reply describes the world as the action found it
  const reply = fillPlaceholders(engine, action.responses.find((r) => engine.holds(r.when))?.text ?? action.response);
  s.actions.push({ id: action.id, sec: s.sec, by, kind: action.kind });
  engine.flags.raise(`done:${action.id}`, s.sec);
  for (const c of actionChanges(action)) {
    if (takesEffectAtOnce(c)) engine.flags.raise(c.flag, s.sec);
    else engine.schedule({ sec: s.sec + c.afterSec, kind: c.raise ? 'raise' : 'lower', flag: c.flag });
  }
  return { ok: true, text: reply };
}

/** The IC doing hands-on work while responders are present costs command points. */
export function noteHandsOn(engine: Engine, text: string): boolean {
  const s = engine.state;
  const someoneHere = Object.values(s.responders).some((r) => r.joinedSec !== null);
  if (!someoneHere || s.handoff) return false;
  s.handsOn.push({ sec: s.sec, text });
  return true;
}

export function runByIc(engine: Engine, text: string): void {
  const s = engine.state;
  const d = findDiagnostic(engine, text);
  if (!d) {
    const known = engine.scenario.diagnostics.map((x) => x.title).slice(0, 6).join('; ');
    engine.answer(`nothing here answers "${text}". Diagnostics you can run: ${known}`, false);
    return;
  }
  const handsOn = noteHandsOn(engine, `run ${text}`);
  s.diagnostics.push({ id: d.id, sec: s.sec, by: 'ic' });
  s.timeline.push({ sec: s.sec, text: `run ${text}`, kind: 'diagnostic' });
  const out = diagnosticOutput(engine, d);
  engine.schedule({ sec: s.sec + d.durationSec, kind: 'output', from: `$ ${text}`, text: out.text, evidence: out.evidence });
  engine.answer(handsOn ? `running ${d.title}… (you are the IC: with responders here, delegate with \`ask\`)` : `running ${d.title}…`, true);
}

export function doByIc(engine: Engine, text: string): void {
  const s = engine.state;
  const a = findAction(engine, text);
  if (!a) {
    engine.answer(`there is no way to "${text}" here. \`help do\` explains; the runbook and your responders know what can be changed`, false);
    return;
  }
  const handsOn = noteHandsOn(engine, `do ${text}`);
  const result = applyAction(engine, a, 'ic');
  s.timeline.push({ sec: s.sec, text: `do ${text}${result.ok ? '' : ' (refused)'}`, kind: 'action' });
  engine.say('chat', `$ ${text}`, result.text, result.ok ? 'normal' : 'muted');
  engine.answer(handsOn ? `${a.title}: done yourself (you are the IC: with responders here, delegate with \`ask\`)` : `${a.title}`, result.ok);
}

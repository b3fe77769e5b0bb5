import { evalCondition } from '../../scenario/condition.js';
import { actionChanges, takesEffectAtOnce } from '../../scenario/action-timing.js';
import { durationWords } from '../../scenario/clock-text.js';
import type { Action, Diagnostic } from '../../scenario/schema.js';
import type { WorldEffects } from '../world-effects.js';
import { legacyHands } from '../requests/legacy.js';
import { understand } from '../requests/matcher.js';
import type { RequestOutcome } from '../requests/outcome.js';
import { verbsOf } from '../requests/verbs.js';
import { withoutAbsentSpeaker } from './absent-speaker.js';
import { fillPlaceholders } from './placeholders.js';
import { bindParams, fillParams, settingsWords } from '../requests/params.js';
import { changeCounter } from '../counter-change.js';

/** Diagnostics and actions, whether the IC runs them or a responder does. */

/** What the IC's own `run` / `do` means: the matcher of the recording's time (see the start event's `delegation` and `verbs`). */
function handsTarget(world: WorldEffects, hands: 'run' | 'do', text: string): RequestOutcome {
  if (world.state.delegation === 'legacy') return legacyHands(world.scenario, hands, text);
  return understand(world.scenario, { hands }, text, verbsOf(world.scenario, world.state.verbs === 'engine'))[0]!;
}

function unsure(world: WorldEffects, o: RequestOutcome, hands: 'run' | 'do', text: string): string {
  const names = o.kind === 'clarify' ? o.candidates.map((id) => world.scenario.diagnostics.find((d) => d.id === id)?.title ?? world.scenario.actions.find((a) => a.id === id)?.title ?? id) : [];
  if (names.length) return `not sure what "${text}" means here: ${names.join(', or ')}? (\`help ${hands}\` lists them)`;
  return hands === 'run'
    ? `nothing here answers "${text}". \`help run\` lists the diagnostics you can run`
    : `there is no way to "${text}" here. \`help do\` lists what can be changed`;
}

/** The output a diagnostic gives in the world as it is now. */
export function diagnosticOutput(world: WorldEffects, d: Diagnostic): { text: string; evidence: string[] } {
  const out = d.outputs.find((o) => world.holds(o.when)) ?? d.outputs[d.outputs.length - 1]!;
  return { text: fillPlaceholders(world, out.text), evidence: out.evidence };
}

/** Applies an action's effects; returns the response the actor sees (`raw`: before its metric placeholders are filled). */
export function applyAction(world: WorldEffects, action: Action, by: string, values?: Record<string, number>): { ok: boolean; text: string; raw: string; ownBefore: string[] } {
  const s = world.state;
  if (!world.holds(action.requires)) return { ok: false, text: action.refusal, raw: action.refusal, ownBefore: [] };
  const ownBefore = ownFlags(action).filter((f) => world.flags.has(f));
  // the reply describes the world as the action found it
  const raw = actionReply(world, action, values, null);
  const reply = fillPlaceholders(world, raw);
  // state-dependent harm is judged in the world the action found, before its own flags change
  s.actions.push({ id: action.id, sec: s.sec, by, kind: action.kind, ...(action.harmfulWhen ? { harmful: world.holds(action.harmfulWhen) } : {}) });
  world.flags.raise(`done:${action.id}`, s.sec);
  for (const c of actionChanges(action)) {
    if (takesEffectAtOnce(c)) world.flags.raise(c.flag, s.sec);
    else world.schedule({ sec: s.sec + c.afterSec, kind: c.raise ? 'raise' : 'lower', flag: c.flag });
  }
  // counters change with the action's flags: at once, or when its delay is over
  for (const ch of action.counters) {
    if (action.delaySec === 0) changeCounter(world, ch, s.sec);
    else world.schedule({ sec: s.sec + action.delaySec, kind: 'count', flag: ch.id, ...(ch.add !== undefined ? { add: ch.add } : {}), ...(ch.set !== undefined ? { set: ch.set } : {}) });
  }
  return { ok: true, text: reply, raw, ownBefore };
}

/**
 * The reply to a change: the first of its responses that fits the world, else
 * its response. `landed` is set when the reply is told as the change lands
 * (delaySec later): the rest of the world is read as it is then, so a reply
 * never says what something else that landed meanwhile has undone, while the
 * action's own flags are read as they were when it was asked.
 */
export function actionReply(world: WorldEffects, action: Action, values: Record<string, number> | undefined, landed: { ownBefore: readonly string[] } | null): string {
  const own = new Set(ownFlags(action));
  const has = (f: string) => (landed && own.has(f) ? landed.ownBefore.includes(f) : world.flags.has(f));
  return fillParams(action, values, action.responses.find((r) => evalCondition(r.when, has))?.text ?? action.response);
}

/** The flags an action itself moves. */
export function ownFlags(action: Action): string[] {
  return [...action.sets, ...action.clears, `done:${action.id}`];
}

/**
 * Tells a change that was made. One whose flags land later (delaySec) is
 * "under way" now and "done" when it has landed, so nobody hears it is
 * fixed while a check would still show the world before the fix. A recording
 * from before this heard "done" at once, and still does.
 */
export function tellChange(
  world: WorldEffects,
  action: Action,
  from: string,
  done: string,
  underWay: (inAbout: string) => string,
  reply: string,
  tone: 'good' | 'normal',
  asked: { values?: Record<string, number>; ownBefore: readonly string[] },
): void {
  const s = world.state;
  if (action.delaySec === 0 || s.delegation === 'legacy') return world.say('chat', from, `${done}${fillPlaceholders(world, ownHands(world, from, reply))}`, tone);
  world.say('chat', from, underWay(durationWords(action.delaySec)), 'normal');
  // scheduled after the action's own flag changes, so in the same second it is heard after they land;
  // the reply is chosen then, against the world it lands in (a recording from before this told the one chosen when asked)
  if (!s.consistent) return world.schedule({ sec: s.sec + action.delaySec, kind: 'output', from, text: `${done}${reply}`, tone, fill: true });
  world.schedule({ sec: s.sec + action.delaySec, kind: 'output', from, text: done, tone, fill: true, action: action.id, ...(asked.values ? { values: asked.values } : {}), ownBefore: [...asked.ownBefore] });
}

/** What the IC's own terminal (`$ …`) prints: never in the voice of someone who is not here. */
export function ownHands(world: WorldEffects, from: string, text: string): string {
  return world.state.consistent && from.startsWith('$ ') ? withoutAbsentSpeaker(world, text) : text;
}

/** The IC doing hands-on work while responders are present costs command points. */
export function noteHandsOn(world: WorldEffects, text: string): boolean {
  const s = world.state;
  const someoneHere = Object.values(s.responders).some((r) => r.joinedSec !== null);
  if (!someoneHere || s.handoff) return false;
  s.handsOn.push({ sec: s.sec, text });
  return true;
}

export function runByIc(world: WorldEffects, text: string): void {
  const s = world.state;
  const o = handsTarget(world, 'run', text);
  const d = o.kind === 'diagnostic' ? world.scenario.diagnostics.find((x) => x.id === o.id) : undefined;
  if (!d) {
    if (world.state.delegation !== 'legacy') return world.answer(unsure(world, o, 'run', text), false);
    const known = world.scenario.diagnostics.map((x) => x.title).slice(0, 6).join('; ');
    world.answer(`nothing here answers "${text}". Diagnostics you can run: ${known}`, false);
    return;
  }
  const handsOn = noteHandsOn(world, `run ${text}`);
  s.diagnostics.push({ id: d.id, sec: s.sec, by: 'ic' });
  s.timeline.push({ sec: s.sec, text: `run ${text}`, kind: 'diagnostic' });
  // the output is the world as it is when the command finishes (a recording from before this showed the world when it started)
  if (s.delegation === 'legacy') {
    const out = diagnosticOutput(world, d);
    world.schedule({ sec: s.sec + d.durationSec, kind: 'output', from: `$ ${text}`, text: out.text, evidence: out.evidence });
  } else world.schedule({ sec: s.sec + d.durationSec, kind: 'output', from: `$ ${text}`, diagnostic: d.id });
  world.answer(handsOn ? `running ${d.title}… (you are the IC: with responders here, delegate with \`ask\`)` : `running ${d.title}…`, true);
}

export function doByIc(world: WorldEffects, text: string): void {
  const s = world.state;
  const o = handsTarget(world, 'do', text);
  const a = o.kind === 'action' ? world.scenario.actions.find((x) => x.id === o.id) : undefined;
  if (!a) {
    if (world.state.delegation !== 'legacy') return world.answer(unsure(world, o, 'do', text), false);
    world.answer(`there is no way to "${text}" here. \`help do\` explains; the runbook and your responders know what can be changed`, false);
    return;
  }
  // a number the change cannot take is refused, never swapped for the runbook's
  const settings = o.kind === 'action' && a.params.length ? (o.settings ?? bindParams(a, text)) : undefined;
  if (settings && 'problem' in settings) return world.answer(`${settings.problem}; nothing was changed`, false);
  const values = settings?.values;
  const handsOn = noteHandsOn(world, `do ${text}`);
  const result = applyAction(world, a, 'ic', values);
  s.timeline.push({ sec: s.sec, text: `do ${text}${result.ok ? '' : ' (refused)'}`, kind: 'action' });
  if (result.ok) tellChange(world, a, `$ ${text}`, '', (t) => `under way: ${a.title}; it takes effect in about ${t}`, result.raw, 'normal', { ...(values ? { values } : {}), ownBefore: result.ownBefore });
  else world.say('chat', `$ ${text}`, result.text, 'muted');
  const title = values ? `${a.title} (${settingsWords(a, values)})` : a.title;
  world.answer(handsOn ? `${title}: done yourself (you are the IC: with responders here, delegate with \`ask\`)` : title, result.ok);
}

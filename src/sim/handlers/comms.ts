import { STATUS_POSTED } from '../../scenario/command-flags.js';
import type { Command } from '../../commands/command.js';
import { simSecAt, type ClockFrame } from '../../scenario/clock-frame.js';
import type { WorldEffects } from '../world-effects.js';
import { coversAll } from '../../scenario/covers.js';
import { findStakeholder } from './lookup.js';

/** Acknowledging, declaring, and talking to stakeholders. */

export function ack(world: WorldEffects, cmd: Extract<Command, { verb: 'ack' }>): void {
  const s = world.state;
  const open = s.pages.filter((p) => p.ackedSec === null);
  const page = cmd.page
    ? open.find((p) => p.id.toLowerCase().startsWith(cmd.page!.toLowerCase()) || p.name.toLowerCase().includes(cmd.page!.toLowerCase()))
    : open.at(-1);
  if (!page) {
    world.answer(open.length === 0 ? 'no unacknowledged page' : `no open page matches "${cmd.page}"`, false);
    return;
  }
  page.ackedSec = s.sec;
  // A page the examiner injected is an exercise of its own: it does not move the scenario's time to acknowledge.
  if (!page.id.startsWith('inject-')) s.ackSec ??= s.sec;
  s.timeline.push({ sec: s.sec, text: `ack ${page.name}`, kind: 'ack' });
  world.say('page', 'you', `acknowledged ${page.name}`, 'muted');
  world.answer(`acknowledged ${page.name}`);
}

export function severity(world: WorldEffects, cmd: Extract<Command, { verb: 'sev' }>): void {
  const s = world.state;
  const first = s.severity === null;
  s.severity = cmd.level;
  s.severityHistory.push({ sec: s.sec, level: cmd.level });
  s.timeline.push({ sec: s.sec, text: `sev ${cmd.level}`, kind: 'sev' });
  if (first) s.roles['ic'] ??= { who: 'you', sec: s.sec };
  world.say('system', 'incident', first ? `SEV-${cmd.level} declared. You are the incident commander.` : `Severity changed to SEV-${cmd.level}.`, 'alert');
  world.answer(`SEV-${cmd.level}`);
}

/**
 * "next update in 15 min" / "next update at 21:30" / "next update in 2 days"
 * → the promised sim second. Durations are read in the scenario's wall-clock
 * frame, so a scenario that shows days per minute takes "in 1 day".
 */
export function promisedUpdate(text: string, nowSec: number, frame: ClockFrame): number | null {
  const t = text.toLowerCase();
  const scale = frame.clockScale ?? 1;
  const inUnits = /next\s+(?:update|post|check-?in)[^.\d]{0,12}?(\d{1,3})\s*(m\b|min|h\b|hr|hour|d\b|day)/.exec(t);
  if (inUnits) {
    const unit = inUnits[2]!.startsWith('m') ? 60 : inUnits[2]!.startsWith('h') ? 3600 : 86400;
    return nowSec + Math.max(1, Math.round((Number(inUnits[1]) * unit) / scale));
  }
  const at = /next\s+(?:update|post|check-?in)[^.\d]{0,12}?(\d{1,2}):(\d{2})/.exec(t);
  if (at) return simSecAt(frame, Number(at[1]), Number(at[2]));
  return null;
}

export function status(world: WorldEffects, cmd: Extract<Command, { verb: 'status' }>): void {
  const s = world.state;
  const promiseSec = promisedUpdate(cmd.text, s.sec, world.scenario);
  s.statusUpdates.push({ sec: s.sec, text: cmd.text, promiseSec });
  world.flags.raise(STATUS_POSTED, s.sec);
  s.timeline.push({ sec: s.sec, text: `status "${cmd.text}"`, kind: 'status' });
  world.say('stakeholder', 'you → #status', cmd.text, 'muted');
  world.answer(promiseSec === null ? 'posted (tip: promise the next update time)' : 'posted');
}

export function reply(world: WorldEffects, cmd: Extract<Command, { verb: 'reply' }>): void {
  const s = world.state;
  const who = findStakeholder(world.scenario, cmd.who);
  const asker = who || world.state.delegation === 'legacy' ? null : whoAsked(world, cmd.who);
  if (asker) {
    // anyone who wrote to the IC (a responder, someone in another team) can be answered
    s.replies.push({ sec: s.sec, who: asker, text: cmd.text });
    s.timeline.push({ sec: s.sec, text: `reply ${asker}`, kind: 'other' });
    world.say('chat', `you → ${asker}`, cmd.text, 'muted');
    return world.answer(`answered ${asker}`);
  }
  if (!who) {
    const names = [...world.scenario.stakeholders.map((x) => x.id), ...(world.scenario.executive ? ['exec'] : [])].join(', ');
    world.answer(`no stakeholder "${cmd.who}"; you can reply to: ${names}`, false);
    return;
  }
  s.replies.push({ sec: s.sec, who, text: cmd.text });
  s.timeline.push({ sec: s.sec, text: `reply ${who}`, kind: 'status' });
  for (const q of s.questions.filter((x) => x.stakeholder === who && x.answeredSec === null)) {
    const def = world.scenario.stakeholders.find((x) => x.id === who)?.questions.find((x) => x.id === q.id);
    q.answeredSec = s.sec;
    q.answerCovers = def ? coversAll(cmd.text, def.covers) : cmd.text.trim().split(/\s+/).length >= 6;
  }
  world.say('stakeholder', `you → ${who}`, cmd.text, 'muted');
  world.answer(`answered ${who}`);
}

/** The sender of a message in the feed whose name starts with `who` ("priyanka" for "Priyanka (CRM marketing)"). */
function whoAsked(world: WorldEffects, who: string): string | null {
  const w = who.toLowerCase().replace(/^@/, '');
  if (w.length < 2) return null;
  for (let i = world.state.feed.length - 1; i >= 0; i--) {
    const f = world.state.feed[i]!;
    if (f.channel === 'system' || f.from.startsWith('you')) continue;
    const first = f.from.toLowerCase().split(/[\s(→]+/)[0] ?? '';
    if (first === w) return f.from.replace(/\s*→.*$/, '');
  }
  return null;
}

import type { LoadedScenario } from '../scenario/load.js';
import type { FeedItem } from '../sim/world.js';
import type { Store } from '../store/index.js';
import { finishSession, type Finished } from './reports.js';
import { knownFlags } from '../scenario/references.js';
import type { Scenario } from '../scenario/schema.js';
import type { Engine } from '../sim/engine.js';
import type { EventBody } from '../sim/events.js';
import type { ScriptLine, ScriptWait } from './script.js';
import { Session, type StartOptions } from './session.js';
import { coachWanted } from '../sim/coach.js';

export interface HeadlessOptions extends StartOptions {
  postmortemMin?: number;
  /** The solo coach speaks (recorded in the start event); never in an interview. */
  coach?: boolean;
  /** Wall milliseconds to wait between commands (demos, crash tests). */
  paceMs?: number;
  /** Called after each event is committed, with what the engine answered. */
  onAccepted?: (line: ScriptLine, seq: number, answer: string) => void;
  /** Called for each message the candidate's chat shows (replies, pages, refusals), in sim order. */
  onFeed?: (item: FeedItem) => void;
  /** Called when a `wait` line is met (at that sim time) or the time limit came first (null). */
  onWait?: (line: ScriptLine, metMs: number | null) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The start event a headless script records: the behaviours of this version
 * (consistent signals, queued asks, the engine's change verbs), the coach where wanted, and how
 * read-backs are confirmed. Anything that replays a script as `play --script`
 * would (the crash checks) starts from this one body.
 */
export function scriptStart(lines: readonly ScriptLine[], opts: Pick<HeadlessOptions, 'mode' | 'difficulty' | 'coach' | 'postmortemMin'>): Extract<EventBody, { type: 'start' }> {
  // a script that never says `go` has its read-backs confirmed as if it had (old scripts keep their meaning)
  const delegation = lines.some((l) => /^(go|yes|confirm)\b/i.test(l.text.trim())) ? 'confirm' : 'auto';
  return { type: 'start', delegation, consistent: true, asks: 'queued', verbs: 'engine', ...(opts.postmortemMin ? { postmortemMin: opts.postmortemMin } : {}), ...(opts.coach && coachWanted(opts) ? { coach: true } : {}) };
}

/**
 * Plays a script headless: start, each command at its sim time, then lets
 * the clock run out what the script left open (the incident's time limit,
 * the postmortem's countdown) and scores.
 */
export async function runScript(store: Store, loaded: LoadedScenario, lines: ScriptLine[], opts: HeadlessOptions, wallNow: () => number): Promise<{ session: Session } & Finished> {
  const session = Session.start(store, loaded, opts, wallNow);
  session.record(scriptStart(lines, opts), 0);
  // The chat as the candidate saw it: what arrived before a command is told before it.
  let heard = 0;
  const hear = (beforeMs = Infinity) => {
    const feed = session.engine.state.feed;
    for (; heard < feed.length && feed[heard]!.sec * 1000 < beforeMs; heard++) opts.onFeed?.(feed[heard]!);
  };
  // How much later than written the lines run, after the waits met so far.
  let shiftMs = 0;
  for (const line of lines) {
    if (opts.paceMs) await sleep(opts.paceMs);
    if (session.engine.incident.hasTag('over')) break;
    const at = line.simMs + shiftMs;
    if (line.wait) {
      const met = waitFor(session.engine, session.scenario, line.wait, at);
      opts.onWait?.(line, met);
      if (met !== null) shiftMs += met - at;
      hear();
      continue;
    }
    const stored = session.record({ type: 'command', text: line.text }, at);
    hear(at);
    opts.onAccepted?.(line, stored.seq, session.engine.state.lastAnswer?.text ?? '');
    hear();
    session.lease?.renew();
  }
  const engine = session.engine;
  const s = engine.state;
  if (engine.incident.hasTag('running')) engine.advanceTo(s.timeLimitSec * 1000);
  if (engine.incident.hasTag('postmortem') && s.postmortem.deadlineSec !== null) engine.advanceTo(s.postmortem.deadlineSec * 1000);
  // The end is an event too, so a replay of the recording reaches the same final world.
  session.record({ type: 'quit' }, s.sec * 1000, 'system');
  hear();
  const finished = finishSession(session);
  session.lease?.release();
  return { session, ...finished };
}

/** A script's waits that name nobody in the scenario or a flag it never raises; empty when all are known. */
export function scriptWaitProblems(lines: readonly ScriptLine[], scenario: Scenario): string[] {
  const flags = knownFlags(scenario);
  const problems: string[] = [];
  for (const l of lines) {
    if (l.wait?.kind === 'joined' && !personNamed(scenario, l.wait.name))
      problems.push(`line ${l.line}: nobody called "${l.wait.name}" can join; the scenario's people: ${scenario.people.map((p) => p.id).join(', ') || 'none'}`);
    if (l.wait?.kind === 'flag' && !flags.has(l.wait.name)) problems.push(`line ${l.line}: the scenario never raises the flag "${l.wait.name}"`);
  }
  return problems;
}

/** A person by id or by first name, case-insensitive. */
function personNamed(scenario: Scenario, name: string): Scenario['people'][number] | undefined {
  const n = name.toLowerCase();
  return scenario.people.find((p) => p.id.toLowerCase() === n) ?? scenario.people.find((p) => p.name.toLowerCase().split(/\s+/)[0] === n);
}

/**
 * Runs the clock second by second from `fromMs` until the wait is met, and
 * returns that sim time; null when the incident's time limit comes first.
 */
function waitFor(engine: Engine, scenario: Scenario, wait: ScriptWait, fromMs: number): number | null {
  const person = wait.kind === 'joined' ? personNamed(scenario, wait.name) : undefined;
  const met = () => (person ? engine.state.responders[person.id]?.joinedSec != null : engine.has(wait.name));
  const limitMs = engine.state.timeLimitSec * 1000;
  for (let t = Math.max(fromMs, engine.state.sec * 1000); t <= limitMs; t += 1000) {
    engine.advanceTo(t);
    if (met()) return t;
  }
  return null;
}

import type { LoadedScenario } from '../scenario/load.js';
import type { FeedItem } from '../sim/world.js';
import type { Store } from '../store/index.js';
import { finishSession, type Finished } from './reports.js';
import type { ScriptLine } from './script.js';
import { Session, type StartOptions } from './session.js';

export interface HeadlessOptions extends StartOptions {
  postmortemMin?: number;
  /** Wall milliseconds to wait between commands (demos, crash tests). */
  paceMs?: number;
  /** Called after each event is committed, with what the engine answered. */
  onAccepted?: (line: ScriptLine, seq: number, answer: string) => void;
  /** Called for each message the candidate's chat shows (replies, pages, refusals), in sim order. */
  onFeed?: (item: FeedItem) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Plays a script headless: start, each command at its sim time, then lets
 * the clock run out what the script left open (the incident's time limit,
 * the postmortem's countdown) and scores.
 */
export async function runScript(store: Store, loaded: LoadedScenario, lines: ScriptLine[], opts: HeadlessOptions, wallNow: () => number): Promise<{ session: Session } & Finished> {
  const session = Session.start(store, loaded, opts, wallNow);
  // a script that never says `go` has its read-backs confirmed as if it had (old scripts keep their meaning)
  const delegation = lines.some((l) => /^(go|yes|confirm)\b/i.test(l.text.trim())) ? 'confirm' : 'auto';
  session.record({ type: 'start', delegation, ...(opts.postmortemMin ? { postmortemMin: opts.postmortemMin } : {}) }, 0);
  // The chat as the candidate saw it: what arrived before a command is told before it.
  let heard = 0;
  const hear = (beforeMs = Infinity) => {
    const feed = session.engine.state.feed;
    for (; heard < feed.length && feed[heard]!.sec * 1000 < beforeMs; heard++) opts.onFeed?.(feed[heard]!);
  };
  for (const line of lines) {
    if (opts.paceMs) await sleep(opts.paceMs);
    if (session.engine.incident.hasTag('over')) break;
    const stored = session.record({ type: 'command', text: line.text }, line.simMs);
    hear(line.simMs);
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

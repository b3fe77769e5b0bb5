import type { EventBody } from '../sim/events.js';
import { Engine } from '../sim/engine.js';
import { scenarioFromRaw, type LoadedScenario } from '../scenario/validate.js';
import type { Scenario } from '../scenario/schema.js';
import { scoreSession } from '../scoring/score.js';
import type { Score } from '../scoring/types.js';
import type { SessionRow, Store, StoredEvent } from '../store/index.js';
import { APP_VERSION } from './version.js';
import { newSessionId } from './ids.js';
import { Recorder, toSimEvent, type Actor } from './recorder.js';

export interface StartOptions {
  seed: number;
  trainee: string;
  mode: 'solo' | 'interview';
  difficulty: 'easy' | 'normal' | 'hard';
  variant?: string;
  parentId?: string | null;
  branchAtMs?: number | null;
}

export { SessionError } from './errors.js';
import { SessionError } from './errors.js';
import { SessionLease } from './lease.js';

export { toSimEvent };

export function scenarioOf(row: SessionRow): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(row.scenarioJson);
  } catch {
    throw new SessionError(`session ${row.id} carries a scenario snapshot that is not valid JSON; the recording was damaged (firedrill verify ${row.id})`);
  }
  const read = readSnapshot(raw, row);
  if (!read.ok) throw new SessionError(`session ${row.id} ${read.problem}`);
  return read.scenario;
}

/**
 * A stored snapshot as the scenario it is, if it plays with this header: a
 * scenario this version reads, with the header's variant and a known
 * difficulty. Else what is wrong, worded to follow "session X".
 */
export function readSnapshot(raw: unknown, header: Pick<SessionRow, 'variant' | 'difficulty'>): { ok: true; scenario: Scenario } | { ok: false; problem: string } {
  const loaded = scenarioFromRaw(raw, 'the scenario snapshot');
  if (!loaded.ok) {
    const p = loaded.problems[0];
    return { ok: false, problem: `carries a scenario this version cannot read: ${p ? `${p.path ? `${p.path} ` : ''}${p.message}` : 'invalid'}` };
  }
  const scenario = loaded.value.scenario;
  const variants = scenario.variants.map((v) => v.id);
  if (!variants.includes(header.variant)) {
    return { ok: false, problem: `names variant "${header.variant}", which its scenario does not have (it has ${variants.join(', ')}); the header was edited or the recording damaged` };
  }
  if (!['easy', 'normal', 'hard'].includes(header.difficulty)) return { ok: false, problem: `names difficulty "${header.difficulty}", which is not easy, normal or hard` };
  return { ok: true, scenario };
}

/**
 * A running session: the one path that live play, scripts, replay and the
 * examiner use. Every event is committed to the store before it takes effect.
 */
export class Session {
  /** The one write-ahead path for this session's events (recorder.ts). */
  readonly recorder: Recorder;
  /** This process's hold on the session when it plays it (lease.ts); null when it only reads it. */
  lease: SessionLease | null = null;

  private constructor(
    readonly store: Store,
    public row: SessionRow,
    readonly scenario: Scenario,
    readonly engine: Engine,
    private readonly wallNow: () => number,
    appliedSeq: number,
  ) {
    this.recorder = new Recorder(store, row.id, engine, wallNow, { appliedSeq, interview: row.mode === 'interview' });
  }

  static start(store: Store, loaded: LoadedScenario, opts: StartOptions, wallNow: () => number): Session {
    const engine = new Engine(loaded.scenario, { seed: opts.seed, difficulty: opts.difficulty, ...(opts.variant ? { variant: opts.variant } : {}) });
    const row = store.createSession({
      id: newSessionId(wallNow()),
      scenarioId: loaded.scenario.id,
      scenarioJson: JSON.stringify(loaded.raw),
      scenarioHash: loaded.hash,
      appVersion: APP_VERSION,
      seed: opts.seed,
      variant: engine.state.variant,
      trainee: opts.trainee,
      mode: opts.mode,
      difficulty: opts.difficulty,
      startedAt: new Date(wallNow()).toISOString(),
      parentId: opts.parentId ?? null,
      branchAtMs: opts.branchAtMs ?? null,
      timeLimitSec: engine.state.timeLimitSec,
    });
    const session = new Session(store, row, loaded.scenario, engine, wallNow, 0);
    session.lease = SessionLease.claim(store, row.id, wallNow);
    return session;
  }

  /** Rebuilds a recorded session's world from its events, up to `untilMs` if given. */
  static load(store: Store, idOrLatest: string, wallNow: () => number, untilMs?: number): Session {
    const row = store.getSession(idOrLatest);
    const scenario = scenarioOf(row);
    const engine = new Engine(scenario, { seed: row.seed, variant: row.variant, difficulty: row.difficulty as StartOptions['difficulty'] });
    let appliedSeq = 0;
    for (const e of store.events(row.id)) {
      if (untilMs !== undefined && e.simMs > untilMs) break;
      engine.apply(toSimEvent(e));
      appliedSeq = e.seq;
    }
    if (untilMs !== undefined) engine.advanceTo(untilMs);
    return new Session(store, row, scenario, engine, wallNow, appliedSeq);
  }

  get id(): string {
    return this.row.id;
  }

  /** Records an event at the sim time given (headless scripts): write-ahead through the recorder. */
  record(body: EventBody, simMs: number, actor: Actor = 'ic'): StoredEvent {
    return this.recorder.record(body, { at: simMs }, { actor });
  }

  /** Applies events other processes appended (the examiner's injections, the candidate's commands). */
  catchUp(): StoredEvent[] {
    return this.recorder.catchUp();
  }

  score(): Score {
    return scoreSession(this.scenario, this.engine.state);
  }

  /** Scores the session and writes its row's result once: outcome, score and the score as JSON. */
  finish(): Score {
    const score = this.score();
    const outcome = this.engine.state.outcome ?? 'abandoned';
    this.store.finishSession(this.row.id, { outcome, score: score.total, scoreMax: score.max, reportJson: JSON.stringify(score), endedAt: new Date(this.wallNow()).toISOString() });
    this.row = this.store.getSession(this.row.id);
    return score;
  }
}

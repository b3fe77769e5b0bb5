import { EventBody, type SimEvent } from '../sim/events.js';
import { Engine } from '../sim/engine.js';
import { scenarioFromRaw, type LoadedScenario } from '../scenario/validate.js';
import type { Scenario } from '../scenario/schema.js';
import { scoreSession } from '../scoring/score.js';
import type { Score } from '../scoring/types.js';
import type { SessionRow, Store, StoredEvent } from '../store/index.js';
import { APP_VERSION } from './version.js';
import { newSessionId } from './ids.js';

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

/** Turns a stored row back into the event the engine consumes. */
export function toSimEvent(e: StoredEvent): SimEvent {
  const body = EventBody.parse({ ...(e.payload as object), type: e.type });
  return { simMs: e.simMs, actor: e.actor, body };
}

export function scenarioOf(row: SessionRow): Scenario {
  const loaded = scenarioFromRaw(JSON.parse(row.scenarioJson), `session ${row.id}`);
  if (!loaded.ok) throw new SessionError(`session ${row.id} carries a scenario this version cannot read: ${loaded.problems[0]?.message ?? 'invalid'}`);
  return loaded.value.scenario;
}

/**
 * A running session: the one path that live play, scripts, replay and the
 * examiner use. Every event is committed to the store before it takes effect.
 */
export class Session {
  private constructor(
    readonly store: Store,
    public row: SessionRow,
    readonly scenario: Scenario,
    readonly engine: Engine,
    private readonly wallNow: () => number,
  ) {}

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
    });
    return new Session(store, row, loaded.scenario, engine, wallNow);
  }

  /** Rebuilds a recorded session's world from its events, up to `untilMs` if given. */
  static load(store: Store, idOrLatest: string, wallNow: () => number, untilMs?: number): Session {
    const row = store.getSession(idOrLatest);
    const scenario = scenarioOf(row);
    const engine = new Engine(scenario, { seed: row.seed, variant: row.variant, difficulty: row.difficulty as StartOptions['difficulty'] });
    for (const e of store.events(row.id)) {
      if (untilMs !== undefined && e.simMs > untilMs) break;
      engine.apply(toSimEvent(e));
    }
    if (untilMs !== undefined) engine.advanceTo(untilMs);
    return new Session(store, row, scenario, engine, wallNow);
  }

  get id(): string {
    return this.row.id;
  }

  /** Write-ahead: append to the store, then apply. Returns the committed row. */
  record(body: EventBody, simMs: number, actor: 'ic' | 'examiner' | 'system' = 'ic'): StoredEvent {
    const parsed = EventBody.parse(body);
    const { type, ...payload } = parsed;
    const stored = this.store.appendEvent(this.row.id, { simMs, wallMs: this.wallNow(), actor, type, payload });
    this.engine.apply({ simMs, actor, body: parsed });
    return stored;
  }

  /** Applies events other processes appended (the examiner's injections, the candidate's commands). */
  catchUp(afterSeq: number): StoredEvent[] {
    const fresh = this.store.events(this.row.id, afterSeq);
    for (const e of fresh) this.engine.apply(toSimEvent(e));
    return fresh;
  }

  score(): Score {
    return scoreSession(this.scenario, this.engine.state);
  }

  /** Scores and marks the session finished in the store. */
  finish(reportJson: string | null): Score {
    const score = this.score();
    const outcome = this.engine.state.outcome ?? 'abandoned';
    this.store.finishSession(this.row.id, { outcome, score: score.total, scoreMax: score.max, reportJson, endedAt: new Date(this.wallNow()).toISOString() });
    this.row = this.store.getSession(this.row.id);
    return score;
  }
}

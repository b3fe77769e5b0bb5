import { EventBody, type SimEvent } from '../sim/events.js';
import type { Engine } from '../sim/engine.js';
import type { Store, StoredEvent } from '../store/index.js';
import { FidelityRecorder } from './fidelity.js';
import { commandTooLong } from '../commands/limits.js';
import { SessionError } from './errors.js';

export type Actor = 'ic' | 'examiner' | 'system';

/**
 * Where a new event lands in the log, by who records it:
 * - `at`: a script line, at the sim time the script gives;
 * - `on-top`: the process that owns the clock (live play), appended only on
 *   top of everything already applied and stamped after catching up, so it
 *   takes effect here exactly when a replay says it does;
 * - `live`: another process (the examiner), stamped by the store no earlier
 *   than the clock the owner published.
 */
export type Placement = { at: number } | { onTop: () => number } | { live: number };

export interface Stamp {
  actor?: Actor;
  /** The wall time to stamp; the recorder's clock by default. */
  wallMs?: number;
}

/** Turns a stored row back into the event the engine consumes. */
export function toSimEvent(e: StoredEvent): SimEvent {
  const body = EventBody.parse({ ...(e.payload as object), type: e.type });
  return { simMs: e.simMs, actor: e.actor, body };
}

/**
 * The one write-ahead path. Every event a session records (a typed command,
 * a script line, an examiner injection, a clock change) is validated,
 * stamped, committed to the store, and only then applied to the engine;
 * after the IC's decisions the view hash is stored beside it. Events other
 * processes appended are applied through here too, in log order, so each
 * event takes effect exactly once in this process whoever wrote it.
 */
export class Recorder {
  private applied: number;
  private readonly fidelity: FidelityRecorder;
  private readonly listeners: ((e: StoredEvent, own: boolean) => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly sessionId: string,
    private readonly engine: Engine,
    private readonly wallNow: () => number,
    opts: { appliedSeq: number; interview: boolean },
  ) {
    this.applied = opts.appliedSeq;
    this.fidelity = new FidelityRecorder(store, sessionId, opts.interview);
  }

  /** The seq of the last event this process's engine has applied. */
  get appliedSeq(): number {
    return this.applied;
  }

  /** Called for every event applied from now on, own (`true`) or another process's. */
  onApply(listener: (e: StoredEvent, own: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Applies what other processes appended since the last applied event; returns it. */
  catchUp(): StoredEvent[] {
    const fresh = this.store.events(this.sessionId, this.applied);
    this.absorb(fresh);
    return fresh;
  }

  /** Applies events read from the log elsewhere (in seq order); ones already applied are skipped. */
  absorb(events: readonly StoredEvent[]): void {
    for (const e of events) {
      if (e.seq <= this.applied) continue;
      this.engine.apply(toSimEvent(e));
      this.applied = e.seq;
      for (const l of this.listeners) l(e, false);
    }
  }

  /** Write-ahead: validate, stamp, append, then apply. Returns the committed row. */
  record(body: EventBody, where: Placement, stamp: Stamp = {}): StoredEvent {
    const parsed = EventBody.parse(body);
    if ('text' in parsed) {
      const tooLong = commandTooLong(parsed.text);
      if (tooLong) throw new SessionError(tooLong);
    }
    const { type, ...payload } = parsed;
    const actor = stamp.actor ?? 'ic';
    const wallMs = stamp.wallMs ?? this.wallNow();
    let stored: StoredEvent;
    if ('onTop' in where) {
      for (;;) {
        this.catchUp();
        const next = this.store.appendEventAfter(this.sessionId, this.applied, { simMs: Math.floor(where.onTop()), wallMs, actor, type, payload });
        if (next) {
          stored = next;
          break;
        }
      }
    } else if ('live' in where) {
      stored = this.store.appendEventLive(this.sessionId, { simMs: where.live, wallMs, actor, type, payload });
    } else {
      stored = this.store.appendEvent(this.sessionId, { simMs: where.at, wallMs, actor, type, payload });
    }
    // Anything another process appended before this event takes effect first, as in a replay.
    if (stored.seq > this.applied + 1) this.absorb(this.store.events(this.sessionId, this.applied).filter((e) => e.seq < stored.seq));
    this.engine.apply({ simMs: stored.simMs, actor, body: parsed });
    this.applied = stored.seq;
    for (const l of this.listeners) l(stored, true);
    this.fidelity.after(stored, this.engine);
    return stored;
  }
}

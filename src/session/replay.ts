import { formatClock } from '../scenario/clock-text.js';
import type { Scenario } from '../scenario/schema.js';
import { Engine } from '../sim/engine.js';
import type { SimEvent } from '../sim/events.js';
import type { SessionRow, Store, StoredEvent, ViewHash } from '../store/index.js';
import { isDecision, viewHash, type FidelityReport } from './fidelity.js';
import { Keyframes, KEYFRAME_INTERVAL_MS } from './keyframes.js';
import { scenarioOf, SessionError, toSimEvent, type StartOptions } from './session.js';
import { APP_VERSION } from './version.js';

/** A moment the examiner jumps between with ] and [. */
export interface Marker {
  ms: number;
  kind: 'page' | 'severity' | 'mitigation' | 'note' | 'inject';
  label: string;
}

/** An IC command: what n and p step between. */
export interface Decision {
  /** Index into the recording's events. */
  index: number;
  seq: number;
  ms: number;
  text: string;
}

export interface SearchHit {
  ms: number;
  /** The command's event index when the hit is an IC command. */
  index: number | null;
  label: string;
}

/** A world at a point of the recording. */
export interface Cursor {
  engine: Engine;
  /** Index of the first event not applied yet. */
  next: number;
  ms: number;
}

/**
 * A recorded session ready to replay: its events, when each took effect, the
 * decisions and markers, and keyframes for seeking. Built once on load; the
 * world at any time comes from the engine fed the stored events, never from
 * stored screens.
 */
export class Recording {
  readonly sim: readonly SimEvent[];
  /** When each event took effect: its stamp, or the time of the one before if later. */
  readonly effMs: readonly number[];
  readonly endMs: number;
  readonly decisions: readonly Decision[];
  markers: readonly Marker[];
  readonly keyframes: Keyframes;
  /** Set when the recording was made by another firedrill version. */
  readonly versionNote: string | null;

  private constructor(
    readonly row: SessionRow,
    readonly scenario: Scenario,
    readonly events: readonly StoredEvent[],
    intervalMs: number,
  ) {
    this.versionNote =
      row.appVersion === APP_VERSION
        ? null
        : `recorded with firedrill ${row.appVersion}, replayed by ${APP_VERSION}, using the scenario snapshot stored with the recording`;
    this.sim = events.map((e) => {
      try {
        return toSimEvent(e);
      } catch {
        throw new SessionError(
          `cannot replay session ${row.id}: event #${e.seq} (${e.type}) is not one this firedrill ${APP_VERSION} understands` +
            (row.appVersion === APP_VERSION ? '' : `; it was recorded with firedrill ${row.appVersion}, so replay it with that version`),
        );
      }
    });
    const eff: number[] = [];
    let last = 0;
    for (const e of this.sim) {
      last = Math.max(last, e.simMs);
      eff.push(last);
    }
    this.effMs = eff;
    this.endMs = last;
    this.keyframes = Keyframes.build(this.newEngine(), this.sim, eff, this.endMs, intervalMs);
    this.decisions = events.flatMap((e, index) =>
      isDecision(e) ? [{ index, seq: e.seq, ms: eff[index]!, text: String((e.payload as { text?: unknown }).text ?? '') }] : [],
    );
    this.markers = this.findMarkers(!this.interview || this.final.state.scorecard.releasedSec !== null);
  }

  /**
   * Examiner notes are markers of a solo session, or of an interview once
   * the examiner released the debrief; `replay --examiner` shows them always.
   */
  showExaminerNotes(): void {
    this.markers = this.findMarkers(true);
  }

  static load(store: Store, idOrLatest: string, intervalMs = KEYFRAME_INTERVAL_MS): Recording {
    const row = store.getSession(idOrLatest);
    return Recording.from(row, store.events(row.id), intervalMs);
  }

  static from(row: SessionRow, events: readonly StoredEvent[], intervalMs = KEYFRAME_INTERVAL_MS): Recording {
    let scenario: Scenario;
    try {
      scenario = scenarioOf(row);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new SessionError(
        row.appVersion === APP_VERSION ? why : `${why}; it was recorded with firedrill ${row.appVersion} (this is ${APP_VERSION}), so replay it with that version`,
      );
    }
    return new Recording(row, scenario, events, intervalMs);
  }

  get interview(): boolean {
    return this.row.mode === 'interview';
  }

  /** The world at the end of the recording. */
  get final(): Engine {
    return this.keyframes.final;
  }

  newEngine(): Engine {
    try {
      return new Engine(this.scenario, { seed: this.row.seed, variant: this.row.variant, difficulty: this.row.difficulty as StartOptions['difficulty'] });
    } catch (e) {
      throw new SessionError(`cannot replay session ${this.row.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The world at sim time `ms`: every event that took effect by then. */
  at(ms: number): Cursor {
    const t = Math.max(0, ms);
    const kf = this.keyframes.nearest(t);
    const c: Cursor = { engine: kf.engine.clone(), next: kf.next, ms: kf.ms };
    this.forward(c, t);
    return c;
  }

  /** The world right after event `index` took effect: the screen the candidate saw after it. */
  afterEvent(index: number): Cursor {
    const ms = this.effMs[index]!;
    const kf = this.keyframes.nearest(ms, index + 1);
    const engine = kf.engine.clone();
    for (let i = kf.next; i <= index; i++) engine.apply(this.sim[i]!);
    return { engine, next: index + 1, ms };
  }

  /** Moves a cursor forward to `ms` (never back). */
  forward(c: Cursor, ms: number): void {
    if (ms < c.ms) return;
    while (c.next < this.sim.length && this.effMs[c.next]! <= ms) c.engine.apply(this.sim[c.next++]!);
    c.engine.advanceTo(ms);
    c.ms = ms;
  }

  /** IC commands and everything on the candidate's feed that mention `text`, in time order. */
  search(text: string): SearchHit[] {
    const q = text.trim().toLowerCase();
    if (q === '') return [];
    const hits: SearchHit[] = [];
    for (const d of this.decisions) if (d.text.toLowerCase().includes(q)) hits.push({ ms: d.ms, index: d.index, label: `> ${d.text}` });
    for (const f of this.final.state.feed) {
      if (`${f.from} ${f.text}`.toLowerCase().includes(q)) hits.push({ ms: f.sec * 1000, index: null, label: `${f.from}: ${f.text}` });
    }
    return hits.sort((a, b) => a.ms - b.ms || (a.index ?? -1) - (b.index ?? -1));
  }

  /**
   * Recomputes the candidate's view after each decision that has a stored
   * hash, in one pass, and reports the first that differs.
   */
  checkFidelity(hashes: readonly ViewHash[]): FidelityReport {
    const want = new Map(hashes.map((h) => [h.seq, h.hash]));
    const bySeq = new Set(this.events.map((e) => e.seq));
    const orphans = hashes.filter((h) => !bySeq.has(h.seq)).map((h) => h.seq);
    const engine = this.newEngine();
    let checked = 0;
    for (let i = 0; i < this.sim.length; i++) {
      engine.apply(this.sim[i]!);
      const expected = want.get(this.events[i]!.seq);
      if (expected === undefined) continue;
      checked++;
      if (viewHash(engine, this.interview) !== expected) return { checked, firstDiff: this.events[i]!.seq, orphans };
    }
    return { checked, firstDiff: null, orphans };
  }

  private findMarkers(notes: boolean): Marker[] {
    const s = this.final.state;
    const out: Marker[] = [];
    for (const p of s.pages) out.push({ ms: p.firedSec * 1000, kind: 'page', label: `page ${p.name}` });
    for (const h of s.severityHistory) out.push({ ms: h.sec * 1000, kind: 'severity', label: `SEV-${h.level}` });
    for (const a of s.actions) if (a.kind === 'mitigation') out.push({ ms: a.sec * 1000, kind: 'mitigation', label: `mitigation ${a.id}` });
    if (s.mitigatedSec !== null) out.push({ ms: s.mitigatedSec * 1000, kind: 'mitigation', label: 'impact mitigated' });
    this.events.forEach((e, i) => {
      const p = e.payload as { text?: string; kind?: string };
      if (e.type === 'annotate' && notes) out.push({ ms: this.effMs[i]!, kind: 'note', label: `examiner note: ${p.text ?? ''}` });
      if (e.type === 'inject') out.push({ ms: this.effMs[i]!, kind: 'inject', label: `examiner injected ${p.kind ?? ''}${p.text ? `: ${p.text}` : ''}` });
    });
    return out.sort((a, b) => a.ms - b.ms);
  }
}

export const REPLAY_SPEEDS = [0.5, 1, 2, 5, 10, 20] as const;

export interface ReplayStatus {
  ms: number;
  endMs: number;
  playing: boolean;
  speed: number;
  /** 1-based number of the last decision at or before the position, 0 before the first. */
  decision: number;
  decisions: number;
  /** What the last jump found, or why it found nothing. */
  message: string | null;
}

/** "+12:30 / 38:10" */
export function replayClock(ms: number, endMs: number): string {
  return `+${formatClock(ms / 1000)} / ${formatClock(endMs / 1000)}`;
}

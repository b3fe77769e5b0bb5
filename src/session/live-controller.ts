import type { EventBody } from '../sim/events.js';
import type { StoredEvent } from '../store/index.js';
import type { PlayController } from '../view/controller.js';
import { SPEEDS } from '../view/controller.js';
import type { ViewModel, ViewSize } from '../view/model.js';
import { withInterviewNotice } from '../view/briefing-view.js';
import { selectView } from '../view/select.js';
import { commandTooLong } from '../commands/limits.js';
import { isStoreError } from '../store/index.js';
import { completeLine } from './completion.js';
import { coachWanted } from '../sim/coach.js';
import type { Session } from './session.js';

export interface LiveOptions {
  interview: boolean;
  onFinish: (session: Session) => string;
  postmortemMin?: number;
  /** The solo coach speaks (recorded in the start event); never in an interview. */
  coach?: boolean;
  /** The clock starts at this speed (recorded as a speed event right after the start). */
  startSpeed?: number;
  /** Wall clock for heartbeats and event stamps; Date.now by default. */
  wallNow?: () => number;
}

/** How often the clock is re-published while it does not move (paused): the examiner's "connected". */
const HEARTBEAT_MS = 1000;

/**
 * The live screen's busy timeout: better-sqlite3 waits synchronously, so a
 * long one would freeze the screen. A write that meets another process's
 * lock gives up after this and is retried on the next frame instead.
 */
export const LIVE_BUSY_TIMEOUT_MS = 100;

/** How long a quit waits for a locked database before leaving the session to `resume`. */
const QUIT_WAIT_MS = 30_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** What an interview candidate's screen says at the end, instead of the score: the rubric is the examiner's to share. */
export const INTERVIEW_DONE =
  'The session is over and recorded. Your examiner has the debrief and the score and will go through them with you.';


/**
 * Live play: the wall clock (fed by the UI's frame clock) moves sim time at
 * the chosen speed; every input is recorded before it takes effect.
 *
 * This process owns the session's clock. Other processes (an examiner) append
 * events to the same database; each frame picks them up before the clock
 * moves, and the sim time this process may advance to is published first
 * (store.publishLiveClock), so an examiner's event is always stamped at or
 * after the candidate's present and takes effect here exactly when a replay
 * of the recording says it does. The candidate's own events are appended only
 * on top of everything already applied (store.appendEventAfter), for the same
 * reason.
 */
export class LiveController implements PlayController {
  private simMs = 0;
  private publishedMs = -1;
  private publishedWall = Number.NEGATIVE_INFINITY;
  private publishedPaused: boolean | null = null;
  private readonly wallNow: () => number;
  private summary: string | null = null;
  /**
   * A note under the prompt until the next command: why the last clock key
   * did nothing (an interview), or why a command was refused unrecorded.
   */
  private notice: string | null = null;
  /**
   * Inputs not yet recorded because another process holds the database's
   * write lock: kept in order and written as soon as it is free. The clock
   * stands still meanwhile (its time cannot be published either), so each
   * takes effect at the sim time it was typed.
   */
  private readonly pending: EventBody[] = [];
  private waitingSince: number | null = null;

  constructor(
    private readonly session: Session,
    private readonly opts: LiveOptions,
  ) {
    const store = session.store;
    this.wallNow = opts.wallNow ?? Date.now;
    const seq = session.recorder.appliedSeq;
    const last = seq > 0 ? store.events(session.id, seq - 1)[0] : undefined;
    // A resumed session continues from its last event, never before it.
    this.simMs = Math.max(session.engine.sec * 1000, session.engine.state.started ? (last?.simMs ?? 0) : 0);
    // Events another process (the examiner) appended take effect here as in any replay; the clock never runs behind them.
    session.recorder.onApply((_e, own) => {
      if (!own && session.engine.state.started) this.simMs = Math.max(this.simMs, session.engine.sec * 1000);
    });
  }

  get started(): boolean {
    return this.session.engine.state.started;
  }

  get finished(): boolean {
    return this.session.engine.incident.hasTag('over');
  }

  /** Sim milliseconds this process's clock stands at. */
  get clockMs(): number {
    return this.simMs;
  }

  view(size: ViewSize): ViewModel {
    const vm = selectView(this.session.engine, size, { mode: 'play', interview: this.opts.interview, summary: this.summary });
    if (this.opts.interview) vm.briefing = withInterviewNotice(vm.briefing);
    if (this.waitingSince !== null) {
      const sec = Math.max(0, Math.round((this.wallNow() - this.waitingSince) / 1000));
      const n = this.pending.length;
      vm.answer = {
        ok: false,
        text: `waiting for the database (${sec} s): another process holds its write lock; the clock stands still and ${n === 1 ? 'your input is' : `${n} inputs are`} kept, recorded as soon as it is free`,
      };
    } else if (this.notice !== null) vm.answer = { text: this.notice, ok: false };
    return vm;
  }

  /** True while inputs wait for another process's write lock to be released. */
  get waiting(): boolean {
    return this.waitingSince !== null;
  }

  advance(wallDeltaMs: number): void {
    if (!this.flush()) return;
    try {
      this.tick(wallDeltaMs);
      this.session.lease?.renew();
    } catch (e) {
      if (!isStoreError(e, 'locked')) throw e;
      this.waitingSince ??= this.wallNow();
      return;
    }
    this.settle();
  }

  private tick(wallDeltaMs: number): void {
    const engine = this.session.engine;
    for (;;) {
      const s = engine.state;
      // Past the time limit the clock stands still until the postmortem starts its own.
      // The postmortem's countdown is the writer's time: wall time, whatever the incident
      // clock's pause or speed, so pausing cannot freeze it (the sim time carries it into
      // the events, and a replay reads it from there, never from a wall clock).
      const writing = engine.incident.hasTag('postmortem');
      const running = s.started && (writing || !s.paused) && !this.finished && !engine.incident.hasTag('time-up');
      // A laptop that slept must not fast-forward the incident: at most one second of wall time per frame.
      const next = running ? this.simMs + Math.min(Math.max(0, wallDeltaMs), 1000) * (writing ? 1 : s.speed) : this.simMs;
      const target = Math.max(Math.floor(next / 1000) * 1000, this.publishedMs);
      const now = this.wallNow();
      const mustPublish =
        s.started && (target > this.publishedMs || s.paused !== this.publishedPaused || now - this.publishedWall >= HEARTBEAT_MS);
      const recorder = this.session.recorder;
      const fresh = mustPublish
        ? this.session.store.publishLiveClock(this.session.id, recorder.appliedSeq, { simMs: target, wallMs: now, speed: s.speed, paused: s.paused, pid: process.pid })
        : recorder.catchUp();
      if (fresh.length > 0) {
        // Someone else wrote first: apply it, then decide again (it may have paused the clock).
        recorder.absorb(fresh);
        continue;
      }
      if (mustPublish) {
        this.publishedMs = target;
        this.publishedWall = now;
        this.publishedPaused = s.paused;
      }
      if (running) {
        this.simMs = next;
        engine.advanceTo(this.simMs);
      }
      break;
    }
  }

  start(): void {
    if (this.started || this.pending.some((b) => b.type === 'start')) return;
    // the postmortem override travels in the start event so replays honour it
    // interactive play always asks for the IC's go before a delegated change
    // so does the coach: its lines are derived from the world, and the start event is what says it speaks
    this.enqueue({
      type: 'start',
      delegation: 'confirm',
      consistent: true,
      asks: 'queued',
      verbs: 'engine',
      ...(this.opts.postmortemMin ? { postmortemMin: this.opts.postmortemMin } : {}),
      ...(this.opts.coach && coachWanted({ mode: this.opts.interview ? 'interview' : 'solo', difficulty: this.session.engine.difficulty }) ? { coach: true } : {}),
    });
    const speed = this.opts.startSpeed;
    if (speed) this.enqueue({ type: 'speed', speed });
  }

  submit(text: string): void {
    if (!this.started || this.finished || text.trim() === '') return;
    // Refused before anything is written: a megabyte paste is not a command.
    this.notice = commandTooLong(text);
    if (this.notice) return;
    this.enqueue({ type: 'command', text });
    this.settle();
  }

  togglePause(): void {
    if (!this.started || this.finished || this.waiting || this.clockRefused()) return;
    this.enqueue({ type: this.session.engine.state.paused ? 'resume' : 'pause' });
  }

  faster(): void {
    this.changeSpeed(1);
  }

  slower(): void {
    this.changeSpeed(-1);
  }

  complete(line: string): string[] {
    return completeLine(this.session.scenario, line, this.session.engine.state.postmortem.actions);
  }

  quit(): void {
    if (!this.finished) this.pending.push({ type: 'quit' });
    // Leaving: wait for a locked database a while (the screen is going anyway), so nothing typed is lost.
    const until = this.wallNow() + QUIT_WAIT_MS;
    while (!this.flush() && this.wallNow() < until) sleepSync(100);
    this.settle();
  }

  private enqueue(body: EventBody): void {
    this.pending.push(body);
    this.flush();
  }

  /** Records what is pending, in order; false while the database is locked (it stays pending). */
  private flush(): boolean {
    while (this.pending.length > 0) {
      try {
        this.record(this.pending[0]!);
      } catch (e) {
        if (!isStoreError(e, 'locked')) throw e;
        this.waitingSince ??= this.wallNow();
        return false;
      }
      this.pending.shift();
    }
    this.waitingSince = null;
    return true;
  }

  /** Write-ahead through the session's recorder, on top of everything already in the log. */
  private record(body: EventBody): StoredEvent {
    return this.session.recorder.record(body, { onTop: () => this.simMs }, { wallMs: this.wallNow() });
  }

  /**
   * In an interview the examiner owns the clock: the candidate's pause and
   * speed keys do nothing until the examiner grants them, and the screen
   * says why (a note under the prompt, not an event: nothing happened).
   */
  private clockRefused(): boolean {
    const s = this.session.engine.state;
    if (!this.opts.interview || s.clockGranted) return false;
    this.notice =
      s.paused && s.pausedBy === 'examiner'
        ? 'Paused by the examiner: the examiner resumes the clock.'
        : 'In an interview the examiner runs the clock: pausing and speed are theirs.';
    return true;
  }

  private changeSpeed(dir: 1 | -1): void {
    if (!this.started || this.finished || this.waiting || this.clockRefused()) return;
    const cur = SPEEDS.indexOf(this.session.engine.state.speed as (typeof SPEEDS)[number]);
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (cur === -1 ? 0 : cur) + dir))]!;
    if (next !== this.session.engine.state.speed) this.enqueue({ type: 'speed', speed: next });
  }

  /** Once the session is over, score it and write the report exactly once. */
  private settle(): void {
    if (this.finished && this.summary === null) {
      let summary: string;
      try {
        summary = this.opts.onFinish(this.session);
      } catch (e) {
        // The result could not be written yet: try again on the next frame.
        if (!isStoreError(e, 'locked')) throw e;
        this.waitingSince ??= this.wallNow();
        return;
      }
      this.summary = this.opts.interview ? INTERVIEW_DONE : summary;
    }
  }
}

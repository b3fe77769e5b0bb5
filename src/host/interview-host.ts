import { randomInt } from 'node:crypto';
import type { LoadedScenario } from '../scenario/validate.js';
import { ExaminerConsole } from '../session/examiner.js';
import { LiveController } from '../session/live-controller.js';
import { finishSession } from '../session/reports.js';
import { Session } from '../session/session.js';
import type { Store } from '../store/index.js';
import type { PlayController } from '../view/controller.js';
import { displayCode, JoinCodes, type ClaimRefusal } from './join-codes.js';

export interface InterviewHostOptions {
  store: Store;
  loaded: LoadedScenario;
  difficulty: 'easy' | 'normal' | 'hard';
  /** Every candidate plays this seed (a fair training day); else each gets their own. */
  seed?: number;
  variant?: string;
  /** The clock starts at this speed (recorded as a speed event); the candidate cannot change it. */
  startSpeed?: number;
  wallNow: () => number;
  codeTtlMs?: number;
}

/** One candidate: their session, the controller their screen drives, and what the examiner's console shows of them. */
export class HostedCandidate {
  /** What the candidate has typed at the prompt and not yet entered: the examiner's live mirror. */
  draft = '';
  connected = false;
  /** Closes the candidate's connection, set while one is open. */
  disconnect: (() => void) | null = null;
  private console: ExaminerConsole | null = null;

  constructor(
    readonly code: string,
    readonly trainee: string,
    readonly session: Session,
    readonly controller: PlayController,
    private readonly wallNow: () => number,
  ) {}

  get id(): string {
    return this.session.id;
  }

  get finished(): boolean {
    return this.controller.finished;
  }

  get simSec(): number {
    return this.session.engine.sec;
  }

  /** The examiner's console on this candidate's session, made when first looked at. */
  examiner(): ExaminerConsole {
    this.console ??= ExaminerConsole.attach(this.session.store, this.session.id, this.wallNow, {
      link: () => this.link(),
    });
    return this.console;
  }

  private link(): { live: boolean; text: string } {
    if (this.finished) return { live: false, text: 'session over' };
    if (this.connected) return { live: true, text: `${this.trainee} connected` };
    return { live: false, text: `${this.trainee} disconnected (rejoins with code ${displayCode(this.code)})` };
  }
}

/**
 * The interviews one `firedrill host` runs: one scenario, the examiner's
 * database, and a candidate per join code. The engine, the store and the
 * hidden truth stay in this process; a candidate's connection gets only
 * the play screen (host-server.ts).
 */
export class InterviewHost {
  readonly codes: JoinCodes;
  readonly candidates: HostedCandidate[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: InterviewHostOptions) {
    this.codes = new JoinCodes(opts.wallNow, opts.codeTtlMs);
  }

  get scenario(): LoadedScenario['scenario'] {
    return this.opts.loaded.scenario;
  }

  get store(): Store {
    return this.opts.store;
  }

  openCodes(): string[] {
    return this.codes.open();
  }

  issueCode(): string {
    const code = this.codes.issue();
    this.changed();
    return code;
  }

  /**
   * A typed code: the candidate it belongs to (null when new), or why not.
   * A successful check holds the code until `leave`.
   */
  admit(typed: string): { ok: true; code: string; candidate: HostedCandidate | null } | { ok: false; why: ClaimRefusal } {
    const claim = this.codes.claim(typed);
    if (!claim.ok) return claim;
    const candidate = claim.holder === null ? null : (this.candidates.find((c) => c.id === claim.holder) ?? null);
    return { ok: true, code: claim.code, candidate };
  }

  /** The admitted candidate, with a session made for them on their first join. */
  join(code: string, existing: HostedCandidate | null, name: string): HostedCandidate {
    const candidate = existing ?? this.startCandidate(code, name);
    candidate.connected = true;
    this.changed();
    return candidate;
  }

  leave(code: string, candidate: HostedCandidate | null): void {
    if (candidate) candidate.connected = false;
    if (candidate?.finished) this.codes.spend(code);
    else this.codes.release(code);
    this.changed();
  }

  /** The host is stopping: every candidate's screen ends (their sessions stay recorded, open to resume). */
  disconnectAll(): void {
    for (const c of this.candidates) c.disconnect?.();
  }

  /** Calls back whenever a candidate joins, leaves or a code is issued; returns the unsubscribe. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private startCandidate(code: string, name: string): HostedCandidate {
    const { store, loaded, difficulty, wallNow } = this.opts;
    const seed = this.opts.seed ?? randomInt(2 ** 31);
    const trainee = name || `candidate ${this.candidates.length + 1}`;
    const session = Session.start(
      store,
      loaded,
      { seed, difficulty, mode: 'interview', trainee, ...(this.opts.variant ? { variant: this.opts.variant } : {}) },
      wallNow,
    );
    const live = new LiveController(session, {
      interview: true,
      wallNow,
      ...(this.opts.startSpeed ? { startSpeed: this.opts.startSpeed } : {}),
      onFinish: (s) => {
        this.codes.spend(code);
        this.changed();
        return finishSession(s).summary;
      },
    });
    const candidate = new HostedCandidate(code, trainee, session, live, wallNow);
    this.codes.bind(code, candidate.id);
    this.candidates.push(candidate);
    return candidate;
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }
}

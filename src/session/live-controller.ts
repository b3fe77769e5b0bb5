import type { LogLine } from '../sim/logs.js';
import type { PlayController } from '../view/controller.js';
import { SPEEDS } from '../view/controller.js';
import type { ViewModel, ViewSize } from '../view/model.js';
import { selectView } from '../view/select.js';
import { completeLine } from './completion.js';
import type { Session } from './session.js';

/**
 * Live play: the wall clock (fed by the UI's frame clock) moves sim time at
 * the chosen speed; every input is recorded before it takes effect.
 */
export class LiveController implements PlayController {
  private simMs = 0;
  private readonly logCache = new Map<number, LogLine[]>();
  private summary: string | null = null;

  constructor(
    private readonly session: Session,
    private readonly opts: { interview: boolean; onFinish: (session: Session) => string; postmortemMin?: number },
  ) {
    this.simMs = session.engine.sec * 1000;
  }

  get started(): boolean {
    return this.session.engine.state.started;
  }

  get finished(): boolean {
    const life = this.session.engine.state.lifecycle;
    return life === 'scored' || life === 'abandoned';
  }

  view(size: ViewSize): ViewModel {
    return selectView(this.session.engine, size, { mode: 'play', interview: this.opts.interview, summary: this.summary, logCache: this.logCache });
  }

  advance(wallDeltaMs: number): void {
    const s = this.session.engine.state;
    if (!s.started || s.paused || this.finished) return;
    // A laptop that slept must not fast-forward the incident: at most one second of wall time per frame.
    this.simMs += Math.min(Math.max(0, wallDeltaMs), 1000) * s.speed;
    this.session.engine.advanceTo(this.simMs);
    this.settle();
  }

  start(): void {
    if (this.started) return;
    // the postmortem override travels in the start event so replays honour it
    this.session.record({ type: 'start', ...(this.opts.postmortemMin ? { postmortemMin: this.opts.postmortemMin } : {}) }, 0);
  }

  submit(text: string): void {
    if (!this.started || this.finished || text.trim() === '') return;
    this.session.record({ type: 'command', text }, Math.floor(this.simMs));
    this.settle();
  }

  togglePause(): void {
    if (!this.started || this.finished) return;
    this.session.record({ type: this.session.engine.state.paused ? 'resume' : 'pause' }, Math.floor(this.simMs));
  }

  faster(): void {
    this.changeSpeed(1);
  }

  slower(): void {
    this.changeSpeed(-1);
  }

  complete(line: string): string[] {
    return completeLine(this.session.scenario, line);
  }

  quit(): void {
    if (!this.finished) this.session.record({ type: 'quit' }, Math.floor(this.simMs));
    this.settle();
  }

  private changeSpeed(dir: 1 | -1): void {
    if (!this.started || this.finished) return;
    const cur = SPEEDS.indexOf(this.session.engine.state.speed as (typeof SPEEDS)[number]);
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (cur === -1 ? 0 : cur) + dir))]!;
    if (next !== this.session.engine.state.speed) this.session.record({ type: 'speed', speed: next }, Math.floor(this.simMs));
  }

  /** Once the session is over, score it and write the report exactly once. */
  private settle(): void {
    if (this.finished && this.summary === null) this.summary = this.opts.onFinish(this.session);
  }
}

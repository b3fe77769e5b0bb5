import { readFileSync } from 'node:fs';
import { LiveController } from '../../src/session/live-controller.js';
import { parseScript, type ScriptLine } from '../../src/session/script.js';
import type { Session } from '../../src/session/session.js';

export function lines(path: string): ScriptLine[] {
  const s = parseScript(readFileSync(path, 'utf8'), path);
  if (!s.ok) throw new Error(s.errors.join('\n'));
  return s.lines;
}

/**
 * Drives a LiveController as the UI's frame clock would, with a fake wall
 * clock: 100 ms frames until the sim reaches each line's time, then submits.
 */
export class LiveDriver {
  wall = 1_700_000_000_000;
  readonly live: LiveController;

  constructor(
    readonly session: Session,
    opts: { interview?: boolean; onFinish?: (s: Session) => string } = {},
  ) {
    this.live = new LiveController(session, { interview: opts.interview ?? false, onFinish: opts.onFinish ?? (() => 'done'), wallNow: () => this.wall });
  }

  frame(ms = 100): void {
    this.wall += ms;
    this.live.advance(ms);
  }

  /** Frames until the clock reaches simMs (at speed 1, 1 s per 10 frames). */
  runTo(simMs: number, maxFrames = 1_000_000): void {
    for (let i = 0; i < maxFrames && this.live.clockMs < simMs && !this.live.finished; i++) {
      const s = this.session.engine.state;
      if (s.paused) return;
      const need = (simMs - this.live.clockMs) / s.speed;
      this.frame(Math.max(1, Math.min(100, Math.ceil(need))));
    }
  }
}

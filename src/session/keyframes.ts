import type { Engine } from '../sim/engine.js';
import type { SimEvent } from '../sim/events.js';

/**
 * Seeking a replay: a copy of the world every few sim-minutes, built once in
 * one pass over the recording. The world at time t is then the nearest
 * keyframe at or before t plus the events after it (DESIGN.md: time lives in
 * the world's context, so a snapshot is the whole state and nothing is lost
 * by restoring one).
 *
 * A keyframe at `ms` holds every event that took effect by `ms` (`next` is
 * the index of the first one it does not hold), advanced to `ms`. Since the
 * engine advances one sim-second at a time, "keyframe, then the events after
 * it" is exactly "every event from the start".
 */
export interface Keyframe {
  ms: number;
  /** Index of the first event not yet applied. */
  next: number;
  engine: Engine;
}

export const KEYFRAME_INTERVAL_MS = 60_000;

export class Keyframes {
  private constructor(
    readonly frames: readonly Keyframe[],
    /** The world after every event. */
    readonly final: Engine,
  ) {}

  /**
   * `effMs[i]` is when event i takes effect: never before the event before it
   * (an event stamped in the past applies at the world's current time).
   */
  static build(fresh: Engine, events: readonly SimEvent[], effMs: readonly number[], endMs: number, intervalMs = KEYFRAME_INTERVAL_MS): Keyframes {
    const engine = fresh;
    const frames: Keyframe[] = [{ ms: 0, next: 0, engine: engine.clone() }];
    let i = 0;
    for (let at = intervalMs; at <= endMs; at += intervalMs) {
      while (i < events.length && effMs[i]! <= at) engine.apply(events[i++]!);
      engine.advanceTo(at);
      frames.push({ ms: at, next: i, engine: engine.clone() });
    }
    while (i < events.length) engine.apply(events[i++]!);
    return new Keyframes(frames, engine);
  }

  /** The latest keyframe at or before `ms` that holds no event from index `maxNext` on. */
  nearest(ms: number, maxNext = Number.POSITIVE_INFINITY): Keyframe {
    let lo = 0;
    let hi = this.frames.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.frames[mid]!.ms <= ms) lo = mid;
      else hi = mid - 1;
    }
    while (lo > 0 && this.frames[lo]!.next > maxNext) lo--;
    return this.frames[lo]!;
  }
}

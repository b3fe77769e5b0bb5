import { evalCondition, type Condition } from '../scenario/condition.js';

/**
 * When each world flag was up. World state changes only at events and phase
 * boundaries, so the history is a short list of segments (from a second on,
 * these flags are up); any second's flags are a binary search away, which
 * lets metrics and logs be generated for any window directly.
 */
export interface FlagChange {
  sec: number;
  flag: string;
  on: boolean;
}

interface Segment {
  from: number;
  flags: ReadonlySet<string>;
}

export class FlagHistory {
  private changes: FlagChange[] = [];
  private segments: Segment[] = [{ from: 0, flags: new Set() }];
  private current = new Map<string, number>();
  /** The second each flag first went up, whatever happened after. */
  private first = new Map<string, number>();
  /**
   * conditionSince's answer depends only on the segment `sec` falls in, and
   * metrics ask it for every effect of every series every second, walking
   * back over the segments each time; remember it per (condition, segment).
   */
  private endedMemo = new WeakMap<Condition, (number | null)[]>();
  private sinceMemo = new WeakMap<Condition, (number | null)[]>();

  constructor(initial: Iterable<string> = []) {
    for (const f of initial) this.raise(f, 0);
  }

  static from(changes: readonly FlagChange[]): FlagHistory {
    const h = new FlagHistory();
    for (const c of changes) (c.on ? h.raise(c.flag, c.sec) : h.lower(c.flag, c.sec));
    return h;
  }

  /**
   * A history over `log` (the world's record of flag changes, WorldState.flagLog):
   * it holds the changes already in it and appends the ones to come, so the
   * world carries what happened when and the scorer can read it.
   */
  static over(log: FlagChange[]): FlagHistory {
    const h = FlagHistory.from(log);
    h.changes = log;
    return h;
  }

  raise(flag: string, sec: number): boolean {
    if (this.current.has(flag)) return false;
    this.current.set(flag, sec);
    if (!this.first.has(flag)) this.first.set(flag, sec);
    this.record({ sec, flag, on: true });
    return true;
  }

  lower(flag: string, sec: number): boolean {
    if (!this.current.has(flag)) return false;
    this.current.delete(flag);
    this.record({ sec, flag, on: false });
    return true;
  }

  /** Changes arrive in time order: the engine only raises and lowers at the current second. */
  private record(change: FlagChange): void {
    this.changes.push(change);
    const flags = new Set(this.current.keys());
    const last = this.segments[this.segments.length - 1]!;
    if (last.from === change.sec) {
      this.segments[this.segments.length - 1] = { from: change.sec, flags };
      // a segment changed; answers about it are stale
      this.sinceMemo = new WeakMap();
      this.endedMemo = new WeakMap();
    } else this.segments.push({ from: change.sec, flags });
  }

  has(flag: string): boolean {
    return this.current.has(flag);
  }

  since(flag: string): number | undefined {
    return this.current.get(flag);
  }

  /** The second a flag first went up, even if it has gone down since; undefined if it never has. */
  firstUp(flag: string): number | undefined {
    return this.first.get(flag);
  }

  active(): string[] {
    return [...this.current.keys()].sort();
  }

  log(): readonly FlagChange[] {
    return this.changes;
  }

  private segmentIndex(sec: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.from <= sec) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The flags up during second `sec` (changes at `sec` count). */
  flagsAt(sec: number): ReadonlySet<string> {
    return this.segments[this.segmentIndex(sec)]!.flags;
  }

  /**
   * The second a condition last became true at or before `sec`, or null if it
   * does not hold at `sec`. A condition true from the start reports 0.
   */
  conditionSince(cond: Condition, sec: number): number | null {
    const seg = this.segmentIndex(sec);
    let memo = this.sinceMemo.get(cond);
    if (!memo) {
      memo = [];
      this.sinceMemo.set(cond, memo);
    }
    let since = memo[seg];
    if (since === undefined) {
      since = this.sinceAtSegment(cond, seg);
      memo[seg] = since;
    }
    return since;
  }

  private sinceAtSegment(cond: Condition, seg: number): number | null {
    let i = seg;
    const holds = (k: number) => {
      const f = this.segments[k]!.flags;
      return evalCondition(cond, (x) => f.has(x));
    };
    if (!holds(i)) return null;
    while (i > 0 && holds(i - 1)) i--;
    return this.segments[i]!.from;
  }

  /**
   * The second a condition first held, at or before `sec`; null if it never
   * held by then. The past does not change, so a one-shot log line written
   * from it stays where it was.
   */
  conditionFirst(cond: Condition, sec: number): number | null {
    const last = this.segmentIndex(sec);
    for (let i = 0; i <= last; i++) {
      const f = this.segments[i]!.flags;
      if (evalCondition(cond, (x) => f.has(x))) return this.segments[i]!.from;
    }
    return null;
  }

  /**
   * The second a condition last stopped holding, at or before `sec`; null
   * while it holds or if it never held. Lets effects fade out (releaseSec).
   */
  conditionEnded(cond: Condition, sec: number): number | null {
    const seg = this.segmentIndex(sec);
    let memo = this.endedMemo.get(cond);
    if (!memo) {
      memo = [];
      this.endedMemo.set(cond, memo);
    }
    let ended = memo[seg];
    if (ended === undefined) {
      ended = this.endedAtSegment(cond, seg);
      memo[seg] = ended;
    }
    return ended;
  }

  private endedAtSegment(cond: Condition, seg: number): number | null {
    const holds = (k: number) => {
      const f = this.segments[k]!.flags;
      return evalCondition(cond, (x) => f.has(x));
    };
    if (holds(seg)) return null;
    let i = seg;
    while (i > 0 && !holds(i - 1)) i--;
    return i === 0 ? null : this.segments[i]!.from;
  }
}

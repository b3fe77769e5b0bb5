import { evalCondition, type Condition } from '../scenario/condition.js';

/**
 * When each world flag was up. World state changes only at events and phase
 * boundaries, so a handful of change points tell the flags at any second,
 * which lets metrics and logs be generated for any window directly.
 */
export interface FlagChange {
  sec: number;
  flag: string;
  on: boolean;
}

export class FlagHistory {
  private changes: FlagChange[] = [];
  private current = new Map<string, number>();

  constructor(initial: Iterable<string> = []) {
    for (const f of initial) this.current.set(f, 0);
    for (const f of initial) this.changes.push({ sec: 0, flag: f, on: true });
  }

  static from(changes: readonly FlagChange[]): FlagHistory {
    const h = new FlagHistory();
    for (const c of changes) (c.on ? h.raise(c.flag, c.sec) : h.lower(c.flag, c.sec));
    return h;
  }

  raise(flag: string, sec: number): boolean {
    if (this.current.has(flag)) return false;
    this.current.set(flag, sec);
    this.changes.push({ sec, flag, on: true });
    return true;
  }

  lower(flag: string, sec: number): boolean {
    if (!this.current.has(flag)) return false;
    this.current.delete(flag);
    this.changes.push({ sec, flag, on: false });
    return true;
  }

  has(flag: string): boolean {
    return this.current.has(flag);
  }

  since(flag: string): number | undefined {
    return this.current.get(flag);
  }

  active(): string[] {
    return [...this.current.keys()].sort();
  }

  log(): readonly FlagChange[] {
    return this.changes;
  }

  /** The flags up during second `sec` (changes at `sec` count). */
  flagsAt(sec: number): Set<string> {
    const on = new Set<string>();
    for (const c of this.changes) {
      if (c.sec > sec) break;
      if (c.on) on.add(c.flag);
      else on.delete(c.flag);
    }
    return on;
  }

  /**
   * The second a condition last became true at or before `sec`, or null if it
   * does not hold at `sec`. A condition true from the start reports 0.
   */
  conditionSince(cond: Condition, sec: number): number | null {
    const flags = this.flagsAt(sec);
    if (!evalCondition(cond, (f) => flags.has(f))) return null;
    const points = [...new Set(this.changes.filter((c) => c.sec <= sec && c.sec > 0).map((c) => c.sec))].sort((a, b) => b - a);
    for (const p of points) {
      const before = this.flagsAt(p - 1);
      if (!evalCondition(cond, (f) => before.has(f))) return p;
    }
    return 0;
  }
}

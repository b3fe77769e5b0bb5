/** Failed attempts allowed from one address within the window. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 60_000;

/**
 * Failed join attempts per client address, over a sliding window. Once an
 * address has failed MAX_FAILURES times in the window, it is refused
 * without its code being looked at, until the oldest failure ages out: a
 * guesser gets five tries a minute against 31^8 codes.
 */
export class AuthLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly wallNow: () => number,
    private readonly max = MAX_FAILURES,
    private readonly windowMs = FAILURE_WINDOW_MS,
  ) {}

  blocked(address: string): boolean {
    return this.recent(address).length >= this.max;
  }

  fail(address: string): void {
    const list = this.recent(address);
    list.push(this.wallNow());
    this.failures.set(address, list);
  }

  private recent(address: string): number[] {
    const since = this.wallNow() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);
    return list;
  }
}

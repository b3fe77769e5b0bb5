import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roundRobinTicker } from '../../src/ui/hooks/round-robin-ticker.js';

describe('roundRobinTicker: many screens drawn by one process', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('ticks each screen once per interval, one screen at a time, spread evenly', () => {
    const ticker = roundRobinTicker(240);
    const ticks: { screen: number; at: number; delta: number }[] = [];
    const stops = [0, 1, 2].map((screen) => ticker((delta) => ticks.push({ screen, at: performance.now(), delta })));
    vi.advanceTimersByTime(240 * 10);
    for (const screen of [0, 1, 2]) expect(ticks.filter((t) => t.screen === screen)).toHaveLength(10);
    // Never two screens at the same instant: consecutive ticks 80 ms apart.
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.at - ticks[i - 1]!.at).toBe(80);
    // After its first tick, each screen is handed the 240 ms since its last.
    for (const t of ticks.slice(3)) expect(t.delta).toBe(240);
    stops.forEach((stop) => stop());
  });

  it('a screen that leaves gets no more ticks, and the others keep their interval', () => {
    const ticker = roundRobinTicker(200);
    const count = [0, 0];
    const stopA = ticker(() => count[0]!++);
    const stopB = ticker(() => count[1]!++);
    vi.advanceTimersByTime(1000);
    expect(count).toEqual([5, 5]);
    stopA();
    vi.advanceTimersByTime(1000);
    expect(count[0]).toBe(5);
    expect(count[1]).toBe(10);
    stopA(); // twice is harmless
    stopB();
    vi.advanceTimersByTime(1000);
    expect(count).toEqual([5, 10]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

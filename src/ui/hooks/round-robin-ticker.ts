import type { Ticker } from './use-frame-clock.js';

/**
 * The frame clock of many screens drawn by one process (a host serving a
 * room of candidates). Each screen on its own timer would tick in step with
 * the others when they joined together, and a key typed at that instant
 * would wait behind every screen's frame. Here one timer hands out ticks
 * one screen at a time, spread evenly over the interval: each screen still
 * gets a tick every `intervalMs` (with the wall time that passed since its
 * last one), and the input of any screen is read between two frames.
 */
export function roundRobinTicker(intervalMs: number): Ticker {
  const screens: { tick: (wallDeltaMs: number) => void; last: number }[] = [];
  let next = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  const step = () => {
    if (screens.length === 0) return;
    if (next >= screens.length) next = 0;
    const screen = screens[next++]!;
    const now = performance.now();
    const delta = now - screen.last;
    screen.last = now;
    screen.tick(delta);
  };
  const reschedule = () => {
    if (timer !== null) clearInterval(timer);
    timer = screens.length > 0 ? setInterval(step, intervalMs / screens.length) : null;
  };

  return (tick) => {
    const screen = { tick, last: performance.now() };
    screens.push(screen);
    reschedule();
    return () => {
      const i = screens.indexOf(screen);
      if (i < 0) return;
      screens.splice(i, 1);
      if (i < next) next--;
      reschedule();
    };
  };
}

import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import type { Ticker } from '../../src/ui/hooks/use-frame-clock.js';
import type { TerminalSize } from '../../src/ui/hooks/use-terminal-size.js';
import type { PlayController } from '../../src/view/controller.js';
import { FakeController } from './fake-controller.js';

/**
 * ink-testing-library updates the frame only after React's scheduler runs,
 * which in Node uses setImmediate: yield to it, then one more macrotask.
 */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setTimeout(resolve, 0)));
}

/** Flushes until `check` holds; the deadline only bounds a failure (a loaded machine may take seconds). */
export async function waitFor(check: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await flush();
  }
}

export const KEYS = {
  enter: '\r',
  tab: '\t',
  up: '\u001B[A',
  down: '\u001B[B',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlS: '\u0013',
  ctrlF: '\u0006',
  ctrlU: '\u0015',
  right: '\u001B[C',
  left: '\u001B[D',
  shiftTab: '\u001B[Z',
} as const;

/** A frame clock moved by hand: `tick(ms)` is one frame, that many wall milliseconds after the last. */
export function handTicker() {
  let current: ((wallDeltaMs: number) => void) | null = null;
  const ticker: Ticker = (tick) => {
    current = tick;
    return () => {
      if (current === tick) current = null;
    };
  };
  return {
    ticker,
    /** The app has the clock running (between the start and the finish). */
    get running() {
      return current !== null;
    },
    async tick(wallDeltaMs = 100) {
      if (!current) throw new Error('the frame clock is not running');
      current(wallDeltaMs);
      await flush();
    },
  };
}

export function renderApp<C extends PlayController = FakeController>(
  opts: { controller?: C; size?: TerminalSize; color?: boolean; ticker?: Ticker } = {},
) {
  const controller = (opts.controller ?? new FakeController()) as C;
  const size = opts.size ?? { columns: 100, rows: 30 };
  const app = render(<App controller={controller} size={size} color={opts.color ?? false} ticker={opts.ticker} />);
  const frame = () => app.lastFrame() ?? '';
  /** Writes each key separately, flushing after each (as a person types). */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await flush();
    }
  };
  const type = async (text: string) => press(...text);
  return { ...app, controller, frame, press, type };
}

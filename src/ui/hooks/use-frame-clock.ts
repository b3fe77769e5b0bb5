import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from 'ink';
import type { PlayController } from '../../view/controller.js';
import type { ViewModel, ViewSize } from '../../view/model.js';

export const FRAME_INTERVAL_MS = 100;

/**
 * What moves the frame clock: calls `tick` with the wall milliseconds since
 * the last tick until the returned function stops it. The terminal's is a
 * timer; a test drives one by hand.
 */
export type Ticker = (tick: (wallDeltaMs: number) => void) => () => void;

/** Every `intervalMs`, the time that passed, measured with performance.now(). */
export function intervalTicker(intervalMs = FRAME_INTERVAL_MS): Ticker {
  return (tick) => {
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      tick(now - last);
      last = now;
    }, intervalMs);
    return () => clearInterval(id);
  };
}

const EVERY_FRAME = intervalTicker();

export interface FrameClock {
  /** The view for the current frame. */
  vm: ViewModel;
  /** A new view now, after a command or key changed the session. */
  bump: () => void;
}

interface Cached {
  vm: ViewModel;
  key: string;
  /** Each part's JSON, to keep unchanged parts as the same objects. */
  parts: Map<string, string>;
  size: ViewSize;
}

/**
 * The new view, with every top-level part that did not change replaced by
 * the previous frame's object, so memoized panels (React.memo compares
 * props by identity) skip the ones that stayed the same.
 */
export function shareUnchanged(next: ViewModel, prev: Cached | null): { vm: ViewModel; key: string; parts: Map<string, string> } {
  const parts = new Map<string, string>();
  const out: Record<string, unknown> = {};
  let key = '';
  for (const [k, v] of Object.entries(next)) {
    const json = JSON.stringify(v) ?? 'undefined';
    parts.set(k, json);
    key += `${k}:${json};`;
    out[k] = prev && prev.parts.get(k) === json ? (prev.vm as unknown as Record<string, unknown>)[k] : v;
  }
  return { vm: out as unknown as ViewModel, key, parts };
}

/**
 * The one timer of the UI. Every ~100 ms (each tick of `ticker`) it hands
 * the controller the wall time that passed and asks it for the view, once. Only a view that differs from the last one re-renders, so a
 * paused clock or a quiet second costs no Ink frame; at most 10 fps reach Ink,
 * whose maxFps caps output again. The timer runs only between start and
 * finish. A controller error ends the app through Ink's exit(error), so the
 * terminal is restored on the way out.
 */
export function useFrameClock(
  controller: PlayController,
  size: ViewSize,
  running: boolean,
  ticker: Ticker = EVERY_FRAME,
): FrameClock {
  const [, setFrame] = useState(0);
  const { exit } = useApp();
  const cache = useRef<Cached | null>(null);
  const sizeRef = useRef(size);
  sizeRef.current = size;

  /** Asks for the view; true when it differs from the one on screen. */
  const refresh = useCallback(
    (force: boolean): boolean => {
      const at = sizeRef.current;
      const prev = cache.current;
      const { vm, key, parts } = shareUnchanged(controller.view(at), prev);
      if (!force && prev !== null && prev.size === at && prev.key === key) return false;
      cache.current = { vm, key, parts, size: at };
      return true;
    },
    [controller],
  );

  // First render, or the room on screen changed: the view must match it now.
  if (cache.current === null || cache.current.size !== size) refresh(true);

  const bump = useCallback(() => {
    refresh(true);
    setFrame((f) => f + 1);
  }, [refresh]);

  // A controller that changes on its own says so: a new view then.
  useEffect(
    () =>
      controller.subscribe?.(() => {
        try {
          bump();
        } catch (error) {
          exit(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    [controller, bump, exit],
  );

  useEffect(() => {
    if (!running) return;
    const stop = ticker((delta) => {
      try {
        controller.advance(delta);
        if (refresh(false)) setFrame((f) => f + 1);
      } catch (error) {
        stop();
        exit(error instanceof Error ? error : new Error(String(error)));
      }
    });
    return stop;
  }, [controller, running, ticker, exit, refresh]);

  return { vm: (cache.current as Cached).vm, bump };
}

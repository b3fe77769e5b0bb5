import { useCallback, useEffect, useState } from 'react';
import { useApp } from 'ink';
import type { PlayController } from '../../view/controller.js';

export const FRAME_INTERVAL_MS = 100;

export interface FrameClock {
  /** Changes once per frame; the view is recomputed when it does. */
  frame: number;
  /** Asks for a new frame now (after a command or key changed the session). */
  bump: () => void;
}

/**
 * The one timer of the UI: every ~100 ms it hands the controller the wall time
 * that passed and asks for one re-render (10 fps; Ink's maxFps caps output).
 * It runs only between start and finish, so a briefing or a summary costs
 * nothing. A controller error ends the app through Ink's exit(error), so the
 * terminal is restored on the way out.
 */
export function useFrameClock(
  controller: PlayController,
  running: boolean,
  intervalMs = FRAME_INTERVAL_MS,
): FrameClock {
  const [frame, setFrame] = useState(0);
  const { exit } = useApp();
  const bump = useCallback(() => setFrame((f) => f + 1), []);

  useEffect(() => {
    if (!running) return;
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      const delta = now - last;
      last = now;
      try {
        controller.advance(delta);
      } catch (error) {
        clearInterval(id);
        exit(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      setFrame((f) => f + 1);
    }, intervalMs);
    return () => clearInterval(id);
  }, [controller, running, intervalMs, exit]);

  return { frame, bump };
}

import type { ViewModel, ViewSize } from './model.js';

/**
 * What the screen drives. Live play, replay and the examiner console each
 * provide one; the Ink app knows nothing else about the session.
 */
export interface PlayController {
  /** The current view for the given room on screen. */
  view(size: ViewSize): ViewModel;
  /** Called by the UI's single frame clock with wall milliseconds since the last call. */
  advance(wallDeltaMs: number): void;
  /** Leaves the briefing and starts the sim clock. */
  start(): void;
  /** A command line as typed; recorded before it takes effect. */
  submit(text: string): void;
  togglePause(): void;
  faster(): void;
  slower(): void;
  /** Tab completion: the candidates for the line typed so far (full lines). */
  complete(line: string): string[];
  /** Ends the session (recorded as a quit); the report is written. */
  quit(): void;
  readonly started: boolean;
  readonly finished: boolean;
  /**
   * For a controller whose view can change without a call from the screen
   * (a session still being prepared): calls back when it did. Returns the
   * unsubscribe.
   */
  subscribe?(onChange: () => void): () => void;
}

export const SPEEDS = [1, 2, 5, 10] as const;

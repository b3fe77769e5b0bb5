import { Writable } from 'node:stream';
import { render } from 'ink';
import type { PlayController } from '../view/controller.js';
import { App } from './App.js';
import { ENTER_ALT_SCREEN, HIDE_CURSOR, LEAVE_ALT_SCREEN, SHOW_CURSOR } from './fullscreen.js';
import { roundRobinTicker } from './hooks/round-robin-ticker.js';
import { MAX_FPS } from './run.js';

/**
 * A hosted screen's frame clock: one host draws every candidate's screen,
 * so the clock and panels move 4 times a second instead of 10 (the
 * simulation itself still advances by the wall time that passed), and
 * the screens take turns, spread over those 250 ms. Keys are echoed at once
 * whatever this says.
 */
export const HOSTED_FRAME_MS = 250;
const HOSTED_FRAMES = roundRobinTicker(HOSTED_FRAME_MS);

export interface CandidateScreen {
  /** Settles when the candidate leaves the screen (q at the end) or it is unmounted. */
  done: Promise<void>;
  unmount(): void;
}

/**
 * The play screen rendered into streams that are not this process's
 * terminal (a hosted candidate's SSH channel): full-screen on the
 * alternate screen, restored when it ends. Nothing but the screen is
 * written to `stdout`; React's own error output goes nowhere near it.
 */
export function renderCandidateScreen(
  controller: PlayController,
  streams: { stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream },
  opts: { color: boolean; onDraft?: (text: string) => void; closingLines?: () => string[] },
): CandidateScreen {
  const { stdout, stdin } = streams;
  stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  const instance = render(<App controller={controller} color={opts.color} ticker={HOSTED_FRAMES} {...(opts.onDraft ? { onDraft: opts.onDraft } : {})} />, {
    stdout,
    stdin,
    stderr: nowhere() as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: MAX_FPS,
  });
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (!stdout.writable) return;
    stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    for (const line of opts.closingLines?.() ?? []) stdout.write(`${line}\n`);
  };
  const done = instance.waitUntilExit().then(restore, restore);
  return {
    done,
    unmount: () => {
      try {
        instance.unmount();
      } catch {
        // Already torn down.
      }
      restore();
    },
  };
}

function nowhere(): Writable {
  return new Writable({ write: (_c, _e, cb) => cb() });
}

import { closeSync, openSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { RenderOptions } from 'ink';
import type { PlayController } from '../view/controller.js';
import { App } from './App.js';
import { runFullscreen } from './fullscreen.js';

/**
 * Runs the play screen full-screen (ui/fullscreen.tsx restores the terminal
 * on every way out) until the player quits or the app fails. Ctrl-C is the
 * app's to handle: exitOnCtrlC is off so raw mode can deliver it.
 */
export async function runInteractive(controller: PlayController, opts: { color: boolean }): Promise<void> {
  const { stdin } = process;
  tuneHeapForFrames();
  const frameLog = openFrameLog(process.env['FIREDRILL_FRAME_LOG']);
  if (frameLog) stdin.on('readable', frameLog.onInput);
  try {
    await runFullscreen(<App controller={controller} color={opts.color} />, { maxFps: MAX_FPS, ...(frameLog ? { onRender: frameLog.onRender } : {}) });
  } finally {
    if (frameLog) stdin.off('readable', frameLog.onInput);
    frameLog?.close();
  }
}

/**
 * Ink's output cap. The frame clock publishes at most 10 views a second, so
 * this bounds only the echo of keys: high enough that a typed key reaches
 * the screen within a display interval (Ink throttles renders to 1000/maxFps).
 */
export const MAX_FPS = 120;

/**
 * FIREDRILL_FRAME_LOG=FILE appends one line per Ink render (and a "key"
 * line when input arrives, with the same two times): the wall time
 * (ms since the epoch, with fractions), ms since the process started, and
 * the render's own cost in ms (layout and output, not React), and the
 * resident and heap memory in MB. For
 * the console benchmarks; unset, no hook is installed at all.
 */
function openFrameLog(
  path: string | undefined,
): { onRender: NonNullable<RenderOptions['onRender']>; onInput: () => void; close: () => void } | null {
  if (!path) return null;
  let fd: number | null = openSync(path, 'a');
  return {
    // Input arriving (before Ink reads it): "key" and the two times, so keypress → frame can be measured inside.
    onInput: () => {
      if (fd === null) return;
      const now = performance.now();
      writeSync(fd, `key ${(performance.timeOrigin + now).toFixed(1)} ${now.toFixed(1)}\n`);
    },
    onRender: ({ renderTime }) => {
      if (fd === null) return;
      const now = performance.now();
      const { heapUsed, rss } = process.memoryUsage();
      writeSync(fd, `${(performance.timeOrigin + now).toFixed(1)} ${now.toFixed(1)} ${renderTime.toFixed(2)} ${(rss / 2 ** 20).toFixed(1)} ${(heapUsed / 2 ** 20).toFixed(1)}\n`);
    },
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/**
 * Ink 6 builds every frame cell by cell (about 12 MB of short-lived objects
 * per 120x40 frame, mostly in its ANSI diffing), and V8 by default lets the
 * old generation grow to about four times what is live before it collects,
 * so a long session's memory would creep up to twice its working set. A
 * smaller growing factor (read by V8 at each collection) keeps it flat for
 * a few more, cheap, collections of a small heap.
 */
export const HEAP_GROWING_PERCENT = 30;

function tuneHeapForFrames(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // A runtime without the flag: memory is just less flat.
  }
}

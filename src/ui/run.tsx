import { closeSync, openSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { render, type RenderOptions } from 'ink';
import type { PlayController } from '../view/controller.js';
import { App } from './App.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';

/**
 * Runs the play screen full-screen until the player quits or the app fails.
 * Ink 6 has no alternate-screen option, so it is entered here and left on
 * every way out: normal exit, Ctrl-C (handled by the app, exitOnCtrlC is off
 * so raw mode can deliver it), SIGTERM/SIGHUP, a render or controller error,
 * and as a last resort an uncaught exception. Never calls process.exit: the
 * caller decides the exit code.
 */
export async function runInteractive(controller: PlayController, opts: { color: boolean }): Promise<void> {
  const { stdout, stdin } = process;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed; the terminal is still worth restoring.
    }
    stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };

  let instance: ReturnType<typeof render> | undefined;
  // On a crash Ink would otherwise draw its last frame again at exit, on the
  // normal screen: unmount it while the alternate screen is still up.
  const onCrash = () => {
    try {
      instance?.unmount();
    } catch {
      // Already torn down.
    }
    restore();
  };

  tuneHeapForFrames();
  stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  // 'exit' and the exception monitor run even when something else ends the
  // process; the monitor fires before Node prints the error, so the trace
  // lands on the normal screen instead of the discarded alternate one.
  process.once('exit', restore);
  process.on('uncaughtExceptionMonitor', onCrash);

  const onSignal = () => instance?.unmount();
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const frameLog = openFrameLog(process.env['FIREDRILL_FRAME_LOG']);
  if (frameLog) stdin.on('readable', frameLog.onInput);
  try {
    instance = render(<App controller={controller} color={opts.color} />, {
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: MAX_FPS,
      ...(frameLog ? { onRender: frameLog.onRender } : {}),
    });
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('uncaughtExceptionMonitor', onCrash);
    process.off('exit', restore);
    try {
      instance?.unmount();
      instance?.cleanup();
    } finally {
      restore();
      if (frameLog) stdin.off('readable', frameLog.onInput);
      frameLog?.close();
    }
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

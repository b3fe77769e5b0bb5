import type { ReactElement } from 'react';
import { render, type RenderOptions } from 'ink';

export const ENTER_ALT_SCREEN = '\u001B[?1049h';
export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';

/**
 * Runs an Ink element full-screen (the alternate screen) until it exits, and
 * restores the terminal on every way out: normal exit, SIGTERM, SIGHUP,
 * SIGINT and SIGQUIT from outside, a closed terminal (EIO on write), a
 * render error, an uncaught exception. Each ends the screen the ordinary
 * way, so the session stays resumable. Live play, the replay and the
 * examiner console all run through it. Never calls process.exit.
 */

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'] as const;
/**
 * After a hang-up the terminal is gone, and a second SIGHUP often follows the
 * first (the kernel's, then the terminal emulator's own): it must not cut the
 * session's way out short (its lease, the summary), so from then on SIGHUP
 * is ignored until the program exits.
 */
const ignoreLaterHangUps = () => {};
/** Write errors that mean the terminal is gone (closed window, hung-up line). */
const TERMINAL_GONE = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF']);
export async function runFullscreen(element: ReactElement, options: Pick<RenderOptions, 'maxFps' | 'onRender'> = {}): Promise<void> {
  const { stdout, stdin } = process;
  let restored = false;
  let gone = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed; the terminal is still worth restoring.
    }
    if (!gone) stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };
  let instance: ReturnType<typeof render> | undefined;
  const onCrash = () => {
    try {
      instance?.unmount();
    } catch {
      // Already torn down.
    }
    restore();
  };
  stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  process.once('exit', restore);
  process.on('uncaughtExceptionMonitor', onCrash);
  let hungUp = false;
  const onSignal = (signal?: NodeJS.Signals) => {
    if (signal === 'SIGHUP') hungUp = true;
    instance?.unmount();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  const onWriteError = (e: NodeJS.ErrnoException) => {
    if (!TERMINAL_GONE.has(e.code ?? '')) return;
    gone = true;
    onSignal('SIGHUP');
  };
  stdout.on('error', onWriteError);
  try {
    instance = render(element, { exitOnCtrlC: false, patchConsole: false, maxFps: 15, ...options });
    await instance.waitUntilExit();
  } finally {
    if ((hungUp || gone) && !process.listeners('SIGHUP').includes(ignoreLaterHangUps)) process.on('SIGHUP', ignoreLaterHangUps);
    for (const s of SIGNALS) process.off(s, onSignal);
    stdout.off('error', onWriteError);
    process.off('uncaughtExceptionMonitor', onCrash);
    process.off('exit', restore);
    try {
      instance?.unmount();
      instance?.cleanup();
    } finally {
      restore();
    }
  }
}

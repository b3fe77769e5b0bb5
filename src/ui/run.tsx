import { render } from 'ink';
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

  stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  // 'exit' and the exception monitor run even when something else ends the
  // process; the monitor fires before Node prints the error, so the trace
  // lands on the normal screen instead of the discarded alternate one.
  process.once('exit', restore);
  process.on('uncaughtExceptionMonitor', onCrash);

  const onSignal = () => instance?.unmount();
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  try {
    instance = render(<App controller={controller} color={opts.color} />, {
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 15,
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
    }
  }
}

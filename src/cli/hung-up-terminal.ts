// A closed terminal window hangs up the program's terminal. On its way out,
// Node 20 resets each standard stream that was a terminal at start-up to the
// mode it found it in, and aborts (a native assertion, SIGABRT) when the
// terminal has gone away and refuses (EIO). Node 24 ignores that failure
// (nodejs/node#58200); here, a stream whose terminal hung up is pointed at
// /dev/null before the exit, and Node leaves a reopened stream alone.
import { closeSync, openSync } from 'node:fs';
import { isatty } from 'node:tty';

/** Call once at start-up: remembers which standard streams are terminals. */
export function releaseHungUpTerminalAtExit(): void {
  const terminals = [0, 1, 2].filter((fd) => isatty(fd));
  if (terminals.length === 0) return;
  process.once('exit', () => {
    for (const fd of terminals) {
      // isatty asks the terminal for its mode: a hung-up one answers EIO, so false.
      if (isatty(fd)) continue;
      try {
        closeSync(fd);
        // The lowest free descriptor: the one just closed.
        const reopened = openSync('/dev/null', fd === 0 ? 'r' : 'w');
        if (reopened !== fd) closeSync(reopened);
      } catch {
        // Nothing more to do for a terminal that is gone.
      }
    }
  });
}

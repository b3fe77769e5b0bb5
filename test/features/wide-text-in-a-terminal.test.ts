// Wide text (CJK, emoji, combining marks) typed into a live session, read
// back from a real terminal emulator (node-pty + @xterm/headless) cell by cell
// at 80x24 and 120x40: every panel stays a closed box (test/support/wide-text.ts;
// the system suite reads the same from tmux).
import { afterEach, describe, it } from 'vitest';
import { SIZES, type ProgramTerminal, startProgram } from '../support/terminal.js';
import { wideTextKeepsBorders } from '../support/wide-text.js';

const open: ProgramTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

describe('wide text keeps every panel border in its column, in a real terminal', () => {
  for (const size of [SIZES.small, SIZES.large]) {
    it(`${size.cols}x${size.rows}: CJK, emoji and combining marks in commands, chat and the command line`, async () => {
      await wideTextKeepsBorders((args, opts) => {
        const t = startProgram(args, opts);
        open.push(t);
        return t;
      }, size);
    }, 90_000);
  }
});

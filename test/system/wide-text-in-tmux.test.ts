// Issue 14: "CJK and emoji keep panel borders aligned in a tmux capture".
// The wide-text play of test/support/wide-text.ts at 80x24 and 120x40, read
// from tmux's capture of its pane; each character's cells are tmux's own
// (test/support/tmux.ts measures them in tmux), so a border pushed out of its
// column by a width tmux counts differently from the program shows here.
import { afterEach, describe, it } from 'vitest';
import { SIZES } from '../support/terminal.js';
import { startProgramInTmux, type TmuxTerminal } from '../support/tmux.js';
import { wideTextKeepsBorders } from '../support/wide-text.js';

const open: TmuxTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

describe('wide text keeps every panel border in its column, in a tmux capture', () => {
  for (const size of [SIZES.small, SIZES.large]) {
    it(`${size.cols}x${size.rows}: CJK, emoji and combining marks in commands, chat and the command line`, async () => {
      await wideTextKeepsBorders((args, opts) => {
        const t = startProgramInTmux(args, opts);
        open.push(t);
        return t;
      }, size);
    }, 90_000);
  }
});

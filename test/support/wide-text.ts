// Wide text (CJK, emoji, combining marks) typed into a live session, read
// back from a real terminal cell by cell: every panel stays a closed box —
// each top-left corner has its top-right corner on the same row and its
// bottom corners straight below, and every row in between has the panel's
// side border in exactly those two columns. Run by node-pty + xterm.js in
// `npm test` (test/features/wide-text-in-a-terminal.test.ts) and by tmux's
// capture of its pane in the system suite (test/system/wide-text-in-tmux.test.ts).
import { expect } from 'vitest';
import { tempDb } from '../cli/run-cli.js';
import type { Screen } from './screen-at-every-size.js';
import type { TerminalOptions } from './terminal.js';

/** A terminal whose screen can be read cell by cell (a wide character: its text, then ''). */
export interface CellScreen extends Screen {
  cells(): string[][];
}

const TOP_LEFT = '┌┏╭';
const TOP_RIGHT = '┐┓╮';
const BOTTOM_LEFT = '└┗╰';
const BOTTOM_RIGHT = '┘┛╯';
const SIDE = '│┃├┤┣┫';
/** Is the cell's text one of these glyphs? (The second cell of a wide character holds ''.) */
const is = (glyphs: string, cell: string | undefined) => cell !== undefined && cell !== '' && glyphs.includes(cell);

/** Every panel drawn on the screen, as its corners' cell columns and rows; each problem with its place. */
export function boxes(cells: string[][]): { found: { x0: number; x1: number; y0: number; y1: number }[]; problems: string[] } {
  const found: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const problems: string[] = [];
  cells.forEach((row, y0) => {
    row.forEach((ch, x0) => {
      if (!is(TOP_LEFT, ch)) return;
      const x1 = row.findIndex((c, x) => x > x0 && is(TOP_RIGHT, c));
      if (x1 < 0) return void problems.push(`row ${y0}: the corner at column ${x0} has no top-right corner on its row`);
      let y1 = y0 + 1;
      while (y1 < cells.length && !is(BOTTOM_LEFT, cells[y1]![x0])) {
        if (!is(SIDE, cells[y1]![x0])) problems.push(`row ${y1}: column ${x0} holds "${cells[y1]![x0]}", not the left border of the panel that starts at row ${y0}`);
        if (!is(SIDE, cells[y1]![x1])) problems.push(`row ${y1}: column ${x1} holds "${cells[y1]![x1]}", not the right border of the panel that starts at row ${y0}`);
        y1++;
      }
      if (y1 >= cells.length) return void problems.push(`the panel at row ${y0}, column ${x0} has no bottom-left corner`);
      if (!is(BOTTOM_RIGHT, cells[y1]![x1])) problems.push(`row ${y1}: column ${x1} holds "${cells[y1]![x1]}", not the bottom-right corner of the panel that starts at row ${y0}`);
      found.push({ x0, x1, y0, y1 });
    });
  });
  return { found, problems };
}

export const TEXTS = {
  CJK: '障害対応中です決済が失敗しています',
  emoji: '🔥🔥 checkout 👩‍👩‍👧 down 🇯🇵',
  combining: 'cafe\u0301 nai\u0308ve re\u0301sume\u0301',
};

/** Plays wide text into the chat and the command line of a live session at this size; every panel must stay closed. */
export async function wideTextKeepsBorders(start: (args: readonly string[], opts: TerminalOptions) => CellScreen, size: { cols: number; rows: number }): Promise<void> {
  const t = start(['play', 'test/fixtures/mini.yaml', '--db', tempDb(), '--seed', '1'], size);
  await t.waitFor(/enter.*start the clock/i);
  t.press('Enter');
  await t.waitFor(/^> ▏ /m);
  const commands = Object.values(TEXTS).flatMap((text) => [`note ${text}`, `hyp ${text}`, `status ${text} next update in 10 min`]);
  for (const [i, command] of commands.entries()) {
    t.type(command);
    t.press('Enter');
    // the command line clears once the command is taken
    await t.waitFor((s) => /^> ▏ /m.test(s), 15_000).catch((e: Error) => Promise.reject(new Error(`command ${i + 1}: ${e.message}`)));
  }
  // the chat, where the wide text is: below 100 columns it takes turns with the dashboard (tab)
  let tabs = 0;
  for (; tabs < 6 && !/[┌┏] (▸ )?Pages & chat/.test(t.screen()); tabs++) {
    t.press('Tab');
    await t.waitFor(/[┌┏] (▸ )?Pages & chat/, 2_000).catch(() => undefined);
  }
  // whole frames only: the row under the panels (the prompt, or the hint while a panel has the keys) comes after them
  const chat = await t.waitFor(/[┌┏] (▸ )?Pages & chat[\s\S]*🇯🇵[\s\S]*(^> |\[:\] command line)/mu);
  const inChat = boxes(t.cells());
  expect(inChat.problems, chat).toEqual([]);
  expect(inChat.found.length, chat).toBeGreaterThanOrEqual(2);
  // and wide text still being typed on the command line
  if (tabs > 0) {
    t.type(':'); // back to the command line
    await t.waitFor(/^> ▏/m);
  }
  t.type(`note ${TEXTS.CJK}${TEXTS.emoji}`);
  // the prompt row comes last in a frame: once it shows the whole line, the panels above are drawn
  const screen = await t.waitFor(/^> note 障害.*🇯🇵▏/mu);
  const typed = boxes(t.cells());
  expect(typed.problems, screen).toEqual([]);
  expect(screen).toContain('Logs');
  expect(typed.found.length, screen).toBeGreaterThanOrEqual(2);
  // the wide text is on the screen, not dropped to keep the borders
  expect(chat).toMatch(/障害対応/);
}

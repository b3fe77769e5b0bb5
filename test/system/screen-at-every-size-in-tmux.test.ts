// Every bundled scenario at 80x24, 100x30 and 120x40, at several moments —
// one right after a multi-line responder report, one during a multi-line log
// burst — read from tmux's capture of its pane (test/support/tmux.ts): no
// line overwrites another, borders intact, header visible; the full text of a
// log line and of a chat message reached by keys. The same checks and moments
// as the node-pty + xterm.js run in `npm test`
// (test/support/screen-at-every-size.ts); tmux is another emulator, with its
// own parser and character widths, so a frame whole in one is checked in the other.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { tempDb } from '../cli/run-cli.js';
import { everySizeAndMoment, fullLogLineByKeys, fullReportByKeys, type Recorded, recordScenarios, SCENARIOS, type Start } from '../support/screen-at-every-size.js';
import { startProgramInTmux, type TmuxTerminal } from '../support/tmux.js';

const db = tempDb();
let recorded: Map<string, Recorded>;
const open: TmuxTerminal[] = [];
const start: Start = (args, opts) => {
  const t = startProgramInTmux(args, opts);
  open.push(t);
  return t;
};
afterEach(() => open.splice(0).forEach((t) => t.dispose()));
afterAll(() => open.splice(0).forEach((t) => t.dispose()));

beforeAll(async () => {
  recorded = await recordScenarios(db);
}, 300_000);

describe('the play screen at 80x24, 100x30 and 120x40, in tmux', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: borders whole, header on top, at every size and moment`, async () => {
      await everySizeAndMoment(start, db, scenario, recorded.get(scenario)!);
    }, 240_000);
  }
});

describe('full text by keys, at 80x24, in tmux', () => {
  it('a multi-line responder report: tab to the chat, enter shows the whole conversation with the report', async () => {
    await fullReportByKeys(start, db, recorded.get('payment-fraud-dns')!);
  }, 120_000);

  it('a multi-line OTel log line: one row each in the panel; enter opens it in full', async () => {
    await fullLogLineByKeys(start, db, recorded.get('menu-telemetry-partition')!);
  }, 120_000);
});

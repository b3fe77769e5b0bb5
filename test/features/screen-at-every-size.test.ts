// Every bundled scenario at 80x24, 100x30 and 120x40, at several moments, in
// a real pseudo-terminal (node-pty + @xterm/headless, test/support/terminal.ts);
// the checks and moments are test/support/screen-at-every-size.ts, which the
// system suite runs in tmux as well (test/system/screen-at-every-size-in-tmux.test.ts).
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { tempDb } from '../cli/run-cli.js';
import { everySizeAndMoment, fullLogLineByKeys, fullReportByKeys, type Recorded, recordScenarios, SCENARIOS, type Start } from '../support/screen-at-every-size.js';
import { type ProgramTerminal, startProgram } from '../support/terminal.js';

const db = tempDb();
let recorded: Map<string, Recorded>;
const open: ProgramTerminal[] = [];
const start: Start = (args, opts) => {
  const t = startProgram(args, opts);
  open.push(t);
  return t;
};
afterEach(() => open.splice(0).forEach((t) => t.dispose()));
afterAll(() => open.splice(0).forEach((t) => t.dispose()));

beforeAll(async () => {
  recorded = await recordScenarios(db);
}, 300_000);

describe('the play screen at 80x24, 100x30 and 120x40', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: borders whole, header on top, at every size and moment`, async () => {
      await everySizeAndMoment(start, db, scenario, recorded.get(scenario)!);
    }, 240_000);
  }
});

describe('full text by keys, at 80x24', () => {
  it('a multi-line responder report: tab to the chat, enter shows the whole conversation with the report', async () => {
    await fullReportByKeys(start, db, recorded.get('payment-fraud-dns')!);
  }, 120_000);

  it('a multi-line OTel log line: one row each in the panel; enter opens it in full', async () => {
    await fullLogLineByKeys(start, db, recorded.get('menu-telemetry-partition')!);
  }, 120_000);
});

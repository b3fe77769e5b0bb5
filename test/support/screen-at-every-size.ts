// The checks and moments of "the play screen at every size" (issue 19), for
// any driver of a real terminal: node-pty + @xterm/headless in `npm test`
// (test/features/screen-at-every-size.test.ts), tmux in the system suite
// (test/system/screen-at-every-size-in-tmux.test.ts). Both run this code.
//
// Every bundled scenario is replayed at 80x24, 100x30 and 120x40, at several
// moments — among them one right after a multi-line responder report and one
// during menu-telemetry-partition's multi-line log burst: no line overwrites
// another, every border is whole, the header is on the first row. One process
// per scenario: the window is resized in place. Then, in a live branch of a
// recording, the full text of a chat report and of a log line is reached by keys.
import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { formatClock } from '../../src/scenario/clock-text.js';
import { runScript } from '../../src/session/headless.js';
import { openStore } from '../../src/store/index.js';
import { cellWidth } from '../../src/text/cells.js';
import { loadFixture } from '../helpers.js';
import { lines } from '../session/replay-helpers.js';
import { type Key, SIZES, type TerminalOptions } from './terminal.js';

export const SCENARIOS = ['payment-fraud-dns', 'k8s-observability-blindspot', 'lost-orders-broker', 'menu-telemetry-partition', 'tokenize-latency-apm', 'visits-slow-query', 's3-capacity-typo'];

/** What the checks need of a terminal driver (ProgramTerminal and TmuxTerminal both have it). */
export interface Screen {
  cols: number;
  rows: number;
  lines(): string[];
  screen(): string;
  type(text: string): void;
  press(...keys: Key[]): void;
  resize(cols: number, rows: number): void;
  waitFor(want: RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Cells the emulator gives a text, where it differs from string-width's count (tmux measures its own). */
  widthOf?(text: string): number;
}

/** Starts `firedrill ARGS` in the driver's terminal. */
export type Start = (args: readonly string[], opts: TerminalOptions) => Screen;

export interface Recorded {
  id: string;
  /** Sim seconds to look at. */
  moments: number[];
  /**
   * Just after the first multi-line report from a responder, if any; and just
   * after the IC's next decision, where a live branch has no poll waiting on
   * the IC (a waiting poll takes the chat panel's rows at 80x24).
   */
  report: { sec: number; branchSec: number; lastLine: string } | null;
}

/** Each scenario's first strong script, played headless into the database at `db`. */
export async function recordScenarios(db: string): Promise<Map<string, Recorded>> {
  const recorded = new Map<string, Recorded>();
  const store = openStore(db);
  try {
    for (const id of SCENARIOS) {
      const script = readdirSync('test/scripts').filter((f) => f.startsWith(`${id}.`) && f.endsWith('.strong.txt')).sort()[0]!;
      const r = await runScript(store, loadFixture(`scenarios/${id}.yaml`), lines(`test/scripts/${script}`), { seed: 7, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
      const feed = r.session.engine.state.feed;
      const multi = feed.find((f) => f.channel === 'chat' && f.text.includes('\n') && !f.from.startsWith('you'));
      const lastLine = multi?.text.trim().split('\n').at(-1)?.trim() ?? '';
      const nextDecision = multi ? lines(`test/scripts/${script}`).map((l) => Math.floor(l.simMs / 1000)).find((sec) => sec > multi.sec) : undefined;
      const report = multi ? { sec: multi.sec + 1, branchSec: (nextDecision ?? multi.sec) + 1, lastLine } : null;
      const moments = [150, 600, ...(report ? [report.sec] : [])];
      recorded.set(id, { id: r.session.id, moments, report });
    }
  } finally {
    store.close();
  }
  return recorded;
}

/** What "no line overwrites another" means on a screen of panels; the problems found, none when it holds. */
export function screenProblems(screenLines: readonly string[], cols: number, width: (text: string) => number = cellWidth): string[] {
  const problems: string[] = [];
  if (!/\d\d:\d\d:\d\d.*[▶⏸]/u.test(screenLines[0] ?? '')) problems.push(`row 0 is not the header: ${screenLines[0]}`);
  let open = 0;
  screenLines.forEach((line, y) => {
    if (width(line) > cols) problems.push(`row ${y} is wider than the terminal`);
    const first = [...line][0] ?? '';
    if (first !== '' && '│┃┌┏└┗'.includes(first)) {
      const last = [...line.trimEnd()].at(-1) ?? '';
      if (!'│┃┐┓┘┛'.includes(last) || width(line.trimEnd()) !== cols) problems.push(`row ${y} does not end on a border at column ${cols}: ${line}`);
    }
    for (const ch of line) {
      if (ch === '┌' || ch === '┏') open++;
      if (ch === '└' || ch === '┗') open--;
    }
  });
  if (open !== 0) problems.push(`${open} box(es) without a bottom border`);
  return problems;
}

/** The problems of what the terminal shows now, widths as its emulator counts them. */
function problemsOn(t: Screen, cols: number): string[] {
  return screenProblems(t.lines(), cols, t.widthOf ? (text) => t.widthOf!(text) : cellWidth);
}

/**
 * The screen once it shows `pattern` and a whole frame: the terminal receives a
 * frame in several writes, so the first match can come before its last rows.
 * A frame that never comes whole fails with what is wrong in it.
 */
async function wholeScreen(t: Screen, pattern: RegExp, cols: number): Promise<string> {
  return t.waitFor((s) => pattern.test(s) && problemsOn(t, cols).length === 0, 30_000).catch((error: Error) => {
    throw new Error(`${problemsOn(t, cols).join('; ')}\n${error.message}`);
  });
}

/** Tab, one key at a time (a burst of tabs can reach the program as one input), until the panel has the focus. */
async function focusOn(t: Screen, panel: string): Promise<void> {
  const focused = () => /┏ ▸ (.+?) (?:\s|━)/u.exec(t.screen())?.[1] ?? null;
  for (let i = 0; i < 6 && !(focused() ?? '').startsWith(panel); i += 1) {
    const before = focused();
    t.press('Tab');
    await t.waitFor(() => focused() !== before);
  }
  await t.waitFor((s) => s.includes(`┏ ▸ ${panel}`));
}

async function seek(t: Screen, sec: number) {
  t.type('g');
  t.type(formatClock(sec));
  t.press('Enter');
  await t.waitFor((s) => s.includes(`+${formatClock(sec)} /`), 30_000);
}

/** One scenario's replay, seeking each moment at 80x24 and resizing to 100x30 and 120x40 there. */
export async function everySizeAndMoment(start: Start, db: string, scenario: string, rec: Recorded): Promise<void> {
  const t = start(['replay', rec.id, '--db', db], SIZES.small);
  await t.waitFor(/REPLAY/u, 30_000);
  const moments = scenario === 'menu-telemetry-partition' ? [...rec.moments, 140, 200] : rec.moments;
  for (const sec of moments) {
    for (const size of [SIZES.small, SIZES.medium, SIZES.large]) {
      t.resize(size.cols, size.rows);
      if (size === SIZES.small) await seek(t, sec);
      // Wait for the frame at this size; on a timeout the error shows the screen and what is wrong.
      await t.waitFor((s) => s.split('\n').length === size.rows && problemsOn(t, size.cols).length === 0 && s.includes(`+${formatClock(sec)} /`), 30_000).catch((error: Error) => {
        throw new Error(`${scenario} at +${formatClock(sec)}, ${size.cols}x${size.rows}: ${problemsOn(t, size.cols).join('; ')}\n${error.message}`);
      });
    }
  }
}

/** At 80x24, a multi-line responder report: tab to the chat, enter shows the whole conversation with the report. */
export async function fullReportByKeys(start: Start, db: string, rec: Recorded): Promise<void> {
  expect(rec.report).not.toBeNull();
  const t = start(['replay', rec.id, '--branch-at', formatClock(rec.report!.branchSec), '--db', db], SIZES.small);
  await t.waitFor(/> ▏ +\? help/u, 30_000);
  await focusOn(t, 'Logs');
  // Paused, so no read-back or poll arrives to take the chat panel's rows mid-test.
  t.type(' ');
  await t.waitFor(/^ \S.*⏸/u);
  await focusOn(t, 'Pages & chat');
  t.press('Enter');
  const reportStart = rec.report!.lastLine.slice(0, 20);
  await t.waitFor((s) => s.includes('Chat · everyone') && s.includes(reportStart), 30_000);
  expect(problemsOn(t, 80)).toEqual([]);
  t.press('Escape');
  await t.waitFor(/┏ ▸ Pages & chat/u);
}

/** At 80x24, menu-telemetry-partition's multi-line OTel log line: one row in the panel; enter opens it in full. */
export async function fullLogLineByKeys(start: Start, db: string, rec: Recorded): Promise<void> {
  const t = start(['replay', rec.id, '--branch-at', '2:30', '--db', db], SIZES.small);
  await t.waitFor(/> ▏ +\? help/u, 30_000);
  t.type('logs service=otel-gateway');
  t.press('Enter');
  await wholeScreen(t, /Logs {2}service=otel-gateway/u, 80);
  await focusOn(t, 'Logs');
  t.type(' ');
  await t.waitFor(/^ \S.*⏸/u);
  t.press('Enter');
  // The whole viewer: its header, the message, and the fields after it (a frame arrives in several writes).
  await t.waitFor((s) => /Log line · \d\d:\d\d:\d\d \w+ +otel-gateway/u.test(s) && /^message$/mu.test(s) && /^fields$/mu.test(s), 30_000);
  t.press('Escape');
  await t.waitFor(/┏ ▸ Logs/u);
}

// Every bundled scenario, replayed in a real pseudo-terminal (node-pty +
// @xterm/headless, test/support/terminal.ts; these replace the tmux tests),
// at 80x24, 100x30 and 120x40, at several moments — among them one right
// after a multi-line responder report and one during menu-telemetry-
// partition's multi-line log burst: no line overwrites another, every border
// is whole, the header is on the first row. One process per scenario: the
// window is resized in place. Then, in a live branch of a recording, the full
// text of a chat report and of a log line is reached by keys.
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatClock } from '../../src/scenario/clock-text.js';
import { runScript } from '../../src/session/headless.js';
import { openStore } from '../../src/store/index.js';
import { cellWidth } from '../../src/text/cells.js';
import { tempDb } from '../cli/run-cli.js';
import { loadFixture } from '../helpers.js';
import { lines } from '../session/replay-helpers.js';
import { type ProgramTerminal, SIZES, startProgram } from '../support/terminal.js';

const SCENARIOS = ['payment-fraud-dns', 'k8s-observability-blindspot', 'lost-orders-broker', 'menu-telemetry-partition', 'tokenize-latency-apm', 'visits-slow-query'];

interface Recorded {
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

const db = tempDb();
const recorded = new Map<string, Recorded>();
const open: ProgramTerminal[] = [];
afterEach(() => open.splice(0).forEach((t) => t.dispose()));

beforeAll(async () => {
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
}, 300_000);

afterAll(() => open.splice(0).forEach((t) => t.dispose()));

/** What "no line overwrites another" means on a screen of panels; the problems found, none when it holds. */
export function screenProblems(screenLines: readonly string[], cols: number): string[] {
  const problems: string[] = [];
  if (!/\d\d:\d\d:\d\d.*[▶⏸]/u.test(screenLines[0] ?? '')) problems.push(`row 0 is not the header: ${screenLines[0]}`);
  let open = 0;
  screenLines.forEach((line, y) => {
    if (cellWidth(line) > cols) problems.push(`row ${y} is wider than the terminal`);
    const first = [...line][0] ?? '';
    if (first !== '' && '│┃┌┏└┗'.includes(first)) {
      const last = [...line.trimEnd()].at(-1) ?? '';
      if (!'│┃┐┓┘┛'.includes(last) || cellWidth(line.trimEnd()) !== cols) problems.push(`row ${y} does not end on a border at column ${cols}: ${line}`);
    }
    for (const ch of line) {
      if (ch === '┌' || ch === '┏') open++;
      if (ch === '└' || ch === '┗') open--;
    }
  });
  if (open !== 0) problems.push(`${open} box(es) without a bottom border`);
  return problems;
}

/**
 * The screen once it shows `pattern` and a whole frame: the terminal receives a
 * frame in several writes, so the first match can come before its last rows.
 * A frame that never comes whole fails with what is wrong in it.
 */
async function wholeScreen(t: ProgramTerminal, pattern: RegExp, cols: number): Promise<string> {
  return t.waitFor((s) => pattern.test(s) && screenProblems(t.lines(), cols).length === 0, 30_000).catch((error: Error) => {
    throw new Error(`${screenProblems(t.lines(), cols).join('; ')}\n${error.message}`);
  });
}

/** Tab, one key at a time (a burst of tabs can reach the program as one input), until the panel has the focus. */
async function focusOn(t: ProgramTerminal, panel: string): Promise<void> {
  const focused = () => /┏ ▸ (.+?) (?:\s|━)/u.exec(t.screen())?.[1] ?? null;
  for (let i = 0; i < 6 && !(focused() ?? '').startsWith(panel); i += 1) {
    const before = focused();
    t.press('Tab');
    await t.waitFor(() => focused() !== before);
  }
  await t.waitFor((s) => s.includes(`┏ ▸ ${panel}`));
}

async function seek(t: ProgramTerminal, sec: number) {
  t.type('g');
  t.type(formatClock(sec));
  t.press('Enter');
  await t.waitFor((s) => s.includes(`+${formatClock(sec)} /`), 30_000);
}

describe('the play screen at 80x24, 100x30 and 120x40', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: borders whole, header on top, at every size and moment`, async () => {
      const rec = recorded.get(scenario)!;
      const t = startProgram(['replay', rec.id, '--db', db], SIZES.small);
      open.push(t);
      await t.waitFor(/REPLAY/u, 30_000);
      const moments = scenario === 'menu-telemetry-partition' ? [...rec.moments, 140, 200] : rec.moments;
      for (const sec of moments) {
        for (const size of [SIZES.small, SIZES.medium, SIZES.large]) {
          t.resize(size.cols, size.rows);
          if (size === SIZES.small) await seek(t, sec);
          // Wait for the frame at this size; on a timeout the error shows the screen and what is wrong.
          await t.waitFor((s) => s.split('\n').length === size.rows && screenProblems(t.lines(), size.cols).length === 0 && s.includes(`+${formatClock(sec)} /`), 30_000).catch((error: Error) => {
            throw new Error(`${scenario} at +${formatClock(sec)}, ${size.cols}x${size.rows}: ${screenProblems(t.lines(), size.cols).join('; ')}\n${error.message}`);
          });
        }
      }
    }, 240_000);
  }
});

describe('full text by keys, at 80x24', () => {
  it('a multi-line responder report: tab to the chat, enter shows the whole conversation with the report', async () => {
    const rec = recorded.get('payment-fraud-dns')!;
    expect(rec.report).not.toBeNull();
    const t = startProgram(['replay', rec.id, '--branch-at', formatClock(rec.report!.branchSec), '--db', db], SIZES.small);
    open.push(t);
    await t.waitFor(/> ▏ +\? help/u, 30_000);
    await focusOn(t, 'Logs');
    // Paused, so no read-back or poll arrives to take the chat panel's rows mid-test.
    t.type(' ');
    await t.waitFor(/^ \S.*⏸/u);
    await focusOn(t, 'Pages & chat');
    t.press('Enter');
    const reportStart = rec.report!.lastLine.slice(0, 20);
    await t.waitFor((s) => s.includes('Chat · everyone') && s.includes(reportStart), 30_000);
    expect(screenProblems(t.lines(), 80)).toEqual([]);
    t.press('Escape');
    await t.waitFor(/┏ ▸ Pages & chat/u);
  }, 120_000);

  it('a multi-line OTel log line: one row each in the panel; enter opens it in full', async () => {
    const rec = recorded.get('menu-telemetry-partition')!;
    const t = startProgram(['replay', rec.id, '--branch-at', '2:30', '--db', db], SIZES.small);
    open.push(t);
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
  }, 120_000);
});

// The examiner console at 120x40, in a real terminal: the hidden truth beside
// the candidate's screen with the whole root cause, the team with their tasks,
// and the candidate's commands scrolled back page by page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDb } from '../cli/run-cli.js';
import { loadFixture } from '../helpers.js';
import { type ProgramTerminal, startProgram } from '../support/terminal.js';

const SCENARIO = 'scenarios/payment-fraud-dns.yaml';
const db = tempDb();
let t: ProgramTerminal | null = null;

beforeAll(() => {
  const r = cli(['play', SCENARIO, '--script', 'test/scripts/payment-fraud-dns.strong.txt', '--mode', 'interview', '--seed', '3', '--trainee', 'alex', '--db', db]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => t?.dispose());

/** The panel titled `title` in the 40-column side column: its inner text, one string per row. */
function sidePanel(term: ProgramTerminal, title: string): string[] {
  const rows = term.cells().map((row) => row.slice(80).join(''));
  const top = rows.findIndex((r) => r.startsWith(`┌ ${title}`));
  // (titles may be cut short with "…" to leave room for the panel's right-hand note)
  if (top < 0) return [];
  const bottom = rows.findIndex((r, i) => i > top && r.startsWith('└'));
  return rows.slice(top + 1, bottom).map((r) => r.slice(1, -1));
}

const words = (s: string) => s.replace(/\s+/gu, ' ').trim();

describe('the examiner console at 120x40', () => {
  it('shows the whole root cause, the team with tasks, and scrolls the commands', async () => {
    t = startProgram(['examine', 'latest', '--db', db], { cols: 120, rows: 40 });
    const whole = (s: string) => s.includes('Hidden truth') && s.includes('┌ Team') && s.includes("Candidate's commands") && /session over/u.test(s);
    const screen = await t.waitFor(whole, 30_000);
    const variantId = /variant: ([\w-]+)/u.exec(screen)![1]!;
    const variant = loadFixture(SCENARIO).scenario.variants.find((v) => v.id === variantId)!;

    // Every row of the side column is boxed to the last column.
    for (const [y, row] of t.cells().entries()) {
      if (y === 0 || y >= 36) continue; // the header, two key rows, the prompt and the spare last row
      const side = row.slice(80).join('');
      expect('│┐┘'.includes(side.at(-1)!), `row ${y}: ${side}`).toBe(true);
    }
    expect(words(sidePanel(t, 'Hidden truth').join(' '))).toContain(words(`root cause: ${variant.rootCause}`));
    const team = sidePanel(t, 'Team').join('\n');
    expect(team).toMatch(/Priya Raman: ✓ do switch/u);
    expect(team).toMatch(/Marco Bianchi/u);

    const activityTitle = () => t!.cells().map((row) => row.slice(80).join('')).find((r) => r.startsWith("┌ Candidate's com"))!;
    const newer = () => Number(/↓ (\d+) newer/u.exec(activityTitle())?.[1] ?? 0);
    const firstTime = () => Number(/\+(\d+):\d\d/u.exec(sidePanel(t!, "Candidate's com").join('\n'))?.[1] ?? NaN);
    expect(activityTitle()).toMatch(/↑ \d+/u);
    const newest = firstTime();
    // One key at a time: a burst of keys can reach the program as one input.
    for (let i = 0; i < 6; i++) {
      const before = newer();
      t.press('PageUp');
      await t.waitFor(() => newer() > before);
    }
    expect(firstTime()).toBeLessThan(newest);
    const back = newer();
    t.press('PageDown');
    await t.waitFor(() => newer() < back);
    t.type('q');
    expect(await t.exited()).toEqual({ code: 0, signal: 0 });
  }, 120_000);
});

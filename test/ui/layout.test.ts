import { describe, expect, it } from 'vitest';
import { CHAT_HISTORY, COMMAND_LINES, computeLayout, MIN_COLUMNS, MIN_ROWS, SPLIT_COLUMNS, viewSizeFor } from '../../src/ui/layout.js';

/** Every line the play screen draws, top to bottom. */
function usedLines(columns: number, rows: number): number {
  const l = computeLayout(columns, rows);
  return 1 + l.top.height + l.logs.height + l.bottom.height + COMMAND_LINES;
}

function usedLinesOf(l: ReturnType<typeof computeLayout>): number {
  return 1 + l.top.height + l.logs.height + l.bottom.height + COMMAND_LINES;
}

describe('computeLayout', () => {
  it('fills rows - 1 exactly and never the full height', () => {
    for (const [c, r] of [[80, 24], [100, 30], [120, 40], [200, 60], [80, 25], [81, 27]] as const) {
      const l = computeLayout(c, r);
      expect(l.height).toBe(r - 1);
      expect(usedLines(c, r)).toBe(r - 1);
    }
  });

  it('at 80x24 folds team and timeline into one line and keeps all dashboard rows', () => {
    const l = computeLayout(80, 24);
    expect(l.tooSmall).toBe(false);
    expect(l.bottom.mode).toBe('line');
    expect(l.bottom.height).toBe(1);
    expect(l.top.dashboardRows).toBe(8);
    expect(l.logs.lines).toBeGreaterThanOrEqual(5);
    // Dashboard and chat take turns at the full width instead of a 28-column chat.
    expect(l.top.mode).toBe('single');
    expect(l.top.dashboardWidth).toBe(80);
    expect(l.top.feedWidth).toBe(80);
    expect(l.chat).toEqual({ width: 78, rows: l.top.height - 2 });
  });

  it('shares the top row between dashboard and chat from SPLIT_COLUMNS on', () => {
    expect(computeLayout(SPLIT_COLUMNS - 1, 30).top.mode).toBe('single');
    for (const c of [SPLIT_COLUMNS, 120, 200]) {
      const l = computeLayout(c, 30);
      expect(l.top.mode).toBe('split');
      expect(l.top.dashboardWidth + l.top.feedWidth).toBe(c);
      expect(l.chat.width).toBe(l.top.feedWidth - 2);
    }
  });

  it('gives team and timeline boxes on a taller terminal, and logs the rest', () => {
    const l = computeLayout(120, 40);
    expect(l.bottom.mode).toBe('boxes');
    expect(l.bottom.lines).toBeGreaterThanOrEqual(3);
    expect(l.logs.lines).toBeGreaterThan(computeLayout(120, 30).logs.lines);
    expect(l.bottom.teamWidth + l.bottom.timelineWidth).toBe(120);
  });

  it('shrinks the feed before the dashboard as the terminal narrows', () => {
    const wide = computeLayout(140, 30);
    const narrow = computeLayout(SPLIT_COLUMNS, 30);
    expect(narrow.top.feedWidth).toBeLessThan(wide.top.feedWidth);
    expect(narrow.top.dashboardRows).toBe(wide.top.dashboardRows);
    expect(narrow.top.dashboardWidth).toBeGreaterThanOrEqual(50);
  });

  it('dashboard columns add up to the panel inside its borders', () => {
    for (const c of [80, 100, 120, 200]) {
      const l = computeLayout(c, 30);
      const d = l.dash;
      expect(d.panel + d.label + 1 + d.spark + 1 + d.value + d.mark).toBe(l.top.dashboardWidth - 2);
    }
  });

  it('a replay keeps its own line and still fits 80x24', () => {
    const l = computeLayout(80, 23, 0, { reservedRows: 1 });
    expect(l.tooSmall).toBe(false);
    expect(usedLinesOf(l)).toBe(22);
    expect(computeLayout(80, 22, 0, { reservedRows: 1 }).tooSmall).toBe(true);
  });

  it('says too small below 80x24 and still asks for a sane view size', () => {
    expect(computeLayout(60, 20).tooSmall).toBe(true);
    expect(computeLayout(MIN_COLUMNS - 1, MIN_ROWS).tooSmall).toBe(true);
    expect(computeLayout(MIN_COLUMNS, MIN_ROWS - 1).tooSmall).toBe(true);
    expect(viewSizeFor(60, 20)).toEqual(viewSizeFor(80, 24));
  });

  it('derives the ViewSize from the panels and passes scrollback through', () => {
    const l = computeLayout(100, 30, 12);
    expect(l.size).toEqual({
      sparkPoints: l.dash.spark,
      logLines: l.logs.lines,
      feedLines: CHAT_HISTORY,
      timelineEntries: l.size.timelineEntries,
      logScrollback: 12,
    });
    expect(l.size.timelineEntries).toBeGreaterThan(0);
    expect(viewSizeFor(100, 30)).toEqual({ ...l.size, logScrollback: 0 });
  });
});

import type { LogPin, ViewSize } from '../view/model.js';

/**
 * Where every panel goes for a terminal of a given size. Pure, so the live
 * app, the headless renderer and the tests agree on one layout.
 *
 * The frame is rows - 1 lines tall: Ink 6 clears the whole terminal on every
 * render once a frame reaches the terminal's height (STACK-NOTES §3.1).
 * When space runs out panels shrink in this order: timeline, team (both fold
 * into one shared line), feed width, dashboard rows.
 */

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** Narrower than this, the dashboard and the chat take turns at full width (tab switches) instead of sharing a row. */
export const SPLIT_COLUMNS = 100;
/** Messages the chat panel and the conversation reader ask the view for. */
export const CHAT_HISTORY = 400;

const HEADER_LINES = 1;
/** Prompt line + answer line. */
export const COMMAND_LINES = 2;

const DASH_MAX_ROWS = 8;
const DASH_MIN_ROWS = 2;
/** A boxed panel: its title line (top border) and bottom border. */
const BORDER = 2;
const LOG_WANT = 8;
const LOG_MIN = 3;
const BOTTOM_MAX = 4;
const BOTTOM_MIN = 2;
/** A long answer (help VERB) may take this many lines under the prompt, from the logs. */
export const ANSWER_MAX_LINES = 6;

/** Dashboard row columns: panel, label, sparkline, value ("21.8 req/s"), alarm marker. */
export const DASH_VALUE_WIDTH = 10;
export const DASH_MARK_WIDTH = 2;

export interface DashColumns {
  panel: number;
  label: number;
  spark: number;
  value: number;
  mark: number;
}

export interface Layout {
  columns: number;
  rows: number;
  /** Lines the frame may use: always rows - 1. */
  height: number;
  tooSmall: boolean;
  top: {
    /** 'single': one of dashboard and chat at a time, full width (small terminals). */
    mode: 'split' | 'single';
    /** Box height, borders included. */
    height: number;
    dashboardWidth: number;
    feedWidth: number;
    dashboardRows: number;
  };
  dash: DashColumns;
  /** The chat panel's text area: columns and rows inside its border. */
  chat: { width: number; rows: number };
  logs: { height: number; lines: number };
  bottom: {
    /** 'line': team and timeline share one unboxed line (small terminals). */
    mode: 'boxes' | 'line';
    height: number;
    lines: number;
    teamWidth: number;
    timelineWidth: number;
  };
  /** Postmortem replaces the dashboard, feed and logs: their combined height. */
  bodyHeight: number;
  /** Lines under the prompt for the answer to the last command (1 unless it is long). */
  answerLines: number;
  size: ViewSize;
}

export interface LayoutOptions {
  /** The pinned log window, passed through to the view request. */
  logPin?: LogPin | null;
  /** Lines the answer would like (wrapped); the logs give them up, down to their minimum. */
  answerLines?: number;
  /** Rows of the terminal kept for something else (the replay's own line): 80x24 is still big enough. */
  reservedRows?: number;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Room for timeline entries: a compact entry ("21:04 sev 2") is about 16 columns. */
function timelineCapacity(lines: number, width: number): number {
  return Math.max(1, lines) * Math.max(1, Math.floor(width / 16));
}

export function computeLayout(columns: number, rows: number, logScrollback = 0, opts: LayoutOptions = {}): Layout {
  const cols = Math.max(1, Math.floor(columns));
  const rws = Math.max(1, Math.floor(rows));
  const height = rws - 1;
  const reserved = Math.max(0, Math.floor(opts.reservedRows ?? 0));
  const tooSmall = cols < MIN_COLUMNS || rws + reserved < MIN_ROWS;
  // Below the minimum nothing but the too-small notice is drawn; the numbers
  // are still those of the minimum so view() always gets a sane request.
  const w = Math.max(cols, MIN_COLUMNS);
  const h = Math.max(height, MIN_ROWS - 1 - reserved);

  const avail = h - HEADER_LINES - COMMAND_LINES;
  let dashRows = DASH_MAX_ROWS;
  const topBox = (r: number) => r + 1 /* footer */ + BORDER;
  const rest = avail - topBox(dashRows) - (LOG_WANT + BORDER);

  // 1. Timeline and team give up lines first, down to one shared line.
  let bottomMode: 'boxes' | 'line';
  let bottomLines: number;
  if (rest >= BOTTOM_MIN + BORDER) {
    bottomMode = 'boxes';
    bottomLines = Math.min(BOTTOM_MAX, rest - BORDER);
  } else {
    bottomMode = 'line';
    bottomLines = 1;
  }
  const bottomHeight = bottomMode === 'boxes' ? bottomLines + BORDER : 1;

  // 2. Dashboard rows go last, only if the logs would drop below their minimum.
  let logsBox = avail - topBox(dashRows) - bottomHeight;
  if (logsBox - BORDER < LOG_MIN) {
    dashRows = Math.max(DASH_MIN_ROWS, dashRows - (LOG_MIN - (logsBox - BORDER)));
    logsBox = avail - topBox(dashRows) - bottomHeight;
  }
  // 3. A long answer takes lines from the logs, never below their minimum.
  const wantAnswer = Math.max(1, Math.min(ANSWER_MAX_LINES, Math.floor(opts.answerLines ?? 1)));
  const answerExtra = Math.max(0, Math.min(wantAnswer - 1, logsBox - BORDER - LOG_MIN));
  logsBox -= answerExtra;
  const logLines = Math.max(1, logsBox - BORDER);

  // The feed gives up width before the dashboard does; below SPLIT_COLUMNS
  // they stop sharing the row and take turns at the full width.
  const topMode = w < SPLIT_COLUMNS ? 'single' : 'split';
  const dashboardWidth = topMode === 'single' ? w : clamp(Math.round(w / 2) + 10, 50, 76);
  const feedWidth = topMode === 'single' ? w : w - dashboardWidth;
  const inner = dashboardWidth - BORDER;
  const panel = clamp(Math.floor(inner * 0.16), 8, 14);
  const label = clamp(Math.floor(inner * 0.34), 14, 30);
  const spark = Math.max(
    4,
    inner - panel - label - DASH_VALUE_WIDTH - DASH_MARK_WIDTH - 2 /* spaces around the sparkline */,
  );

  const teamWidth = clamp(Math.floor(w * 0.38), 34, 48);
  const timelineWidth = w - teamWidth;
  const timelineEntries =
    bottomMode === 'boxes'
      ? timelineCapacity(bottomLines, timelineWidth - BORDER)
      : timelineCapacity(1, Math.floor(w / 2));

  return {
    columns: cols,
    rows: rws,
    height,
    tooSmall,
    top: { mode: topMode, height: topBox(dashRows), dashboardWidth, feedWidth, dashboardRows: dashRows },
    dash: { panel, label, spark, value: DASH_VALUE_WIDTH, mark: DASH_MARK_WIDTH },
    chat: { width: Math.max(1, feedWidth - BORDER), rows: Math.max(1, topBox(dashRows) - BORDER) },
    logs: { height: logsBox, lines: logLines },
    bottom: { mode: bottomMode, height: bottomHeight, lines: bottomLines, teamWidth, timelineWidth },
    bodyHeight: topBox(dashRows) + logsBox,
    answerLines: 1 + answerExtra,
    size: {
      sparkPoints: spark,
      logLines,
      // The whole recent conversation: the chat panel scrolls back through it.
      feedLines: CHAT_HISTORY,
      timelineEntries,
      // Negative: forward from a pinned window (toward now).
      logScrollback: Math.trunc(logScrollback),
      ...(opts.logPin ? { logPin: opts.logPin } : {}),
    },
  };
}

/** The ViewSize a frame of width x height asks the selector for. */
export function viewSizeFor(width: number, height: number): ViewSize {
  return computeLayout(width, height).size;
}

import { computeLayout, type Layout } from '../layout.js';

/**
 * The examiner console (SCREENS.md): a header line; the candidate's screen,
 * compact (PlayScreen at 24 rows or a little more); under it the rubric on the
 * left, the hidden truth and the activity on the right; a key line and a
 * prompt line. Like every screen it stays one line short of the terminal.
 */
export const EXAMINER_MIN_COLUMNS = 80;
export const EXAMINER_MIN_ROWS = 35;

const HEADER = 1;
const FOOTER = 2;
const LOWER_MIN = 8;
const LOWER_WANT = 12;
/** PlayScreen's own minimum is 24 rows, so its frame is at least 23 lines. */
const CANDIDATE_MIN = 23;

export interface ExaminerLayout {
  columns: number;
  rows: number;
  height: number;
  tooSmall: boolean;
  candidate: Layout;
  lower: { height: number; leftWidth: number; rightWidth: number; truthHeight: number; activityHeight: number };
}

export function computeExaminerLayout(columns: number, rows: number): ExaminerLayout {
  const cols = Math.max(1, Math.floor(columns));
  const rws = Math.max(1, Math.floor(rows));
  const height = rws - 1;
  const tooSmall = cols < EXAMINER_MIN_COLUMNS || rws < EXAMINER_MIN_ROWS;
  const w = Math.max(cols, EXAMINER_MIN_COLUMNS);
  const h = Math.max(height, EXAMINER_MIN_ROWS - 1);
  // The candidate's screen grows only once the examiner's panels have their room.
  const candidateHeight = Math.max(CANDIDATE_MIN, Math.min(40, h - HEADER - FOOTER - LOWER_WANT));
  const lower = Math.max(LOWER_MIN, h - HEADER - FOOTER - candidateHeight);
  const leftWidth = Math.floor(w / 2);
  const truthHeight = Math.max(4, Math.ceil(lower * 0.6));
  return {
    columns: cols,
    rows: rws,
    height,
    tooSmall,
    candidate: computeLayout(w, candidateHeight + 1),
    lower: { height: lower, leftWidth, rightWidth: w - leftWidth, truthHeight, activityHeight: Math.max(3, lower - truthHeight) },
  };
}

import { computeLayout, type Layout } from '../layout.js';
import { KEY_ROWS } from './examiner-lines.js';

/**
 * The examiner console (SCREENS.md): a header line; the candidate's screen,
 * compact (PlayScreen at 24 rows or a little more); the examiner's panels; two
 * key rows and a prompt line. Like every screen it stays one line short of the
 * terminal.
 *
 * Two arrangements. Under 120 columns the panels sit under the candidate's
 * screen: the rubric on the left, the hidden truth and the activity on the
 * right. From 120 columns the candidate's screen keeps 80 columns or more and
 * a column beside it holds the hidden truth, the team with their tasks and the
 * activity, tall enough for the whole root cause; the rubric sits under the
 * candidate's screen.
 */
export const EXAMINER_MIN_COLUMNS = 80;
export const EXAMINER_MIN_ROWS = 35;
/** From this width the examiner's panels sit beside the candidate's screen. */
export const EXAMINER_BESIDE_COLUMNS = 120;

const HEADER = 1;
/** The key rows and the prompt line. */
const FOOTER = KEY_ROWS + 1;
const LOWER_MIN = 7;
const LOWER_WANT = 12;
/** PlayScreen's own minimum is 24 rows, so its frame is at least 23 lines. */
const CANDIDATE_MIN = 23;
const SIDE_MIN = 40;

export interface PanelSize {
  width: number;
  height: number;
}

export interface ExaminerLayout {
  columns: number;
  rows: number;
  height: number;
  tooSmall: boolean;
  arrangement: 'under' | 'beside';
  candidate: Layout;
  /** Everything under the candidate's screen (and, beside it, the side column): its total rows. */
  lowerHeight: number;
  rubric: PanelSize;
  truth: PanelSize;
  /** The responders and what each is doing; only beside, where there is room. */
  team: PanelSize | null;
  activity: PanelSize;
}

export function computeExaminerLayout(columns: number, rows: number): ExaminerLayout {
  const cols = Math.max(1, Math.floor(columns));
  const rws = Math.max(1, Math.floor(rows));
  const height = rws - 1;
  const tooSmall = cols < EXAMINER_MIN_COLUMNS || rws < EXAMINER_MIN_ROWS;
  const w = Math.max(cols, EXAMINER_MIN_COLUMNS);
  const h = Math.max(height, EXAMINER_MIN_ROWS - 1);
  const body = h - HEADER - FOOTER;
  // The candidate's screen grows only once the examiner's panels have their room.
  const candidateHeight = Math.max(CANDIDATE_MIN, Math.min(40, body - LOWER_WANT));
  const lower = Math.max(LOWER_MIN, body - candidateHeight);
  const base = { columns: cols, rows: rws, height, tooSmall, lowerHeight: lower };
  if (w >= EXAMINER_BESIDE_COLUMNS) {
    const side = Math.max(SIDE_MIN, Math.floor(w / 3));
    const left = w - side;
    const sideHeight = candidateHeight + lower;
    const truth = Math.max(6, Math.round(sideHeight * 0.35));
    const team = Math.max(4, Math.round(sideHeight * 0.25));
    return {
      ...base,
      arrangement: 'beside',
      candidate: computeLayout(left, candidateHeight + 1),
      rubric: { width: left, height: lower },
      truth: { width: side, height: truth },
      team: { width: side, height: team },
      activity: { width: side, height: Math.max(3, sideHeight - truth - team) },
    };
  }
  const leftWidth = Math.floor(w / 2);
  const truthHeight = Math.max(4, Math.ceil(lower * 0.6));
  return {
    ...base,
    arrangement: 'under',
    candidate: computeLayout(w, candidateHeight + 1),
    rubric: { width: leftWidth, height: lower },
    truth: { width: w - leftWidth, height: truthHeight },
    team: null,
    activity: { width: w - leftWidth, height: Math.max(3, lower - truthHeight) },
  };
}

const TEAM_MIN = 4;
const ACTIVITY_MIN = 6;

/**
 * Beside the candidate, the hidden truth takes the rows its opening needs
 * (variant and the whole root cause) and the team one row per responder, as
 * long as the activity keeps its minimum; the activity has the rest.
 */
export function fitSide(layout: ExaminerLayout, want: { truthRows: number; teamRows: number }): ExaminerLayout {
  if (layout.arrangement !== 'beside' || !layout.team) return layout;
  const total = layout.truth.height + layout.team.height + layout.activity.height;
  const truth = Math.max(layout.truth.height, Math.min(want.truthRows + 2, total - TEAM_MIN - ACTIVITY_MIN));
  const team = Math.max(TEAM_MIN, Math.min(want.teamRows + 2, total - truth - ACTIVITY_MIN));
  return {
    ...layout,
    truth: { ...layout.truth, height: truth },
    team: { ...layout.team, height: team },
    activity: { ...layout.activity, height: total - truth - team },
  };
}

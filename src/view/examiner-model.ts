import type { Scorecard } from '../scoring/scorecard.js';
import type { ViewModel } from './model.js';

/**
 * What the examiner console shows: the candidate's screen (the same view
 * model the candidate's process draws) beside what only the examiner sees.
 * Built by examiner-select.ts; nothing here ever reaches the candidate.
 */
export interface ExaminerHeaderView {
  sessionId: string;
  trainee: string;
  scenarioId: string;
  title: string;
  variantId: string;
  variantTitle: string;
  /** "21:14:32 (sim +14:32)". */
  clock: string;
  speed: number;
  paused: boolean;
  lifecycle: string;
  timeLeft: string;
  mode: 'solo' | 'interview';
  /** "candidate live", "candidate offline (seen 0:12 ago)", "session over"… */
  link: string;
  live: boolean;
}

export interface TruthView {
  variant: string;
  rootCause: string;
  strongPlay: string;
  weakPlay: string;
  notes: string;
  expectedMinutes: number;
}

export interface RubricItemView {
  id: string;
  section: string;
  title: string;
  points: number;
  earned: number;
  /** met = every point, partial = some, open = none yet, n/a = did not apply (its weight went to the others). */
  state: 'met' | 'partial' | 'open' | 'n/a';
  reason: string;
}

export interface RubricView {
  total: number;
  max: number;
  hintPenalty: number;
  items: RubricItemView[];
}

export interface HintView {
  n: number;
  text: string;
  cost: number;
  /** "released +12:30" / "taken +12:30", or null while still in the ladder. */
  used: string | null;
}

export interface ActivityView {
  time: string;
  by: 'ic' | 'examiner' | 'system';
  /** The event's type: command, inject, annotate, pause… */
  kind: string;
  text: string;
}

export interface ExaminerNoteView {
  time: string;
  text: string;
}

export interface ExaminerViewModel {
  header: ExaminerHeaderView;
  candidate: ViewModel;
  truth: TruthView;
  rubric: RubricView;
  hints: HintView[];
  /** The candidate's commands and the examiner's own events, newest last. */
  activity: ActivityView[];
  notes: ExaminerNoteView[];
  /** The scenario's prepared curveballs, numbered as the examiner sends them. */
  curveballs: { n: number; id: string; from: string; text: string; used: boolean }[];
  /** The examiner's ratings beside the computed scores, the recommendation, the release. */
  scorecard: Scorecard;
  /** The clock has started and the session is not over: injections make sense. */
  canInject: boolean;
  finished: boolean;
  /** What the examiner's last action did (or why it did nothing). */
  message: string | null;
}

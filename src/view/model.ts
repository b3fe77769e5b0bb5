/**
 * The view model: everything the screen shows, already decided. Panels render
 * it and hold no rules of the game. Built by select.ts from the engine.
 */
export type Tone = 'normal' | 'alert' | 'good' | 'muted';

export interface HeaderView {
  scenarioId: string;
  title: string;
  /** Scenario wall-clock frame, e.g. "Tue 21:14:32". */
  wallClock: string;
  /** Sim time since start, e.g. "+14:32". */
  simClock: string;
  speed: number;
  paused: boolean;
  /** "SEV-2", or "no SEV" before a declaration. */
  severity: string;
  severityLevel: number | null;
  ic: string;
  timeLeft: string;
  impact: string;
  /** "21:19", null when no update is due (not declared / resolved). */
  nextUpdateDue: string | null;
  updateOverdue: boolean;
  lifecycle: string;
  mode: 'play' | 'replay' | 'examine';
  interview: boolean;
}

export interface DashboardRow {
  panel: string;
  label: string;
  /** Oldest first; null = no data at that point. */
  points: (number | null)[];
  /** "91%", "5012 ms", or "no data". */
  value: string;
  /** A threshold is crossed: drawn with a "!" marker as well as colour. */
  alarm: boolean;
  noData: boolean;
}

export interface DashboardView {
  /** "Dashboard" or "Dashboard › 5xx by path". */
  title: string;
  rows: DashboardRow[];
  footer: string;
}

export interface LogLineView {
  time: string;
  level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  service: string;
  text: string;
  /** Matches the text filter: drawn highlighted. */
  highlight: boolean;
}

export interface LogsView {
  /** "" when unfiltered, else "service=payment-processor level=error". */
  filter: string;
  /** Lines in the window that the filter hides. */
  hidden: number;
  lines: LogLineView[];
  following: boolean;
  /** How far back from now the view is scrolled, in lines. */
  scrollback: number;
}

export interface FeedLineView {
  time: string;
  channel: 'page' | 'chat' | 'stakeholder' | 'system' | 'examiner';
  from: string;
  text: string;
  tone: Tone;
}

export interface TeamMemberView {
  name: string;
  team: string;
  role: string;
  /** "paged", "joining", "here", "busy". */
  status: string;
  task: string | null;
  /** "due 21:15 (in 0:28)" or "overdue 1:10". */
  due: string | null;
  overdue: boolean;
}

export interface TimelineEntryView {
  time: string;
  text: string;
  kind: string;
}

export interface PostmortemView {
  open: boolean;
  timeLeft: string;
  fields: { key: string; label: string; text: string }[];
  actions: { type: string; priority: string; owner: string; text: string }[];
  impactFigures: string;
  submitted: boolean;
}

export interface BriefingView {
  id: string;
  title: string;
  difficulty: string;
  timeLimitMin: number;
  text: string;
  team: string;
}

export interface ViewModel {
  header: HeaderView;
  dashboard: DashboardView;
  logs: LogsView;
  feed: FeedLineView[];
  team: TeamMemberView[];
  timeline: TimelineEntryView[];
  /** The answer to the last command under the command line. */
  answer: { text: string; ok: boolean } | null;
  postmortem: PostmortemView;
  briefing: BriefingView;
  /** True once the session is scored: the screen shows the summary. */
  finished: boolean;
  summary: string | null;
}

/** How much the screen has room for; the selector fills exactly this much. */
export interface ViewSize {
  sparkPoints: number;
  logLines: number;
  feedLines: number;
  timelineEntries: number;
  logScrollback: number;
}

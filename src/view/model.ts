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
  /** Set when the examiner paused the clock (absent otherwise). */
  pausedBy?: 'examiner';
  /** "+10 min added", for a while after the examiner extended the time limit (absent otherwise). */
  added?: string;
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

/** The axis a sparkline is drawn against: fixed bounds, not the window's own min and max. */
export interface DashboardScale {
  min: number;
  max: number;
  /** "0–100%": the axis as text, for the focused row's footer. */
  text: string;
}

export interface DashboardRow {
  /** The panel's title ("5xx % by endpoint"). */
  panel: string;
  /** The panel's id, for commands (`dash endpoints`). */
  panelId: string;
  label: string;
  /** The axis: the metric's declared range, its threshold and what the window holds. */
  scale: DashboardScale;
  /** The threshold, as text ("> 5%"), or null when the series has none. */
  threshold: string | null;
  /** What enter on this row submits: `dash PANEL by LABEL`, or `dash` back to the overview. */
  drill: string;
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
  /** Matches the text filter (or shows a filtered field's value): drawn highlighted. */
  highlight: boolean;
  /** [start, end) ranges of `text` that matched, drawn inverse. */
  spans?: [number, number][];
}

/**
 * A pinned log window: its newest line is the one `back` matching lines
 * before the end of sim-second `sec`. Lines of a past second never change,
 * so new lines arriving do not move a pinned window.
 */
export interface LogPin {
  sec: number;
  back: number;
}

export interface LogsView {
  /** "" when unfiltered, else "service=payment-processor level=error". */
  filter: string;
  /** Lines in the window that the filter hides. */
  hidden: number;
  lines: LogLineView[];
  following: boolean;
  /** How far back from now the view is scrolled, in lines (matching lines below the window). */
  scrollback: number;
  /** Where the window is pinned (normalized), null while following. */
  pin?: LogPin | null;
  /** The sim-second of the newest line there could be (now). */
  nowSec?: number;
  /** The scenario clock of the pinned window's newest line ("21:14:05"), null while following. */
  pinnedAt?: string | null;
  /** Why nothing matches, when the filter names a field no line has. */
  note?: string | null;
  /** The scan stopped at its per-frame budget: older lines are still being read. */
  partial?: boolean;
}

export interface FeedLineView {
  time: string;
  channel: 'page' | 'chat' | 'stakeholder' | 'system' | 'examiner' | 'coach';
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

export interface PostmortemTimelineEntry {
  /** Scenario wall clock, "21:02". */
  time: string;
  /** Sim time since start, "+2:10". */
  sim: string;
  text: string;
  kind: string;
}

export interface PostmortemView {
  open: boolean;
  timeLeft: string;
  /** Under two minutes left. */
  urgent?: boolean;
  /** The session's events (pages, the IC's decisions, mitigation, resolution) in the scenario's clock. */
  timeline?: PostmortemTimelineEntry[];
  /** Allowed action-item types and priorities, for the form's pickers. */
  actionTypes?: string[];
  priorities?: string[];
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
  /** Lines further back than the pin (or than now when not pinned). */
  logScrollback: number;
  /** Pins the log window (scroll-back that new lines do not move); absent or null = follow. */
  logPin?: LogPin | null;
}

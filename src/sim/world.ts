import type { Command } from '../commands/command.js';
import type { Lifecycle } from './incident-machine.js';
import type { LogFilter } from './logs.js';
import type { Recommendation } from './events.js';
import type { FlagChange } from './flag-history.js';

/** The discrete state of the world: what changes only at events and scheduled moments. */

export type FeedChannel = 'page' | 'chat' | 'stakeholder' | 'system' | 'examiner' | 'coach';

export interface FeedItem {
  sec: number;
  channel: FeedChannel;
  from: string;
  text: string;
  /** Warnings (objections, harm, expired time-boxes) draw the eye. */
  tone: 'normal' | 'alert' | 'good' | 'muted';
}

export interface PageState {
  id: string;
  name: string;
  summary: string;
  firedSec: number;
  ackedSec: number | null;
  clearedSec: number | null;
}

export interface TimelineItem {
  sec: number;
  text: string;
  /** Marks decisions the report and replay jump between. */
  kind: 'ack' | 'sev' | 'status' | 'delegate' | 'action' | 'diagnostic' | 'hyp' | 'poll' | 'rootcause' | 'resolve' | 'other';
}

export interface TaskState {
  n: number;
  who: string;
  text: string;
  kind: 'diagnostic' | 'action' | 'question';
  targetId: string | null;
  /** Words-only work: comms (a notice, a call) or an instruction to leave something alone. */
  words?: 'comms' | 'negated';
  /** For a confirmed change: the numbers the request carried, as written. */
  params?: string[];
  /** For a confirmed change with settings (the action's params): the values it applies. */
  values?: Record<string, number>;
  named: boolean;
  assignedSec: number;
  dueSec: number | null;
  reportSec: number;
  reportedSec: number | null;
  expiredSec: number | null;
  followedUpSec: number | null;
}

/** A responder's read-back of a change they understood, waiting for the IC's `go`. */
export interface ReadBack {
  n: number;
  who: string;
  actionId: string;
  /** Numbers with units the request carried, applied with the change ("2s", "10s"). */
  params: string[];
  /** The action's settings as read back (its params: asked for, or the defaults); absent when it has none. */
  values?: Record<string, number>;
  text: string;
  boxSec: number | null;
  named: boolean;
  sec: number;
  state: 'pending' | 'confirmed' | 'corrected' | 'cancelled';
  /** When the IC confirmed (or the script's read-backs were confirmed as asked), corrected or cancelled it. */
  settledSec: number | null;
}

export interface ResponderState {
  id: string;
  pagedSec: number | null;
  joinedSec: number | null;
}

export interface QuestionState {
  id: string;
  stakeholder: string;
  text: string;
  askedSec: number;
  answeredSec: number | null;
  answerCovers: boolean;
}

export interface PostmortemAction {
  type: string;
  priority: string;
  owner: string;
  text: string;
  sec: number;
}

export interface PostmortemState {
  startedSec: number | null;
  deadlineSec: number | null;
  fields: Record<string, string>;
  actions: PostmortemAction[];
  submittedSec: number | null;
  late: boolean;
}

export interface Scheduled {
  sec: number;
  /** Order among items due the same second: the order they were scheduled. */
  order: number;
  kind: 'raise' | 'lower' | 'count' | 'output' | 'join' | 'report' | 'expire';
  flag?: string;
  text?: string;
  from?: string;
  evidence?: string[];
  person?: string;
  task?: number;
  /** An output that is this diagnostic's output when it arrives (the world as it is then), not when it was asked for. */
  diagnostic?: string;
  /** How the output is shown (default normal). */
  tone?: FeedItem['tone'];
  /** Fill the text's {{metric:…}} placeholders when it arrives. */
  fill?: boolean;
  /** A change's reply, chosen when it lands: the action, the settings it applied, and which of its own flags were up when it was asked. `text` is what comes before the reply. */
  action?: string;
  values?: Record<string, number>;
  ownBefore?: string[];
  /** A counter change (kind `count`, the counter in `flag`): one of add or set. */
  add?: number;
  set?: number;
}

/** Which of the coach's rules spoke (src/sim/coach.ts). */
export type CoachRule = 'unacked-page' | 'update-cadence' | 'idle' | 'harmful-change' | 'resolve-with-alerts' | 'timebox-expired';

/** A line the solo coach said: `key` names the occurrence it was about, so each is said once. */
export interface CoachNudge {
  sec: number;
  rule: CoachRule;
  key: string;
  text: string;
}

export interface ScorecardState {
  /** A competency (rubric section) id → the score the examiner gave it, overriding the computed one. */
  ratings: Record<string, { score: number; sec: number }>;
  recommendation: { verdict: Recommendation; text: string; sec: number } | null;
  /** When the examiner released the debrief to the candidate; null until then. */
  releasedSec: number | null;
}

export interface WorldState {
  sec: number;
  started: boolean;
  lifecycle: Lifecycle;
  phase: string;
  variant: string;
  /** The seed and difficulty the world was played with: scoring replays the reference play under the same ones. */
  seed: number;
  difficulty: 'easy' | 'normal' | 'hard';
  severity: number | null;
  severityHistory: { sec: number; level: number }[];
  ackSec: number | null;
  firstPageSec: number | null;
  onsetSec: number | null;
  mitigatedSec: number | null;
  fixedSec: number | null;
  resolvedSec: number | null;
  resolvedWhileFixed: boolean;
  outcome: 'resolved' | 'timed-out' | 'abandoned' | null;
  timeLimitSec: number;
  pages: PageState[];
  feed: FeedItem[];
  timeline: TimelineItem[];
  evidence: Record<string, number>;
  hypotheses: { n: number; text: string; sec: number; verdict: 'open' | 'confirm' | 'refute'; because: string }[];
  rootCause: { text: string; sec: number } | null;
  /** `harmful`: set for an action with harmfulWhen, whether it held as the action was taken; otherwise its kind says. */
  actions: { id: string; sec: number; by: string; kind: string; harmful?: boolean }[];
  diagnostics: { id: string; sec: number; by: string }[];
  handsOn: { sec: number; text: string }[];
  statusUpdates: { sec: number; text: string; promiseSec: number | null }[];
  questions: QuestionState[];
  replies: { sec: number; who: string; text: string }[];
  executiveSec: number | null;
  responders: Record<string, ResponderState>;
  escalations: { sec: number; team: string }[];
  tasks: TaskState[];
  /** `legacy`: a recording made before read-backs; see the start event's `delegation`. */
  delegation: 'legacy' | 'auto' | 'confirm';
  readBacks: ReadBack[];
  /** `refused`: a recording made before asks waited for a join; see the start event's `asks`. */
  asks: 'refused' | 'queued';
  /** `patterns`: a recording made before the engine's change verbs kept `run` from changes; see the start event's `verbs`. */
  verbs: 'patterns' | 'engine';
  /** Asks to someone paged but not joined yet, in the order the IC made them: each is taken when that person joins. */
  queuedAsks: { sec: number; who: string; ask: Extract<Command, { verb: 'ask' }> }[];
  /** A responder's offer to page the team a request belongs to ("shall I page them?"): `go` pages it. */
  pageOffer: { who: string; team: string; sec: number } | null;
  polls: { sec: number; text: string; objections: string[] }[];
  roles: Record<string, { who: string; sec: number }>;
  handoff: { who: string; sec: number } | null;
  /** `item`: the rubric checkpoint an examiner's note is about; `atSec`: the moment of the recording it points to. */
  notes: { sec: number; text: string; by: 'ic' | 'examiner'; item?: string; atSec?: number }[];
  /** The examiner's scorecard: examiner-only, never in the candidate's view or copy. */
  scorecard: ScorecardState;
  hintsTaken: { sec: number; cost: number; by?: 'examiner' }[];
  logFilter: LogFilter;
  dash: { panel: string | null; by: string | null };
  impact: Record<string, number>;
  postmortem: PostmortemState;
  speed: number;
  paused: boolean;
  /** Who paused the clock, while it is paused. */
  pausedBy: 'ic' | 'examiner' | 'system' | null;
  /** An interview candidate may pause and change speed only once the examiner grants it. */
  clockGranted: boolean;
  /** The examiner's last extension of the time limit, for the candidate's screen. */
  extended: { sec: number; minutes: number } | null;
  pending: Scheduled[];
  nextOrder: number;
  /** Every flag raised and lowered, in order, with its second (the engine's FlagHistory appends to it): what the rubric reads to tell what happened when. */
  flagLog: FlagChange[];
  alertBreach: Record<string, number | null>;
  /** The answer to the IC's last command, shown under the command line. */
  lastAnswer: { sec: number; text: string; ok: boolean } | null;
  commandsSeen: number;
  lastCommand: Command | null;
  /** When the IC last typed a command (the coach's "minutes with no action"). */
  lastCommandSec: number | null;
  /** The start event's `consistent`: the rules that keep signals in agreement apply (false: an older recording). */
  consistent: boolean;
  /** Whether the coach speaks: the start event's `coach` (never in an interview or at hard). */
  coach: boolean;
  /** What the coach said, in order; none of it feeds the score. */
  nudges: CoachNudge[];
}

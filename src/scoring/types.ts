import type { Checkpoint } from '../scenario/schema.js';
import type { WorldState } from '../sim/world.js';
import type { ItemJudgement } from './action-items.js';
import type { Recommendation } from '../sim/events.js';

export interface CheckResult {
  /** Met only because nothing it judges has happened yet: it can be judged only at the end. */
  pending?: true;
  /**
   * The check did not apply to this session (nobody joined to leave hands-on
   * work to, no question was asked, no change was made): it earns nothing
   * and its weight goes to the checks that did apply, never free points.
   */
  notApplicable?: true;
  /** Fraction of the checkpoint's points earned, 0..1. */
  fraction: number;
  reason: string;
}

export interface CheckpointResult {
  id: string;
  section: Checkpoint['section'];
  title: string;
  /** The scenario's points for it, before the weight of checks that did not apply was shared out. */
  nominal: number;
  /** Its points in this session: nominal, scaled up by the weight of the checks that did not apply; 0 when it did not apply. */
  points: number;
  earned: number;
  reason: string;
  /** See CheckResult.pending; a live rubric does not count it yet. */
  pending?: true;
  /** See CheckResult.notApplicable. */
  notApplicable?: true;
}

export interface SectionScore {
  id: string;
  score: number;
  max: number;
  reasons: string[];
}

/** Absolute sim seconds (…S with no prefix) and intervals; each interval names its start. */
export interface Timings {
  /** Fault onset (impact starts). */
  onsetS: number | null;
  /** The first page (detection). */
  detectedS: number | null;
  ackS: number | null;
  sevS: number | null;
  mitigatedS: number | null;
  resolvedS: number | null;
  /** From the first page to the acknowledgement. */
  mttaS: number | null;
  /** From the first page (else the acknowledgement) to the first severity. */
  toSevS: number | null;
  /** From fault onset to mitigation. */
  mttmS: number | null;
  /** From fault onset to resolution. */
  mttrS: number | null;
  /** Time spent writing the postmortem. */
  postmortemS: number | null;
  /** Time the postmortem was allowed. */
  postmortemAllowedS: number | null;
}

export interface PostmortemStatus {
  written: boolean;
  submitted: boolean;
  /** The countdown ran out: submitted as it stood. */
  late: boolean;
  /** Late, or without a summary, impact, root cause or any action item. */
  partial: boolean;
  missingFields: string[];
  itemCount: number;
  /** Concept ids the items earned, in the scenario's order. */
  conceptsMet: string[];
}

export interface Score {
  total: number;
  max: number;
  sections: SectionScore[];
  checkpoints: CheckpointResult[];
  hintPenalty: number;
  timings: Timings;
  items: ItemJudgement[];
  postmortem: PostmortemStatus;
}

/** Who, when and how, for the report's header; none of it feeds the score. */
export interface ReportMeta {
  sessionId: string;
  seed: number;
  trainee: string;
  mode: string;
  difficulty: string;
  startedAt: string;
  /** Whether the debrief (root cause, variant, examiner notes) may be shown. */
  revealTruth: boolean;
  chainVerified: boolean | null;
  /** Who signed the recording, or that it is unsigned / what is broken ("signed by … SHA256:…, trusted"). */
  signing?: string | null;
  /** The examiner's scorecard: only in `report --examiner`. */
  scorecard?: Scorecard;
}

/**
 * The scorecard an interviewer hands in: each competency (a rubric
 * section) with the computed score beside the examiner's own, the notes
 * tagged to rubric items and to moments of the recording, and the
 * recommendation. Examiner-only: never in the candidate's report, replay or copy.
 */
export interface CompetencyCard {
  id: string;
  computed: number;
  max: number;
  /** The examiner's score, when they set one. */
  rated: number | null;
  /** What the scorecard counts: the examiner's score, else the computed one. */
  final: number;
}

export interface ScorecardNote {
  /** When the note was written (sim seconds). */
  sec: number;
  /** The moment of the recording it points to, when not where it was written. */
  atSec: number | null;
  /** The rubric item it is about: id and title. */
  item: { id: string; title: string } | null;
  text: string;
}

export interface Scorecard {
  competencies: CompetencyCard[];
  total: { computed: number; final: number; max: number };
  notes: ScorecardNote[];
  recommendation: { verdict: Recommendation; text: string; sec: number } | null;
  releasedSec: number | null;
}

/** The scenario's reference (strong) play run through the engine for this session's variant and seed. */
export interface ReferenceRun {
  world: WorldState;
  score: Score;
}

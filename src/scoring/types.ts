import type { Checkpoint } from '../scenario/schema.js';
import type { ItemJudgement } from './action-items.js';

export interface CheckResult {
  /** Fraction of the checkpoint's points earned, 0..1. */
  fraction: number;
  reason: string;
}

export interface CheckpointResult {
  id: string;
  section: Checkpoint['section'];
  title: string;
  points: number;
  earned: number;
  reason: string;
}

export interface SectionScore {
  id: string;
  score: number;
  max: number;
  reasons: string[];
}

export interface Timings {
  ackS: number | null;
  sevS: number | null;
  mitigatedS: number | null;
  resolvedS: number | null;
  /** From the first page to the acknowledgement. */
  mttaS: number | null;
  /** From fault onset to mitigation. */
  mttmS: number | null;
  postmortemS: number | null;
}

export interface Score {
  total: number;
  max: number;
  sections: SectionScore[];
  checkpoints: CheckpointResult[];
  hintPenalty: number;
  timings: Timings;
  items: ItemJudgement[];
}

import type { SessionExport } from '../store/index.js';
import { scenarioOf } from './session.js';

/**
 * The candidate's copy of a recording (`firedrill export SESSION --candidate`):
 * what the candidate did and saw, without anything only the examiner may see.
 *
 * Kept: the session's id, scenario id and title, trainee, mode, difficulty,
 * times and outcome; every event the candidate's screen reflected (their own
 * commands, clock changes, and the examiner's injections, released hints,
 * pauses and extensions, which appeared on their screen) with its original
 * seq, sim time and chain hash, so an examiner can match it to the original.
 *
 * Withheld:
 *  - examiner notes (`annotate` events): their seqs are simply absent;
 *  - the scenario snapshot: it holds every variant's root cause, the rubric,
 *    the hint ladder and the examiner's notes and strong/weak play;
 *  - the variant and the seed (the seed picks the variant);
 *  - the score and the report (in interview mode the debrief is the examiner's to release);
 *  - the replay-fidelity hashes.
 *
 * Without the snapshot and with events missing, a candidate copy is not a
 * recording: it cannot be replayed, verified or imported (import refuses it
 * and says so). It is the candidate's record of their session.
 */
export const CANDIDATE_COPY_FORMAT = 'firedrill-candidate-copy';

export interface CandidateCopy {
  format: typeof CANDIDATE_COPY_FORMAT;
  version: 1;
  about: string;
  session: {
    id: string;
    scenarioId: string;
    scenarioTitle: string;
    trainee: string;
    mode: string;
    difficulty: string;
    startedAt: string;
    endedAt: string | null;
    outcome: string | null;
    appVersion: string;
  };
  /** Hash of the original recording's last event: identifies the recording this was cut from. */
  sourceChainHead: string | null;
  events: { seq: number; simMs: number; wallMs: number; actor: string; type: string; payload: unknown; hash: string }[];
  withheld: { examinerNotes: number; items: string[] };
}

/** Event types only the examiner sees. */
const EXAMINER_ONLY = new Set(['annotate']);

export function candidateCopy(x: SessionExport): CandidateCopy {
  const s = x.session;
  let title = s.scenarioId;
  try {
    title = scenarioOf(s).title;
  } catch {
    // An unreadable snapshot still has an id to show.
  }
  const kept = x.events.filter((e) => !EXAMINER_ONLY.has(e.type));
  return {
    format: CANDIDATE_COPY_FORMAT,
    version: 1,
    about: 'A candidate copy of a firedrill recording: examiner-only content withheld. Not a recording: it cannot be replayed or imported.',
    session: {
      id: s.id,
      scenarioId: s.scenarioId,
      scenarioTitle: title,
      trainee: s.trainee,
      mode: s.mode,
      difficulty: s.difficulty,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      outcome: s.outcome,
      appVersion: s.appVersion,
    },
    sourceChainHead: x.events.at(-1)?.hash ?? null,
    events: kept.map((e) => ({ seq: e.seq, simMs: e.simMs, wallMs: e.wallMs, actor: e.actor, type: e.type, payload: e.payload, hash: e.hash })),
    withheld: {
      examinerNotes: x.events.length - kept.length,
      items: ['examiner notes', 'scenario snapshot (root causes, rubric, hints, examiner notes)', 'variant', 'seed', 'score and report', 'view hashes'],
    },
  };
}

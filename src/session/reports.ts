import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderMarkdown, renderSummary } from '../scoring/report-md.js';
import type { Score } from '../scoring/types.js';
import type { Session } from './session.js';
import { recordingStatus } from './recording-label.js';

export interface Finished {
  score: Score;
  summary: string;
  reportPath: string | null;
}

export function reportMarkdown(session: Session, score: Score, revealTruth: boolean): string {
  const row = session.row;
  const recording = recordingStatus(session.store, row.id);
  return renderMarkdown(session.scenario, session.engine.state, score, {
    sessionId: row.id,
    seed: row.seed,
    trainee: row.trainee,
    mode: row.mode,
    difficulty: row.difficulty,
    startedAt: row.startedAt,
    revealTruth,
    chainVerified: recording.ok,
    signing: recording.label,
  });
}

/**
 * Scores a session, stores the result and writes the Markdown report next
 * to the database (reports/<id>.md). Solo trainees see the debrief; an
 * interview candidate's copy keeps the truth for the examiner.
 */
export function finishSession(session: Session): Finished {
  const score = session.finish();
  const revealTruth = session.row.mode !== 'interview';
  const md = reportMarkdown(session, score, revealTruth);
  let reportPath: string | null = null;
  if (session.store.path !== ':memory:') {
    reportPath = join(dirname(session.store.path), 'reports', `${session.id}.md`);
    try {
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileSync(reportPath, md);
    } catch {
      reportPath = null;
    }
  }
  return { score, summary: renderSummary(session.scenario, session.engine.state, score), reportPath };
}

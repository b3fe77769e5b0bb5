import { SECTIONS } from '../scenario/schema.js';
import type { SessionSummary, Store } from '../store/index.js';
import { terminalSafeDeep } from '../text/terminal-safe.js';
import { derivedOf, listSessionsDerived } from './derived.js';

/**
 * A trainee's record across sessions, as plain data for the history screen
 * and `firedrill sessions`: the score per competency (the report's sections)
 * session by session, and the best score per scenario. Read from the store
 * here so the UI never touches the database.
 */

export interface HistorySection {
  id: string;
  score: number;
  max: number;
}

export interface HistorySession {
  id: string;
  scenarioId: string;
  trainee: string;
  mode: string;
  difficulty: string;
  startedAt: string;
  outcome: string | null;
  score: number;
  scoreMax: number;
  sections: HistorySection[];
}

export interface CompetencyTrend {
  /** Section id: detection, severity, command, … */
  id: string;
  /** Percent of the section's points, one per scored session that had the section, oldest first. */
  percents: number[];
  latest: number | null;
  best: number | null;
  mean: number | null;
}

export interface PersonalBest {
  scenarioId: string;
  score: number;
  scoreMax: number;
  /** The session that set it, and when. */
  sessionId: string;
  startedAt: string;
  attempts: number;
}

export interface HistoryData {
  /** Scored sessions, oldest first. */
  sessions: HistorySession[];
  /** Sessions started but never scored (quit before the end, still running). */
  unscored: number;
  competencies: CompetencyTrend[];
  bests: PersonalBest[];
}

function parseSections(json: string | null): HistorySection[] {
  if (!json) return [];
  try {
    const doc = JSON.parse(json) as { sections?: unknown };
    if (!Array.isArray(doc.sections)) return [];
    const out: HistorySection[] = [];
    for (const s of doc.sections) {
      const x = s as { id?: unknown; score?: unknown; max?: unknown };
      if (typeof x.id === 'string' && typeof x.score === 'number' && typeof x.max === 'number') out.push({ id: x.id, score: x.score, max: x.max });
    }
    return out;
  } catch {
    return [];
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Builds the trends from sessions (oldest first); pure, for tests. */
export function summarizeHistory(sessions: readonly HistorySession[], unscored = 0): HistoryData {
  const ordered = [...sessions].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const ids = [...SECTIONS, ...new Set(ordered.flatMap((s) => s.sections.map((x) => x.id)).filter((id) => !(SECTIONS as readonly string[]).includes(id) && id !== 'hints'))];
  const competencies: CompetencyTrend[] = [];
  for (const id of ids) {
    const percents: number[] = [];
    for (const s of ordered) {
      const sec = s.sections.find((x) => x.id === id);
      if (sec && sec.max > 0) percents.push(round1((100 * Math.max(0, sec.score)) / sec.max));
    }
    if (percents.length === 0) continue;
    competencies.push({
      id,
      percents,
      latest: percents.at(-1) ?? null,
      best: Math.max(...percents),
      mean: round1(percents.reduce((a, b) => a + b, 0) / percents.length),
    });
  }
  const byScenario = new Map<string, PersonalBest>();
  for (const s of ordered) {
    const prev = byScenario.get(s.scenarioId);
    const pct = (x: { score: number; scoreMax: number }) => (x.scoreMax > 0 ? x.score / x.scoreMax : 0);
    if (!prev) byScenario.set(s.scenarioId, { scenarioId: s.scenarioId, score: s.score, scoreMax: s.scoreMax, sessionId: s.id, startedAt: s.startedAt, attempts: 1 });
    else {
      prev.attempts++;
      if (pct(s) > pct(prev)) Object.assign(prev, { score: s.score, scoreMax: s.scoreMax, sessionId: s.id, startedAt: s.startedAt });
    }
  }
  const bests = [...byScenario.values()].sort((a, b) => a.scenarioId.localeCompare(b.scenarioId));
  return { sessions: ordered, unscored, competencies, bests };
}

/**
 * Every scored session in the store, with its sections (from the report the
 * store vouches for at the session's head, else recomputed from the events),
 * optionally for one trainee. Reads one row per scored session.
 */
export function loadHistory(store: Store, opts: { trainee?: string } = {}): HistoryData {
  const rows: SessionSummary[] = listSessionsDerived(store).filter((r) => !opts.trainee || r.trainee === opts.trainee);
  const sessions: HistorySession[] = [];
  let unscored = 0;
  for (const r of rows) {
    if (r.score === null || r.scoreMax === null) {
      unscored++;
      continue;
    }
    const full = derivedOf(store, r.id);
    sessions.push({
      id: r.id,
      scenarioId: r.scenarioId,
      trainee: r.trainee,
      mode: r.mode,
      difficulty: r.difficulty,
      startedAt: r.startedAt,
      outcome: r.outcome,
      score: r.score,
      scoreMax: r.scoreMax,
      sections: parseSections(full.reportJson),
    });
  }
  // trainee names and scenario ids come from recordings, which may be imported: untrusted
  return terminalSafeDeep(summarizeHistory(sessions, unscored));
}

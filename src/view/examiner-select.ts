import { formatClock } from '../scenario/clock-text.js';
import { sessionFrame, wallClock } from '../scenario/clock-frame.js';
import { findPersona, PAGER } from '../scenario/personas.js';
import { buildScorecard } from '../scoring/scorecard.js';
import { scoreSession } from '../scoring/score.js';
import type { Score } from '../scoring/types.js';
import type { Engine } from '../sim/engine.js';
import type { ActivityView, ExaminerViewModel, HintView } from './examiner-model.js';
import type { ViewModel, ViewSize } from './model.js';
import { selectView, type SelectOptions } from './select.js';
import { terminalSafeDeep } from '../text/terminal-safe.js';
import { hintText } from '../sim/hint-text.js';

/**
 * The view once the log panel has finished looking back. The log window
 * spreads a long scan over several frames (flagging its lines so far
 * `partial`), so the first view of a fresh engine (a seek, a replay, the
 * examiner's copy) can be partial where the candidate's warm engine's is not.
 * Frames compared across processes, fidelity hashes and headless prints use
 * the settled view.
 */
export function settledView(engine: Engine, size: ViewSize, opts: SelectOptions, maxRounds = 50): ViewModel {
  let vm = selectView(engine, size, opts);
  for (let i = 0; i < maxRounds && (vm.logs as { partial?: boolean }).partial === true; i++) vm = selectView(engine, size, opts);
  return vm;
}

export interface ExaminerSelectOptions {
  sessionId: string;
  trainee: string;
  mode: 'solo' | 'interview';
  link: string;
  live: boolean;
  /** Size of the candidate pane. */
  candidateSize: ViewSize;
  activity: ActivityView[];
  message: string | null;
  /** Ids of the curveballs already sent in this session. */
  sentCurveballs?: ReadonlySet<string>;
  /** Finish the log panel's look-back now (headless prints) instead of over the next frames. */
  settle?: boolean;
}

/**
 * The examiner's console from the examiner's own copy of the world: the
 * candidate's view (selectView, exactly what the candidate's screen is built
 * from), the hidden truth, the rubric scored on the world as it stands, the
 * hint ladder and the notes.
 */
export function selectExaminerView(engine: Engine, opts: ExaminerSelectOptions): ExaminerViewModel {
  const sc = engine.scenario;
  const s = engine.state;
  const variant = sc.variants.find((v) => v.id === s.variant);
  const score = scoreSession(sc, s);
  const candidate = (opts.settle ? settledView : selectView)(engine, opts.candidateSize, {
    mode: 'play',
    interview: opts.mode === 'interview',
    summary: null,
  });
  const finished = engine.incident.hasTag('over');
  const hints: HintView[] = sc.hints.map((h, i) => {
    const used = s.hintsTaken[i];
    return { n: i + 1, text: hintText(h, (c) => engine.holds(c)).trim(), cost: h.cost, used: used ? `${used.cost === 0 ? 'released' : 'taken'} +${formatClock(used.sec)}` : null };
  });
  // Trainee names, notes and injected messages are untrusted text too.
  return terminalSafeDeep({
    header: {
      sessionId: opts.sessionId,
      trainee: opts.trainee,
      scenarioId: sc.id,
      title: sc.title,
      variantId: s.variant,
      variantTitle: variant?.title ?? s.variant,
      clock: `${wallClock(sessionFrame(sc, s.consistent || !s.started), s.sec, false)} (sim +${formatClock(s.sec)})`,
      speed: s.speed,
      paused: s.paused,
      lifecycle: s.lifecycle,
      timeLeft: candidate.header.timeLeft,
      mode: opts.mode,
      link: opts.link,
      live: opts.live,
    },
    candidate,
    truth: {
      variant: variant ? `${variant.id}: ${variant.title}` : s.variant,
      rootCause: variant?.rootCause.trim() ?? '',
      strongPlay: sc.examiner.strongPlay.trim(),
      weakPlay: sc.examiner.weakPlay.trim(),
      notes: sc.examiner.notes.trim(),
      expectedMinutes: sc.examiner.expectedMinutes,
    },
    rubric: liveRubric(score, finished),
    hints,
    activity: opts.activity,
    notes: s.notes.filter((n) => n.by === 'examiner').map((n) => ({ time: `+${formatClock(n.sec)}`, text: n.text })),
    scorecard: buildScorecard(sc, s, score),
    curveballs: sc.examiner.curveballs.map((c, i) => ({ n: i + 1, id: c.id, from: c.from === PAGER ? 'page' : (findPersona(sc, c.from)?.name ?? c.from), text: c.text.trim(), used: opts.sentCurveballs?.has(c.id) ?? false })),
    canInject: s.started && !finished,
    finished,
    message: opts.message,
  });
}

/**
 * The rubric as it stands. While the session runs, a check met only because
 * nothing it judges has happened yet (no time-box has run out) is shown open
 * and not counted, and one that has not applied so far (no change made, no
 * question asked) may still apply: at +0:00 nothing is earned.
 */
function liveRubric(score: Score, finished: boolean): ExaminerViewModel['rubric'] {
  const items = score.checkpoints.map((c) => {
    const waiting = !finished && (c.pending === true || c.notApplicable === true);
    const earned = waiting ? 0 : c.earned;
    const state = c.notApplicable ? ('n/a' as const) : earned >= c.points ? ('met' as const) : earned > 0 ? ('partial' as const) : ('open' as const);
    return {
      id: c.id,
      section: c.section,
      title: c.title,
      points: c.points,
      earned,
      state,
      reason: waiting ? `${c.notApplicable ? `not applicable so far: ${c.reason}` : `${c.reason} so far`} (judged at the end)` : c.notApplicable ? `not applicable: ${c.reason}` : c.reason,
    };
  });
  const total = finished ? score.total : Math.max(0, Math.round(items.reduce((a, i) => a + i.earned, 0) - score.hintPenalty));
  return { total, max: score.max, hintPenalty: score.hintPenalty, items };
}

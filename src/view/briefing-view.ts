import { wallClock } from '../scenario/clock-frame.js';
import { formatClock } from '../scenario/clock-text.js';
import type { Scenario } from '../scenario/schema.js';
import { impactFigure } from '../scenario/number-text.js';
import type { BriefingView, ViewModel } from './model.js';
import { terminalSafeDeep } from '../text/terminal-safe.js';

// The briefing from the scenario alone: the screen can show it before the
// session (store, engine) exists, and the live view says the same.

export const INTERVIEW_NOTICE =
  'Interview mode: an examiner may be watching this session from another terminal, and may send you messages, pages or hints.';

export function briefingView(sc: Scenario, difficulty: string): BriefingView {
  return { id: sc.id, title: sc.title, difficulty, timeLimitMin: sc.timeLimitMin, text: sc.briefing.text, team: sc.briefing.team };
}

/** The candidate is told an examiner may be present: part of the briefing in interview mode. */
export function withInterviewNotice(b: BriefingView): BriefingView {
  return { ...b, text: `${b.text.replace(/\s+$/u, '')}\n\n${INTERVIEW_NOTICE}` };
}

/**
 * The whole view before the clock starts, without a session: the briefing,
 * and the header as it will read at sim time zero (the live view's own
 * values then; a test holds the two together). The panels are empty: the
 * briefing screen does not show them.
 */
export function briefingOnlyView(sc: Scenario, opts: { difficulty: string; interview: boolean }): ViewModel {
  const briefing = briefingView(sc, opts.difficulty);
  return terminalSafeDeep<ViewModel>({
    header: {
      scenarioId: sc.id,
      title: sc.title,
      wallClock: wallClock(sc, 0),
      simClock: `+${formatClock(0)}`,
      speed: 1,
      paused: false,
      severity: 'no SEV',
      severityLevel: null,
      ic: 'you',
      timeLeft: formatClock(Math.round(sc.timeLimitMin * 60)),
      impact: sc.impact.map((i) => impactFigure(0, i.label, i.unit)).join(' · '),
      nextUpdateDue: null,
      updateOverdue: false,
      lifecycle: 'briefing',
      mode: 'play',
      interview: opts.interview,
    },
    dashboard: { title: 'Dashboard', rows: [], footer: '' },
    logs: { filter: '', hidden: 0, lines: [], following: true, scrollback: 0 },
    feed: [],
    team: [],
    timeline: [],
    answer: null,
    postmortem: { open: false, timeLeft: formatClock(0), fields: [], actions: [], impactFigures: '', submitted: false },
    briefing: opts.interview ? withInterviewNotice(briefing) : briefing,
    finished: false,
    summary: null,
  });
}

import { formatClock } from '../scenario/duration.js';
import type { Engine } from '../sim/engine.js';
import { describeFilter, matchesFilter, type LogLine } from '../sim/logs.js';
import { wallClock, wallHm } from '../scenario/clock-frame.js';
import { impactFigure, withUnit } from './format.js';
import type { DashboardRow, FeedLineView, LogLineView, ViewModel, ViewSize } from './model.js';

export interface SelectOptions {
  mode: 'play' | 'replay' | 'examine';
  interview: boolean;
  summary: string | null;
  /** Regenerating a past second's logs is pure, so a cache is safe. */
  logCache?: Map<number, LogLine[]>;
}

const SPARK_STEP_SEC = 10;
const LOG_SCAN_SEC = 900;

/** Builds the candidate-safe view: nothing examiner-only is read here. */
export function selectView(engine: Engine, size: ViewSize, opts: SelectOptions): ViewModel {
  const sc = engine.scenario;
  const s = engine.state;
  const sec = s.sec;
  const at = (x: number) => wallClock(sc, x, false);

  const cadence = sc.rubric.map((r) => r.check).find((c) => c.kind === 'update-cadence');
  const cadenceSec = cadence && cadence.kind === 'update-cadence' ? cadence.maxGapSec : 1200;
  const running = s.lifecycle === 'active' || s.lifecycle === 'mitigated';
  const last = s.statusUpdates.at(-1);
  const declared = s.severityHistory[0]?.sec ?? null;
  const dueSec = running && declared !== null ? (last?.promiseSec ?? (last?.sec ?? declared) + cadenceSec) : null;
  const timeLeft = s.lifecycle === 'postmortem' && s.postmortem.deadlineSec !== null ? s.postmortem.deadlineSec - sec : s.timeLimitSec - sec;

  return {
    header: {
      scenarioId: sc.id,
      title: sc.title,
      wallClock: wallClock(sc, sec),
      simClock: `+${formatClock(sec)}`,
      speed: s.speed,
      paused: s.paused,
      severity: s.severity === null ? 'no SEV' : `SEV-${s.severity}`,
      severityLevel: s.severity,
      ic: s.handoff ? engine.personName(s.handoff.who) : 'you',
      timeLeft: formatClock(Math.max(0, timeLeft)),
      impact: sc.impact.map((i) => impactFigure(s.impact[i.id] ?? 0, i.label, i.unit)).join(' · '),
      nextUpdateDue: dueSec === null ? null : wallHm(sc, dueSec),
      updateOverdue: dueSec !== null && sec > dueSec,
      lifecycle: s.lifecycle,
      mode: opts.mode,
      interview: opts.interview,
    },
    dashboard: selectDashboard(engine, size.sparkPoints),
    logs: selectLogs(engine, size, opts.logCache, at),
    feed: s.feed.slice(-size.feedLines).map(
      (f): FeedLineView => ({ time: wallHm(sc, f.sec), channel: f.channel === 'examiner' ? 'system' : f.channel, from: f.from, text: f.text, tone: f.tone }),
    ),
    team: sc.people
      .filter((p) => s.responders[p.id]!.pagedSec !== null)
      .map((p) => {
        const r = s.responders[p.id]!;
        const task = [...s.tasks].reverse().find((t) => t.who === p.id && t.reportedSec === null);
        const lastDone = [...s.tasks].reverse().find((t) => t.who === p.id && t.reportedSec !== null);
        const overdue = task?.dueSec != null && sec > task.dueSec;
        return {
          name: p.name,
          team: p.team,
          role: p.role,
          status: r.joinedSec === null ? 'paged' : task ? 'busy' : 'here',
          task: task ? task.text : lastDone ? `✓ ${lastDone.text} (reported)` : null,
          due: task?.dueSec != null ? (overdue ? `overdue ${formatClock(sec - task.dueSec)}` : `due ${wallHm(sc, task.dueSec)} (in ${formatClock(task.dueSec - sec)})`) : null,
          overdue,
        };
      }),
    timeline: s.timeline.slice(-size.timelineEntries).map((t) => ({ time: wallHm(sc, t.sec), text: t.text, kind: t.kind })),
    answer: s.lastAnswer ? { text: s.lastAnswer.text, ok: s.lastAnswer.ok } : null,
    postmortem: {
      open: s.lifecycle === 'postmortem',
      timeLeft: formatClock(Math.max(0, (s.postmortem.deadlineSec ?? sec) - sec)),
      fields: [
        ['summary', 'Summary'],
        ['impact', 'Impact'],
        ['rootcause', 'Root cause'],
        ['factors', 'Contributing factors'],
        ['well', 'What went well'],
        ['lucky', 'Where we got lucky'],
      ].map(([key, label]) => ({ key: key!, label: label!, text: s.postmortem.fields[key!] ?? '' })),
      actions: s.postmortem.actions.map((a) => ({ type: a.type, priority: a.priority, owner: a.owner, text: a.text })),
      impactFigures: sc.impact.map((i) => impactFigure(s.impact[i.id] ?? 0, i.label, i.unit)).join(', '),
      submitted: s.postmortem.submittedSec !== null,
    },
    briefing: { id: sc.id, title: sc.title, difficulty: engine.difficulty, timeLimitMin: sc.timeLimitMin, text: sc.briefing.text, team: sc.briefing.team },
    finished: s.lifecycle === 'scored' || s.lifecycle === 'abandoned',
    summary: opts.summary,
  };
}

function selectDashboard(engine: Engine, points: number) {
  const sc = engine.scenario;
  const { panel, by } = engine.state.dash;
  const focus = panel ? sc.panels.find((p) => p.id === panel) : undefined;
  let metrics = sc.metrics.filter((m) => !m.hidden && (focus ? m.panel === focus.id : m.overview));
  if (focus && by) metrics = [...metrics].sort((a, b) => (a.labels[by] ?? '').localeCompare(b.labels[by] ?? ''));
  const panelTitle = (id: string) => sc.panels.find((p) => p.id === id)?.title ?? id;
  const sec = engine.state.sec;
  const rows: DashboardRow[] = metrics.map((m) => {
    const series: (number | null)[] = [];
    for (let i = points - 1; i >= 0; i--) {
      const t = sec - i * SPARK_STEP_SEC;
      series.push(t < 0 || !engine.state.started ? null : engine.metricAt(m.id, t));
    }
    const v = engine.state.started ? engine.metricAt(m.id, sec) : null;
    const alarm = v !== null && m.threshold !== undefined && ((m.threshold.above !== undefined && v > m.threshold.above) || (m.threshold.below !== undefined && v < m.threshold.below));
    return {
      panel: panelTitle(m.panel),
      label: focus && by ? `${by}=${m.labels[by] ?? '—'}` : m.label,
      points: series,
      value: v === null ? 'no data' : withUnit(v, m.decimals, m.unit),
      alarm,
      noData: v === null,
    };
  });
  return {
    title: focus ? `Dashboard › ${focus.title}${by ? ` by ${by}` : ''}` : 'Dashboard',
    rows,
    footer: focus ? '`dash` for the overview' : `panels: ${sc.panels.map((p) => p.id).join(' ')} (dash PANEL)`,
  };
}

function selectLogs(engine: Engine, size: ViewSize, cache: Map<number, LogLine[]> | undefined, at: (sec: number) => string) {
  const filter = engine.state.logFilter;
  const want = size.logLines + size.logScrollback;
  const matched: LogLine[] = [];
  let hidden = 0;
  const now = engine.state.sec;
  for (let sec = now; sec >= 0 && sec > now - LOG_SCAN_SEC && matched.length < want; sec--) {
    let lines = sec < now ? cache?.get(sec) : undefined;
    if (!lines) {
      lines = engine.logsAt(sec);
      if (cache && sec < now) {
        cache.set(sec, lines);
        if (cache.size > 4000) cache.delete(cache.keys().next().value!);
      }
    }
    for (let i = lines.length - 1; i >= 0; i--) {
      if (matchesFilter(lines[i]!, filter)) matched.push(lines[i]!);
      else hidden++;
    }
  }
  const window = matched.slice(size.logScrollback, size.logScrollback + size.logLines).reverse();
  const text = filter.text?.toLowerCase() ?? null;
  return {
    filter: describeFilter(filter),
    hidden,
    following: size.logScrollback === 0,
    scrollback: size.logScrollback,
    lines: window.map(
      (l): LogLineView => ({
        time: at(Math.floor(l.ms / 1000)),
        level: l.level.toUpperCase() as LogLineView['level'],
        service: l.service,
        text: l.message,
        highlight: text !== null && l.message.toLowerCase().includes(text),
      }),
    ),
  };
}

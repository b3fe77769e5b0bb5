import { ACTION_TYPES, PM_SECTIONS, PRIORITIES } from '../scenario/vocabulary.js';
import { formatClock } from '../scenario/clock-text.js';
import type { Metric } from '../scenario/schema.js';
import type { Engine } from '../sim/engine.js';
import { describeFilter, type LogFilter, type LogLine } from '../sim/logs.js';
import { sessionFrame, wallClock, wallHm } from '../scenario/clock-frame.js';
import { briefingView } from './briefing-view.js';
import { compact, impactFigure, withUnit } from '../scenario/number-text.js';
import { candidateSafeTemplates } from '../scenario/candidate-safe.js';
import { logWindow } from './log-window.js';
import { SPARK_STEP_SEC, sparkStep, spanText } from './history-window.js';
import { statusRow, withStatusRows } from './status-rows.js';
import { terminalSafeDeep } from '../text/terminal-safe.js';
import type { DashboardRow, DashboardScale, FeedLineView, LogLineView, LogsView, PostmortemTimelineEntry, ViewModel, ViewSize } from './model.js';

export interface SelectOptions {
  mode: 'play' | 'replay' | 'examine';
  interview: boolean;
  summary: string | null;
}

const URGENT_SEC = 120;

/** How long (sim seconds) the header says that the examiner added time. */
const EXTENDED_SHOWN_SEC = 120;

/**
 * Builds the candidate-safe view: nothing examiner-only is read here. Every
 * string in it has passed the terminal sanitiser (typed text, scenario text
 * and names are untrusted), so no panel needs to think about escapes.
 */
export function selectView(engine: Engine, size: ViewSize, opts: SelectOptions): ViewModel {
  return terminalSafeDeep(buildView(engine, size, opts));
}

function buildView(engine: Engine, size: ViewSize, opts: SelectOptions): ViewModel {
  const sc = engine.scenario;
  const s = engine.state;
  const sec = s.sec;
  const frame = sessionFrame(sc, s.consistent || !s.started);
  const at = (x: number) => wallClock(frame, x, false);

  const cadence = sc.rubric.map((r) => r.check).find((c) => c.kind === 'update-cadence');
  const cadenceSec = cadence && cadence.kind === 'update-cadence' ? cadence.maxGapSec : 1200;
  const life = engine.incident;
  const running = life.hasTag('running');
  const pmOpen = life.hasTag('postmortem');
  const last = s.statusUpdates.at(-1);
  const declared = s.severityHistory[0]?.sec ?? null;
  const dueSec = running && declared !== null ? (last?.promiseSec ?? (last?.sec ?? declared) + cadenceSec) : null;
  const timeLeft = pmOpen && s.postmortem.deadlineSec !== null ? s.postmortem.deadlineSec - sec : s.timeLimitSec - sec;

  return {
    header: {
      scenarioId: sc.id,
      title: sc.title,
      wallClock: wallClock(frame, sec),
      simClock: `+${formatClock(sec)}`,
      // The postmortem's countdown runs on wall time (session/live-controller.ts): no pause, no speed.
      speed: pmOpen ? 1 : s.speed,
      paused: s.paused && !pmOpen,
      ...(s.paused && !pmOpen && s.pausedBy === 'examiner' ? { pausedBy: 'examiner' as const } : {}),
      ...(s.extended && sec - s.extended.sec < EXTENDED_SHOWN_SEC ? { added: `+${s.extended.minutes} min added` } : {}),
      severity: s.severity === null ? 'no SEV' : `SEV-${s.severity}`,
      severityLevel: s.severity,
      ic: s.handoff ? engine.personName(s.handoff.who) : 'you',
      timeLeft: formatClock(Math.max(0, timeLeft)),
      impact: sc.impact.map((i) => impactFigure(s.impact[i.id] ?? 0, i.label, i.unit, s.consistent)).join(' · '),
      nextUpdateDue: dueSec === null ? null : wallHm(frame, dueSec),
      updateOverdue: dueSec !== null && sec > dueSec,
      lifecycle: s.lifecycle,
      mode: opts.mode,
      interview: opts.interview,
    },
    dashboard: selectDashboard(engine, size.sparkPoints),
    logs: selectLogs(engine, size, at),
    feed: s.feed.slice(-size.feedLines).map(
      (f): FeedLineView => ({ time: wallHm(frame, f.sec), channel: f.channel === 'examiner' ? 'system' : f.channel, from: f.from, text: f.text, tone: f.tone }),
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
          due: task?.dueSec != null ? (overdue ? `overdue ${formatClock(sec - task.dueSec)}` : `due ${wallHm(frame, task.dueSec)} (in ${formatClock(task.dueSec - sec)})`) : null,
          overdue,
        };
      }),
    timeline: s.timeline.slice(-size.timelineEntries).map((t) => ({ time: wallHm(frame, t.sec), text: t.text, kind: t.kind })),
    answer: s.lastAnswer ? { text: s.lastAnswer.text, ok: s.lastAnswer.ok } : null,
    postmortem: {
      open: pmOpen,
      timeLeft: formatClock(Math.max(0, (s.postmortem.deadlineSec ?? sec) - sec)),
      urgent: pmOpen && (s.postmortem.deadlineSec ?? sec) - sec <= URGENT_SEC,
      timeline: pmOpen || s.postmortem.submittedSec !== null ? postmortemTimeline(engine) : [],
      actionTypes: [...ACTION_TYPES],
      priorities: [...PRIORITIES],
      fields: PM_SECTIONS.map(({ key, label }) => ({ key, label, text: s.postmortem.fields[key] ?? '' })),
      actions: s.postmortem.actions.map((a) => ({ type: a.type, priority: a.priority, owner: a.owner, text: a.text })),
      impactFigures: sc.impact.map((i) => impactFigure(s.impact[i.id] ?? 0, i.label, i.unit, s.consistent)).join(', '),
      submitted: s.postmortem.submittedSec !== null,
    },
    briefing: briefingView(sc, engine.difficulty),
    finished: life.hasTag('over'),
    summary: opts.summary,
  };
}

/** 1, 2, 2.5, 5 × 10^k: the smallest such number at or above x. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-9 * p) return m * p;
  return 10 * p;
}

function plain(v: number): string {
  return Math.abs(v) >= 100 || Number.isInteger(v) ? compact(v) : String(Number(v.toPrecision(2)));
}

function unitText(v: number, unit: string): string {
  const n = plain(v);
  if (unit === '%') return `${n}%`;
  if (unit === '$') return `$${n}`;
  return unit ? `${n} ${unit}` : n;
}

/**
 * The axis a series is drawn against: from the metric's floor (0 unless it
 * declares one) to its declared ceiling, else a round number above both the
 * window's largest value and the threshold. So a steady 0.3 % sits at the
 * bottom and 91 % near the top, whatever else the window holds.
 */
export function metricScale(m: Metric, values: readonly (number | null)[]): DashboardScale {
  let top = -Infinity;
  let bottom = m.min;
  for (const v of values) {
    if (v === null) continue;
    if (v > top) top = v;
    if (v < bottom) bottom = v;
  }
  for (const t of [m.threshold?.above, m.threshold?.below]) if (t !== undefined && t > top) top = t;
  let max: number;
  if (m.max !== undefined) max = m.max;
  else {
    max = niceCeil(Math.max(top, bottom) * 1.25 - bottom) + bottom;
    if (m.unit === '%' && bottom >= 0) max = Math.min(100, max);
  }
  if (!(max > bottom)) max = bottom + 1;
  return { min: bottom, max, text: m.unit === '$' ? `$${plain(bottom)}–$${plain(max)}` : `${plain(bottom)}–${unitText(max, m.unit)}` };
}

function thresholdText(m: Metric): string | null {
  const t = m.threshold;
  if (!t) return null;
  const parts: string[] = [];
  if (t.above !== undefined) parts.push(`> ${unitText(t.above, m.unit)}`);
  if (t.below !== undefined) parts.push(`< ${unitText(t.below, m.unit)}`);
  return parts.length > 0 ? parts.join(' or ') : null;
}

/** The label that splits a panel's series (the one with several values), for `dash PANEL by LABEL`. */
function drillLabel(metrics: readonly Metric[]): string | null {
  const keys = new Map<string, Set<string>>();
  for (const m of metrics) {
    for (const [k, v] of Object.entries(m.labels)) {
      if (!keys.has(k)) keys.set(k, new Set());
      keys.get(k)!.add(v);
    }
  }
  for (const [k, values] of keys) if (values.size > 1) return k;
  return keys.keys().next().value ?? null;
}

function selectDashboard(engine: Engine, points: number) {
  const sc = engine.scenario;
  const { panel, by } = engine.state.dash;
  const focus = panel ? sc.panels.find((p) => p.id === panel) : undefined;
  let metrics = sc.metrics.filter((m) => !m.hidden && (focus ? m.panel === focus.id : m.overview));
  if (focus && by) metrics = [...metrics].sort((a, b) => (a.labels[by] ?? '').localeCompare(b.labels[by] ?? ''));
  const panelTitle = (id: string) => sc.panels.find((p) => p.id === id)?.title ?? id;
  const drillBy = new Map<string, string | null>();
  const drillFor = (panelId: string) => {
    if (!drillBy.has(panelId)) drillBy.set(panelId, drillLabel(sc.metrics.filter((m) => !m.hidden && m.panel === panelId)));
    const key = drillBy.get(panelId);
    return `dash ${panelId}${key ? ` by ${key}` : ''}`;
  };
  const sec = engine.state.sec;
  const rows: DashboardRow[] = metrics.map((m) => {
    const series: (number | null)[] = [];
    // pre-session history fills the window before 0:00; a long one widens the window to show all of it
    const history = engine.historySec(m);
    const step = sparkStep(history, points);
    for (let i = points - 1; i >= 0; i--) {
      const t = sec - i * step;
      series.push(t < -history || !engine.state.started ? null : engine.metricAt(m.id, t));
    }
    const v = engine.state.started ? engine.metricAt(m.id, sec) : null;
    const alarm = v !== null && m.threshold !== undefined && ((m.threshold.above !== undefined && v > m.threshold.above) || (m.threshold.below !== undefined && v < m.threshold.below));
    return {
      panel: panelTitle(m.panel),
      panelId: m.panel,
      label: (focus && by ? `${by}=${m.labels[by] ?? '—'}` : m.label) + (step === SPARK_STEP_SEC ? '' : ` · ${spanText(history)}`),
      scale: metricScale(m, [...series, v]),
      threshold: thresholdText(m),
      drill: focus ? 'dash' : drillFor(m.panel),
      points: series,
      value: v === null ? 'no data' : withUnit(v, m.decimals, m.unit),
      alarm,
      noData: v === null,
    };
  });
  const statuses = sc.statuses.filter((st) => !st.hidden && (focus ? st.panel === focus.id : st.overview));
  const statusRows = statuses.map((st) => {
    const states: (string | null)[] = [];
    for (let i = points - 1; i >= 0; i--) {
      const t = sec - i * SPARK_STEP_SEC;
      states.push(t < 0 || !engine.state.started ? null : engine.statusAt(st.id, t));
    }
    const now = engine.state.started ? engine.statusAt(st.id, sec) : null;
    return statusRow(st, states, now, { panel: panelTitle(st.panel), drill: focus ? 'dash' : drillFor(st.panel) });
  });
  return {
    title: focus ? `Dashboard › ${focus.title}${by ? ` by ${by}` : ''}` : 'Dashboard',
    rows: statusRows.length > 0 ? withStatusRows(rows, statusRows) : rows,
    footer: focus ? '`dash` for the overview' : `panels: ${sc.panels.map((p) => p.id).join(' ')} (dash PANEL)`,
  };
}

/** [start, end) ranges of `text` where any needle occurs, case-insensitive, merged. */
export function matchSpans(text: string, needles: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const n of needles) {
    const needle = n.toLowerCase();
    if (needle === '') continue;
    for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + needle.length)) spans.push([i, i + needle.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** What a line is highlighted for: the text filter, and the values of filtered fields where the message shows them. */
function needlesFor(filter: LogFilter, line: LogLine): string[] {
  const out: string[] = [];
  if (filter.text) out.push(filter.text);
  for (const [k, v] of Object.entries(filter.equals)) {
    if (k === 'service' || k === 'level') continue;
    if (line.fields[k] !== undefined) out.push(v);
  }
  return out;
}

function selectLogs(engine: Engine, size: ViewSize, at: (sec: number) => string): LogsView {
  const filter = engine.state.logFilter;
  const pin = size.logPin ?? null;
  const win = logWindow(engine, filter, { lines: size.logLines, back: size.logScrollback, pin });
  return {
    filter: describeFilter(filter),
    hidden: win.hidden,
    following: win.pin === null,
    scrollback: win.newer,
    pin: win.pin,
    nowSec: engine.state.sec,
    pinnedAt: win.pin === null ? null : at(win.bottomSec),
    note: filterNote(engine, filter),
    partial: win.partial,
    lines: win.lines.map((l): LogLineView => {
      const spans = matchSpans(l.message, needlesFor(filter, l));
      return {
        time: at(Math.floor(l.ms / 1000)),
        level: l.level.toUpperCase() as LogLineView['level'],
        service: l.service,
        text: l.message,
        highlight: spans.length > 0,
        ...(spans.length > 0 ? { spans } : {}),
      };
    }),
  };
}

/** A filter on a field that no log line carries hides everything: say so. */
function filterNote(engine: Engine, filter: LogFilter): string | null {
  const fields = new Set<string>(['service', 'level']);
  const known = new Set<string>(['service', 'level']);
  for (const t of engine.scenario.logs) for (const k of Object.keys(t.fields)) known.add(k.toLowerCase());
  // Named in the hint: only fields of templates that do not depend on the variant.
  for (const t of candidateSafeTemplates(engine.scenario)) for (const k of Object.keys(t.fields)) fields.add(k.toLowerCase());
  const unknown = Object.keys(filter.equals).filter((k) => !known.has(k.toLowerCase()));
  if (unknown.length === 0) return null;
  return `no log line has a field "${unknown[0]}"; fields: ${[...fields].sort().join(', ')}`;
}

/** The session as the postmortem's timeline: pages, the IC's decisions, mitigation, resolution. */
function postmortemTimeline(engine: Engine): PostmortemTimelineEntry[] {
  const s = engine.state;
  const frame = sessionFrame(engine.scenario, s.consistent || !s.started);
  const items: { sec: number; order: number; text: string; kind: string }[] = [];
  let order = 0;
  for (const p of s.pages) items.push({ sec: p.firedSec, order: order++, text: `page ${p.name}`, kind: 'page' });
  for (const t of s.timeline) items.push({ sec: t.sec, order: order++, text: t.text, kind: t.kind });
  if (s.mitigatedSec !== null) items.push({ sec: s.mitigatedSec, order: order++, text: 'mitigated', kind: 'mitigated' });
  if (s.resolvedSec !== null && !s.timeline.some((t) => t.kind === 'resolve')) items.push({ sec: s.resolvedSec, order: order++, text: 'resolved', kind: 'resolve' });
  items.sort((a, b) => a.sec - b.sec || a.order - b.order);
  return items.map((i) => ({ time: wallHm(frame, i.sec), sim: `+${formatClock(i.sec)}`, text: i.text, kind: i.kind }));
}

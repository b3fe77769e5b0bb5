import { wallClock, wallHm } from '../scenario/clock-frame.js';
import type { Metric, Scenario } from '../scenario/schema.js';
import type { TimelineItem, WorldState } from '../sim/world.js';
import { terminalSafe } from '../text/terminal-safe.js';

/**
 * The report's chart: the key metrics sampled from the engine over the whole
 * session, with the IC's decisions as vertical markers on the same time
 * axis. Sampling goes through the signal source passed in (the session's
 * engine), never the wall clock, so the chart is a pure function of the
 * recording.
 */
export interface MetricSampler {
  metricAt(metricId: string, sec: number): number | null;
}

export interface ChartSeries {
  id: string;
  label: string;
  unit: string;
  decimals: number;
  /** The metric's declared ceiling (100 for a percentage), if any. */
  max: number | null;
  threshold: { above?: number; below?: number } | null;
  /** [sim second, value or null for no data]. */
  points: [number, number | null][];
}

export interface ChartData {
  endSec: number;
  stepSec: number;
  series: ChartSeries[];
  decisions: TimelineItem[];
  milestones: { sec: number; label: string }[];
}

/**
 * The metrics worth a chart: the overview metrics with a threshold; when
 * there are fewer than two, also the metrics behind the alerts that paged in
 * this session (what woke the IC up). At most four panels.
 */
export function keyMetrics(scenario: Scenario, world?: WorldState): Metric[] {
  const visible = scenario.metrics.filter((m) => !m.hidden);
  const out = visible.filter((m) => m.overview && m.threshold);
  if (out.length < 2) {
    const paged = new Set((world?.pages ?? []).map((p) => p.id.split('#')[0]));
    for (const a of scenario.alerts) {
      const m = visible.find((x) => x.id === a.metric);
      if (m && paged.has(a.id) && !out.includes(m)) out.push(m);
    }
  }
  if (out.length === 0) out.push(...visible.filter((m) => m.overview).slice(0, 2));
  return out.slice(0, 4);
}

export function chartData(scenario: Scenario, world: WorldState, sampler: MetricSampler, stepSec = 15): ChartData {
  const endSec = Math.max(world.sec, 60);
  const secs: number[] = [];
  for (let s = 0; s < endSec; s += stepSec) secs.push(s);
  secs.push(endSec);
  const series = keyMetrics(scenario, world).map((m) => ({
    id: m.id,
    label: m.label,
    unit: m.unit,
    decimals: m.decimals,
    max: m.max ?? null,
    threshold: m.threshold ?? null,
    points: secs.map((s) => [s, sampler.metricAt(m.id, s)] as [number, number | null]),
  }));
  const milestones: { sec: number; label: string }[] = [];
  const add = (sec: number | null, label: string) => sec !== null && milestones.push({ sec, label });
  add(world.onsetSec, 'onset');
  add(world.firstPageSec, 'first page');
  add(world.mitigatedSec, 'mitigated');
  add(world.resolvedSec, 'resolved');
  add(world.postmortem.startedSec, 'postmortem');
  return { endSec, stepSec, series, decisions: world.timeline, milestones };
}

const esc = (s: string) => terminalSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** The next round number up (1, 2, 2.5 or 5 times a power of ten). */
function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v - 1e-9) ?? 10) * p;
}

const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

const KIND_LABEL: Record<TimelineItem['kind'], string> = {
  ack: 'acknowledge',
  sev: 'severity',
  status: 'status / reply',
  delegate: 'delegate / page',
  action: 'change',
  diagnostic: 'hands-on diagnostic',
  hyp: 'hypothesis',
  poll: 'poll',
  rootcause: 'root cause',
  resolve: 'resolve',
  other: 'other',
};
export const DECISION_KINDS = KIND_LABEL;

/** Decisions closer than this (in the chart's 1000-unit width) share one label. */
const GROUP_GAP = 22;

export interface DecisionGroup {
  n: number;
  /** Where its badge sits: the middle of its markers. */
  x: number;
  items: TimelineItem[];
}

/** Consecutive decisions whose markers are close share a numbered label. */
export function decisionGroups(decisions: readonly TimelineItem[], x: (sec: number) => number): DecisionGroup[] {
  const groups: DecisionGroup[] = [];
  for (const d of [...decisions].sort((a, b) => a.sec - b.sec)) {
    const last = groups.at(-1);
    if (last && x(d.sec) - x(last.items[0]!.sec) <= GROUP_GAP) last.items.push(d);
    else groups.push({ n: groups.length + 1, x: 0, items: [d] });
  }
  for (const g of groups) g.x = (x(g.items[0]!.sec) + x(g.items.at(-1)!.sec)) / 2;
  return groups;
}

/** The chart's x scale, shared by the SVG and the label list under it. */
export function chartX(data: ChartData): (sec: number) => number {
  return (sec: number) => CHART_LEFT + (sec / data.endSec) * (CHART_W - CHART_LEFT - CHART_RIGHT);
}
const CHART_W = 1000;
const CHART_LEFT = 64;
const CHART_RIGHT = 16;

/** The chart as inline SVG: one panel per metric, a shared time axis, decisions as vertical markers. */
export function renderChartSvg(scenario: Scenario, data: ChartData): string {
  const W = CHART_W;
  const left = CHART_LEFT;
  const right = CHART_RIGHT;
  const top = 46;
  const panelH = 110;
  const gap = 26;
  const axisH = 52;
  const n = Math.max(1, data.series.length);
  const H = top + n * panelH + (n - 1) * gap + axisH;
  const plotW = W - left - right;
  const x = chartX(data);
  const out: string[] = [];
  out.push(`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="chart-title">`);
  out.push(`<title id="chart-title">Key metrics of ${esc(scenario.title)} over the drill, with the IC's decisions marked</title>`);

  // Time axis: ticks on whole wall-clock minutes, at most ~12.
  const stepChoices = [60, 120, 300, 600, 900, 1800, 3600];
  const tick = stepChoices.find((s) => data.endSec / s <= 12) ?? 3600;
  const axisY = top + n * panelH + (n - 1) * gap;
  out.push(`<g class="axis">`);
  for (let s = 0; s <= data.endSec; s += tick) {
    out.push(`<line class="grid" x1="${n1(x(s))}" x2="${n1(x(s))}" y1="${top}" y2="${axisY}"/>`);
    out.push(`<text x="${n1(x(s))}" y="${axisY + 30}" text-anchor="middle">${esc(wallHm(scenario, s))}</text>`);
  }
  out.push(`<text x="${W - right}" y="${axisY + 46}" text-anchor="end" class="axis-note">scenario time (every ${data.stepSec} s sampled)</text>`);
  out.push(`</g>`);

  data.series.forEach((s, i) => {
    const y0 = top + i * (panelH + gap);
    const vals = s.points.map((p) => p[1]).filter((v): v is number => v !== null);
    const th = [s.threshold?.above, s.threshold?.below].filter((v): v is number => v !== undefined);
    // A panel with a scale (a percentage, a declared max) never draws past it: 5xx stays within 0–100 %.
    const cap = s.max ?? (s.unit.trim() === '%' ? 100 : null);
    const lo = cap !== null ? 0 : Math.min(0, ...vals, ...th);
    let hi = Math.max(...vals, ...th, lo + 1e-9);
    hi = niceCeil(lo + (hi - lo) * 1.25); // headroom for the panel's label
    if (cap !== null && cap > lo) hi = Math.min(hi, cap);
    const y = (v: number) => y0 + panelH - (Math.max(0, Math.min(hi, v) - lo) / (hi - lo)) * panelH;
    const fmt = (v: number) => `${v.toFixed(s.decimals)}${s.unit ? ` ${s.unit}` : ''}`;
    out.push(`<g class="panel" data-metric="${esc(s.id)}">`);
    out.push(`<rect class="panel-bg" x="${left}" y="${y0}" width="${plotW}" height="${panelH}"/>`);
    const unitNote = s.unit && !s.label.includes(s.unit) ? ` (${s.unit})` : '';
    out.push(`<text class="panel-label" x="${left + 6}" y="${y0 + 14}">${esc(s.label + unitNote)}</text>`);
    out.push(`<text class="ytick" x="${left - 6}" y="${n1(y(hi) + 10)}" text-anchor="end">${esc(fmt(hi))}</text>`);
    out.push(`<text class="ytick" x="${left - 6}" y="${n1(y(lo))}" text-anchor="end">${esc(fmt(lo))}</text>`);
    for (const t of th)
      out.push(`<line class="threshold" x1="${left}" x2="${W - right}" y1="${n1(y(t))}" y2="${n1(y(t))}"><title>threshold ${esc(fmt(t))}</title></line>`);
    // One polyline per stretch with data; a gap where the metric had none.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline class="series" data-metric="${esc(s.id)}" points="${run.join(' ')}"><title>${esc(s.label)}</title></polyline>`);
      run = [];
    };
    for (const [sec, v] of s.points) {
      if (v === null) flush();
      else run.push(`${n1(x(sec))},${n1(y(v))}`);
    }
    flush();
    out.push(`</g>`);
  });

  out.push(`<g class="milestones">`);
  data.milestones.forEach((m, i) => {
    const ly = top - 16 - (i % 2) * 14;
    out.push(
      `<g class="milestone" data-sec="${m.sec}"><title>${esc(wallClock(scenario, m.sec, false))} ${esc(m.label)}</title><line x1="${n1(x(m.sec))}" x2="${n1(x(m.sec))}" y1="${ly + 3}" y2="${axisY}"/><text x="${n1(x(m.sec) + 3)}" y="${ly}">${esc(m.label)}</text></g>`,
    );
  });
  out.push(`</g>`);
  out.push(`<g class="decisions">`);
  for (const d of data.decisions) {
    out.push(
      `<g class="decision kind-${d.kind}" data-sec="${d.sec}" data-kind="${d.kind}"><title>${esc(wallClock(scenario, d.sec, false))} ${esc(KIND_LABEL[d.kind])}: ${esc(d.text)}</title><line x1="${n1(x(d.sec))}" x2="${n1(x(d.sec))}" y1="${top - 4}" y2="${axisY}"/><circle cx="${n1(x(d.sec))}" cy="${top - 4}" r="3.5"/></g>`,
    );
  }
  // Labels that need no hovering (print, touch): a numbered badge per group of close markers, listed under the chart.
  decisionGroups(data.decisions, x).forEach((g) => {
    const gx = n1(Math.min(W - right - 9, Math.max(left + 9, g.x)));
    out.push(
      `<g class="decision-group" data-group="${g.n}"><circle class="decision-badge" cx="${gx}" cy="${axisY + 2}" r="9"/><text class="decision-label" x="${gx}" y="${axisY + 6}" text-anchor="middle">${g.n}</text></g>`,
    );
  });
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join('\n');
}

// Cross-signal invariants of a played world: what one signal says must not
// contradict another. A run is played headless, then its recorded events are
// applied again to a fresh engine, stepping second by second, so every IC
// decision and the seconds between can be looked at. Each invariant returns
// findings that say which scenario, variant, script and sim second, and the
// text that contradicts the other signal.
import { evalCondition, type Condition } from '../../src/scenario/condition.js';
import { lineContradiction, lineDuration, messagePairs } from '../../src/scenario/consistency/log-fields.js';
import { impactFigure } from '../../src/scenario/number-text.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { runScript } from '../../src/session/headless.js';
import { toSimEvent } from '../../src/session/recorder.js';
import { parseScript } from '../../src/session/script.js';
import { Engine } from '../../src/sim/engine.js';
import type { LogLine } from '../../src/sim/logs.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';

export interface WorldFinding {
  invariant: string;
  scenario: string;
  variant: string;
  script: string;
  /** Sim second the contradiction is visible at. */
  sec: number;
  /** What contradicts what, with the offending text. */
  text: string;
}

/** One sim-second of the replayed run: what the impact counters and the lifecycle were. */
export interface Sample {
  sec: number;
  impact: Record<string, number>;
  lifecycle: string;
  onset: boolean;
}

/** A run replayed for checking: the final engine, its per-second samples and the seconds the IC decided something. */
export interface Observed {
  scenario: Scenario;
  variant: string;
  script: string;
  engine: Engine;
  /** The log lines of one second, generated once. */
  logs: (sec: number) => LogLine[];
  samples: Sample[];
  decisions: number[];
}

/** Plays a script (a file, or text) in a variant and replays its events second by second. */
export async function observe(scenarioPath: string, script: { file: string; text: string }, variant: string, seed = 1): Promise<Observed> {
  const loaded = loadFixture(scenarioPath);
  const parsed = parseScript(script.text, script.file);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const store = openStore(':memory:');
  const { session } = await runScript(store, loaded, parsed.lines, { seed, trainee: 'test', mode: 'solo', difficulty: 'normal', variant }, () => 1_700_000_000_000);
  const engine = new Engine(loaded.scenario, { seed, variant, difficulty: 'normal' });
  const samples: Sample[] = [];
  const decisions: number[] = [];
  const sample = () => samples.push({ sec: engine.sec, impact: { ...engine.state.impact }, lifecycle: engine.state.lifecycle, onset: engine.state.onsetSec !== null });
  for (const stored of store.events(session.id)) {
    const e = toSimEvent(stored);
    const target = Math.floor(e.simMs / 1000);
    while (engine.state.started && engine.sec < target) {
      engine.advanceTo((engine.sec + 1) * 1000);
      sample();
    }
    engine.apply(e);
    if (e.body.type === 'command' && e.actor === 'ic') decisions.push(engine.sec);
  }
  store.close();
  const cache = new Map<number, LogLine[]>();
  const logs = (sec: number) => {
    let l = cache.get(sec);
    if (!l) cache.set(sec, (l = engine.logsAt(sec)));
    return l;
  };
  return { scenario: loaded.scenario, variant, script: script.file, engine, logs, samples, decisions };
}

const finding = (o: Observed, invariant: string, sec: number, text: string): WorldFinding => ({ invariant, scenario: o.scenario.id, variant: o.variant, script: o.script, sec, text });

/** The seconds worth looking at: every decision, and a few evenly spread between them up to the end. */
export function checkedSeconds(o: Observed, between = 3): number[] {
  const end = o.engine.sec;
  const marks = [0, ...o.decisions.filter((s) => s <= end), end];
  const out = new Set<number>();
  for (let i = 1; i < marks.length; i++) {
    const a = marks[i - 1]!;
    const b = marks[i]!;
    for (let k = 1; k <= between; k++) out.add(Math.round(a + ((b - a) * k) / (between + 1)));
    out.add(b);
  }
  return [...out].filter((s) => s >= 0 && s <= end).sort((x, y) => x - y);
}

const holdsAt = (o: Observed, c: Condition | undefined, sec: number): boolean => {
  if (!c) return true;
  const on = o.engine.flags.flagsAt(sec);
  return evalCondition(c, (f) => on.has(f));
};

// ------------------------------------------------------------- log fields

/** `key=value` pairs of a logfmt-style message, with the template's own fields over them. */
export function logPairs(line: Pick<LogLine, 'message' | 'fields'>): Record<string, string> {
  const out = messagePairs(line.message);
  for (const [k, v] of Object.entries(line.fields)) out[k.toLowerCase()] ??= String(v);
  return out;
}

/** Log fields agree with each other: db time ≤ total duration, and the path belongs to the controller. */
export function logFieldsAgree(o: Observed, secs: number[]): WorldFinding[] {
  const out: WorldFinding[] = [];
  const seen = new Set<string>();
  for (const sec of secs) {
    for (const line of o.logs(sec)) {
      const why = lineContradiction(logPairs(line));
      if (!why || seen.has(why)) continue;
      seen.add(why);
      out.push(finding(o, 'log-fields', sec, `${line.service}: ${why}: ${line.message}`));
    }
  }
  return out;
}

// ------------------------------------------------------------- speakers

/** The person a feed item is said by: its sender, or the `Name:` that opens its text. */
export function speakerOf(scenario: Scenario, from: string, text: string): string | null {
  const low = from.toLowerCase();
  for (const p of scenario.people) {
    const name = p.name.toLowerCase();
    if (low === p.id || low === name || low.startsWith(`${name} →`) || low.startsWith(`${name} (`)) return p.id;
  }
  const opener = /^([A-Z][\p{L}'-]+):\s/u.exec(text)?.[1];
  if (!opener) return null;
  const byFirst = scenario.people.filter((p) => p.name.split(/\s+/)[0] === opener || p.name === opener);
  return byFirst.length === 1 ? byFirst[0]!.id : null;
}

/** Nobody who has not joined the channel speaks in it. */
export function onlyJoinedSpeak(o: Observed): WorldFinding[] {
  const out: WorldFinding[] = [];
  for (const item of o.engine.state.feed) {
    if (item.channel === 'examiner' || item.channel === 'system') continue;
    const who = speakerOf(o.scenario, item.from, item.text);
    if (!who) continue;
    const joined = o.engine.state.responders[who]?.joinedSec ?? null;
    if (joined !== null && joined <= item.sec) continue;
    const name = o.scenario.people.find((p) => p.id === who)!.name;
    out.push(finding(o, 'unjoined-speaker', item.sec, `${name} speaks ${joined === null ? 'without ever joining' : `before joining (joins at ${joined}s)`}: [${item.from}] ${item.text.slice(0, 160)}`));
  }
  return out;
}

// ------------------------------------------------------------- impact

/** Impact counts only the incident: nothing before onset, nothing while the impact is stopped (mitigated). */
export function impactStopsWithFault(o: Observed): WorldFinding[] {
  const out: WorldFinding[] = [];
  const reported = new Set<string>();
  for (let i = 1; i < o.samples.length; i++) {
    const a = o.samples[i - 1]!;
    const b = o.samples[i]!;
    for (const [k, v] of Object.entries(b.impact)) {
      const grew = v - (a.impact[k] ?? 0);
      if (grew <= 1e-9) continue;
      const why = !b.onset ? 'before the incident began' : b.lifecycle === 'mitigated' ? 'while the impact is stopped (mitigated)' : null;
      if (!why || reported.has(`${k}:${why}`)) continue;
      reported.add(`${k}:${why}`);
      out.push(finding(o, 'impact-after-fault', b.sec, `impact counter ${k} grew by ${grew.toFixed(3)} ${why}`));
    }
  }
  return out;
}

/** Counters of the same harm (the same metrics, another scale) never read as none beside some: "0 failed payments · $7". */
export function impactFiguresAgree(o: Observed): WorldFinding[] {
  const out: WorldFinding[] = [];
  const groups = new Map<string, Scenario['impact']>();
  for (const i of o.scenario.impact) groups.set([...i.from].sort().join('*'), [...(groups.get([...i.from].sort().join('*')) ?? []), i]);
  for (const same of groups.values()) {
    if (same.length < 2) continue;
    for (const s of o.samples) {
      const shown = same.map((i) => impactFigure(s.impact[i.id] ?? 0, i.label, i.unit));
      const none = shown.filter((t) => /^\$?0 /.test(t));
      if (none.length === 0 || none.length === shown.length) continue;
      out.push(finding(o, 'impact-figures', s.sec, `the header reads ${shown.join(' · ')}`));
      break;
    }
  }
  return out;
}

// ------------------------------------------------------------- alerts

/** Whether any of the metric's effects holds at `sec` or was released less than its releaseSec ago. */
function effectActive(o: Observed, metricId: string, sec: number): boolean {
  const m = o.engine.metric(metricId);
  if (!m) return false;
  return m.effects.some((e) => {
    const back = Math.max(e.releaseSec, e.rampSec, 1);
    for (let s = Math.max(0, sec - back); s <= sec; s++) if (holdsAt(o, e.when, s)) return true;
    return false;
  });
}

const breaches = (a: Scenario['alerts'][number], v: number) => (a.above !== undefined && v > a.above) || (a.below !== undefined && v < a.below);

/** An alert pages only when its rule holds: its condition, its metric past the threshold, and that because of the incident, not baseline noise. */
export function alertsFollowRules(o: Observed): WorldFinding[] {
  const out: WorldFinding[] = [];
  for (const page of o.engine.state.pages) {
    const alert = o.scenario.alerts.find((a) => page.id.startsWith(`${a.id}#`));
    if (!alert) continue;
    const sec = page.firedSec;
    const v = o.engine.metricAt(alert.metric, sec);
    const breached = v !== null && breaches(alert, v);
    if (!holdsAt(o, alert.when, sec)) out.push(finding(o, 'alert-rule', sec, `${alert.name} paged while its condition does not hold`));
    else if (!breached) out.push(finding(o, 'alert-rule', sec, `${alert.name} paged with ${alert.metric} at ${v}, inside its threshold`));
    else if (!effectActive(o, alert.metric, sec) && !breaches(alert, o.engine.metric(alert.metric)!.baseline))
      out.push(finding(o, 'alert-rule', sec, `${alert.name} paged with ${alert.metric} at ${v}: noise around its baseline ${o.engine.metric(alert.metric)!.baseline}, which is inside the threshold, and nothing in the incident moves it`));
  }
  return out;
}

// ------------------------------------------------------------- replies

/** A reply shown after its action lands (delaySec) describes the world when it is shown: a response whose condition no longer holds then is stale. */
export function repliesAreCurrent(o: Observed): WorldFinding[] {
  const out: WorldFinding[] = [];
  for (const a of o.engine.state.actions) {
    const action = o.scenario.actions.find((x) => x.id === a.id);
    if (!action || action.delaySec === 0 || action.responses.length === 0) continue;
    const shownSec = a.sec + action.delaySec;
    if (shownSec > o.engine.sec) continue;
    const own = new Set([...action.sets, ...action.clears, `done:${action.id}`]);
    const before = o.engine.flags.flagsAt(Math.max(0, shownSec - 1));
    const then = o.engine.flags.flagsAt(shownSec);
    const has = (f: string) => (own.has(f) ? before.has(f) : then.has(f));
    const chosenAtRequest = action.responses.find((r) => holdsAt(o, r.when, a.sec));
    const chosenWhenShown = action.responses.find((r) => evalCondition(r.when, has));
    if (chosenAtRequest !== chosenWhenShown) {
      const shown = o.engine.state.feed.find((f) => f.sec === shownSec && f.text.includes((chosenAtRequest?.text ?? action.response).slice(0, 30)));
      if (shown) out.push(finding(o, 'stale-reply', shownSec, `${action.id}'s reply was chosen when it was asked (${a.sec}s) and no longer fits the world when shown: ${shown.text.slice(0, 160)}`));
    }
  }
  return out;
}

// ------------------------------------------------------------- settings

/** `minReplicas 2 → 8` in a reply: the setting, its old and new value. */
export function settingChanges(text: string): { setting: string; entity: string | null; from: string; to: string }[] {
  const out: { setting: string; entity: string | null; from: string; to: string }[] = [];
  for (const m of text.matchAll(/(?:([a-z][\w.-]*-v?\d+|[a-z]+-[a-z][\w-]*)\s+(?:[A-Z]+\s+)?)?([A-Za-z_][\w-]*(?:[ _][a-z]+)?)\s+(\d+(?:\.\d+)?)\s*(?:→|->)\s*(\d+(?:\.\d+)?)/g)) {
    out.push({ entity: m[1] ?? null, setting: m[2]!, from: m[3]!, to: m[4]! });
  }
  return out;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Diagnostics that describe a setting an action changed report the new value, not the old one. */
export function changedSettingsReported(o: Observed): WorldFinding[] {
  const out: WorldFinding[] = [];
  const changes: { sec: number; setting: string; entity: string | null; from: string; to: string; action: string }[] = [];
  const services = o.scenario.services.map((s) => s.id);
  for (const item of o.engine.state.feed) {
    for (const c of settingChanges(item.text)) changes.push({ ...c, sec: item.sec, action: item.text.slice(0, 60) });
    if (!item.from.startsWith('$ ') && !item.from.endsWith('→ you')) continue;
    for (const c of changes) {
      if (c.sec > item.sec) continue;
      for (const line of item.text.split('\n')) {
        const key = squash(c.setting);
        const flat = line.toLowerCase();
        const re = /([a-z][a-z _-]*?)\s*[:=]\s*(\d+(?:\.\d+)?)/g;
        for (const m of flat.matchAll(re)) {
          if (!squash(m[1]!).endsWith(key) || m[2] !== c.from || m[2] === c.to) continue;
          const names = services.filter((s) => flat.includes(s));
          if (c.entity && names.length > 0 && !names.includes(c.entity)) continue;
          out.push(finding(o, 'stale-setting', item.sec, `after "${c.setting} ${c.from} → ${c.to}"${c.entity ? ` on ${c.entity}` : ''} (${c.sec}s), [${item.from}] still reports ${m[0]}: ${line.trim().slice(0, 140)}`));
        }
      }
    }
  }
  return out;
}

// ------------------------------------------------------------- metrics and logs

/** The route a latency metric describes (its `route`/`path` label, or a path its label starts with) and the quantile it shows. */
export function latencyMetricRoute(m: Scenario['metrics'][number]): { path: string; q: number } | null {
  if (m.unit !== 'ms') return null;
  const q = /\bp(50|75|90|95|99)\b/i.exec(m.label)?.[1];
  if (!q) return null;
  const raw = m.labels.route ?? m.labels.path ?? /^(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(\/\S*)/.exec(m.label)?.[1];
  const path = raw?.replace(/^(?:GET|POST|PUT|PATCH|DELETE)\s+/, '');
  return path ? { path, q: Number(q) / 100 } : null;
}

/**
 * A route's latency on the dashboard agrees with the durations its log lines
 * report: over a window, that quantile of the lines' durations lies within a
 * factor of the values the metric showed (a metric still ramping after a
 * change is given its whole range).
 */
export function metricsMatchLogs(o: Observed, secs: number[], factor = 2.5, windowSec = 30): WorldFinding[] {
  const out: WorldFinding[] = [];
  for (const m of o.scenario.metrics) {
    const route = latencyMetricRoute(m);
    if (!route) continue;
    for (const sec of secs) {
      if (sec < windowSec) continue;
      const durations: number[] = [];
      const values: number[] = [];
      for (let s = sec - windowSec + 1; s <= sec; s++) {
        const v = o.engine.metricAt(m.id, s);
        if (v !== null) values.push(v);
        for (const line of o.logs(s)) {
          const p = logPairs(line);
          if (p.path !== route.path) continue;
          const d = lineDuration(p);
          if (d !== null) durations.push(d);
        }
      }
      if (durations.length < 10 || values.length === 0) continue;
      durations.sort((x, y) => x - y);
      const fromLogs = durations[Math.min(durations.length - 1, Math.floor(route.q * durations.length))]!;
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      if (fromLogs * factor >= lo && fromLogs <= hi * factor) continue;
      const shown = lo === hi || hi < lo * 1.05 ? `${lo.toFixed(0)} ms` : `${lo.toFixed(0)}–${hi.toFixed(0)} ms`;
      out.push(finding(o, 'metric-vs-logs', sec, `${m.id} (${m.label}) shows ${shown} over the last ${windowSec}s while ${durations.length} log lines on ${route.path} put p${Math.round(route.q * 100)} at ${fromLogs.toFixed(0)} ms`));
      break;
    }
  }
  return out;
}

/** Every invariant over one observed run. */
export function checkWorld(o: Observed): WorldFinding[] {
  const secs = checkedSeconds(o);
  return [...logFieldsAgree(o, secs), ...onlyJoinedSpeak(o), ...impactStopsWithFault(o), ...impactFiguresAgree(o), ...alertsFollowRules(o), ...repliesAreCurrent(o), ...changedSettingsReported(o), ...metricsMatchLogs(o, secs)];
}

export function formatWorldFinding(f: WorldFinding): string {
  const mm = `${String(Math.floor(f.sec / 60)).padStart(2, '0')}:${String(f.sec % 60).padStart(2, '0')}`;
  return `${f.invariant}  ${f.scenario} [${f.variant}] ${f.script} at ${mm}: ${f.text}`;
}

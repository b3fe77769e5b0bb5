// Engine figures: a whole headless run with every signal, event throughput
// through the write-ahead path, log generation, window regeneration, scoring.
import { join } from 'node:path';
import { formatClock } from '../../src/scenario/clock-text.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { scoreSession } from '../../src/scoring/score.js';
import { parseScript, type ScriptLine } from '../../src/session/script.js';
import { Session } from '../../src/session/session.js';
import { Engine } from '../../src/sim/engine.js';
import { openStore } from '../../src/store/index.js';
import { figure, median, medianMs, type BenchContext } from '../harness.js';
import { benchScenario, PM_ACTIONS, strongScript, workingCommands } from '../workload.js';

const SEED = 1;

interface FullRun {
  engine: Engine;
  totalMs: number;
  /** CPU time this process spent (all threads): near totalMs unless other processes took the CPU. */
  cpuMs: number;
  advanceMs: number;
  logsMs: number;
  metricsMs: number;
  logLines: number;
  samples: number;
}

/**
 * The whole scenario headless with all signals: the script's commands at
 * their times, the world advanced second by second, and every log line and
 * every metric sample of every second generated.
 */
function simulate(scenario: Scenario, lines: readonly ScriptLine[], endSec: number): FullRun {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let advanceMs = 0;
  let logsMs = 0;
  let metricsMs = 0;
  let logLines = 0;
  let samples = 0;
  const engine = new Engine(scenario, { seed: SEED });
  engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start' } });
  let next = 0;
  for (let s = 1; s <= endSec; s++) {
    const a = performance.now();
    while (next < lines.length && lines[next]!.simMs <= s * 1000) {
      const line = lines[next++]!;
      engine.apply({ simMs: line.simMs, actor: 'ic', body: { type: 'command', text: line.text } });
    }
    engine.advanceTo(s * 1000);
    const b = performance.now();
    logLines += engine.logsAt(s).length;
    const c = performance.now();
    for (const m of scenario.metrics) {
      engine.metricAt(m.id, s);
      samples++;
    }
    const d = performance.now();
    advanceMs += b - a;
    logsMs += c - b;
    metricsMs += d - c;
  }
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { engine, totalMs, cpuMs: (cpu.user + cpu.system) / 1000, advanceMs, logsMs, metricsMs, logLines, samples };
}

function fullRuns(ctx: BenchContext): Promise<FullRun[]> {
  return ctx.once('full-runs', async () => {
    const { scenario } = await benchScenario(ctx);
    const lines = await strongScript(ctx);
    const endSec = Math.round(scenario.timeLimitMin * 60);
    const runs: FullRun[] = [];
    for (let i = 0; i < (ctx.quick ? 2 : 7); i++) runs.push(simulate(scenario, lines, endSec));
    return runs;
  });
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

figure({
  name: 'engine.full-run',
  unit: 's',
  target: { max: 0.25 },
  about: '45-minute payment-fraud-dns headless with the strong script: advance second by second, every log line and metric sample of every second (median of 7 in one process)',
  onMiss:
    'when it last missed (0.37 s wall, 0.39 s CPU on 2 × AMD EPYC), node --cpu-prof showed log generation ~55% (regex template fill per line, the stream name re-hashed per line, a localeCompare sort), xstate transition() building a throwaway actor and initial snapshot on every TICK ~15%, and metric effects re-walking the flag history per sample ~15%; all three were fixed in src/sim (compiled templates, cached stream hashes, one inert actor scope, conditionSince memoized per segment). A new miss needs a new profile: node --cpu-prof bin/firedrill.js bench engine.full-run',
  measure: async (ctx) => {
    const runs = await fullRuns(ctx);
    const mid = [...runs].sort((a, b) => a.totalMs - b.totalMs)[runs.length >> 1]!;
    return {
      value: median(runs.map((r) => r.totalMs)) / 1000,
      detail: `median run: advance ${ms(mid.advanceMs)}, logs ${ms(mid.logsMs)} (${mid.logLines} lines), metrics ${ms(mid.metricsMs)} (${mid.samples} samples), CPU ${ms(mid.cpuMs)}; first run ${ms(runs[0]!.totalMs)}`,
    };
  },
});

figure({
  name: 'engine.full-run-cpu',
  unit: 's',
  about: 'CPU time of the same runs (median): what the run costs when no other process competes for the CPU',
  measure: async (ctx) => median((await fullRuns(ctx)).map((r) => r.cpuMs)) / 1000,
});

figure({
  name: 'engine.full-run-cold',
  unit: 's',
  about: 'the first of those runs in a fresh process (JIT not warm yet): what a one-shot `play --script` pays',
  measure: async (ctx) => (await fullRuns(ctx))[0]!.totalMs / 1000,
});

figure({
  name: 'engine.events-per-s',
  unit: 'events/s',
  about: 'script text → parseScript → Session.record (zod, SQLite append with hash chain on a file DB, engine apply incl. command parse and the 2 sim-seconds between events)',
  measure: async (ctx) => {
    const loaded = await benchScenario(ctx);
    const pool = await workingCommands(ctx);
    const n = ctx.quick ? 200 : 1000;
    const text = Array.from({ length: n }, (_, i) => `${formatClock(180 + i * 2)} ${pool[i % pool.length]}`).join('\n');
    const rates: number[] = [];
    for (let run = 0; run < (ctx.quick ? 1 : 3); run++) {
      const store = openStore(join(ctx.tempDir(), 'events.db'));
      try {
        const session = Session.start(store, loaded, { seed: SEED, trainee: 'bench', mode: 'solo', difficulty: 'normal' }, Date.now);
        session.record({ type: 'start' }, 0);
        const t0 = performance.now();
        const script = parseScript(text, 'bench');
        if (!script.ok) throw new Error(script.errors[0]);
        for (const line of script.lines) session.record({ type: 'command', text: line.text }, line.simMs);
        rates.push(n / ((performance.now() - t0) / 1000));
      } finally {
        store.close();
      }
    }
    return median(rates);
  },
});

figure({
  name: 'engine.log-lines-per-s',
  unit: 'lines/s',
  about: 'log lines generated per wall second: every second of the finished 45-minute world regenerated (median of 3)',
  measure: async (ctx) => {
    const { engine } = (await fullRuns(ctx))[0]!;
    const rates: number[] = [];
    for (let run = 0; run < 3; run++) {
      let lines = 0;
      const t0 = performance.now();
      for (let s = 0; s <= engine.sec; s++) lines += engine.logsAt(s).length;
      rates.push(lines / ((performance.now() - t0) / 1000));
    }
    return median(rates);
  },
});

figure({
  name: 'engine.logs-5min-window',
  unit: 'ms',
  target: { max: 100 },
  about: 'regenerate every log line of one 5-minute window (10:00–15:00, mid-incident) of a finished world, directly; target: the replay seek budget (median of 7)',
  measure: async (ctx) => {
    const { engine } = (await fullRuns(ctx))[0]!;
    return medianMs(7, () => {
      let n = 0;
      for (let s = 600; s < 900; s++) n += engine.logsAt(s).length;
      return n;
    });
  },
});

/** A long, busy session: the strong script plus a command every 5 s and a long postmortem. */
function longSession(ctx: BenchContext): Promise<{ engine: Engine; events: number }> {
  return ctx.once('long-session', async () => {
    const { scenario } = await benchScenario(ctx);
    const strong = await strongScript(ctx);
    const pool = await workingCommands(ctx);
    const closing = strong.filter((l) => /^(resolve|postmortem|pm\s)/.test(l.text));
    const submit = closing.find((l) => l.text === 'pm submit');
    const openLines = strong.filter((l) => !closing.includes(l));
    const busy: ScriptLine[] = [];
    for (let sec = 240, i = 0; sec < 1980; sec += 5, i++) busy.push({ line: 0, simMs: sec * 1000, text: pool[i % pool.length]! });
    const pm: ScriptLine[] = [];
    const pmStart = (closing.find((l) => l.text === 'postmortem')?.simMs ?? 2010_000) + 1000;
    for (let i = 0; i < 36; i++) pm.push({ line: 0, simMs: pmStart + i * 5000, text: PM_ACTIONS[i % PM_ACTIONS.length]! });
    const all = [...openLines, ...busy, ...closing.filter((l) => l !== submit), ...pm, ...(submit ? [{ ...submit, simMs: Math.max(submit.simMs, pmStart + 36 * 5000) }] : [])].sort((a, b) => a.simMs - b.simMs);
    const engine = new Engine(scenario, { seed: SEED });
    engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start' } });
    for (const l of all) engine.apply({ simMs: l.simMs, actor: 'ic', body: { type: 'command', text: l.text } });
    return { engine, events: all.length + 1 };
  });
}

figure({
  name: 'scoring.long-session',
  unit: 'ms',
  about: 'scoreSession on a long session (strong script + a command every 5 s + 36 postmortem action items: ~400 events) (median of 7)',
  measure: async (ctx) => {
    const { engine, events } = await longSession(ctx);
    const t = await medianMs(7, () => scoreSession(engine.scenario, engine.state));
    return { value: t, detail: `${events} events, ${engine.state.postmortem.actions.length} action items` };
  },
});

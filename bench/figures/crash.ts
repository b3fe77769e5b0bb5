// Crash figures: the bundled program plays the strong script headless,
// paced, signing the chain head at every append, and is killed with SIGKILL
// at seeded points (after a number of acknowledgements plus a few ms). Each
// recording left behind is then checked as `resume` would take it:
//
//   crash.trials                   kill -9 trials run
//   crash.decisions-lost           acknowledged decisions ("accepted #SEQ …",
//                                  printed after the commit) missing from the
//                                  database, or changed: must be 0
//   crash.resumes-equal-replay     trials whose recording verifies (chain and
//                                  signature), whose resumed world equals a
//                                  fresh replay of the stored events, and
//                                  which, played on to the script's end, give
//                                  the world of an uninterrupted run
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/sim/engine.js';
import { drawAt } from '../../src/sim/random.js';
import { Recording } from '../../src/session/replay.js';
import { scriptStart } from '../../src/session/headless.js';
import { loadForResume } from '../../src/session/resume.js';
import type { ScriptLine } from '../../src/session/script.js';
import { keyRing } from '../../src/signing/index.js';
import { openStore } from '../../src/store/index.js';
import { figure, type BenchContext } from '../harness.js';
import { programArgv } from '../console/terminal.js';
import { BENCH_SCENARIO, benchScenario, strongScript } from '../workload.js';

const PACE_MS = 25;
const ACCEPTED = /^accepted #(\d+) +(\d+):(\d{2})(?::(\d{2}))? {2}(.*?)(?: {2}→ .*)?$/;

interface Acked {
  seq: number;
  simMs: number;
  text: string;
}

interface Trial {
  acked: number;
  lost: number;
  /** Verified, resumed to the replay's world, and played on to the uninterrupted end. */
  resumedExactly: boolean;
  problem: string | null;
}

interface CrashRun {
  trials: Trial[];
  wallS: number;
}

/** H:MM:SS, as a script line starts. */
function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function simMs(m: RegExpExecArray): number {
  const [a, b, c] = [Number(m[2]), Number(m[3]), m[4] === undefined ? null : Number(m[4])];
  return (c === null ? a * 60 + b : a * 3600 + b * 60 + c) * 1000;
}

/** Plays the paced script and SIGKILLs it `delayMs` after the `after`-th acknowledgement. */
function playAndKill(ctx: BenchContext, db: string, keys: string, script: string, seed: number, after: number, delayMs: number): Promise<{ acked: Acked[]; killed: boolean }> {
  const [node, ...args] = programArgv(ctx.root, ['play', BENCH_SCENARIO, '--script', script, '--seed', String(seed), '--pace', String(PACE_MS), '--db', db]);
  return new Promise((resolve, reject) => {
    const child = spawn(node!, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', FIREDRILL_KEYS: keys } });
    const acked: Acked[] = [];
    let buf = '';
    let armed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = ACCEPTED.exec(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (m) acked.push({ seq: Number(m[1]), simMs: simMs(m), text: m[5]! });
        if (acked.length >= after && !armed) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ acked, killed: signal === 'SIGKILL' });
    });
  });
}

/** What `resume` makes of the recording, played on to the end of the script, against the uninterrupted run. */
function checkTrial(db: string, keys: string, acked: Acked[], script: ScriptLine[], uninterrupted: string): Trial {
  const store = openStore(db, { keys: keyRing(keys) });
  try {
    const id = store.getSession('latest').id;
    const commands = store.events(id).filter((e) => e.type === 'command');
    const lost = acked.filter((a) => {
      const e = commands.find((c) => c.seq === a.seq);
      return !e || e.simMs !== a.simMs || (e.payload as { text: string }).text !== a.text;
    }).length;
    const fail = (problem: string): Trial => ({ acked: acked.length, lost, resumedExactly: false, problem });
    const v = store.verify(id);
    if (!v.ok) return fail(`verify: ${v.problem}`);
    if (v.signer?.trust !== 'this-machine') return fail('the head is not signed by this machine');
    const replayed = JSON.stringify(Recording.load(store, id).final.state);
    const resumed = loadForResume(store, id, Date.now);
    try {
      if (JSON.stringify(resumed.engine.state) !== replayed) return fail('the resumed world differs from the replay of the same events');
      for (const line of script.slice(commands.length)) {
        if (resumed.engine.incident.hasTag('over')) break;
        resumed.record({ type: 'command', text: line.text }, line.simMs);
      }
    } finally {
      resumed.lease?.release();
    }
    if (JSON.stringify(resumed.engine.state) !== uninterrupted) return fail('played on after resuming, the world differs from the uninterrupted run');
    if (!store.verify(id).ok) return fail('the resumed recording does not verify');
    return { acked: acked.length, lost, resumedExactly: true, problem: null };
  } finally {
    store.close();
  }
}

function crashRun(ctx: BenchContext): Promise<CrashRun> {
  return ctx.once('crash-run', async () => {
    const loaded = await benchScenario(ctx);
    const script = await strongScript(ctx);
    // The script as the figures share it (the repository's, or the fallback in an installed package).
    const scriptFile = join(ctx.tempDir(), 'strong.txt');
    writeFileSync(scriptFile, script.map((l) => `${clock(l.simMs)} ${l.text}\n`).join(''));
    // The project's seeded draw: the same kill points every run.
    const draw = drawAt(2026, 'crash-kill-points', 0);
    const random = () => draw.next();
    const trials: Trial[] = [];
    const t0 = performance.now();
    for (let k = 0; k < (ctx.quick ? 2 : 5); k++) {
      const seed = 100 + k;
      const dir = ctx.tempDir();
      const keys = join(dir, 'keys');
      const db = join(dir, 'crash.db');
      const after = 1 + Math.floor(random() * (script.length - 2));
      const { acked, killed } = await playAndKill(ctx, db, keys, scriptFile, seed, after, Math.floor(random() * PACE_MS));
      if (!killed) throw new Error(`trial ${k + 1}: the program ended before the kill (${acked.length} acknowledged)`);
      // The same session uninterrupted (as `play --script` feeds it): what the resumed one must end as.
      const whole = new Engine(loaded.scenario, { seed });
      whole.apply({ simMs: 0, actor: 'ic', body: scriptStart(script, { mode: 'solo', difficulty: 'normal', coach: true }) });
      for (const line of script) if (!whole.incident.hasTag('over')) whole.apply({ simMs: line.simMs, actor: 'ic', body: { type: 'command', text: line.text } });
      const uninterrupted = JSON.stringify(whole.state);
      trials.push(checkTrial(db, keys, acked, script, uninterrupted));
    }
    return { trials, wallS: (performance.now() - t0) / 1000 };
  });
}

function detail(run: CrashRun): string {
  const acked = run.trials.map((t) => t.acked).join(', ');
  const problems = run.trials.flatMap((t, i) => (t.problem ? [`trial ${i + 1}: ${t.problem}`] : []));
  return `${run.trials.length} trials in ${run.wallS.toFixed(1)} s, killed after ${acked} acknowledged decisions${problems.length ? `; ${problems.join('; ')}` : ''}`;
}

figure({
  name: 'crash.trials',
  unit: 'trials',
  about: `kill -9 trials: \`play ${BENCH_SCENARIO} --script\` (strong script, --pace ${PACE_MS}, every head signed) killed at seeded points`,
  measure: async (ctx) => {
    const run = await crashRun(ctx);
    return { value: run.trials.length, detail: detail(run) };
  },
});

figure({
  name: 'crash.decisions-lost',
  unit: 'decisions',
  target: { max: 0 },
  about: 'acknowledged decisions missing from (or changed in) the database after the kills, over all trials',
  measure: async (ctx) => {
    const run = await crashRun(ctx);
    return { value: run.trials.reduce((n, t) => n + t.lost, 0), detail: detail(run) };
  },
});

figure({
  name: 'crash.resumes-equal-replay',
  unit: '%',
  target: { min: 100 },
  about: 'trials whose recording verifies (chain and signature), whose resumed world equals an exact replay of its events, and which, played on, end as the uninterrupted run',
  measure: async (ctx) => {
    const run = await crashRun(ctx);
    return { value: (100 * run.trials.filter((t) => t.resumedExactly).length) / run.trials.length, detail: detail(run) };
  },
});

// Replay figure: seeking a 45-minute recording to any minute through the
// keyframes (restore the nearest one, re-feed the events after it).
import { Recording } from '../../src/session/replay.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { figure, median, type BenchContext } from '../harness.js';
import { benchScenario, strongScript } from '../workload.js';

/** The strong script played headless to the end of the 45-minute limit, as a stored recording. */
function recording(ctx: BenchContext): Promise<{ rec: Recording; buildMs: number }> {
  return ctx.once('replay-recording', async () => {
    const loaded = await benchScenario(ctx);
    const lines = await strongScript(ctx);
    const store = openStore(':memory:');
    const session = Session.start(store, loaded, { seed: 1, trainee: 'bench', mode: 'solo', difficulty: 'normal' }, () => 0);
    session.record({ type: 'start' }, 0);
    for (const l of lines) if (!session.engine.incident.hasTag('over')) session.record({ type: 'command', text: l.text }, l.simMs);
    const end = Math.round(loaded.scenario.timeLimitMin * 60_000);
    session.record({ type: 'quit' }, Math.max(end, session.engine.sec * 1000), 'system');
    const t0 = performance.now();
    const rec = Recording.load(store, session.id);
    return { rec, buildMs: performance.now() - t0 };
  });
}

figure({
  name: 'replay.seek',
  unit: 'ms',
  target: { max: 50 },
  about: 'seek a 45-minute recording to a minute: nearest keyframe + the events after it; the slowest minute (median of 5 seeks per minute)',
  measure: async (ctx) => {
    const { rec, buildMs } = await recording(ctx);
    const minutes = Math.floor(rec.endMs / 60_000);
    const perMinute: number[] = [];
    // Half a minute past each minute: the farthest point from a keyframe.
    for (let m = 0; m <= minutes; m++) {
      const at = Math.min(rec.endMs, m * 60_000 + 59_000);
      const runs: number[] = [];
      for (let i = 0; i < (ctx.quick ? 2 : 5); i++) {
        const t0 = performance.now();
        rec.at(at);
        runs.push(performance.now() - t0);
      }
      perMinute.push(median(runs));
    }
    const worst = Math.max(...perMinute);
    const mean = perMinute.reduce((a, b) => a + b, 0) / perMinute.length;
    return {
      value: worst,
      detail: `${minutes + 1} minutes, ${rec.keyframes.frames.length} keyframes built in ${buildMs.toFixed(0)} ms; mean seek ${mean.toFixed(1)} ms, slowest at minute ${perMinute.indexOf(worst)}`,
    };
  },
});

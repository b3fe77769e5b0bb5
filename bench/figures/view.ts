// What one frame's view costs while the log stream is busy: the view model
// reads only the window on screen, however many lines the stream writes.
import { join } from 'node:path';
import { loadScenarioFile, scenarioFromRaw } from '../../src/scenario/index.js';
import { LiveController } from '../../src/session/live-controller.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { figure, median } from '../harness.js';

/** The room a 100x30 terminal gives the panels. */
const WINDOW = { sparkPoints: 40, logLines: 20, feedLines: 9, timelineEntries: 10, logScrollback: 0 };

figure({
  name: 'view.busy-frame-ms',
  unit: 'ms',
  target: { max: 25 },
  about: "one frame's view (LiveController.view, a 100x30 window) of test/fixtures/mini.yaml with its log stream at 200 lines per sim-second, clock at 10x for 30 wall seconds of frames; median of 20 views",
  measure: (ctx) => {
    const file = join(ctx.root, 'test', 'fixtures', 'mini.yaml');
    const base = loadScenarioFile(file);
    if (!base.ok) throw new Error(`cannot load ${file}`);
    const raw = structuredClone(base.value.raw) as Record<string, unknown>;
    const logs = raw['logs'] as Record<string, unknown>[];
    logs[0] = { ...logs[0], rate: 200 };
    const busy = scenarioFromRaw(raw, 'mini, 200 lines/s');
    if (!busy.ok) throw new Error('the busy mini scenario does not validate');
    const store = openStore(':memory:');
    try {
      const session = Session.start(store, busy.value, { seed: 1, trainee: 'bench', mode: 'solo', difficulty: 'normal' }, Date.now);
      const controller = new LiveController(session, { interview: false, onFinish: () => '' });
      controller.start();
      for (const _ of [1, 2, 3]) controller.faster();
      // 30 s of frames at 10x: five sim-minutes of a stream that writes 60,000 lines
      for (let frame = 0; frame < 300; frame++) controller.advance(100);
      const ms: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        controller.view(WINDOW);
        ms.push(performance.now() - t0);
      }
      return { value: median(ms), detail: `at sim ${Math.round(session.engine.state.sec)} s; slowest view ${Math.max(...ms).toFixed(2)} ms` };
    } finally {
      store.close();
    }
  },
});

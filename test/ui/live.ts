import { LiveController } from '../../src/session/live-controller.js';
import { Session } from '../../src/session/session.js';
import { scenarioFromRaw, type LoadedScenario } from '../../src/scenario/index.js';
import { openStore } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';

export const MINI = 'test/fixtures/mini.yaml';

/** mini.yaml with its changes applied to the raw document (a busier log stream, say). */
export function miniWith(edit: (raw: Record<string, unknown>) => void): LoadedScenario {
  const raw = structuredClone(loadFixture(MINI).raw) as Record<string, unknown>;
  edit(raw);
  const r = scenarioFromRaw(raw, 'mini (edited)');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return r.value;
}

/** A real session on an in-memory store behind the live controller, as `firedrill play` builds it. */
export function liveSession(loaded: LoadedScenario = loadFixture(MINI)) {
  const store = openStore(':memory:');
  const session = Session.start(store, loaded, { seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal' }, () => 1_700_000_000_000);
  const controller = new LiveController(session, { interview: false, onFinish: () => 'session over' });
  return { store, session, controller };
}

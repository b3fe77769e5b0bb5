import { delimiter } from 'node:path';
import { scenarioFiles } from '../../scenario/read.js';
import type { LoadedScenario } from '../../scenario/validate.js';
import { importWithoutFetch } from '../load-ui.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { loadScenarioCached } from '../scenario-cache.js';
import { listBundled } from '../scenarios.js';

/**
 * Scenarios from the folders (or files) in FIREDRILL_SCENARIOS, separated
 * like PATH: your own scenarios next to the bundled ones in the picker.
 * Invalid files are skipped here, as for the bundled ones (`firedrill
 * validate` reports them).
 */
export async function extraScenarios(env: Record<string, string | undefined> = process.env): Promise<LoadedScenario[]> {
  const raw = env['FIREDRILL_SCENARIOS'];
  if (!raw) return [];
  const out: LoadedScenario[] = [];
  for (const f of scenarioFiles(raw.split(delimiter).filter(Boolean))) {
    const r = await loadScenarioCached(f);
    if (r) out.push(r);
  }
  return out;
}


/** The scenario picker shown by a bare `firedrill` / `npm start`. */
export async function pickScenario(ctx: Context, opts: { difficulty?: string } = {}): Promise<LoadedScenario | null> {
  const shipped = await listBundled();
  const extra = (await extraScenarios()).filter((e) => !shipped.some((b) => b.scenario.id === e.scenario.id));
  const all = [...shipped, ...extra];
  if (all.length === 0) throw new CliError('no scenarios found: the scenarios/ folder is missing or every file in it is invalid (`firedrill validate scenarios`)');
  const { runPicker } = await importWithoutFetch(() => import('../../ui/picker/run-picker.js'));
  const id = await runPicker(
    all.map(({ scenario: s }) => ({ id: s.id, title: s.title, difficulty: s.difficulty, timeLimitMin: s.timeLimitMin, source: s.source, summary: s.summary })),
    {
      color: ctx.io.color,
      ...(opts.difficulty ? { difficulty: opts.difficulty } : {}),
      // Read only when asked for (h): the picker's first frame does not wait on the database or load it.
      loadHistory: async () => {
        const [{ openStore, isStoreError }, { loadHistory, summarizeHistory }] = await Promise.all([import('../../store/index.js'), import('../../session/history.js')]);
        let store;
        try {
          store = openStore(ctx.dbPath, { readonly: true });
        } catch (e) {
          // No database yet: no history yet.
          if (isStoreError(e) && e.code === 'not-found') return summarizeHistory([]);
          throw e;
        }
        try {
          return loadHistory(store);
        } finally {
          store.close();
        }
      },
    },
  );
  return all.find((s) => s.scenario.id === id) ?? null;
}

import type { LoadedScenario } from '../../scenario/load.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { listBundled } from '../scenarios.js';

/** The scenario picker shown by a bare `firedrill` / `npm start`. */
export async function pickScenario(ctx: Context): Promise<LoadedScenario | null> {
  const all = listBundled();
  if (all.length === 0) throw new CliError('no scenarios found: the scenarios/ folder is missing or every file in it is invalid (`firedrill validate scenarios`)');
  const { runPicker } = await import('../../ui/picker/run-picker.js');
  const id = await runPicker(
    all.map(({ scenario: s }) => ({ id: s.id, title: s.title, difficulty: s.difficulty, timeLimitMin: s.timeLimitMin, source: s.source, summary: s.summary })),
    { color: ctx.io.color },
  );
  return all.find((s) => s.scenario.id === id) ?? null;
}

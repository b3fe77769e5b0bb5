import type { Context } from '../context.js';
import { listBundled } from '../scenarios.js';

export async function listCommand(ctx: Context): Promise<number> {
  const rows = (await listBundled()).map(({ scenario: s }) => ({ id: s.id, title: s.title, difficulty: s.difficulty, timeLimitMin: s.timeLimitMin, source: s.source }));
  if (ctx.io.json) ctx.io.data(rows);
  else {
    const w = Math.max(2, ...rows.map((r) => r.id.length));
    for (const r of rows) ctx.io.out(`${r.id.padEnd(w)}  ${r.title}  ·  ${r.difficulty}  ·  ${r.timeLimitMin} min  ·  ${r.source}`);
    if (rows.length === 0) ctx.io.out('no scenarios found');
  }
  return 0;
}

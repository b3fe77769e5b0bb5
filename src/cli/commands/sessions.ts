import type { Context } from '../context.js';

export function sessionsCommand(ctx: Context): number {
  const store = ctx.openStore();
  try {
    const rows = store.listSessions().map((s) => ({
      id: s.id,
      scenario: s.scenarioId,
      trainee: s.trainee,
      mode: s.mode,
      startedAt: s.startedAt,
      outcome: s.outcome,
      score: s.score,
    }));
    if (ctx.io.json) ctx.io.data(rows);
    else if (rows.length === 0) ctx.io.out(`no sessions recorded yet in ${store.path}`);
    else for (const r of rows) ctx.io.out(`${r.id}  ${r.scenario}  ${r.trainee}  ${r.mode}  ${r.startedAt}  ${r.outcome ?? 'in progress'}  ${r.score ?? '—'}`);
    return 0;
  } finally {
    store.close();
  }
}

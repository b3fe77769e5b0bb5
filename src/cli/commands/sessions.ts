import { loadHistory, type HistoryData } from '../../session/history.js';
import { listSessionsDerived } from '../../session/derived.js';
import { signingTag } from '../../session/recording-label.js';
import { sparkline } from '../../ui/sparkline.js';
import type { Context } from '../context.js';
import { openForListing } from '../read-only-store.js';

/** The text block under the list: each competency's trend, and the best score per scenario. */
export function historyText(h: HistoryData): string[] {
  if (h.sessions.length === 0) return [];
  const out = ['', `competencies over ${h.sessions.length} scored session${h.sessions.length === 1 ? '' : 's'} (percent of the section's points; oldest → newest)`];
  const width = Math.max(...h.competencies.map((c) => c.id.length));
  for (const c of h.competencies) {
    const trend = sparkline(c.percents, Math.min(30, c.percents.length), false, { min: 0, max: 100 });
    out.push(`  ${c.id.padEnd(width)}  ${trend.padEnd(Math.min(30, c.percents.length))}  latest ${c.latest}%  best ${c.best}%  mean ${c.mean}%`);
  }
  out.push('', 'personal bests');
  const idWidth = Math.max(...h.bests.map((b) => b.scenarioId.length));
  for (const b of h.bests) out.push(`  ${b.scenarioId.padEnd(idWidth)}  ${b.score}/${b.scoreMax}  (${b.startedAt.slice(0, 10)}, ${b.attempts} attempt${b.attempts === 1 ? '' : 's'})  ${b.sessionId}`);
  return out;
}

export function sessionsCommand(ctx: Context): number {
  const store = openForListing(ctx);
  if (!store) {
    if (ctx.io.json) ctx.io.data([]);
    else ctx.io.out(`no sessions recorded yet in ${ctx.dbPath}`);
    return 0;
  }
  try {
    const history = loadHistory(store);
    const sections = new Map(history.sessions.map((s) => [s.id, s.sections]));
    const rows = listSessionsDerived(store).map((s) => ({
      id: s.id,
      scenario: s.scenarioId,
      trainee: s.trainee,
      mode: s.mode,
      difficulty: s.difficulty,
      startedAt: s.startedAt,
      outcome: s.outcome,
      score: s.score,
      scoreMax: s.scoreMax,
      sections: sections.get(s.id) ?? [],
      signing: signingTag(s.signing) || (s.signing.kind === 'signed' ? `signed by ${s.signing.signer.name ?? s.signing.signer.fingerprint}` : ''),
      trusted: s.signing.kind === 'signed' && s.signing.signer.trust !== 'untrusted',
    }));
    if (ctx.io.json) ctx.io.data(rows);
    else if (rows.length === 0) ctx.io.out(`no sessions recorded yet in ${store.path}`);
    else {
      for (const r of rows) {
        const tag = r.trusted ? '' : `  [${r.signing}]`;
        ctx.io.out(`${r.id}  ${r.scenario}  ${r.trainee}  ${r.mode}  ${r.startedAt}  ${r.outcome ?? 'in progress'}  ${r.score ?? '—'}${tag}`);
      }
      for (const line of historyText(history)) ctx.io.out(line);
    }
    return 0;
  } finally {
    store.close();
  }
}

import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { openStore } from '../../store/index.js';

export function verifyCommand(ctx: Context, ids: string[]): number {
  if (!ctx.flags.all && ids.length === 0) throw new CliError('verify needs a session id, `latest`, or --all', 2);
  const store = openStore(ctx.dbPath);
  try {
    const targets = ctx.flags.all ? store.listSessions().map((s) => s.id) : ids.map((id) => store.getSession(id).id);
    const results = targets.map((id) => store.verify(id));
    if (ctx.io.json) ctx.io.data(ctx.flags.all ? results : results[0]);
    else for (const r of results) ctx.io.out(r.ok ? `ok      ${r.session}  ${r.events} events, chain intact` : `BROKEN  ${r.session}  chain breaks at event ${r.brokenAt} of ${r.events}: the recording was altered`);
    return results.every((r) => r.ok) ? 0 : 3;
  } finally {
    store.close();
  }
}

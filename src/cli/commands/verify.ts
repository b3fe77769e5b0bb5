import { verifyLabel } from '../../session/recording-label.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { openForReading, openForReadingSession } from '../read-only-store.js';

/**
 * `firedrill verify SESSION|--all`: the header against its genesis event,
 * the snapshot against its hash, the chain, its head, and the signature on
 * the head; who signed. Exit 3 when any of it does not hold.
 */
export function verifyCommand(ctx: Context, ids: string[]): number {
  if (!ctx.flags.all && ids.length === 0) throw new CliError('verify needs a session id, `latest`, or --all', 2);
  const store = ctx.flags.all ? openForReading(ctx) : openForReadingSession(ctx, ids[0]!);
  if (!store) {
    if (ctx.io.json) ctx.io.data([]);
    return 0;
  }
  try {
    const targets = ctx.flags.all ? store.listSessions().map((s) => s.id) : ids.map((id) => store.getSession(id).id);
    const results = targets.map((id) => store.verify(id));
    const shaped = results.map((r) => ({ ...r, signedBy: verifyLabel(r) }));
    if (ctx.io.json) ctx.io.data(ctx.flags.all ? shaped : shaped[0]);
    else {
      for (const r of results) {
        ctx.io.out(r.ok ? `ok      ${r.session}  ${r.events} events, chain intact; ${verifyLabel(r)}` : `BROKEN  ${r.session}  ${r.brokenAt !== null ? `chain breaks at event ${r.brokenAt} of ${r.events}: ` : ''}${r.problem ?? 'the recording was altered'}`);
      }
    }
    return results.every((r) => r.ok) ? 0 : 3;
  } finally {
    store.close();
  }
}

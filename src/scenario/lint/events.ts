import { readFlags, showCondition } from './conditions.js';
import type { LintContext } from './context.js';
import { explainNever } from './explain.js';
import { whenDue } from './model.js';

/**
 * A one-off event must be able to fire: due inside the time limit, and in
 * some variant its `after` flag can come up and its `unless` can be down
 * then. An event whose flag nothing reads changes nothing.
 */
export function checkEvents(ctx: LintContext): void {
  const s = ctx.scenario;
  const read = readFlags(s);
  s.events.forEach((e, i) => {
    const earliest = Math.max(e.at, e.after?.offsetSec ?? 0);
    if (earliest > ctx.model.timeLimitSec) {
      ctx.add(['events', i, e.after ? 'after' : 'at'], `event ${e.id} is due ${whenDue(e)}, after the time limit (${s.timeLimitMin} min): it never fires in play. Move it earlier or raise timeLimitMin`, 'events', 'warning');
      return;
    }
    if (!read.has(e.id)) {
      ctx.add(['events', i, 'id'], `event ${e.id} raises "${e.id}", which no condition reads, so it changes nothing. Use it in a metric effect, log, output, message, phase or goal condition — or drop it`, 'unread-flag', 'warning');
      return;
    }
    const flag = { kind: 'flag' as const, name: e.id };
    const never = ctx.failing(flag);
    if (never.length === 0) return;
    const severity = never.length === s.variants.length ? 'error' : 'warning';
    const anchorNever = e.after ? ctx.failing(e.after.when) : [];
    if (e.after && never.every((vi) => anchorNever.includes(vi))) {
      const why = explainNever(ctx, e.after.when, never);
      ctx.add(['events', i, 'after'], `event ${e.id} never fires in ${ctx.variantList(never)}: it is due after "${showCondition(e.after.when)}", which never holds there (${why}). Anchor it to something that happens`, 'events', severity);
    } else {
      const unless = e.unless ? `its unless "${showCondition(e.unless)}" holds whenever it could be due` : 'nothing lets it be due';
      ctx.add(['events', i, e.unless ? 'unless' : 'id'], `event ${e.id} never fires in ${ctx.variantList(never)}: ${unless}. Make the unless depend on something the IC does, or remove it`, 'events', severity);
    }
  });
}

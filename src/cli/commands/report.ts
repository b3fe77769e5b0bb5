import { writeFileSync } from 'node:fs';
import { reportMarkdown } from '../../session/reports.js';
import { Session } from '../../session/session.js';
import { choiceFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

export function reportCommand(ctx: Context, positionals: string[]): number {
  const id = positionals[0];
  if (!id) throw new CliError('report needs a session id or `latest`', 2);
  const format = choiceFlag(ctx.flags, 'format', ['md', 'json'] as const) ?? (ctx.io.json ? 'json' : 'md');
  const store = ctx.openStore({ readonly: true });
  try {
    const session = Session.load(store, id, ctx.wallNow);
    const score = session.score();
    const s = session.engine.state;
    const text =
      format === 'json'
        ? JSON.stringify(
            {
              drill: true,
              session: session.id,
              scenario: session.scenario.id,
              seed: session.row.seed,
              trainee: session.row.trainee,
              outcome: s.outcome,
              timings: score.timings,
              score: { total: score.total, max: score.max, sections: score.sections },
              checkpoints: score.checkpoints,
              actionItems: score.items,
              timeline: s.timeline,
              chainVerified: store.verify(session.id).ok,
            },
            null,
            2,
          )
        : reportMarkdown(session, score, true);
    if (ctx.flags.out) {
      try {
        writeFileSync(ctx.flags.out, text);
      } catch (e) {
        throw new CliError(`cannot write ${ctx.flags.out}: ${(e as Error).message}`);
      }
      ctx.io.note(`wrote ${ctx.flags.out}`);
    } else process.stdout.write(`${text}\n`);
    return 0;
  } finally {
    store.close();
  }
}

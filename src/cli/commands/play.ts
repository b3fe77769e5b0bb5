import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { formatClock } from '../../scenario/duration.js';
import { runScript } from '../../session/headless.js';
import { parseScript } from '../../session/script.js';
import { choiceFlag, intFlag, numFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { resolveScenario } from '../scenarios.js';
import { playInteractive } from './play-interactive.js';

export function trainee(ctx: Context): string {
  if (ctx.flags.trainee) return ctx.flags.trainee;
  try {
    return userInfo().username || 'trainee';
  } catch {
    return 'trainee';
  }
}

export async function playCommand(ctx: Context, positionals: string[]): Promise<number> {
  const flags = ctx.flags;
  const seed = intFlag(flags, 'seed', 0, 2 ** 31 - 1) ?? randomInt(0, 2 ** 31 - 1);
  const difficulty = choiceFlag(flags, 'difficulty', ['easy', 'normal', 'hard'] as const) ?? 'normal';
  const mode = choiceFlag(flags, 'mode', ['solo', 'interview'] as const) ?? 'solo';
  const postmortemMin = numFlag(flags, 'postmortem-min', 1, 240);
  if (!flags.script) return playInteractive(ctx, positionals[0], { seed, difficulty, mode, postmortemMin });

  if (!positionals[0]) throw new CliError('headless play needs a scenario: `firedrill play payment-fraud-dns --script FILE`', 2);
  const loaded = resolveScenario(positionals[0]);
  let text: string;
  try {
    text = readFileSync(flags.script, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read script ${flags.script}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (flags.variant && !loaded.scenario.variants.some((v) => v.id === flags.variant)) {
    throw new CliError(`scenario ${loaded.scenario.id} has no variant "${flags.variant}"; its variants: ${loaded.scenario.variants.map((v) => v.id).join(', ')}`, 2);
  }
  const script = parseScript(text, flags.script);
  if (!script.ok) throw new CliError(script.errors.join('\n'));
  const paceMs = intFlag(flags, 'pace', 0, 60_000);
  const store = ctx.openStore();
  try {
    const result = await runScript(
      store,
      loaded,
      script.lines,
      {
        seed,
        difficulty,
        mode,
        trainee: trainee(ctx),
        ...(flags.variant ? { variant: flags.variant } : {}),
        ...(postmortemMin ? { postmortemMin } : {}),
        ...(paceMs ? { paceMs } : {}),
        onAccepted: (line, seq, answer) => {
          if (!flags.quiet) ctx.io.note(`accepted #${seq} ${formatClock(line.simMs / 1000).padStart(5)}  ${line.text}${answer ? `  → ${answer}` : ''}`);
        },
      },
      ctx.wallNow,
    );
    const { session, score } = result;
    const s = session.engine.state;
    if (ctx.io.json) {
      ctx.io.data({
        session: session.id,
        scenario: loaded.scenario.id,
        variant: s.variant,
        seed,
        outcome: s.outcome ?? 'abandoned',
        timings: { ackS: score.timings.ackS, sevS: score.timings.sevS, mitigatedS: score.timings.mitigatedS, resolvedS: score.timings.resolvedS },
        score: { total: score.total, max: score.max, sections: score.sections },
        report: result.reportPath,
      });
    } else {
      ctx.io.out(result.summary);
      ctx.io.out(`session ${session.id}${result.reportPath ? ` · report ${result.reportPath}` : ''}`);
    }
    return 0;
  } finally {
    store.close();
  }
}

import { randomInt } from 'node:crypto';
import { choiceFlag, intFlag, numFlag } from '../args.js';
import type { Context } from '../context.js';
import type { PlayOptions } from './play-options.js';

export async function playCommand(ctx: Context, positionals: string[]): Promise<number> {
  const flags = ctx.flags;
  const seed = intFlag(flags, 'seed', 0, 2 ** 31 - 1) ?? randomInt(0, 2 ** 31 - 1);
  const difficulty = choiceFlag(flags, 'difficulty', ['easy', 'normal', 'hard'] as const);
  const mode = choiceFlag(flags, 'mode', ['solo', 'interview'] as const) ?? 'solo';
  const postmortemMin = numFlag(flags, 'postmortem-min', 1, 240);
  // Each way of playing loads only what it needs: the screen's first frame waits on every module loaded before it.
  const options: PlayOptions = { seed, difficulty, mode, postmortemMin, noCoach: flags['no-coach'] === true };
  if (!flags.script) return (await import('./play-interactive.js')).playInteractive(ctx, positionals[0], options);
  return (await import('./play-script.js')).playScript(ctx, positionals[0], flags.script, options);
}


import { userInfo } from 'node:os';
import type { Context } from '../context.js';

/** What `firedrill play` was asked for, shared by its interactive and scripted ways of playing. */
export interface PlayOptions {
  seed: number;
  /** --difficulty; when absent, the scenario file's own difficulty. */
  difficulty: 'easy' | 'normal' | 'hard' | undefined;
  mode: 'solo' | 'interview';
  postmortemMin: number | undefined;
  /** --no-coach: no coach even in solo play at easy or normal. */
  noCoach: boolean;
}

/** The trainee's name: --trainee, else the login name. */
export function trainee(ctx: Context): string {
  if (ctx.flags.trainee) return ctx.flags.trainee;
  try {
    return userInfo().username || 'trainee';
  } catch {
    return 'trainee';
  }
}

import * as z from 'zod';
import { parseDuration } from './clock-text.js';

export { formatClock, parseDuration } from './clock-text.js';

export const Duration = z.union([z.number().nonnegative(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return Math.round(v);
  const sec = parseDuration(v);
  if (sec === null) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a duration; write MM:SS, 90s, 5m, 1h, 2d or a number of seconds` });
    return z.NEVER;
  }
  return sec;
});

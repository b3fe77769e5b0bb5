import type { RampShape } from '../scenario/schema.js';

/** How steep exp-decay is: after a fifth of the ramp it has covered 63% of the move, after the whole ramp all of it. */
const EXP_RATE = 5;
const EXP_FULL = 1 - Math.exp(-EXP_RATE);

/**
 * The share of a move made after a fraction t (0..1) of its ramp. Linear
 * returns t itself, so a scenario that names no shape draws exactly as before.
 */
export function rampShare(shape: RampShape, t: number): number {
  switch (shape) {
    case 'linear':
      return t;
    case 'ease-in':
      return t * t;
    case 'ease-out':
      return t * (2 - t);
    case 'ease-in-out':
      return t * t * (3 - 2 * t);
    case 'exp-decay':
      // fast at first, settling slowly onto the new value (a cache refilling, a queue draining)
      return (1 - Math.exp(-EXP_RATE * t)) / EXP_FULL;
  }
}

import type { Condition } from '../scenario/condition.js';
import type { Scenario } from '../scenario/schema.js';

type Hint = Scenario['hints'][number];

/**
 * What a hint says when it is taken: the first of its `texts` whose condition
 * holds in the world as it stands, else its text. A hint is written against
 * what has happened by then, never against what is still to come.
 */
export function hintText(hint: Hint, holds: (cond: Condition | undefined) => boolean): string {
  return hint.texts.find((t) => holds(t.when))?.text ?? hint.text;
}

/** Before the fault's first phase there is nothing a hint could point at, so none is given or charged. */
export const HINT_BEFORE_ONSET = 'nothing has gone wrong yet for a hint to point at: watch the dashboards and the pages (no hint taken, nothing charged)';

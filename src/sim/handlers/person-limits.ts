import type { Person } from '../../scenario/schema.js';
import type { WorldEffects } from '../world-effects.js';

// What a responder can do and knows, as the scenario declares it per person
// (`can`, `knows`, `lockedOut`); without those a person is limited only by
// the role rules in requests/roles.ts.

/** What a locked-out person says while their lock holds; null when they can act. */
export function lockedOutText(world: Pick<WorldEffects, 'holds'>, person: Person): string | null {
  return person.lockedOut && world.holds(person.lockedOut.when) ? person.lockedOut.text : null;
}

/** Whether the person's declared capabilities let them run or do this target (anything, when they declare none). */
export function allowed(person: Person, targetId: string): boolean {
  return person.can === undefined || person.can.includes(targetId);
}

/** The first of the person's knowledge a question matches, as the task target `knows:N`; null when none does. */
export function knowledgeTarget(person: Person, text: string): string | null {
  const i = person.knows.findIndex((k) => k.match.some((re) => re.test(text)));
  return i === -1 ? null : `knows:${i}`;
}

/** The knowledge a task target names. */
export function knowledgeOf(person: Person, targetId: string | null): Person['knows'][number] | undefined {
  const m = /^knows:(\d+)$/.exec(targetId ?? '');
  return m ? person.knows[Number(m[1])] : undefined;
}

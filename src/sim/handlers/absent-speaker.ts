import type { WorldEffects } from '../world-effects.js';

/**
 * A reply written in a responder's voice ("Lina: menu-publisher is back on
 * 2.7.4") is what the IC's own terminal prints when the IC made the change or
 * ran the check themselves. Someone who has not joined the channel cannot
 * have said it, so their name is left off; once they are here it stays.
 */
export function withoutAbsentSpeaker(world: WorldEffects, text: string): string {
  const m = /^([A-Z][\p{L}'-]*):\s+/u.exec(text);
  if (!m) return text;
  const people = world.scenario.people.filter((p) => p.name.split(/\s+/)[0] === m[1] || p.name === m[1]);
  if (people.length !== 1) return text;
  const joined = world.state.responders[people[0]!.id]?.joinedSec ?? null;
  if (joined !== null && joined <= world.state.sec) return text;
  const rest = text.slice(m[0].length);
  return rest;
}

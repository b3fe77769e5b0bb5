import type { Scenario } from '../scenario/schema.js';
import type { WorldEffects } from './world-effects.js';

/**
 * "Saw" is what the trainee's own screen showed while the signal was there:
 * the drilled-in panel or the log filter the evidence names, once the
 * incident is under way and while the evidence's condition holds. Opening a
 * panel before anything happened shows nothing yet; a panel left open when
 * the signal arrives shows it then. Checked when the screen changes and on
 * every second after.
 */
export function onScreen(world: WorldEffects, e: Scenario['evidence'][number]): boolean {
  const s = world.state;
  if (s.onsetSec === null && world.scenario.phases.length > 0) return false;
  if (!world.holds(e.when)) return false;
  if (e.dash !== undefined && s.dash.panel === e.dash) return true;
  if (e.logs) return Object.entries(e.logs).every(([k, v]) => s.logFilter.equals[k]?.toLowerCase() === v.toLowerCase());
  return false;
}

export function watchScreen(world: WorldEffects, sec: number): void {
  const s = world.state;
  if (s.dash.panel === null && Object.keys(s.logFilter.equals).length === 0) return;
  for (const e of world.scenario.evidence) if (s.evidence[e.id] === undefined && onScreen(world, e)) world.gainEvidence(e.id, sec);
}

import { wallHm } from '../scenario/clock-frame.js';
import type { WorldEffects } from './world-effects.js';

/** "18 hours", "1 hour 30 minutes", "45 minutes", "90 seconds". */
function jumpWords(sec: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const d = Math.floor(sec / 86_400);
  const h = Math.floor((sec % 86_400) / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const parts = [d && unit(d, 'day'), h && unit(h, 'hour'), m && unit(m, 'minute')].filter((x): x is string => typeof x === 'string');
  return parts.length > 0 ? parts.join(' ') : unit(sec, 'second');
}

/**
 * A clock segment starting now is told to the trainee: how far the clock
 * jumped and what it reads, and the scenario's words for it, so a restore
 * that ran overnight is not a silent change of the time in the header.
 */
export function announceClockSegments(world: WorldEffects, sec: number): void {
  for (const seg of world.scenario.clockSegments ?? []) {
    if (seg.from !== sec || (seg.skip === undefined && seg.text === undefined)) continue;
    const jump = seg.skip !== undefined && seg.skip > 0 ? `⏩ The clock jumps ${jumpWords(seg.skip)}: it is now ${wallHm(world.scenario, sec)}.` : '';
    world.say('system', 'firedrill', [jump, seg.text ?? ''].filter((x) => x !== '').join(' '), 'muted');
  }
}

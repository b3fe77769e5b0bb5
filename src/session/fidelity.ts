import { createHash } from 'node:crypto';
import type { Engine } from '../sim/engine.js';
import type { Store, StoredEvent } from '../store/index.js';
import type { ViewSize } from '../view/model.js';
import { settledView } from '../view/examiner-select.js';

/**
 * Replay fidelity: while a session is played, the hash of the candidate's
 * view model right after each IC command is stored beside the recording (not
 * in it: the world never reads it). A replay recomputes the same hashes from
 * the events alone; any difference means the replay would not show what the
 * candidate saw (a changed engine, a bug, a doctored snapshot).
 *
 * The view is taken at one fixed size with the live screen's options, so the
 * hash does not depend on the terminal either side happened to have.
 */
export const FIDELITY_SIZE: ViewSize = Object.freeze({
  sparkPoints: 40,
  logLines: 12,
  feedLines: 9,
  timelineEntries: 12,
  logScrollback: 0,
});

/** The IC's decisions are what get a hash: commands typed by the candidate. */
export function isDecision(e: Pick<StoredEvent, 'actor' | 'type'>): boolean {
  return e.actor === 'ic' && e.type === 'command';
}

export function viewHash(engine: Engine, interview: boolean): string {
  const vm = settledView(engine, FIDELITY_SIZE, { mode: 'play', interview, summary: null });
  return createHash('sha256').update(JSON.stringify(vm)).digest('hex');
}

/** Stores the view hash after each of the IC's decisions that this process records (recorder.ts). */
export class FidelityRecorder {
  constructor(
    private readonly store: Store,
    private readonly sessionId: string,
    private readonly interview: boolean,
  ) {}

  /** Call right after `event` took effect on `engine`. A failure here must never stop play. */
  after(event: Pick<StoredEvent, 'seq' | 'actor' | 'type'>, engine: Engine): void {
    if (!isDecision(event)) return;
    try {
      this.store.putViewHash(this.sessionId, event.seq, viewHash(engine, this.interview));
    } catch {
      // The hash is a check on the recording, not part of it: losing one is not worth a crash.
    }
  }
}

export interface FidelityReport {
  /** How many stored hashes were compared. */
  checked: number;
  /** The first seq whose recomputed view differs, or null. */
  firstDiff: number | null;
  /** Stored hashes whose event is missing from the recording. */
  orphans: number[];
}

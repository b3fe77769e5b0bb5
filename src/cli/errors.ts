import { SessionError } from '../session/errors.js';
import { KeyError } from '../signing/installation-key.js';
import { StoreError } from '../store/errors.js';

/** An expected failure: its message is all the user needs; no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3 = 1,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, refused: 1, usage: 2, integrity: 3 } as const;

/**
 * The exit code of an expected failure (its message is all the user
 * needs), or null for an unexpected one: CliError says its own; a store,
 * session or key refusal is 1, an integrity failure of a recording 3.
 */
export function expectedExit(e: unknown): number | null {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof StoreError) return e.code === 'integrity' ? EXIT.integrity : EXIT.refused;
  if (e instanceof SessionError || e instanceof KeyError) return EXIT.refused;
  return null;
}

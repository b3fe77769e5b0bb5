// The one error type the store lets escape. Its message is written for the
// person at the terminal: it names the file and says what to do, so the CLI
// can print `err.message` alone, without a stack trace.

export type StoreErrorCode =
  | 'locked'
  | 'newer-schema'
  | 'not-found'
  | 'readonly'
  | 'corrupt'
  | 'unwritable'
  | 'invalid-import'
  // A recording whose chain, header, head or signature does not hold, or whose signer is not trusted (exit 3).
  | 'integrity';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  return err instanceof StoreError && (code === undefined || err.code === code);
}

// Turns SQLite / filesystem failures into StoreErrors a user can act on.
// Anything we don't recognise is rethrown untouched: that is a bug, and the
// stack trace is useful to whoever fixes it.
import { StoreError } from './errors.js';

const TRY_ELSEWHERE = 'or set FIREDRILL_DB to use a different database file';

export function describeFile(file: string): string {
  return file === ':memory:' ? 'the in-memory database' : `the database ${file}`;
}

export function toStoreError(err: unknown, file: string): unknown {
  if (err instanceof StoreError) return err;
  const code = errorCode(err);
  if (code === undefined) return err;
  const what = describeFile(file);
  const cause = { cause: err };

  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_VTAB, ...) share the primary prefix.
  if (is(code, 'SQLITE_BUSY') || is(code, 'SQLITE_LOCKED')) {
    return new StoreError('locked', `${what} is locked by another process; try again in a moment (another firedrill may be busy writing to it)`, cause);
  }
  if (is(code, 'SQLITE_READONLY')) {
    return new StoreError('readonly', `${what} is read-only; check the permissions of the file and its folder, ${TRY_ELSEWHERE}`, cause);
  }
  if (is(code, 'SQLITE_CANTOPEN') || is(code, 'SQLITE_PERM')) {
    return new StoreError('unwritable', `cannot open or create ${what}; check that its folder exists and is writable, ${TRY_ELSEWHERE}`, cause);
  }
  if (is(code, 'SQLITE_FULL')) {
    return new StoreError('unwritable', `cannot write to ${what}: the disk is full; free some space and try again`, cause);
  }
  if (is(code, 'SQLITE_IOERR')) {
    return new StoreError('unwritable', `cannot read or write ${what} (I/O error ${code}); check the disk and try again, ${TRY_ELSEWHERE}`, cause);
  }
  if (is(code, 'SQLITE_NOTADB') || is(code, 'SQLITE_CORRUPT')) {
    return new StoreError('corrupt', `${what} is not a firedrill database or is damaged; move the file aside (a fresh one will be created) ${TRY_ELSEWHERE}`, cause);
  }
  // Node fs errors, e.g. from creating the parent folder.
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOSPC') {
    return new StoreError('unwritable', `cannot create the folder for ${what} (${code}); check the path and its permissions, ${TRY_ELSEWHERE}`, cause);
  }
  return err;
}

/** Runs fn, converting any recognised failure into a StoreError. */
export function guarded<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw toStoreError(err, file);
  }
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function is(code: string, primary: string): boolean {
  return code === primary || code.startsWith(primary + '_');
}

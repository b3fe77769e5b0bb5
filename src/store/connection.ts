// Opens one SQLite connection set up the way the store needs it, and brings
// its schema up to date. Every failure comes out as a StoreError.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { StoreError } from './errors.js';
import { describeFile, guarded } from './error-mapping.js';
import { MIGRATIONS, assertNotNewer, migrate, schemaVersion, type MigrationContext } from './migrations.js';
import { isReadOnlyMediaRefusal, readOnlyImage } from './read-only-image.js';

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface ConnectionOptions {
  readonly: boolean;
  busyTimeoutMs: number;
  migration?: MigrationContext;
}

export function openConnection(file: string, opts: ConnectionOptions): DB {
  try {
    return openOnce(file, opts);
  } catch (err) {
    if (opts.readonly && file !== ':memory:' && isReadOnlyMediaRefusal(err)) {
      const image = readOnlyImage(file);
      if (image) return openOnce(file, opts, image);
    }
    // A reader of a database an older firedrill wrote: upgrade it through a
    // writable connection once, then read. If it cannot be written, say so.
    if (!(opts.readonly && err instanceof StoreError && err.code === 'readonly' && /older layout/.test(err.message))) throw err;
    try {
      openOnce(file, { ...opts, readonly: false }).close();
    } catch {
      throw err;
    }
    return openOnce(file, opts);
  }
}

/** `image`: the file's bytes, opened in memory instead of the file (read-only media). */
function openOnce(file: string, opts: ConnectionOptions, image?: Buffer): DB {
  const memory = file === ':memory:';
  if (opts.readonly && !memory && !existsSync(file)) {
    throw new StoreError('not-found', `there is no database at ${file}; run a drill first, or set FIREDRILL_DB to the database you meant`);
  }
  if (!opts.readonly && !memory) guarded(file, () => mkdirSync(dirname(file), { recursive: true }));

  const db = guarded(file, () => new Database(image ?? file, { readonly: opts.readonly, timeout: opts.busyTimeoutMs }));
  try {
    guarded(file, () => {
      // A non-database file is only noticed on the first read; this is it.
      // WAL lets the examiner read while the candidate writes, and persists
      // in the file, so a read-only connection needn't (and can't) set it.
      if (!memory && !opts.readonly && !image) enableWal(db, opts.busyTimeoutMs);
      db.pragma('synchronous = NORMAL'); // safe with WAL: may lose the last commits on power loss, never corrupts
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs))}`);
      if (opts.readonly) {
        assertNotNewer(db, file);
        if (schemaVersion(db) < MIGRATIONS.length) {
          throw new StoreError(
            'readonly',
            `${describeFile(file)} uses an older layout that must be upgraded before it can be read; open it once without read-only mode`,
          );
        }
      } else {
        migrate(db, file, opts.migration);
      }
    });
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

// Switching a new file to WAL needs an exclusive lock, and when several
// processes create the same file at once SQLite can report SQLITE_BUSY here
// without consulting the busy timeout. So wait for it ourselves. Only a
// brand-new file gets here in practice: WAL mode persists in the file.
function enableWal(db: DB, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      const busy = (err as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() >= deadline) throw err;
      sleepSync(10);
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

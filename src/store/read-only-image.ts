// A database on read-only media (the file and its folder cannot be written:
// a mounted evidence disk, a chmod'ed archive). SQLite cannot read a WAL-mode
// file there, because a reader must create the -shm index beside it. When no
// -wal file lies beside it, the main file holds every committed transaction,
// so reading an in-memory image of it gives the same data and writes nothing
// anywhere.
import { existsSync, readFileSync, statSync } from 'node:fs';

/** SQLite's refusal to read a WAL-mode file whose folder it cannot write (the -shm index). */
export function isReadOnlyMediaRefusal(err: unknown): boolean {
  const cause = err instanceof Error && err.cause !== undefined ? err.cause : err;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY_CANTINIT';
}

/**
 * The file's bytes, ready to open in memory; null when a non-empty -wal file
 * holds commits the main file does not have yet (reading the image alone
 * would miss them).
 */
export function readOnlyImage(file: string): Buffer | null {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return null;
  const image = readFileSync(file);
  // Header bytes 18 and 19 are the write and read format versions: 2 marks
  // WAL mode, which an in-memory database cannot use; 1 is the rollback
  // journal, the same pages read the same way.
  if (image.length >= 100 && image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return image;
}

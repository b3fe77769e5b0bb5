// The store for commands that only read (sessions, verify, replay, report):
// opened read-only, so they work on read-only media and can never write,
// and a database that does not exist is not created by looking at it.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import type { Context } from './context.js';
import { CliError } from './errors.js';

/** Null when there is no database file yet (nothing is recorded). */
export function openForReading(ctx: Context): Store | null {
  if (ctx.dbPath === ':memory:') return openStore(ctx.dbPath);
  if (!existsSync(ctx.dbPath)) return null;
  return openStore(ctx.dbPath, { readonly: true });
}

/** As openForReading, for a command about one session: no database means no such session. */
export function openForReadingSession(ctx: Context, id: string): Store {
  const store = openForReading(ctx);
  if (!store) throw new CliError(`no session "${id}": there is no database at ${ctx.dbPath} yet; run a drill first, or set FIREDRILL_DB to the database you meant`);
  return store;
}

/**
 * For `sessions`: writable where the file and its folder can be written, so
 * the derived-results cache fills as it lists; read-only where they cannot.
 */
export function openForListing(ctx: Context): Store | null {
  if (ctx.dbPath === ':memory:' || !existsSync(ctx.dbPath)) return openForReading(ctx);
  return writable(ctx.dbPath) && writable(dirname(ctx.dbPath)) ? openStore(ctx.dbPath) : openStore(ctx.dbPath, { readonly: true });
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

import { defaultDbPath, openStore, type Store } from '../store/index.js';
import type { Flags } from './args.js';
import type { Io } from './io.js';

/** What every subcommand gets: flags, output, the store, and the wall clock. */
export interface Context {
  flags: Flags;
  io: Io;
  dbPath: string;
  openStore(opts?: { readonly?: boolean }): Store;
  wallNow(): number;
}

export function createContext(flags: Flags, io: Io): Context {
  const dbPath = flags.db ?? defaultDbPath(process.env);
  return {
    flags,
    io,
    dbPath,
    openStore: (opts) => openStore(dbPath, opts),
    wallNow: () => Date.now(),
  };
}

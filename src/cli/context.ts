import { defaultDbPath } from '../store/default-path.js';
import type { Flags } from './args.js';
import type { Io } from './io.js';

/**
 * What every subcommand gets: flags, output, where the store is, and the wall
 * clock. A command opens the store itself (openStore(ctx.dbPath)), so the
 * store and SQLite load only for commands that use them, and for interactive
 * play only after the first frame.
 */
export interface Context {
  flags: Flags;
  io: Io;
  dbPath: string;
  wallNow(): number;
}

export function createContext(flags: Flags, io: Io): Context {
  const dbPath = flags.db ?? defaultDbPath(process.env);
  return {
    flags,
    io,
    dbPath,
    wallNow: () => Date.now(),
  };
}

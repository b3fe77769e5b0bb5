import { ReplayPlayer } from '../../session/replay-player.js';
import type { Recording } from '../../session/replay.js';
import { ReplayApp } from './ReplayApp.js';
import { runFullscreen } from '../fullscreen.js';

/** The interactive replay, full-screen, until q. */
export async function runReplay(rec: Recording, opts: { color: boolean; atMs?: number }): Promise<void> {
  const player = new ReplayPlayer(rec);
  if (opts.atMs !== undefined) player.seek(opts.atMs);
  await runFullscreen(<ReplayApp player={player} color={opts.color} />);
}

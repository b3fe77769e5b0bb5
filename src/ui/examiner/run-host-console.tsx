import { runFullscreen } from '../fullscreen.js';
import { HostConsoleApp, type HostView } from './HostConsoleApp.js';

/** The host's examiner console, full-screen, until the examiner stops the host. */
export async function runHostConsole(host: HostView, opts: { joinCommand: string; fingerprint: string; color: boolean; recent: string[] }): Promise<void> {
  await runFullscreen(<HostConsoleApp host={host} joinCommand={opts.joinCommand} fingerprint={opts.fingerprint} color={opts.color} />);
}

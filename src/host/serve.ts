import type { Server } from 'ssh2';
import { INTERVIEW_DONE } from '../session/live-controller.js';
import { renderCandidateScreen } from '../ui/candidate-screen.js';
import { createHostServer, MAX_CONNECTIONS } from './host-server.js';
import type { HostKey } from './host-key.js';
import { InterviewHost, type InterviewHostOptions } from './interview-host.js';

export interface ServeOptions extends InterviewHostOptions {
  key: HostKey;
  address: string;
  /** 0 picks a free port. */
  port: number;
  log: (line: string) => void;
}

export interface Serving {
  host: InterviewHost;
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * An interview host listening: the SSH server, each candidate's play
 * screen rendered into their channel (colour unless the client's TERM is
 * dumb), and their prompt mirrored to the examiner as they type.
 */
export async function serveInterviews(opts: ServeOptions): Promise<Serving> {
  const host = new InterviewHost(opts);
  // Each candidate's Ink instance listens for the process's beforeExit: a full room is not a leak.
  process.setMaxListeners(Math.max(process.getMaxListeners(), MAX_CONNECTIONS + 10));
  const server = createHostServer({
    host,
    key: opts.key,
    log: opts.log,
    wallNow: opts.wallNow,
    showScreen: (candidate, terminal, term) =>
      renderCandidateScreen(candidate.controller, { stdout: terminal.stdout as unknown as NodeJS.WriteStream, stdin: terminal.stdin as unknown as NodeJS.ReadStream }, {
        color: term !== '' && term !== 'dumb',
        onDraft: (text) => {
          candidate.draft = text;
        },
        closingLines: () =>
          candidate.finished
            ? [INTERVIEW_DONE]
            : [`You left the session; it waits where it stands. To continue, connect again and type the same join code.`],
      }),
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.address, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : opts.port);
    });
  });
  return {
    host,
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        host.disconnectAll();
        server.close(() => resolve());
      }),
  };
}

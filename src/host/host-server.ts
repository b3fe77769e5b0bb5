import ssh2, { type AuthContext, type Connection, type ServerChannel, type Session as SshSession } from 'ssh2';
import { AuthLimiter } from './auth-limiter.js';
import { ChannelTerminal, clampSize, type TerminalSize } from './channel-terminal.js';
import type { HostKey } from './host-key.js';
import type { HostedCandidate, InterviewHost } from './interview-host.js';

/** A connection must have joined within this long, and opened its screen soon after. */
export const LOGIN_GRACE_MS = 60_000;
/** Wrong codes one connection may try before it is closed. */
export const TRIES_PER_CONNECTION = 3;
/** SSH keepalives: a client silent for interval × count is gone (a half-open connection). */
export const KEEPALIVE_MS = 15_000;
export const KEEPALIVE_COUNT = 3;
/** Connections at once; beyond it new ones are closed at once. */
export const MAX_CONNECTIONS = 64;
/** Usernames: `join`, or the candidate's name (letters, digits, . _ -). */
const USERNAME = /^[A-Za-z][A-Za-z0-9._-]{0,31}$/u;

export interface HostServerOptions {
  host: InterviewHost;
  key: HostKey;
  /** Renders the play screen into a candidate's terminal; returns the promise of it ending and a way to stop it. */
  showScreen: (candidate: HostedCandidate, terminal: ChannelTerminal, term: string) => { done: Promise<void>; unmount: () => void };
  /** What the host's operator should know (refusals, joins, departures); never sent to a client. */
  log: (line: string) => void;
  wallNow: () => number;
}

/**
 * The SSH side of `firedrill host`: deny by default. A connection
 * authenticates with a join code (keyboard-interactive, or the code as the
 * password); its one session channel may ask for a pty and then a shell,
 * which is the candidate's play screen and nothing else. Exec, subsystems
 * (SFTP), agent and X11 forwarding, environment, port forwarding in both
 * directions and any other channel or global request are refused.
 */
export function createHostServer(opts: HostServerOptions): ssh2.Server {
  const limiter = new AuthLimiter(opts.wallNow);
  let open = 0;
  const server = new ssh2.Server(
    {
      hostKeys: [opts.key.privateKey],
      ident: 'firedrill',
      banner: 'firedrill interview host: enter the join code your examiner gave you.\r\n',
      keepaliveInterval: KEEPALIVE_MS,
      keepaliveCountMax: KEEPALIVE_COUNT,
    },
    (client, info) => {
      if (open >= MAX_CONNECTIONS) {
        opts.log(`refused a connection from ${info.ip}: ${MAX_CONNECTIONS} already open`);
        client.end();
        return;
      }
      open++;
      client.once('close', () => open--);
      // A screen update is a few small writes: with Nagle's algorithm the
      // second waits for the ack of the first, which a client delays up to
      // 40 ms, and the typed key shows that much later. (ssh2's server
      // connection has setNoDelay; its type declarations list it only on the client.)
      (client as Connection & { setNoDelay(noDelay: boolean): unknown }).setNoDelay(true);
      serveConnection(client, info.ip, limiter, opts);
    },
  );
  return server;
}

function serveConnection(client: Connection, address: string, limiter: AuthLimiter, opts: HostServerOptions): void {
  const { host, log } = opts;
  let tries = 0;
  let admitted: { code: string; candidate: HostedCandidate | null; name: string } | null = null;
  let joined: HostedCandidate | null = null;
  let screen: { unmount: () => void } | null = null;
  let sessions = 0;

  const grace = setTimeout(() => {
    log(`closed a connection from ${address} that did not open the screen within ${LOGIN_GRACE_MS / 1000} s`);
    client.end();
  }, LOGIN_GRACE_MS);

  // A connection that drops without 'close' still ends; errors here are the client's, not ours.
  client.on('error', (e: Error) => log(`connection from ${address}: ${e.message}`));

  const check = (ctx: AuthContext, typed: string): void => {
    if (limiter.blocked(address)) {
      log(`refused a join attempt from ${address}: too many wrong codes, wait a minute`);
      ctx.reject(['keyboard-interactive']);
      return;
    }
    const result = host.admit(typed);
    if (!result.ok) {
      limiter.fail(address);
      tries++;
      log(`refused a join code from ${address}: ${result.why}`);
      ctx.reject(['keyboard-interactive']);
      if (tries >= TRIES_PER_CONNECTION) client.end();
      return;
    }
    admitted = { code: result.code, candidate: result.candidate, name: ctx.username === 'join' ? '' : ctx.username };
    ctx.accept();
  };

  client.on('authentication', (ctx) => {
    if (admitted !== null || !USERNAME.test(ctx.username)) {
      ctx.reject();
      return;
    }
    if (ctx.method === 'keyboard-interactive') {
      ctx.prompt([{ prompt: 'Join code: ', echo: false }], 'firedrill interview', '', (answers) => check(ctx, String(answers[0] ?? '')));
    } else if (ctx.method === 'password') {
      check(ctx, ctx.password);
    } else {
      ctx.reject(['keyboard-interactive', 'password']);
    }
  });

  client.on('ready', () => {
    client.on('session', (accept, reject) => {
      // One screen per connection.
      if (sessions++ > 0) return reject();
      serveSession(accept(), address, opts, {
        // A command or a subsystem instead of the screen: this connection has
        // nothing more to serve. Its code is given back first, so the
        // candidate's own join right after is not refused as "in use".
        refused: () => {
          if (admitted && !joined) host.leave(admitted.code, null);
          admitted = null;
          client.end();
        },
        start: (terminal, term) => {
          if (!admitted) return null;
          clearTimeout(grace);
          try {
            joined = host.join(admitted.code, admitted.candidate, admitted.name);
          } catch (e) {
            // The store refused (full disk, locked file): the candidate is turned away, the host keeps serving.
            log(`could not start a session for ${address}: ${e instanceof Error ? e.message : String(e)}`);
            return null;
          }
          joined.disconnect = () => client.end();
          log(`${joined.trainee} joined from ${address} (session ${joined.id})`);
          const shown = opts.showScreen(joined, terminal, term);
          screen = shown;
          return shown;
        },
      });
    });
  });
  client.on('tcpip', (_accept, reject) => refuse('a port forward (-L)', reject));
  client.on('openssh.streamlocal', (_accept, reject) => refuse('a socket forward', reject));
  client.on('request', (_accept, reject, name) => refuse(`a global request (${name})`, reject));

  client.on('close', () => {
    clearTimeout(grace);
    screen?.unmount();
    if (joined) joined.disconnect = null;
    if (admitted) host.leave(admitted.code, joined);
    if (joined) log(`${joined.trainee} left (session ${joined.id}${joined.finished ? ', over' : ', can rejoin'})`);
  });

  function refuse(what: string, reject: (() => void) | undefined): void {
    log(`refused ${what} from ${address}`);
    reject?.();
  }
}

interface SessionHooks {
  /** The shell request: the screen starts on this terminal; null when it may not. */
  start: (terminal: ChannelTerminal, term: string) => { done: Promise<void> } | null;
  /** The session asked to run a command or a subsystem, which is refused: the connection ends. */
  refused: () => void;
}

function serveSession(session: SshSession, address: string, opts: HostServerOptions, hooks: SessionHooks): void {
  const { log } = opts;
  let pty: { size: TerminalSize; term: string } | null = null;
  let terminal: ChannelTerminal | null = null;
  const refuse = (what: string) => (_accept: unknown, reject: (() => void) | undefined) => {
    log(`refused ${what} from ${address}`);
    reject?.();
  };

  session.on('pty', (accept, reject, info) => {
    if (pty) return reject?.();
    pty = { size: clampSize(info.cols, info.rows), term: String(info.term ?? '').slice(0, 64) };
    accept?.();
  });
  session.on('window-change', (accept, _reject, info) => {
    if (pty) pty.size = clampSize(info.cols, info.rows);
    terminal?.resize(info.cols, info.rows);
    accept?.();
  });
  session.on('shell', (accept, reject) => {
    if (!pty) {
      log(`refused a session without a terminal from ${address} (ssh -T)`);
      return reject();
    }
    const channel: ServerChannel = accept();
    const term = new ChannelTerminal(channel, pty.size, {
      onOverflow: () => {
        log(`dropped ${address}: it stopped reading the screen`);
        channel.close();
      },
    });
    terminal = term;
    const started = hooks.start(term, pty.term);
    if (!started) {
      channel.close();
      return;
    }
    channel.on('close', () => term.detach());
    void started.done.finally(() => {
      term.detach();
      channel.exit(0);
      channel.end();
    });
  });
  // A command or a subsystem is what the session was opened for: refused, nothing is left to serve.
  const refuseAndEnd = (what: string, reject: (() => void) | undefined) => {
    refuse(what)(null, reject);
    hooks.refused();
  };
  session.on('exec', (_accept, reject, info) => refuseAndEnd(`a command (${JSON.stringify(String(info.command).slice(0, 60))})`, reject));
  session.on('subsystem', (_accept, reject, info) => refuseAndEnd(`the ${String(info.name).slice(0, 30)} subsystem`, reject));
  session.on('sftp', (_accept, reject) => refuseAndEnd('SFTP', reject));
  session.on('auth-agent', refuse('agent forwarding'));
  session.on('x11', refuse('X11 forwarding'));
  session.on('env', (_accept, reject) => reject?.());
  session.on('signal', (_accept, reject) => reject?.());
}

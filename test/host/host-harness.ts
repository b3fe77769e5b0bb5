import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import ssh2, { type ClientChannel } from 'ssh2';
import { loadOrCreateHostKey } from '../../src/host/host-key.js';
import { serveInterviews, type Serving } from '../../src/host/serve.js';
import type { LoadedScenario } from '../../src/scenario/validate.js';
import { openStore, type Store } from '../../src/store/index.js';
import { loadFixture } from '../helpers.js';

export interface TestHost {
  serving: Serving;
  store: Store;
  logs: string[];
  dir: string;
  fingerprint: string;
  stop(): Promise<void>;
}

/** A host on 127.0.0.1 (a free port) with a fresh database and host key in a temp folder. */
export async function startTestHost(opts: { scenario?: string; loaded?: LoadedScenario; seed?: number; variant?: string; startSpeed?: number } = {}): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'firedrill-host-'));
  const key = loadOrCreateHostKey(join(dir, 'host_ed25519_key'));
  const store = openStore(join(dir, 'firedrill.db'));
  const logs: string[] = [];
  const serving = await serveInterviews({
    store,
    loaded: opts.loaded ?? loadFixture(opts.scenario ?? 'scenarios/payment-fraud-dns.yaml'),
    difficulty: 'normal',
    wallNow: () => Date.now(),
    key,
    address: '127.0.0.1',
    port: 0,
    log: (l) => logs.push(l),
    seed: opts.seed ?? 1,
    ...(opts.variant ? { variant: opts.variant } : {}),
    ...(opts.startSpeed ? { startSpeed: opts.startSpeed } : {}),
  });
  return {
    serving,
    store,
    logs,
    dir,
    fingerprint: key.fingerprint,
    stop: async () => {
      await serving.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Connects with ssh2's own client; resolves once authenticated, rejects with the client's error. */
export function connect(port: number, code: string, opts: { username?: string; method?: 'keyboard-interactive' | 'password' } = {}): Promise<ssh2.Client> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client.on('ready', () => resolve(client));
    client.on('error', reject);
    client.on('keyboard-interactive', (_name, _instr, _lang, prompts, finish) => finish(prompts.map(() => code)));
    client.connect({
      host: '127.0.0.1',
      port,
      username: opts.username ?? 'join',
      ...(opts.method === 'password' ? { password: code } : { tryKeyboard: true }),
      readyTimeout: 10_000,
    });
  });
}

/** A candidate's terminal: the shell channel with a pty, every byte it received, and a terminal emulator fed with them. */
export class CandidateTerminal {
  readonly bytes: Buffer[] = [];
  readonly term: xterm.Terminal;
  closed = false;

  constructor(
    readonly client: ssh2.Client,
    readonly channel: ClientChannel,
    columns: number,
    rows: number,
  ) {
    this.term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
    channel.on('data', (d: Buffer) => {
      this.bytes.push(d);
      this.term.write(d);
    });
    channel.on('close', () => {
      this.closed = true;
    });
  }

  static async open(client: ssh2.Client, columns = 120, rows = 40): Promise<CandidateTerminal> {
    const channel = await new Promise<ClientChannel>((resolve, reject) =>
      client.shell({ term: 'xterm-256color', cols: columns, rows }, (err, ch) => (err ? reject(err) : resolve(ch))),
    );
    return new CandidateTerminal(client, channel, columns, rows);
  }

  /** Everything received, as text. */
  received(): string {
    return Buffer.concat(this.bytes).toString('utf8');
  }

  /** The screen as the candidate's terminal shows it now. */
  async screen(): Promise<string> {
    await new Promise<void>((r) => this.term.write('', r));
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  type(text: string): void {
    this.channel.write(text);
  }

  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = await this.screen();
      if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
      if (Date.now() > until) throw new Error(`timed out waiting for ${String(pattern)}; the screen:\n${s}`);
      await sleep(50);
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the error a request ends in, or null when it was accepted. */
export function refusal(run: (cb: (err: Error | undefined) => void) => void): Promise<Error | null> {
  return new Promise((resolve) => run((err) => resolve(err ?? null)));
}

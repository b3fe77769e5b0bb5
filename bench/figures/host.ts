// Interview host figures: `firedrill host` (the bundled program, headless,
// in its own process) serving 20 candidates who joined over SSH on
// 127.0.0.1 with ssh2's client, each with the clock at 10x for 10
// sim-minutes, each typing a key every ~1.5 s. The host's CPU and memory
// come from /proc; keypress-to-echo is measured by each client, from
// writing the key to receiving the screen update that shows it.
import { join } from 'node:path';
import ssh2, { type ClientChannel } from 'ssh2';
import { Pane } from '../console/terminal.js';
import { figure, percentile, type BenchContext } from '../harness.js';
import { ECHO_TIMEOUT_MS, EchoMeter } from './echo-meter.js';

const CODE = /\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b/gu;

interface HostLoad {
  candidates: number;
  cpuShare: number;
  rssMb: number;
  /** Every key's echo time, a missed key counted as ECHO_TIMEOUT_MS. */
  echoMs: number[];
  missed: number;
  simSeconds: number;
  /** The clients' own process (this one) as a share of one core: near 100 % the measuring side, not the host, is the bottleneck. */
  clientShare: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function join_(port: number, code: string): Promise<ssh2.Client> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client.on('ready', () => resolve(client));
    client.on('error', reject);
    client.on('keyboard-interactive', (_n, _i, _l, prompts, finish) => finish(prompts.map(() => code)));
    client.connect({ host: '127.0.0.1', port, username: 'join', tryKeyboard: true, readyTimeout: 30_000 });
  });
}

class Candidate {
  readonly meter = new EchoMeter();

  constructor(
    readonly client: ssh2.Client,
    readonly channel: ClientChannel,
  ) {
    channel.on('data', (d: Buffer) => this.meter.received(d.toString('utf8')));
  }

  static async open(port: number, code: string): Promise<Candidate> {
    const client = await join_(port, code);
    const channel = await new Promise<ClientChannel>((resolve, reject) =>
      client.shell({ term: 'xterm-256color', cols: 100, rows: 30 }, (err, ch) => (err ? reject(err) : resolve(ch))),
    );
    return new Candidate(client, channel);
  }

  key(): void {
    this.channel.write(this.meter.next());
  }
}

function hostLoad(ctx: BenchContext): Promise<HostLoad> {
  return ctx.once('host-load', async () => {
    const count = ctx.quick ? 3 : 20;
    const simMinutes = ctx.quick ? 1 : 10;
    const dir = ctx.tempDir();
    const host = new Pane(
      [
        process.execPath,
        join(ctx.root, 'bin', 'firedrill.js'),
        'host',
        'payment-fraud-dns',
        '--headless',
        '--json',
        '--listen',
        '127.0.0.1:0',
        '--codes',
        String(count),
        '--speed',
        '10',
        '--seed',
        '1',
        '--db',
        join(dir, 'host.db'),
        '--host-key',
        join(dir, 'host_key'),
      ],
      { width: 120, height: count + 20 },
    );
    const candidates: Candidate[] = [];
    try {
      const shown = await host.waitFor(/"scenario"/u, 30_000);
      const port = Number(/"port": (\d+)/u.exec(shown)![1]);
      const codes = [...new Set(shown.match(CODE) ?? [])];
      if (codes.length !== count) throw new Error(`the host printed ${codes.length} codes, not ${count}`);
      for (const code of codes) candidates.push(await Candidate.open(port, code));
      await sleep(1000);
      for (const c of candidates) c.channel.write('\r'); // start the clock (10x, from --speed)
      await sleep(1000);
      const cpu0 = host.cpuSeconds();
      const own0 = process.cpuUsage();
      const t0 = performance.now();
      let rss = host.rssMb();
      const wallMs = (simMinutes * 60_000) / 10;
      for (let i = 0; performance.now() - t0 < wallMs; i++) {
        // Keys spread over the window: each candidate types about every 1.5 s.
        candidates[i % count]!.key();
        await sleep(1500 / count);
        if (i % count === 0) rss = Math.max(rss, host.rssMb());
      }
      const cpu = host.cpuSeconds() - cpu0;
      const own = process.cpuUsage(own0);
      const ownSeconds = (own.user + own.system) / 1e6;
      await sleep(ECHO_TIMEOUT_MS); // the last keys' echoes arrive or time out
      const seconds = (performance.now() - t0) / 1000;
      return {
        candidates: count,
        cpuShare: (cpu / seconds) * 100,
        rssMb: Math.max(rss, host.rssMb()),
        echoMs: candidates.flatMap((c) => c.meter.times()),
        missed: candidates.reduce((n, c) => n + c.meter.missed, 0),
        simSeconds: seconds * 10,
        clientShare: (ownSeconds / seconds) * 100,
      };
    } finally {
      for (const c of candidates) c.client.end();
      host.dispose();
    }
  });
}

figure({
  name: 'host.cpu-20',
  unit: '%',
  target: { max: 100 },
  about: 'firedrill host serving 20 candidates joined over SSH on 127.0.0.1, clock at 10x, 10 sim-minutes: the host process\'s CPU (/proc/PID/stat) as a share of one core',
  measure: async (ctx) => {
    const l = await hostLoad(ctx);
    return { value: l.cpuShare, detail: `${l.candidates} candidates, ${Math.round(l.simSeconds / 60)} sim-minutes each` };
  },
});

figure({
  name: 'host.rss-20-mb',
  unit: 'MB',
  target: { max: 500 },
  about: 'the same host\'s resident memory (VmRSS), the highest seen',
  measure: async (ctx) => (await hostLoad(ctx)).rssMb,
});

figure({
  name: 'host.keypress-p95',
  unit: 'ms',
  target: { max: 50 },
  about: 'the same 20 candidates: a key written to the SSH channel → the screen update that shows it at the prompt received, 95th percentile over every key',
  measure: async (ctx) => {
    const l = await hostLoad(ctx);
    if (l.echoMs.length === l.missed) throw new Error(`no key echo was seen (${l.missed} keys typed)`);
    const missed = l.missed > 0 ? `, ${l.missed} never shown within ${ECHO_TIMEOUT_MS} ms (counted as ${ECHO_TIMEOUT_MS} ms)` : ', every one shown';
    return { value: percentile(l.echoMs, 95), detail: `${l.echoMs.length} keys${missed}; p50 ${percentile(l.echoMs, 50).toFixed(1)} ms, max ${Math.max(...l.echoMs).toFixed(1)} ms; the clients' own process used ${l.clientShare.toFixed(0)} % of a core` };
  },
});

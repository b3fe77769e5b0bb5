import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isIP } from 'node:net';
import { defaultHostKeyPath, HostKeyError, loadOrCreateHostKey } from '../../host/host-key.js';
import { displayCode } from '../../host/join-codes.js';
import { scenarioFromRaw, type LoadedScenario } from '../../scenario/validate.js';
import { openStore } from '../../store/index.js';
import { choiceFlag, intFlag, numFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { resolveScenario } from '../scenarios.js';

export const DEFAULT_LISTEN = '127.0.0.1:2222';

/**
 * `firedrill host SCENARIO`: the examiner's machine runs the interview.
 * Candidates join over SSH with a join code and get only their play
 * screen; the database, the engine and the hidden truth stay here. With a
 * terminal, the examiner console runs on it; without one (or with
 * --headless), the host serves until it is stopped, logging to stderr.
 */
export async function hostCommand(ctx: Context, positionals: string[]): Promise<number> {
  const ref = positionals[0];
  if (!ref) throw new CliError('host needs a scenario: firedrill host SCENARIO [--listen ADDR:PORT]; `firedrill host --help` says more', 2);
  const listen = parseListen(ctx.flags.listen ?? DEFAULT_LISTEN);
  const seed = intFlag(ctx.flags, 'seed', 0, 2 ** 31 - 1);
  const codeCount = intFlag(ctx.flags, 'codes', 1, 50) ?? 1;
  const timeLimit = numFlag(ctx.flags, 'time-limit', 1, 600);
  const startSpeed = numFlag(ctx.flags, 'speed', 0.1, 1000);
  let loaded = await resolveScenario(ref);
  if (timeLimit !== undefined) loaded = withTimeLimit(loaded, timeLimit);
  const variant = ctx.flags.variant;
  if (variant !== undefined && !loaded.scenario.variants.some((v) => v.id === variant)) {
    throw new CliError(`scenario ${loaded.scenario.id} has no variant "${variant}"; it has: ${loaded.scenario.variants.map((v) => v.id).join(', ')}`, 2);
  }
  const difficulty = choiceFlag(ctx.flags, 'difficulty', ['easy', 'normal', 'hard'] as const) ?? loaded.scenario.difficulty;
  let key;
  try {
    key = loadOrCreateHostKey(ctx.flags['host-key'] ?? defaultHostKeyPath());
  } catch (e) {
    if (e instanceof HostKeyError) throw new CliError(e.message);
    throw e;
  }

  // Every session is recorded here, so a database that cannot be written is refused before anyone joins.
  assertWritable(ctx.dbPath);
  const store = openStore(ctx.dbPath);
  // Ink renders only the last frame when it believes it runs in CI; a candidate's screen is a terminal whatever this process's environment says.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const interactive = !ctx.flags.headless && process.stdin.isTTY === true && process.stdout.isTTY === true;
  const recent: string[] = [];
  const log = (line: string) => {
    if (!interactive) ctx.io.note(`firedrill host: ${line}`);
    recent.push(line);
    if (recent.length > 50) recent.shift();
  };
  const { serveInterviews } = await import('../../host/serve.js');
  const serving = await serveInterviews({
    store,
    loaded,
    difficulty,
    wallNow: ctx.wallNow,
    key,
    address: listen.address,
    port: listen.port,
    log,
    ...(seed !== undefined ? { seed } : {}),
    ...(variant !== undefined ? { variant } : {}),
    ...(startSpeed !== undefined ? { startSpeed } : {}),
  }).catch((e: NodeJS.ErrnoException) => {
    store.close();
    throw new CliError(`cannot listen on ${listen.address}:${listen.port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (choose another with --listen ADDR:PORT)' : e.message}`);
  });
  const { host, port } = serving;
  const codes = Array.from({ length: codeCount }, () => host.issueCode());
  try {
    const joinCommand = `ssh -p ${port} join@${listen.address.includes(':') ? `[${listen.address}]` : listen.address}`;
    if (ctx.io.json) ctx.io.data({ address: listen.address, port, fingerprint: key.fingerprint, codes: codes.map(displayCode), join: joinCommand, scenario: loaded.scenario.id });
    else {
      ctx.io.out(`firedrill host: ${loaded.scenario.title} (${loaded.scenario.id}) on ${listen.address}:${port}`);
      ctx.io.out(`  candidates join with: ${joinCommand}`);
      ctx.io.out(`  join code${codes.length > 1 ? 's' : ''} (one per candidate): ${codes.map(displayCode).join('  ')}`);
      ctx.io.out(`  host key fingerprint: ${key.fingerprint}`);
    }
    if (interactive) {
      const { runHostConsole } = await import('../../ui/examiner/run-host-console.js');
      await runHostConsole(host, { joinCommand, fingerprint: key.fingerprint, color: ctx.io.color, recent });
    } else {
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
    return 0;
  } finally {
    await serving.close();
    store.close();
  }
}

function assertWritable(dbPath: string): void {
  if (dbPath === ':memory:') return;
  const target = existsSync(dbPath) ? dbPath : dirname(resolve(dbPath));
  try {
    if (existsSync(target)) accessSync(target, constants.W_OK);
  } catch {
    throw new CliError(`the database ${dbPath} cannot be written (${target} is read-only for you); the host records every session there: check its permissions, or choose another file with --db PATH`);
  }
}

/** ADDR:PORT, [v6]:PORT, or a bare PORT (on 127.0.0.1). */
export function parseListen(raw: string): { address: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/u.exec(raw) ?? (/^\d{1,5}$/u.test(raw) ? [raw, undefined, '127.0.0.1', raw] : null);
  const address = m ? (m[1] ?? m[2]!) : '';
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535 || (isIP(address) === 0 && address !== 'localhost')) {
    throw new CliError(`--listen must be ADDR:PORT with an IP address (127.0.0.1:2222, 0.0.0.0:2222, [::1]:2222), got "${raw}"`, 2);
  }
  return { address, port };
}

/** The scenario with its time limit set by the examiner; the session carries it, so replays honour it. */
function withTimeLimit(loaded: LoadedScenario, minutes: number): LoadedScenario {
  const raw = { ...(loaded.raw as Record<string, unknown>), timeLimitMin: minutes };
  const result = scenarioFromRaw(raw, loaded.scenario.id);
  if (!result.ok) throw new CliError(`--time-limit ${minutes}: ${result.problems[0]?.message ?? 'not accepted by the scenario'}`, 2);
  return result.value;
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_VERSION } from '../session/version.js';
import { parseCliArgs } from './args.js';
import { createContext } from './context.js';
import { CliError, expectedExit } from './errors.js';
import { commandHelp, USAGE } from './help.js';
import { releaseHungUpTerminalAtExit } from './hung-up-terminal.js';
import { createIo } from './io.js';
import { terminalSafe } from '../text/terminal-safe.js';

/**
 * The only place that reads argv and decides the exit code. Subcommands load
 * on demand (the bundle is split), so `play` does not pay for `lint` or `replay`.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  const color = !args.flags['no-color'] && process.env.NO_COLOR === undefined;
  const io = createIo(args.flags.json === true, color);
  if (args.flags.version) {
    io.out(APP_VERSION);
    return 0;
  }
  if (args.flags.help || args.command === 'help') {
    const topic = args.command === 'help' ? args.positionals[0] : args.command;
    process.stdout.write(`${commandHelp(topic) ?? USAGE}\n`);
    return 0;
  }
  const ctx = createContext(args.flags, io);
  switch (args.command) {
    case 'play':
      return (await import('./commands/play.js')).playCommand(ctx, args.positionals);
    case 'list':
      return (await import('./commands/list.js')).listCommand(ctx);
    case 'validate':
      return (await import('./commands/validate.js')).validateCommand(ctx, args.positionals);
    case 'lint':
      return (await import('./commands/lint.js')).lintCommand(ctx, args.positionals);
    case 'schema':
      return (await import('./commands/schema.js')).schemaCommand(ctx, args.positionals);
    case 'test':
      return (await import('./commands/test.js')).testCommand(ctx, args.positionals);
    case 'new':
      return (await import('./commands/new.js')).newCommand(ctx, args.positionals);
    case 'sessions':
      return (await import('./commands/sessions.js')).sessionsCommand(ctx);
    case 'verify':
      return (await import('./commands/verify.js')).verifyCommand(ctx, args.positionals);
    case 'replay':
      return (await import('./commands/replay.js')).replayCommand(ctx, args.positionals);
    case 'host':
      return (await import('./commands/host.js')).hostCommand(ctx, args.positionals);
    case 'examine':
      return (await import('./commands/examine.js')).examineCommand(ctx, args.positionals);
    case 'resume':
      return (await import('./commands/resume.js')).resumeCommand(ctx, args.positionals);
    case 'report':
      return (await import('./commands/report.js')).reportCommand(ctx, args.positionals);
    case 'export':
      return (await import('./commands/transfer.js')).exportCommand(ctx, args.positionals);
    case 'import':
      return (await import('./commands/transfer.js')).importCommand(ctx, args.positionals);
    case 'keys':
      return (await import('./commands/keys.js')).keysCommand(ctx, args.positionals);
    case 'bench':
      // moved out of the program (bench/): it measures the program, it is not part of it
      throw new CliError('the benchmarks are not part of the program any more; in the repository, run: npm run bench', 2);
    default:
      throw new CliError(`unknown command "${args.command}"; \`firedrill --help\` lists the commands`, 2);
  }
}

function fail(e: unknown): number {
  // Messages quote files, names and typed text: untrusted, so sanitised.
  const say = (text: string) => process.stderr.write(`firedrill: ${terminalSafe(text, { newlines: true })}\n`);
  const expected = expectedExit(e);
  if (expected !== null) {
    say((e as Error).message);
    return expected;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  let where = '';
  try {
    const dir = mkdtempSync(join(tmpdir(), 'firedrill-crash-'));
    where = join(dir, 'trace.txt');
    writeFileSync(where, `${err.stack ?? err.message}\n`);
  } catch {
    where = '(could not write the trace)';
  }
  say(`unexpected error: ${err.message.split('\n')[0]}\n  full trace: ${where}`);
  return 70;
}

releaseHungUpTerminalAtExit();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = fail(e);
  },
);

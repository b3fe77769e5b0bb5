import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionError } from '../session/session.js';
import { APP_VERSION } from '../session/version.js';
import { StoreError } from '../store/index.js';
import { parseCliArgs } from './args.js';
import { lintCommand } from './commands/lint.js';
import { benchCommand } from './commands/bench.js';
import { listCommand } from './commands/list.js';
import { newCommand } from './commands/new.js';
import { playCommand } from './commands/play.js';
import { examineCommand } from './commands/examine.js';
import { replayCommand } from './commands/replay.js';
import { resumeCommand } from './commands/resume.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { sessionsCommand } from './commands/sessions.js';
import { exportCommand, importCommand } from './commands/transfer.js';
import { validateCommand } from './commands/validate.js';
import { verifyCommand } from './commands/verify.js';
import { createContext } from './context.js';
import { CliError } from './errors.js';
import { USAGE } from './help.js';
import { createIo } from './io.js';

/** The only place that reads argv and decides the exit code. */
async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  const color = !args.flags['no-color'] && process.env.NO_COLOR === undefined;
  const io = createIo(args.flags.json === true, color);
  if (args.flags.version) {
    io.out(APP_VERSION);
    return 0;
  }
  if (args.flags.help || args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const ctx = createContext(args.flags, io);
  switch (args.command) {
    case 'play':
      return playCommand(ctx, args.positionals);
    case 'list':
      return listCommand(ctx);
    case 'validate':
      return validateCommand(ctx, args.positionals);
    case 'lint':
      return lintCommand(ctx, args.positionals);
    case 'schema':
      return schemaCommand(ctx, args.positionals);
    case 'new':
      return newCommand(ctx, args.positionals);
    case 'sessions':
      return sessionsCommand(ctx);
    case 'verify':
      return verifyCommand(ctx, args.positionals);
    case 'replay':
      return replayCommand(ctx, args.positionals);
    case 'examine':
      return examineCommand(ctx, args.positionals);
    case 'resume':
      return resumeCommand(ctx, args.positionals);
    case 'report':
      return reportCommand(ctx, args.positionals);
    case 'export':
      return exportCommand(ctx, args.positionals);
    case 'import':
      return importCommand(ctx, args.positionals);
    case 'bench':
      return benchCommand(ctx, args.positionals);
    default:
      throw new CliError(`unknown command "${args.command}"; \`firedrill --help\` lists the commands`, 2);
  }
}

function fail(e: unknown): number {
  if (e instanceof CliError) {
    process.stderr.write(`firedrill: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof StoreError || e instanceof SessionError) {
    process.stderr.write(`firedrill: ${e.message}\n`);
    return 1;
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
  process.stderr.write(`firedrill: unexpected error: ${err.message.split('\n')[0]}\n  full trace: ${where}\n`);
  return 70;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = fail(e);
  },
);

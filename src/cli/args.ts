import { parseArgs } from 'node:util';
import { CliError } from './errors.js';

/** Every flag of every subcommand; a subcommand reads the ones it knows. */
const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-coach': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  trainee: { type: 'string' },
  mode: { type: 'string' },
  width: { type: 'string' },
  height: { type: 'string' },
  script: { type: 'string' },
  difficulty: { type: 'string' },
  variant: { type: 'string' },
  'postmortem-min': { type: 'string' },
  pace: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  at: { type: 'string' },
  headless: { type: 'boolean' },
  'branch-at': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  all: { type: 'boolean' },
  strict: { type: 'boolean' },
  check: { type: 'boolean' },
  candidate: { type: 'boolean' },
  examiner: { type: 'boolean' },
  step: { type: 'string' },
  listen: { type: 'string' },
  'time-limit': { type: 'string' },
  codes: { type: 'string' },
  'host-key': { type: 'string' },
  'allow-untrusted': { type: 'boolean' },
  name: { type: 'string' },
} as const;

export type Flags = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

export interface ParsedArgs {
  command: string;
  positionals: string[];
  flags: Flags;
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}; \`firedrill --help\` lists the flags`, 2);
  }
  const [command = 'play', ...positionals] = parsed.positionals;
  return { command, positionals, flags: parsed.values as Flags };
}

export function intFlag(flags: Flags, name: keyof Flags, min: number, max: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  // Digits only: Number() would take "" as 0, "1e3" as 1000 and " 7" as 7.
  const n = /^-?\d{1,16}$/u.test(String(raw)) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`, 2);
  return n;
}

export function numFlag(flags: Flags, name: keyof Flags, min: number, max: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new CliError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`, 2);
  return n;
}

export function choiceFlag<T extends string>(flags: Flags, name: keyof Flags, choices: readonly T[]): T | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(String(raw))) throw new CliError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`, 2);
  return raw as T;
}

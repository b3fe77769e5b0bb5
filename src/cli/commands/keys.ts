import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultKeyDir,
  ensureInstallationKey,
  parseOpensshKey,
  PRIVATE_FILE,
  readTrustedKeys,
  TRUSTED_FILE,
  trustKey,
  untrustKey,
  validKeyName,
} from '../../signing/index.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

/**
 * `firedrill keys [show|list|trust|remove]`: this installation's signing key
 * (made on first use), and the keys of other installations whose recordings
 * it trusts (FIREDRILL_KEYS=DIR moves them from the user data folder).
 */
export function keysCommand(ctx: Context, positionals: string[]): number {
  const [sub = 'show', ...rest] = positionals;
  const dir = defaultKeyDir(process.env);
  switch (sub) {
    case 'show':
      return show(ctx, dir);
    case 'list':
      return list(ctx, dir);
    case 'trust':
      return trust(ctx, dir, rest);
    case 'remove':
      return remove(ctx, dir, rest);
    default:
      throw new CliError(`unknown keys command "${sub}"; use keys, keys list, keys trust FILE|KEY --name NAME, or keys remove NAME|FINGERPRINT`, 2);
  }
}

function show(ctx: Context, dir: string): number {
  const key = ensureInstallationKey(dir);
  if (ctx.io.json) ctx.io.data({ name: key.name, fingerprint: key.fingerprint, publicKey: key.openssh, privateKeyFile: join(dir, PRIVATE_FILE) });
  else {
    ctx.io.out(`256 ${key.fingerprint} ${key.name} (ED25519)`);
    ctx.io.out(`${key.openssh} ${key.name}`);
    ctx.io.out(`this installation signs its recordings with this key (private key ${join(dir, PRIVATE_FILE)});`);
    ctx.io.out('give the line above to whoever imports them: firedrill keys trust "ssh-ed25519 AAAA…" --name NAME');
  }
  return 0;
}

function list(ctx: Context, dir: string): number {
  const own = ensureInstallationKey(dir);
  const trusted = readTrustedKeys(dir);
  if (ctx.io.json) {
    ctx.io.data({ thisMachine: { name: own.name, fingerprint: own.fingerprint, publicKey: own.openssh }, trusted });
    return 0;
  }
  ctx.io.out(`this machine  ${own.name}  ${own.fingerprint}`);
  if (trusted.length === 0) ctx.io.out(`no other keys are trusted yet (${join(dir, TRUSTED_FILE)})`);
  for (const k of trusted) ctx.io.out(`trusted       ${k.name}  ${k.fingerprint}`);
  return 0;
}

function trust(ctx: Context, dir: string, rest: string[]): number {
  if (rest.length === 0) throw new CliError('keys trust needs a public key file or the key itself ("ssh-ed25519 AAAA…"), and --name NAME', 2);
  const name = ctx.flags.name;
  if (!name) throw new CliError('keys trust needs --name NAME: the name verify and import show for recordings this key signed', 2);
  if (!validKeyName(name)) throw new CliError(`--name must be 1–64 letters, digits, dots, dashes, underscores or @, got "${name}"`, 2);
  const given = rest.join(' ');
  let text = given;
  if (!/^ssh-ed25519\s/.test(given)) {
    if (!existsSync(given)) throw new CliError(`${given} is neither an "ssh-ed25519 AAAA…" key nor a file`);
    try {
      text = readFileSync(given, 'utf8').slice(0, 4096).split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
    } catch (e) {
      throw new CliError(`cannot read ${given}: ${(e as Error).message}`);
    }
  }
  const key = parseOpensshKey(text);
  if (!key) throw new CliError(`${given === text ? 'that' : given} is not an Ed25519 public key in OpenSSH form ("ssh-ed25519 AAAA…")`);
  trustKey(dir, { name, openssh: key.text, fingerprint: key.fingerprint });
  ctx.io.out(`trusted ${name} ${key.fingerprint}; recordings it signs now verify and import as trusted`);
  return 0;
}

function remove(ctx: Context, dir: string, rest: string[]): number {
  const which = rest[0];
  if (!which) throw new CliError('keys remove needs the name or SHA256: fingerprint of a trusted key', 2);
  if (!untrustKey(dir, which)) throw new CliError(`no trusted key is named ${which} or has that fingerprint; firedrill keys list shows them`);
  ctx.io.out(`removed ${which}; recordings it signed now show as untrusted`);
  return 0;
}

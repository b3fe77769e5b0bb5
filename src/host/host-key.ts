import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import ssh2 from 'ssh2';

export interface HostKey {
  /** The private key in OpenSSH format, as ssh2's server takes it. */
  privateKey: string;
  /** What `ssh` shows the candidate on first connect: `SHA256:…`. */
  fingerprint: string;
  path: string;
}

/** Where the host key lives unless --host-key says otherwise: the user data folder, beside the database. */
export function defaultHostKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.FIREDRILL_HOST_KEY;
  if (override !== undefined && override.trim() !== '') return override;
  return join(envPaths('firedrill', { suffix: '' }).data, 'host_ed25519_key');
}

export class HostKeyError extends Error {}

/**
 * The host's Ed25519 key: generated once, then kept (mode 0600), so a
 * candidate who checked the fingerprint last week sees the same one today.
 * A key file others can read is refused rather than used.
 */
export function loadOrCreateHostKey(path: string): HostKey {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, readableKeyPair().private, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new HostKeyError(`the host key ${path} can be read by others (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
  const privateKey = readFileSync(path, 'utf8');
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error) throw new HostKeyError(`the host key ${path} cannot be read: ${parsed.message}`);
  return { privateKey, fingerprint: fingerprintOf(parsed.getPublicSSH()), path };
}

/**
 * ssh2 writes an Ed25519 public key whose first byte is zero one byte short
 * (about 1 key in 200), and then cannot read its own file back. A fresh pair
 * is drawn until ssh2 parses it, so a host never saves a key it will refuse.
 */
function readableKeyPair(): { private: string } {
  for (let attempt = 0; attempt < 32; attempt += 1) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519');
    if (!(ssh2.utils.parseKey(pair.private) instanceof Error)) return pair;
  }
  throw new HostKeyError('could not generate a host key that ssh2 reads back');
}

/** OpenSSH's fingerprint: SHA-256 of the public key blob, base64 without padding. */
export function fingerprintOf(publicBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/u, '')}`;
}

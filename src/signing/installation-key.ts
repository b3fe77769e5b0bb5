// This installation's Ed25519 key pair. The private key is PKCS#8 PEM, mode
// 0600 (refused when others can read it, as ssh does); the public key sits
// beside it as one OpenSSH line whose comment is the key's name.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fingerprintOf, opensshText, parseOpensshKey } from './openssh.js';

export const PRIVATE_FILE = 'signing_ed25519';
export const PUBLIC_FILE = 'signing_ed25519.pub';

export class KeyError extends Error {
  override readonly name = 'KeyError';
}

export interface InstallationKey {
  name: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** "ssh-ed25519 AAAA…" */
  openssh: string;
  fingerprint: string;
  /** Keys the derived-results cache (store) so an edited cache row is noticed; never leaves this machine. */
  macKey: Buffer;
  dir: string;
}

/** A name for a new key: the machine's host name, in a form that stays one word. */
function defaultName(): string {
  return hostname().replace(/[^A-Za-z0-9._@-]+/g, '-').slice(0, 64) || 'firedrill';
}

/** The key in `dir`, or null when there is none yet. */
export function readInstallationKey(dir: string): InstallationKey | null {
  const file = join(dir, PRIVATE_FILE);
  if (!existsSync(file)) return null;
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new KeyError(`the signing key ${file} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}); make it private with: chmod 600 ${file}`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new KeyError(`the signing key ${file} cannot be read (${(e as Error).message.split('\n')[0]}); move it aside and a new key is made`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new KeyError(`the signing key ${file} is not an Ed25519 key; move it aside and a new key is made`);
  const publicKey = createPublicKey(privateKey);
  let name = defaultName();
  try {
    const pub = parseOpensshKey(readFileSync(join(dir, PUBLIC_FILE), 'utf8').split('\n')[0] ?? '');
    if (pub && pub.comment) name = pub.comment;
  } catch {
    // The public half is derived from the private key; only its name is lost.
  }
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    name,
    publicKey,
    privateKey,
    openssh: opensshText(publicKey),
    fingerprint: fingerprintOf(publicKey),
    macKey: createHash('sha256').update('firedrill derived-results cache\n').update(der).digest(),
    dir,
  };
}

/**
 * The key in `dir`, made first if there is none. Two processes making it at
 * once agree on one: the file appears whole, by a hard link, or not at all.
 */
export function ensureInstallationKey(dir: string, name = defaultName()): InstallationKey {
  const existing = readInstallationKey(dir);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const tmp = join(dir, `.${PRIVATE_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, join(dir, PRIVATE_FILE));
    writeFileSync(join(dir, PUBLIC_FILE), `${opensshText(publicKey)} ${name}\n`, { mode: 0o644 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  const key = readInstallationKey(dir);
  if (!key) throw new KeyError(`could not create a signing key in ${dir}`);
  return key;
}

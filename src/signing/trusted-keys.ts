// The keys of other installations this one trusts, one per line, like ssh's
// known_hosts: "NAME ssh-ed25519 AAAA…". Blank lines and # comments are kept
// as they are; a line that is not a key is ignored when reading.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOpensshKey } from './openssh.js';

export const TRUSTED_FILE = 'trusted_keys';

export interface TrustedKey {
  name: string;
  /** "ssh-ed25519 AAAA…" */
  openssh: string;
  fingerprint: string;
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;

export function validKeyName(name: string): boolean {
  return NAME.test(name);
}

function lines(dir: string): string[] {
  const file = join(dir, TRUSTED_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
}

function parseLine(line: string): TrustedKey | null {
  const m = /^\s*(\S+)\s+(ssh-ed25519\s+\S+)/.exec(line);
  if (!m || line.trimStart().startsWith('#')) return null;
  const key = parseOpensshKey(m[2]!);
  return key ? { name: m[1]!, openssh: key.text, fingerprint: key.fingerprint } : null;
}

export function readTrustedKeys(dir: string): TrustedKey[] {
  return lines(dir).map(parseLine).filter((k): k is TrustedKey => k !== null);
}

function writeLines(dir: string, out: string[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, TRUSTED_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const text = out.join('\n').replace(/\n*$/, '\n');
  writeFileSync(tmp, text.startsWith('\n') ? text.slice(1) : text, { mode: 0o644 });
  renameSync(tmp, file);
}

/** Adds (or renames) a trusted key; the file's other lines stay as they were. */
export function trustKey(dir: string, k: TrustedKey): void {
  const kept = lines(dir).filter((l) => parseLine(l)?.fingerprint !== k.fingerprint && parseLine(l)?.name !== k.name);
  if (kept.length === 0) kept.push('# firedrill: keys of other installations whose recordings this one trusts (name, public key)');
  writeLines(dir, [...kept.filter((l) => l !== ''), `${k.name} ${k.openssh}`]);
}

/** Removes the key with this name or fingerprint; false when there is none. */
export function untrustKey(dir: string, nameOrFingerprint: string): boolean {
  const all = lines(dir);
  const kept = all.filter((l) => {
    const k = parseLine(l);
    return !k || (k.name !== nameOrFingerprint && k.fingerprint !== nameOrFingerprint);
  });
  if (kept.length === all.length) return false;
  writeLines(dir, kept);
  return true;
}

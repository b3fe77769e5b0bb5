// Ed25519 public keys as OpenSSH writes them ("ssh-ed25519 AAAA… name") and
// their fingerprints as `ssh-keygen -l` shows them ("SHA256:…"), so a key can
// be read aloud, pasted into a chat, and compared with ssh's own tools.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

const TYPE = 'ssh-ed25519';

function lengthPrefixed(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

/** The 32 raw bytes of an Ed25519 public key. */
function rawOf(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

/** The OpenSSH wire blob: string "ssh-ed25519", string key. */
function blobOf(key: KeyObject): Buffer {
  return Buffer.concat([lengthPrefixed(Buffer.from(TYPE)), lengthPrefixed(rawOf(key))]);
}

/** "ssh-ed25519 AAAA…" without a comment. */
export function opensshText(key: KeyObject): string {
  return `${TYPE} ${blobOf(key).toString('base64')}`;
}

/** "SHA256:…": base64 of the blob's SHA-256 without padding, as ssh-keygen -l prints it. */
export function fingerprintOf(key: KeyObject): string {
  return `SHA256:${createHash('sha256').update(blobOf(key)).digest('base64').replace(/=+$/, '')}`;
}

export interface ParsedPublicKey {
  key: KeyObject;
  /** Normalised "ssh-ed25519 AAAA…". */
  text: string;
  fingerprint: string;
  /** What followed the key on its line, if anything. */
  comment: string;
}

/** Reads "ssh-ed25519 AAAA… [comment]"; null when it is not one. */
export function parseOpensshKey(line: string): ParsedPublicKey | null {
  const m = /^\s*ssh-ed25519\s+([A-Za-z0-9+/]+={0,2})(?:\s+(.*?))?\s*$/.exec(line);
  if (!m) return null;
  const blob = Buffer.from(m[1]!, 'base64');
  // string type (4 + 11) + string key (4 + 32)
  if (blob.length !== 51 || blob.readUInt32BE(0) !== 11 || blob.subarray(4, 15).toString() !== TYPE || blob.readUInt32BE(15) !== 32) return null;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: blob.subarray(19).toString('base64url') }, format: 'jwk' });
    return { key, text: opensshText(key), fingerprint: fingerprintOf(key), comment: m[2] ?? '' };
  } catch {
    return null;
  }
}

// What a signature vouches for: one session's chain up to one event. The
// genesis event (seq 0) holds the session's header and every event's hash
// covers the one before, so the head's hash covers the header, every event
// and their order; signing it signs the whole recording as it stood then.
import { sign, verify, type KeyObject } from 'node:crypto';

export interface ChainHead {
  session: string;
  seq: number;
  hash: string;
}

/** The exact bytes signed: fixed key order, no whitespace, a label so the bytes mean nothing else. */
export function headStatement(h: ChainHead): Buffer {
  return Buffer.from(JSON.stringify({ what: 'firedrill chain head', v: 1, session: h.session, seq: h.seq, hash: h.hash }), 'utf8');
}

export function signHead(privateKey: KeyObject, h: ChainHead): string {
  return sign(null, headStatement(h), privateKey).toString('base64');
}

export function headSignatureHolds(publicKey: KeyObject, h: ChainHead, signature: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  const bytes = Buffer.from(signature, 'base64');
  // Base64 decoding ignores the spare bits of the last character; only the one
  // spelling signHead writes is taken, so no edit to the text goes unnoticed.
  if (bytes.toString('base64') !== signature) return false;
  try {
    return verify(null, headStatement(h), publicKey, bytes);
  } catch {
    return false;
  }
}

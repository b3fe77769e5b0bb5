import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A sortable session id: wall time in base32, then random characters (ULID-shaped). */
export function newSessionId(wallMs: number): string {
  let time = '';
  let t = wallMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const rand = [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join('');
  return time + rand;
}

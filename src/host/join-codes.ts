import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read aloud across a room is typed right. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
/** An unused code stops working after this long. */
export const CODE_TTL_MS = 30 * 60_000;

export type ClaimRefusal = 'unknown' | 'expired' | 'in-use' | 'spent';
export type Claim = { ok: true; code: string; holder: string | null } | { ok: false; why: ClaimRefusal };

interface Entry {
  code: string;
  expiresAtMs: number;
  /** The candidate the code joined, once used: it is that candidate's way back in. */
  holder: string | null;
  connected: boolean;
  spent: boolean;
}

/** "abcd efgh", "ABCD-EFGH" and "abcdefgh" are one code. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/gu, '').slice(0, 64);
}

/**
 * One-time join codes. A code is unused until a candidate joins with it;
 * from then on it belongs to that candidate's session: it works again only
 * while that candidate is not connected (a dropped connection resumes where
 * the session stands) and never once the session has ended. An unused code
 * expires.
 */
export class JoinCodes {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly wallNow: () => number,
    private readonly ttlMs = CODE_TTL_MS,
  ) {}

  issue(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
      if (this.entries.has(code)) continue;
      this.entries.set(code, { code, expiresAtMs: this.wallNow() + this.ttlMs, holder: null, connected: false, spent: false });
      return code;
    }
  }

  /** Checks a typed code; on success the code is taken until `release`. */
  claim(typed: string): Claim {
    const e = this.entries.get(normalizeCode(typed));
    if (!e) return { ok: false, why: 'unknown' };
    if (e.spent) return { ok: false, why: 'spent' };
    if (e.connected) return { ok: false, why: 'in-use' };
    if (e.holder === null && this.wallNow() > e.expiresAtMs) return { ok: false, why: 'expired' };
    e.connected = true;
    return { ok: true, code: e.code, holder: e.holder };
  }

  /** The code now stands for this candidate. */
  bind(code: string, holder: string): void {
    const e = this.entries.get(code);
    if (e) e.holder = holder;
  }

  /** The connection that claimed the code is gone: the candidate may come back with it. */
  release(code: string): void {
    const e = this.entries.get(code);
    if (e) e.connected = false;
  }

  /** The candidate's session ended: the code never works again. */
  spend(code: string): void {
    const e = this.entries.get(code);
    if (e) {
      e.spent = true;
      e.connected = false;
    }
  }

  /** Codes nobody has used yet and that still work. */
  open(): string[] {
    const now = this.wallNow();
    return [...this.entries.values()].filter((e) => e.holder === null && !e.spent && !e.connected && now <= e.expiresAtMs).map((e) => e.code);
  }
}

/** How a code is shown: ABCD-EFGH. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { headSignatureHolds, signHead } from '../../src/signing/index.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const head = { session: '01HF7YAT00YYGK0MJ3TX1FW3K9', seq: 12, hash: 'a'.repeat(64) };

describe('a head signature', () => {
  const sig = signHead(privateKey, head);

  it('holds for the head it signed and for nothing else', () => {
    expect(headSignatureHolds(publicKey, head, sig)).toBe(true);
    expect(headSignatureHolds(publicKey, { ...head, seq: 11 }, sig)).toBe(false);
    expect(headSignatureHolds(publicKey, { ...head, hash: 'b'.repeat(64) }, sig)).toBe(false);
  });

  it('is refused when any character of its text is changed, even in bits base64 ignores', () => {
    // 64 bytes end in "X==": the last letter carries 4 bits that decoding drops.
    expect(sig).toMatch(/==$/u);
    const last = sig.length - 3;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sameBytes = [...alphabet].filter((c) => c !== sig[last] && Buffer.from(`${sig.slice(0, last)}${c}==`, 'base64').equals(Buffer.from(sig, 'base64')));
    expect(sameBytes.length).toBeGreaterThan(0);
    for (const c of sameBytes) expect(headSignatureHolds(publicKey, head, `${sig.slice(0, last)}${c}==`)).toBe(false);
    for (let i = 0; i < sig.length - 2; i += 1) {
      const other = sig[i] === 'A' ? 'B' : 'A';
      expect(headSignatureHolds(publicKey, head, `${sig.slice(0, i)}${other}${sig.slice(i + 1)}`)).toBe(false);
    }
  });
});

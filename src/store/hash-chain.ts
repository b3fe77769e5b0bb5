// Tamper evidence: every event's hash covers its content and the previous
// event's hash, so editing, deleting or reordering any row breaks every hash
// after it. The store extends it on every append and checks it in verify and importSession.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { Actor } from './types.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  seq: number;
  simMs: number;
  wallMs: number;
  actor: Actor;
  type: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export function eventHash(
  prevHash: string,
  e: { sessionId: string; seq: number; simMs: number; wallMs: number; actor: Actor; type: string; payload: unknown },
): string {
  const body = canonicalJson({
    sessionId: e.sessionId,
    seq: e.seq,
    simMs: e.simMs,
    wallMs: e.wallMs,
    actor: e.actor,
    type: e.type,
    payload: e.payload,
  });
  return createHash('sha256').update(prevHash + '\n' + body).digest('hex');
}

/**
 * Walks links in order and returns the seq of the first one that is wrong
 * (gap in seq, prevHash not the previous hash, or hash not matching its
 * content), or null if the whole chain holds. `null` links are rows that
 * could not even be read; they count as broken at `seq`. A signed recording
 * starts at its genesis event (firstSeq 0), one made before signing at 1.
 */
export function findBreak(sessionId: string, links: Iterable<ChainLink | { seq: number; unreadable: true }>, firstSeq = 1): number | null {
  let prev = GENESIS_HASH;
  let expectedSeq = firstSeq;
  for (const link of links) {
    if ('unreadable' in link) return link.seq;
    if (
      link.seq !== expectedSeq ||
      link.prevHash !== prev ||
      link.hash !== eventHash(prev, { sessionId, ...link })
    ) {
      return link.seq;
    }
    prev = link.hash;
    expectedSeq++;
  }
  return null;
}

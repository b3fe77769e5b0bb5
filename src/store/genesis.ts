// The genesis event: seq 0 of every recording made since schema v6. It holds
// the whole session header, and event 1 chains from its hash, so the header
// cannot change without breaking the chain (and the signature on its head).
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, eventHash } from './hash-chain.js';
import type { NewSession, StoredEvent } from './types.js';

export const GENESIS_TYPE = 'genesis';

/** The header fields the genesis event holds, in the order problems are reported. */
export const HEADER_FIELDS = [
  'trainee',
  'seed',
  'variant',
  'difficulty',
  'mode',
  'startedAt',
  'scenarioId',
  'scenarioHash',
  'appVersion',
  'parentId',
  'branchAtMs',
  'timeLimitSec',
] as const;

export type HeaderField = (typeof HEADER_FIELDS)[number];
export type SessionHeader = Pick<Required<NewSession>, HeaderField | 'id'>;

export function headerOf(s: SessionHeader): Record<HeaderField, unknown> {
  const out = {} as Record<HeaderField, unknown>;
  for (const f of HEADER_FIELDS) out[f] = s[f] ?? null;
  return out;
}

export function genesisEvent(s: SessionHeader): StoredEvent {
  const payload = JSON.parse(canonicalJson({ v: 1, ...headerOf(s) })) as unknown;
  const started = Date.parse(s.startedAt);
  const content = { sessionId: s.id, seq: 0, simMs: 0, wallMs: Number.isFinite(started) ? started : 0, actor: 'system' as const, type: GENESIS_TYPE };
  return { ...content, payload, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, { ...content, payload }) };
}

/** The first header field whose stored value differs from the genesis event's; null when all agree. */
export function headerMismatch(s: SessionHeader, genesisPayload: unknown): HeaderField | null {
  const g = (typeof genesisPayload === 'object' && genesisPayload !== null ? genesisPayload : {}) as Record<string, unknown>;
  const h = headerOf(s);
  for (const f of HEADER_FIELDS) if (canonicalJson(h[f]) !== canonicalJson(g[f] ?? null)) return f;
  return null;
}

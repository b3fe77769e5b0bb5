// One check of a recording, for `verify` (read from the database) and
// `import` (read from a file): the header against its genesis event, the
// scenario snapshot against its hash, the hash chain, the head, and the
// signature on the head. Derived results are not part of a recording.
import { createHash } from 'node:crypto';
import { parseOpensshKey, headSignatureHolds, type KeyRing, type Signer } from '../signing/index.js';
import { GENESIS_TYPE, headerMismatch, type SessionHeader } from './genesis.js';
import { GENESIS_HASH, findBreak, type ChainLink } from './hash-chain.js';

export type Link = ChainLink | { seq: number; unreadable: true };

export interface RecordingUnderCheck {
  header: SessionHeader;
  scenarioJson: string;
  /** Made before signing: no genesis event, no signature of its maker. */
  legacy: boolean;
  /**
   * A recording made before signing carries this installation's signature
   * of the head it had when the database was upgraded (or the import took
   * it): required in a database, absent from an export file.
   */
  legacySigned?: boolean;
  /** In seq order; a signed recording's first is its genesis event (seq 0). */
  links: Link[];
  head: { seq: number; hash: string } | null;
  signature: { signer: string; sig: string } | null;
}

export interface RecordingCheck {
  ok: boolean;
  /** seq of the first link that does not hold (0: the header or genesis); null when ok or when only the signature fails. */
  brokenAt: number | null;
  /** What is wrong, for a person; null when ok. */
  problem: string | null;
  /** Events, genesis not counted. */
  events: number;
  legacy: boolean;
  /** Who signed the head; null when unsigned or the signature does not hold. */
  signer: Signer | null;
}

export function snapshotHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

export function checkRecording(r: RecordingUnderCheck, keys: KeyRing): RecordingCheck {
  const id = r.header.id;
  const events = r.links.filter((l) => l.seq > 0).length;
  const fail = (brokenAt: number | null, problem: string): RecordingCheck => ({ ok: false, brokenAt, problem, events, legacy: r.legacy, signer: null });

  if (snapshotHash(r.scenarioJson) !== r.header.scenarioHash) {
    return fail(0, 'its scenario snapshot does not match the scenario hash in its header: the snapshot was edited');
  }
  const first = r.links[0];
  if (!r.legacy) {
    if (!first || first.seq !== 0 || 'unreadable' in first || first.type !== GENESIS_TYPE) return fail(0, 'it has no genesis event (the header is not bound to the chain)');
    const field = headerMismatch(r.header, first.payload);
    if (field) return fail(0, `its header's ${field} differs from the one its genesis event recorded: the header was edited`);
  } else if (first && first.seq === 0) {
    return fail(0, 'it is labelled as made before signing but starts with a genesis event');
  }
  const brokenAt = findBreak(id, r.links, r.legacy ? 1 : 0);
  if (brokenAt !== null) return fail(brokenAt, `event ${brokenAt} does not follow from the one before it: the recording was altered`);

  const last = r.links.at(-1);
  const end = { seq: last?.seq ?? 0, hash: last && !('unreadable' in last) ? last.hash : GENESIS_HASH };
  if (!r.head) return fail(end.seq + 1, 'it has no chain head, so events cut from its end could not be noticed');
  if (r.head.seq !== end.seq || r.head.hash !== end.hash) {
    return fail(end.seq + 1, `it was recorded up to event ${r.head.seq} but its events end at ${end.seq}: the recording was cut short or its head was changed`);
  }
  if (r.legacy && !r.legacySigned) return { ok: true, brokenAt: null, problem: null, events, legacy: true, signer: null };

  if (!r.signature) return fail(null, r.legacy ? 'it is labelled as made before signing but its head was not signed when this installation took it in' : 'its chain head is not signed');
  const key = parseOpensshKey(r.signature.signer);
  const signer = key ? keys.whoIs(key.text) : null;
  if (!key || !signer) return fail(null, 'the key that signed its head is not an Ed25519 public key');
  if (!headSignatureHolds(key.key, { session: id, seq: r.head.seq, hash: r.head.hash }, r.signature.sig)) {
    return fail(null, `the signature on its head does not hold for ${signer.fingerprint}: the recording was altered after it was signed`);
  }
  if (r.legacy && signer.trust === 'untrusted') return fail(null, 'it is labelled as made before signing but its head was signed by a key this installation does not trust');
  return { ok: true, brokenAt: null, problem: null, events, legacy: r.legacy, signer };
}

/** "signed by …", "unsigned, made before signing", or what is wrong. */
export function describeCheck(c: RecordingCheck, describeSigner: (s: Signer) => string): string {
  if (!c.ok) return c.problem ?? 'broken';
  if (c.legacy) return c.signer ? `unsigned, made before signing (kept since by ${c.signer.name ?? c.signer.fingerprint})` : 'unsigned, made before signing';
  return c.signer ? describeSigner(c.signer) : 'unsigned';
}

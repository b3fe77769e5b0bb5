import { describeSigner } from '../signing/index.js';
import { describeCheck, type SigningLabel, type Store, type VerifyResult } from '../store/index.js';

/** verify's result in words: "signed by examiner-laptop SHA256:…, trusted", "unsigned, made before signing", or what is broken. */
export function verifyLabel(v: VerifyResult): string {
  return describeCheck(v, describeSigner);
}

/** The chain checked, and its words for a report header. */
export function recordingStatus(store: Store, id: string): { ok: boolean; label: string } {
  const v = store.verify(id);
  return { ok: v.ok, label: verifyLabel(v) };
}

/** A listing's short label: empty for a recording signed here or by a trusted key. */
export function signingTag(s: SigningLabel): string {
  if (s.kind === 'unsigned') return s.legacy ? 'unsigned (made before signing)' : 'UNSIGNED';
  return s.signer.trust === 'untrusted' ? `untrusted signer ${s.signer.fingerprint}` : '';
}

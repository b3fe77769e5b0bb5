// Everything an import checks before it writes anything: the file's size and
// nesting, its shape, every payload's size and nesting, the snapshot (its
// hash, and the caller's schema and variant check), the chain, the head, the
// signature and whether its signer is trusted. Integrity failures (a broken
// chain, a bad or missing signature, an untrusted signer without consent)
// are StoreError 'integrity' (exit 3); anything else is 'invalid-import'.
import * as z from 'zod';
import { describeSigner, type KeyRing } from '../signing/index.js';
import { canonicalJson } from './canonical-json.js';
import { StoreError } from './errors.js';
import { exportVersionOf, unpackExport } from './export-file.js';
import { depthOf, parseBoundedJson } from './json-limits.js';
import { checkRecording, type RecordingCheck } from './recording-check.js';
import { sessionExportSchema } from './schemas.js';
import type { ImportOptions, SessionExport, VerifyResult } from './types.js';

/** Far above any recording (a 45-minute one exports at ~80 KB; 10,000 events at ~3 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** An export nests ~4 levels around a payload. */
export const MAX_IMPORT_DEPTH = 64;
/** What one event may carry (commands are a line of text; injections a few fields). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const MAX_PAYLOAD_DEPTH = 16;

export interface CheckedImport {
  data: SessionExport;
  legacy: boolean;
  check: VerifyResult;
}

export function prepareImport(x: unknown, opts: ImportOptions, keys: KeyRing): CheckedImport {
  const from = opts.source ? `${opts.source}: ` : '';
  const refuse = (reason: string) => new StoreError('invalid-import', `cannot import ${from}${reason}`);
  const integrity = (reason: string) => new StoreError('integrity', `cannot import ${from}${reason}`);

  let input = x;
  if (typeof input === 'string') {
    try {
      input = parseBoundedJson(input, { maxBytes: MAX_IMPORT_BYTES, maxDepth: MAX_IMPORT_DEPTH });
    } catch (e) {
      throw refuse((e as Error).message === 'it is not valid JSON' ? 'the file is not valid JSON' : `the file is refused: ${(e as Error).message}`);
    }
  } else if (depthOf(input, MAX_IMPORT_DEPTH) > MAX_IMPORT_DEPTH) {
    throw refuse(`the file is refused: it nests deeper than ${MAX_IMPORT_DEPTH} levels`);
  }
  const version = exportVersionOf(input);
  try {
    input = unpackExport(input);
  } catch (e) {
    throw refuse((e as Error).message);
  }
  const parsed = sessionExportSchema.safeParse(input);
  if (!parsed.success) throw refuse(`it is not a firedrill session export:\n${z.prettifyError(parsed.error)}`);
  const data = parsed.data as SessionExport;
  const { session, events } = data;
  const genesis = data.genesis ?? null;
  const legacy = genesis === null;
  if (version === 3 && legacy && data.signature) throw integrity('it carries a signature but no genesis event');
  for (const e of genesis ? [genesis, ...events] : events) {
    if (e.sessionId !== session.id) throw integrity(`event ${e.seq} belongs to session ${e.sessionId}, not ${session.id}`);
    const text = canonicalJson(e.payload);
    if (text.length > MAX_PAYLOAD_BYTES) throw refuse(`event ${e.seq} carries ${text.length} bytes (at most ${MAX_PAYLOAD_BYTES})`);
    if (depthOf(e.payload, MAX_PAYLOAD_DEPTH) > MAX_PAYLOAD_DEPTH) throw refuse(`event ${e.seq} nests deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  }
  // Exports written before heads were recorded (format 1) have none: the events are all there is to check.
  const last = events.at(-1);
  const head = data.head ?? (legacy && version !== 3 ? { seq: last?.seq ?? 0, hash: last?.hash ?? '0'.repeat(64) } : null);
  const check: RecordingCheck = checkRecording(
    {
      header: session,
      scenarioJson: session.scenarioJson,
      legacy,
      links: genesis ? [genesis, ...events] : events,
      head,
      signature: data.signature ?? null,
    },
    keys,
  );
  if (!check.ok) throw integrity(check.problem ?? 'its chain does not hold');

  let raw: unknown;
  try {
    raw = JSON.parse(session.scenarioJson);
  } catch {
    throw refuse('its scenario snapshot is not valid JSON');
  }
  const snapshotProblem = opts.checkSnapshot?.(raw, session) ?? null;
  if (snapshotProblem) throw refuse(snapshotProblem);

  if (!opts.allowUntrusted) {
    if (legacy) throw integrity(`it is unsigned (made before signing${version ? `, export format ${version}` : ''}); nothing says who made it. Import it anyway, labelled unsigned, with --allow-untrusted`);
    if (check.signer && check.signer.trust === 'untrusted') {
      throw integrity(`it is ${describeSigner(check.signer)}. Trust the key with \`firedrill keys trust KEY --name NAME\`, or import it labelled untrusted with --allow-untrusted`);
    }
  }
  return { data: { ...data, head: head!, genesis }, legacy, check: { session: session.id, ...check } };
}

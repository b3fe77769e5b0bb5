import { gunzipSync, gzipSync } from 'node:zlib';
import { jsonLimitProblem } from './json-limits.js';
import type { HeadSignature, SessionExport, SessionRow, StoredEvent, ViewHash } from './types.js';

/**
 * The export file.
 *  - Version 3 (written now): the session header (no derived results: those
 *    are recomputed from the events wherever the file lands), the scenario
 *    snapshot packed, the genesis event (seq 0, the header bound into the
 *    chain), the events, the head, and the signature on the head.
 *  - Version 2: the snapshot packed (gzip, then base64; ~110 KB of JSON
 *    becomes ~35 KB), no genesis, no signature.
 *  - Version 1: the snapshot as JSON text in session.scenarioJson.
 * Versions 1 and 2 still import, as recordings made before signing.
 * Unpacking restores the exact text, so the scenario hash checks as before.
 */
export interface SessionExportFile {
  format: 'firedrill-session';
  version: 3;
  session: ExportedHeader;
  scenario: PackedSnapshot;
  /** null for a recording made before signing. */
  genesis: StoredEvent | null;
  events: StoredEvent[];
  head: { seq: number; hash: string };
  /** null for a recording made before signing. */
  signature: HeadSignature | null;
  viewHashes?: ViewHash[];
}

type ExportedHeader = Omit<SessionRow, 'scenarioJson' | 'outcome' | 'score' | 'scoreMax' | 'endedAt' | 'reportJson'>;
interface PackedSnapshot {
  encoding: 'gzip+base64';
  bytes: number;
  data: string;
}

export const EXPORT_VERSION = 3;

/** Larger than any scenario (they are refused over 2 MB of YAML): a packed snapshot may not expand past it. */
export const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;
/** Bundled scenarios nest 7 levels; a snapshot nesting deeper than this is not a scenario. */
export const MAX_SNAPSHOT_DEPTH = 64;

export function packExport(x: SessionExport, viewHashes?: ViewHash[]): SessionExportFile {
  const { scenarioJson, outcome: _o, score: _s, scoreMax: _m, endedAt: _e, reportJson: _r, ...session } = x.session;
  const text = Buffer.from(scenarioJson, 'utf8');
  const head = x.head ?? { seq: x.events.at(-1)?.seq ?? 0, hash: x.events.at(-1)?.hash ?? x.genesis?.hash ?? '0'.repeat(64) };
  return {
    format: 'firedrill-session',
    version: EXPORT_VERSION,
    session,
    scenario: { encoding: 'gzip+base64', bytes: text.length, data: gzipSync(text, { level: 9 }).toString('base64') },
    genesis: x.genesis ?? null,
    events: x.events,
    head,
    signature: x.signature ?? null,
    ...(viewHashes ? { viewHashes } : {}),
  };
}

export function exportFileText(x: SessionExport, viewHashes?: ViewHash[]): string {
  return `${JSON.stringify(packExport(x, viewHashes), null, 2)}\n`;
}

/** Which export format a parsed file claims to be, for labels ("export format 2"). */
export function exportVersionOf(x: unknown): number | null {
  if (typeof x !== 'object' || x === null) return null;
  const v = (x as { version?: unknown }).version;
  return typeof v === 'number' ? v : null;
}

/**
 * A version 2 or 3 file in the in-memory shape the store imports (snapshot
 * unpacked into session.scenarioJson, derived results null); anything else
 * is returned as it is (version 1, or not an export at all: the import's
 * schema says what is wrong). Throws with a reason when the packed snapshot
 * cannot be read or is too large or too deep.
 */
export function unpackExport(x: unknown): unknown {
  if (typeof x !== 'object' || x === null) return x;
  const file = x as Omit<Partial<SessionExportFile>, 'version'> & { version?: unknown } & Record<string, unknown>;
  if (file.format !== 'firedrill-session' || (file.version !== 2 && file.version !== 3)) return x;
  const packed = file.scenario;
  if (typeof packed !== 'object' || packed === null || packed.encoding !== 'gzip+base64' || typeof packed.data !== 'string') {
    throw new Error('the scenario snapshot is missing or not gzip+base64');
  }
  let json: string;
  try {
    json = gunzipSync(Buffer.from(packed.data, 'base64'), { maxOutputLength: MAX_SNAPSHOT_BYTES }).toString('utf8');
  } catch {
    throw new Error('the scenario snapshot cannot be unpacked (damaged, or larger than any scenario)');
  }
  const problem = jsonLimitProblem(json, { maxBytes: MAX_SNAPSHOT_BYTES, maxDepth: MAX_SNAPSHOT_DEPTH });
  if (problem) throw new Error(`the scenario snapshot is not a scenario: ${problem}`);
  const { scenario: _packed, session, viewHashes: _v, ...rest } = file;
  const derived = file.version === 3 ? { outcome: null, score: null, scoreMax: null, endedAt: null, reportJson: null } : {};
  return { ...rest, version: 1, session: { ...(session as object), ...derived, scenarioJson: json } };
}

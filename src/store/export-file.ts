import { gunzipSync, gzipSync } from 'node:zlib';
import type { SessionExport, SessionRow, ViewHash } from './types.js';

/**
 * The export file. Version 2 carries the session's scenario snapshot packed
 * (gzip, then base64): the snapshot is ~110 KB of JSON that does not grow
 * with the session and was ~75% of a 40-minute export; packed it is ~35 KB.
 * Version 1 files (the snapshot as JSON text in session.scenarioJson) still
 * import. Unpacking restores the exact text, so the recorded scenario hash
 * and the hash chain check as before.
 */
export interface SessionExportFile {
  format: 'firedrill-session';
  version: 2;
  session: Omit<SessionRow, 'scenarioJson'>;
  scenario: { encoding: 'gzip+base64'; bytes: number; data: string };
  events: SessionExport['events'];
  head?: SessionExport['head'];
  viewHashes?: ViewHash[];
}

/** Larger than any scenario (they are refused over 2 MB of YAML): a packed snapshot may not expand past it. */
const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

export function packExport(x: SessionExport, viewHashes?: ViewHash[]): SessionExportFile {
  const { scenarioJson, ...session } = x.session;
  const text = Buffer.from(scenarioJson, 'utf8');
  return {
    format: 'firedrill-session',
    version: 2,
    session,
    scenario: { encoding: 'gzip+base64', bytes: text.length, data: gzipSync(text, { level: 9 }).toString('base64') },
    events: x.events,
    ...(x.head ? { head: x.head } : {}),
    ...(viewHashes ? { viewHashes } : {}),
  };
}

export function exportFileText(x: SessionExport, viewHashes?: ViewHash[]): string {
  return `${JSON.stringify(packExport(x, viewHashes), null, 2)}\n`;
}

/**
 * A version 2 file in the version 1 shape the store imports; anything else
 * is returned as it is (version 1, or not an export at all: the import's
 * schema says what is wrong). Throws with a reason when the packed snapshot
 * cannot be read.
 */
export function unpackExport(x: unknown): unknown {
  if (typeof x !== 'object' || x === null) return x;
  const file = x as Partial<SessionExportFile> & Record<string, unknown>;
  if (file.format !== 'firedrill-session' || file.version !== 2) return x;
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
  const { scenario: _packed, session, ...rest } = file;
  return { ...rest, version: 1, session: { ...(session as object), scenarioJson: json } };
}

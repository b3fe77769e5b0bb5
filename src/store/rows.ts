// SQL ↔ TypeScript: column lists aliased to the public field names, and the
// one conversion that isn't a rename (payload text → value).
import { StoreError } from './errors.js';
import type { Actor, StoredEvent } from './types.js';

/** What the store reads to decide what of a row it may hand out (suffixed _, stripped before it leaves). */
const INTERNAL_COLUMNS = `head_hash AS headHash_, scenario_key AS scenarioKey_, derived_head AS derivedHead_, derived_mac AS derivedMac_,
  legacy AS legacy_, head_signer AS headSigner_, head_sig AS headSig_`;

export interface InternalColumns {
  headHash_: string;
  scenarioKey_: string;
  derivedHead_: string | null;
  derivedMac_: string | null;
  derivedReportMac_?: string | null;
  legacy_: number;
  headSigner_: string | null;
  headSig_: string | null;
}

export const SESSION_COLUMNS = `
  id, scenario_id AS scenarioId,
  (SELECT json FROM scenarios WHERE scenarios.key = sessions.scenario_key) AS scenarioJson,
  scenario_hash AS scenarioHash,
  app_version AS appVersion, seed, variant, trainee, mode, difficulty, started_at AS startedAt,
  parent_id AS parentId, branch_at_ms AS branchAtMs, time_limit_sec AS timeLimitSec, outcome, score, score_max AS scoreMax,
  ended_at AS endedAt, report_json AS reportJson, ${INTERNAL_COLUMNS}, derived_report_mac AS derivedReportMac_`;

/** SESSION_COLUMNS without the scenario snapshot and report_json: what a listing needs. */
export const SESSION_SUMMARY_COLUMNS = `
  id, scenario_id AS scenarioId, scenario_hash AS scenarioHash,
  app_version AS appVersion, seed, variant, trainee, mode, difficulty, started_at AS startedAt,
  parent_id AS parentId, branch_at_ms AS branchAtMs, time_limit_sec AS timeLimitSec, outcome, score, score_max AS scoreMax,
  ended_at AS endedAt, ${INTERNAL_COLUMNS}`;

export const EVENT_COLUMNS = `
  session_id AS sessionId, seq, sim_ms AS simMs, wall_ms AS wallMs, actor, type, payload,
  prev_hash AS prevHash, hash`;

export interface EventRecord {
  sessionId: string;
  seq: number;
  simMs: number;
  wallMs: number;
  actor: Actor;
  type: string;
  payload: string;
  prevHash: string;
  hash: string;
}

export function parsePayload(r: EventRecord): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(r.payload) as unknown };
  } catch {
    return { ok: false };
  }
}

export function toStoredEvent(r: EventRecord, file: string): StoredEvent {
  const p = parsePayload(r);
  if (!p.ok) {
    throw new StoreError(
      'corrupt',
      `event ${r.seq} of session ${r.sessionId} in ${file} has an unreadable payload; the database has been edited or damaged (run verify on the session)`,
    );
  }
  return { ...r, payload: p.value };
}

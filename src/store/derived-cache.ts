// Derived results (outcome, score, report) are a cache of what replaying the
// events gives. A cached value is used only if it was computed at the
// session's current chain head and carries this installation's MAC over the
// values, that head and the header, so a score edited in the database (or a cache left
// over from before the events changed) is recomputed instead of shown. The
// report has a MAC of its own so a listing need not read it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface DerivedSummary {
  outcome: string | null;
  score: number | null;
  scoreMax: number | null;
  endedAt: string | null;
}

function mac(macKey: Buffer, body: unknown[]): string {
  return createHmac('sha256', macKey).update(JSON.stringify(body)).digest('hex');
}

/**
 * What the results were derived from besides the events: the header as the
 * row reads (seed, variant, difficulty…) and which snapshot it points at. An
 * edit to either makes the cache stale, even though the head is unchanged.
 */
export interface DerivedFrom {
  head: string;
  /** The header's values in HEADER_FIELDS order. */
  header: unknown[];
  scenarioKey: string;
}

// A fixed-order array, not canonical JSON of an object: a listing checks
// one MAC per session, and this is ~2.5x cheaper.
export function summaryMac(macKey: Buffer, session: string, from: DerivedFrom, d: DerivedSummary): string {
  return mac(macKey, ['summary', session, from.head, from.scenarioKey, ...from.header, d.outcome, d.score, d.scoreMax, d.endedAt]);
}

export function reportMac(macKey: Buffer, session: string, from: DerivedFrom, reportJson: string | null): string {
  return mac(macKey, ['report', session, from.head, from.scenarioKey, ...from.header, reportJson]);
}

export function macHolds(expected: string, got: string | null): boolean {
  if (got === null || got.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}

import type { CheckResult } from './types.js';

/** How a check says what it found: a fraction earned (clamped to 0..1) and the reason the report shows. */
export const r = (fraction: number, reason: string): CheckResult => ({ fraction: Math.max(0, Math.min(1, fraction)), reason });
/** Full marks for something that has not gone wrong because nothing it judges has happened yet. */
export const notYet = (reason: string): CheckResult => ({ ...r(1, reason), pending: true });
/** Nothing it judges happened in this session: no points, and its weight goes to the checks that did apply. */
export const notApplicable = (reason: string): CheckResult => ({ ...r(0, reason), notApplicable: true });

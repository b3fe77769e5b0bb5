// Runtime shapes for data crossing into the store from outside the type
// system: new sessions (cheap sanity check) and imported export files.
import * as z from 'zod';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const actorSchema = z.enum(['ic', 'examiner', 'system']);

export const newSessionSchema = z.object({
  id: z.string().min(1).refine((s) => s !== 'latest', "'latest' is reserved"),
  scenarioId: z.string(),
  scenarioJson: z.string(),
  scenarioHash: z.string(),
  appVersion: z.string(),
  seed: z.number().int(),
  variant: z.string(),
  trainee: z.string(),
  mode: z.enum(['solo', 'interview']),
  difficulty: z.string(),
  startedAt: isoTime,
  parentId: z.string().nullable().optional(),
  branchAtMs: finite.nullable().optional(),
  timeLimitSec: finite.nullable().optional(),
});

export const newEventSchema = z.object({
  simMs: finite,
  wallMs: finite,
  actor: actorSchema,
  type: z.string().min(1),
  payload: z.unknown(),
});

const sessionRowSchema = z.strictObject({
  ...newSessionSchema.shape,
  parentId: z.string().nullable(),
  branchAtMs: finite.nullable(),
  // Derived results: never trusted from a file (recomputed where it lands); absent since export format 3.
  outcome: z.string().nullable().default(null),
  score: finite.nullable().default(null),
  scoreMax: finite.nullable().default(null),
  endedAt: isoTime.nullable().default(null),
  reportJson: z.string().nullable().default(null),
  // Absent from exports made before the time limit joined the header.
  timeLimitSec: finite.nullable().default(null),
});

const storedEventSchema = z.strictObject({
  sessionId: z.string(),
  seq: z.number().int().min(1),
  simMs: finite,
  wallMs: finite,
  actor: actorSchema,
  type: z.string().min(1),
  // Must be present (JSON has no undefined); any JSON value is fine.
  payload: z.unknown().refine((v) => v !== undefined, 'is missing'),
  prevHash: hash,
  hash,
});

/** More events than any session records (a 45-minute session has a few hundred). */
export const MAX_IMPORT_EVENTS = 200_000;

export const sessionExportSchema = z.object({
  format: z.literal('firedrill-session'),
  version: z.literal(1),
  session: sessionRowSchema,
  events: z.array(storedEventSchema).max(MAX_IMPORT_EVENTS),
  /** The last event's seq and hash as the recording ended (absent in older exports). */
  head: z.object({ seq: z.number().int().min(0), hash }).optional(),
  /** The genesis event (seq 0): absent or null for recordings made before signing. */
  genesis: storedEventSchema.extend({ seq: z.literal(0) }).nullable().optional(),
  signature: z
    .strictObject({ signer: z.string().max(200), sig: z.string().max(200) })
    .nullable()
    .optional(),
});

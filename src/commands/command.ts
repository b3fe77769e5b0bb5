import * as z from 'zod';
import { ACTION_TYPES, PM_FIELDS, PRIORITIES, ROLES } from '../scenario/vocabulary.js';

/** A parsed IC command. Parsing is pure; what a command does is the engine's business. */

export const CommandSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('ack'), page: z.string().nullable() }),
  z.object({ verb: z.literal('sev'), level: z.number().int().min(1).max(5) }),
  z.object({ verb: z.literal('role'), role: z.enum(ROLES), who: z.string() }),
  z.object({ verb: z.literal('status'), text: z.string() }),
  z.object({ verb: z.literal('reply'), who: z.string(), text: z.string() }),
  z.object({ verb: z.literal('escalate'), team: z.string() }),
  z.object({ verb: z.literal('ask'), who: z.string(), task: z.string(), boxSec: z.number().nullable(), boxClock: z.literal('scenario').optional() }),
  z.object({ verb: z.literal('followup'), who: z.string() }),
  z.object({ verb: z.literal('go'), who: z.string().nullable() }),
  z.object({ verb: z.literal('cancel'), who: z.string().nullable() }),
  z.object({ verb: z.literal('poll'), text: z.string() }),
  z.object({ verb: z.literal('handoff'), who: z.string() }),
  z.object({ verb: z.literal('hyp'), text: z.string() }),
  z.object({ verb: z.literal('hyp-settle'), n: z.number().int().positive(), verdict: z.enum(['confirm', 'refute']), because: z.string() }),
  z.object({ verb: z.literal('logs'), equals: z.record(z.string(), z.string()), text: z.string().nullable(), clear: z.boolean() }),
  z.object({ verb: z.literal('dash'), panel: z.string().nullable(), by: z.string().nullable() }),
  z.object({ verb: z.literal('run'), text: z.string() }),
  z.object({ verb: z.literal('do'), text: z.string() }),
  z.object({ verb: z.literal('note'), text: z.string() }),
  z.object({ verb: z.literal('rootcause'), text: z.string() }),
  z.object({ verb: z.literal('hint') }),
  z.object({ verb: z.literal('resolve') }),
  z.object({ verb: z.literal('postmortem') }),
  z.object({ verb: z.literal('pm-field'), field: z.enum(PM_FIELDS), text: z.string() }),
  z.object({ verb: z.literal('pm-action'), type: z.enum(ACTION_TYPES), priority: z.enum(PRIORITIES), owner: z.string(), text: z.string() }),
  z.object({ verb: z.literal('pm-action-edit'), n: z.number().int().positive(), type: z.enum(ACTION_TYPES), priority: z.enum(PRIORITIES), owner: z.string(), text: z.string() }),
  z.object({ verb: z.literal('pm-action-delete'), n: z.number().int().positive() }),
  z.object({ verb: z.literal('pm-submit') }),
  z.object({ verb: z.literal('help'), topic: z.string().nullable() }),
]);
export type Command = z.infer<typeof CommandSchema>;

export type ParseResult = { ok: true; command: Command } | { ok: false; error: string; usage?: string };

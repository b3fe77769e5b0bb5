import * as z from 'zod';
import { Duration } from './duration.js';
import { ConditionSyntaxError, parseCondition, type Condition } from './condition.js';
import { ACTION_TYPES } from './vocabulary.js';

/**
 * The scenario format. A scenario is data: everything the engine, the screen
 * and the scorer need is declared here, and nothing in src/ knows a scenario
 * by name.
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_"');

const ConditionString = z
  .string()
  .transform((text, ctx): Condition => {
    try {
      return parseCondition(text);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof ConditionSyntaxError ? e.message : String(e) });
      return z.NEVER;
    }
  });

/** A condition that holds when omitted. */
export const ConditionText = ConditionString.prefault('always');

const Pattern = z.string().transform((src, ctx) => {
  try {
    return new RegExp(src, 'i');
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${src}" is not a valid regular expression` });
    return z.NEVER;
  }
});

export const Service = z.strictObject({
  id: Id,
  name: z.string(),
  description: z.string().default(''),
  dependsOn: z.array(Id).default([]),
});

export const Variant = z.strictObject({
  id: Id,
  title: z.string(),
  weight: z.number().positive().default(1),
  /** Examiner-only: what really broke in this variant. */
  rootCause: z.string(),
  /** The IC's `rootcause` text must hit one word of every group. */
  rootCauseKeywords: z.array(z.array(z.string()).min(1)).min(1),
  /** Extra flags true for the whole session in this variant. */
  flags: z.array(z.string()).default([]),
});

export const Phase = z.strictObject({
  id: Id,
  at: Duration,
  /** The phase does not start if this holds when its time comes. */
  unless: ConditionString.optional(),
  description: z.string().default(''),
});

export const MetricEffect = z
  .strictObject({
    when: ConditionText,
    set: z.number().optional(),
    mul: z.number().optional(),
    add: z.number().optional(),
    nodata: z.boolean().optional(),
    /** Seconds to move linearly from the previous value to the new one. */
    rampSec: Duration.default(0),
    /** Seconds to fade back once `when` stops holding (a draining backlog, a cache warming up). */
    releaseSec: Duration.default(0),
    /**
     * A spike: once at full size (after rampSec) the change fades back over
     * decaySec even while `when` still holds (a retry burst, a thundering herd).
     */
    decaySec: Duration.optional(),
    /** Extra relative noise while the effect holds (flapping, bursts). */
    noise: z.number().nonnegative().optional(),
  })
  .refine((e) => [e.set, e.mul, e.add, e.nodata].filter((x) => x !== undefined).length === 1, {
    message: 'an effect needs exactly one of set, mul, add or nodata',
  });

export const Metric = z.strictObject({
  id: Id,
  panel: Id,
  label: z.string(),
  unit: z.string().default(''),
  service: Id.optional(),
  labels: z.record(z.string(), z.string()).default({}),
  baseline: z.number(),
  /** Relative standard deviation of the noise around the value. */
  noise: z.number().nonnegative().default(0.05),
  /**
   * How long one wiggle of the noise lasts, in seconds: a new noise value is
   * drawn every noiseSec and the series eases between them, as real telemetry
   * wanders rather than jumping every second. 1: a new value every second.
   */
  noiseSec: z.number().min(1).max(3600).default(1),
  /**
   * A daily rhythm: the baseline swings by ±amplitude (relative) over the
   * scenario clock's day, highest at peakAt (HH:MM). Traffic that is busiest
   * in the evening, a batch window at night.
   */
  daily: z
    .strictObject({
      amplitude: z.number().min(0).max(1),
      peakAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM on the scenario clock, e.g. 20:00'),
    })
    // the peak as an hour of the day, read once rather than for every sample
    .transform((d) => ({ ...d, peakHour: Number(d.peakAt.slice(0, 2)) + Number(d.peakAt.slice(3)) / 60 }))
    .optional(),
  decimals: z.number().int().min(0).max(4).default(0),
  min: z.number().default(0),
  max: z.number().optional(),
  threshold: z.strictObject({ above: z.number().optional(), below: z.number().optional() }).optional(),
  /** Shown on the overview; the rest appear when the IC drills into the panel. */
  overview: z.boolean().default(true),
  /** Used by impact and alerts but never drawn. */
  hidden: z.boolean().default(false),
  effects: z.array(MetricEffect).default([]),
});

export const Panel = z.strictObject({
  id: Id,
  title: z.string(),
  description: z.string().default(''),
});

const FieldGen = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.strictObject({ pick: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1) }),
  z.strictObject({ int: z.tuple([z.number(), z.number()]) }),
  z.strictObject({ float: z.tuple([z.number(), z.number()]), decimals: z.number().int().min(0).max(6).default(2) }),
  z.strictObject({ hex: z.number().int().min(1).max(64) }),
]);
export type FieldGen = z.infer<typeof FieldGen>;

export const LogTemplate = z.strictObject({
  id: Id,
  service: Id,
  when: ConditionText,
  /** Lines per sim-second while `when` holds. */
  rate: z.number().nonnegative(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  /** `{{field}}` placeholders are filled from fields. */
  message: z.string(),
  fields: z.record(z.string(), FieldGen).default({}),
});

export const Alert = z.strictObject({
  id: Id,
  name: z.string(),
  metric: Id,
  above: z.number().optional(),
  below: z.number().optional(),
  forSec: Duration.default(60),
  severity: z.enum(['critical', 'warning', 'info']).default('critical'),
  summary: z.string(),
  /** Flapping alerts resolve and re-fire; quiet alerts never page (broken alerting). */
  when: ConditionString.optional(),
});

export const Message = z.strictObject({
  id: Id,
  /** Seconds from scenario start, or from when `afterFlag` went up. */
  at: Duration,
  afterFlag: z.string().optional(),
  when: ConditionString.optional(),
  from: z.string(),
  channel: z.enum(['page', 'chat', 'stakeholder']).default('chat'),
  text: z.string(),
});

const Output = z.strictObject({
  when: ConditionString.optional(),
  text: z.string(),
  evidence: z.array(Id).default([]),
});

export const Diagnostic = z.strictObject({
  id: Id,
  title: z.string(),
  /** Regular expressions tried against what follows `run`. */
  match: z.array(Pattern).min(1),
  /** A canonical command line (without `run`), offered by completion; lint checks it matches. */
  example: z.string().optional(),
  /** Sim seconds the command takes before its output appears. */
  durationSec: Duration.default(5),
  outputs: z.array(Output).min(1),
});

export const Action = z.strictObject({
  id: Id,
  title: z.string(),
  match: z.array(Pattern).min(1),
  /** A canonical command line (without `do`), offered by completion; lint checks it matches. */
  example: z.string().optional(),
  kind: z.enum(['mitigation', 'fix', 'harmful', 'neutral']),
  /** Flags raised (after delaySec) and lowered by the action. */
  sets: z.array(z.string()).default([]),
  clears: z.array(z.string()).default([]),
  delaySec: Duration.default(0),
  /** The flags it sets drop again after this long (a restart, a brief outage). */
  forSec: Duration.optional(),
  /**
   * Per flag among `sets`, how long that one lasts, over forSec: a restart
   * that clears the errors for ten minutes while its "restarted" flag stays.
   */
  lasting: z.record(z.string(), Duration).default({}),
  requires: ConditionString.optional(),
  refusal: z.string().default('That cannot be done right now.'),
  response: z.string(),
  /** Replies that depend on the world (variant, flags): the first whose `when` holds replaces `response`. */
  responses: z.array(z.strictObject({ when: ConditionText, text: z.string() })).default([]),
  risk: z.string().optional(),
  /** Why it is harmful or what it teaches; shown in the report. */
  lesson: z.string().optional(),
});

export const Evidence = z.strictObject({
  id: Id,
  title: z.string(),
  /** Seen when the log filter the IC sets includes all of these. */
  logs: z.record(z.string(), z.string()).optional(),
  /** Seen when the IC drills into this panel. */
  dash: Id.optional(),
  /** ...and only while this holds. */
  when: ConditionString.optional(),
});

export const Person = z.strictObject({
  id: Id,
  name: z.string(),
  team: Id,
  role: z.string(),
  /** Sim seconds from being paged to joining; null never joins. */
  joinSec: Duration.nullable().default(180),
  /** Sim seconds a delegated task takes this person. */
  taskSec: Duration.default(120),
  /** Diagnostics this person reports a wrong lead for (id → text). */
  wrongLeads: z.record(z.string(), z.string()).default({}),
});

export const Team = z.strictObject({
  id: Id,
  name: z.string(),
  /** Paged by `escalate`; the first who can join, joins. */
  members: z.array(Id).min(1),
});

export const Objection = z.strictObject({
  /** Regular expressions on the poll text. */
  match: z.array(Pattern).min(1),
  from: Id,
  text: z.string(),
  /** Flag raised when the objection is heard (e.g. risk sign-off obtained). */
  sets: z.array(z.string()).default([]),
});

export const Stakeholder = z.strictObject({
  id: Id,
  name: z.string(),
  role: z.string(),
  questions: z
    .array(
      z.strictObject({
        id: Id,
        at: Duration,
        when: ConditionString.optional(),
        text: z.string(),
        /** A good reply mentions one word of each group. */
        covers: z.array(z.array(z.string()).min(1)).default([]),
      }),
    )
    .default([]),
});

export const Executive = z.strictObject({
  name: z.string(),
  role: z.string(),
  /** Joins when no status update has gone out for this long while active. */
  silenceSec: Duration.default(1800),
  text: z.string(),
});

const Band = { excellentSec: Duration, acceptableSec: Duration };

export const Check = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ack'), ...Band }),
  z.strictObject({ kind: z.literal('severity'), withinSec: Duration }),
  z.strictObject({ kind: z.literal('first-update'), withinSec: Duration }),
  z.strictObject({ kind: z.literal('update-cadence'), maxGapSec: Duration }),
  z.strictObject({ kind: z.literal('status-content'), mentions: z.array(z.array(z.string()).min(1)).min(1) }),
  z.strictObject({ kind: z.literal('evidence'), any: z.array(Id).min(1) }),
  z.strictObject({ kind: z.literal('hypothesis-before-mitigation') }),
  z.strictObject({ kind: z.literal('mitigated'), ...Band }),
  z.strictObject({ kind: z.literal('no-harmful') }),
  z.strictObject({ kind: z.literal('rootcause') }),
  z.strictObject({ kind: z.literal('resolved-after-fix') }),
  z.strictObject({ kind: z.literal('escalated'), teams: z.array(Id).min(1), withinSec: Duration }),
  z.strictObject({ kind: z.literal('delegated'), minTasks: z.number().int().positive().default(1) }),
  z.strictObject({ kind: z.literal('followed-up') }),
  z.strictObject({ kind: z.literal('hands-off') }),
  z.strictObject({ kind: z.literal('polled'), before: z.array(Id).min(1) }),
  z.strictObject({ kind: z.literal('roles'), roles: z.array(z.string()).min(1) }),
  z.strictObject({ kind: z.literal('questions-answered') }),
  z.strictObject({ kind: z.literal('postmortem-concepts') }),
  z.strictObject({ kind: z.literal('postmortem-quality') }),
]);
export type Check = z.infer<typeof Check>;

export const SECTIONS = [
  'detection',
  'severity',
  'command',
  'communication',
  'investigation',
  'mitigation',
  'resolution',
  'postmortem',
] as const;

export const Checkpoint = z.strictObject({
  id: Id,
  section: z.enum(SECTIONS),
  title: z.string(),
  points: z.number().positive(),
  check: Check,
});

export const Hint = z.strictObject({ text: z.string(), cost: z.number().nonnegative().default(2) });

export const Concept = z.strictObject({
  id: Id,
  title: z.string(),
  type: z.enum(ACTION_TYPES).optional(),
  points: z.number().positive().default(1),
  /** What an item meeting it would address, in plain words for the trainee's report (not its title, not its phrases). */
  plain: z.string().min(1).optional(),
  /** An action item meets the concept when it has a phrase from every group. */
  all: z.array(z.array(z.string()).min(1)).min(1),
});

export const Impact = z.strictObject({
  id: Id,
  label: z.string(),
  unit: z.string().default(''),
  /** Per sim-second the product of these metrics' values times scale is added. */
  from: z.array(Id).min(1),
  scale: z.number().default(1),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Named conditions: write `impacted` anywhere a flag goes instead of repeating the expression. */
  conditions: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/), z.string()).default({}),
  id: Id,
  title: z.string(),
  summary: z.string(),
  difficulty: z.enum(['easy', 'normal', 'hard']).default('normal'),
  source: z.string(),
  timeLimitMin: z.number().positive(),
  postmortemMin: z.number().positive().default(15),
  /** Wall-clock frame the sim runs in, e.g. 2026-03-10T21:00:00 (a Tuesday). */
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'write YYYY-MM-DDTHH:MM[:SS]'),
  /** Wall-clock seconds one sim-second shows: 1 plays in real time; 2880 shows two days in a minute. */
  clockScale: z.number().positive().default(1),
  severity: z.strictObject({ expected: z.number().int().min(1).max(5), acceptable: z.array(z.number().int().min(1).max(5)).min(1) }),
  briefing: z.strictObject({ text: z.string(), team: z.string().default('') }),
  services: z.array(Service).min(1),
  variants: z.array(Variant).min(1),
  phases: z.array(Phase).default([]),
  panels: z.array(Panel).min(1),
  metrics: z.array(Metric).min(1),
  logs: z.array(LogTemplate).default([]),
  alerts: z.array(Alert).default([]),
  messages: z.array(Message).default([]),
  diagnostics: z.array(Diagnostic).default([]),
  actions: z.array(Action).default([]),
  evidence: z.array(Evidence).default([]),
  teams: z.array(Team).default([]),
  people: z.array(Person).default([]),
  objections: z.array(Objection).default([]),
  stakeholders: z.array(Stakeholder).default([]),
  executive: Executive.optional(),
  /** Impact stops growing and the lifecycle moves to mitigated while this holds. */
  mitigatedWhen: ConditionText,
  /** The underlying fault is fixed while this holds. */
  fixedWhen: ConditionText,
  impact: z.array(Impact).default([]),
  hints: z.array(Hint).default([]),
  rubric: z.array(Checkpoint).min(1),
  postmortem: z.strictObject({ concepts: z.array(Concept).min(1) }),
  examiner: z.strictObject({
    notes: z.string(),
    strongPlay: z.string(),
    weakPlay: z.string(),
    expectedMinutes: z.number().positive(),
  }),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Metric = z.infer<typeof Metric>;
export type LogTemplate = z.infer<typeof LogTemplate>;
export type Action = z.infer<typeof Action>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Checkpoint = z.infer<typeof Checkpoint>;
export type Person = z.infer<typeof Person>;

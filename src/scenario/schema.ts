import * as z from 'zod';
import { Duration } from './duration.js';
import { ConditionSyntaxError, parseCondition, type Condition } from './condition.js';
import { ACTION_TYPES } from './vocabulary.js';
import { describeTimeFormats, TIME_FORMAT_NAMES } from './time-text.js';
import { parseAfter, type AfterTime } from './after-text.js';

/**
 * The scenario format. A scenario is data: everything the engine, the screen
 * and the scorer need is declared here, and nothing in src/ knows a scenario
 * by name.
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_"');
/** Metrics, logs and alerts may also have dotted ids: what a component generates is named `checkout-api.p95`. */
const SeriesId = z.string().regex(/^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/, 'use lowercase letters, digits, "-", "_" and "." between parts');

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
  id: Id.describe('The service\'s id, used by metrics, logs and dependsOn.'),
  name: z.string().describe('Display name of the service.'),
  description: z.string().default('').describe('What the service does, shown in the briefing\'s service map.'),
  dependsOn: z.array(Id).default([]).describe('Ids of the services this one calls.'),
});

export const Severity = z.strictObject({
  expected: z.number().int().min(1).max(5).describe('The severity a good IC declares (1 is the most severe).'),
  acceptable: z.array(z.number().int().min(1).max(5)).min(1).describe('Severities scored as acceptable.'),
});

export const Concept = z.strictObject({
  id: Id.describe('The concept\'s id.'),
  title: z.string().describe('The concept\'s title (examiner-facing; never shown to the trainee as an answer).'),
  type: z.enum(ACTION_TYPES).optional().describe('The kind of action item expected: prevent, detect, mitigate, process or repair.'),
  points: z.number().positive().default(1).describe('Points for meeting it.'),
  plain: z.string().min(1).optional().describe('What an item meeting it would address, in plain words for the trainee\'s report (not its title, not its phrases).'),
  all: z.array(z.array(z.string()).min(1)).min(1).describe('An action item meets the concept when it has a phrase from every group.'),
});

export const Variant = z.strictObject({
  id: Id.describe('The variant\'s id (examiner-only; `play --variant ID` picks it).'),
  title: z.string().describe('Examiner-only title of what went wrong in this variant.'),
  weight: z.number().positive().default(1).describe('Relative chance the seed picks this variant.'),
  rootCause: z.string().describe('Examiner-only: what really broke in this variant.'),
  rootCauseKeywords: z.array(z.array(z.string()).min(1)).min(1).describe('The IC\'s `rootcause` text must hit one word of every group.'),
  flags: z.array(z.string()).default([]).describe('Extra flags true for the whole session in this variant.'),
  severity: Severity.optional().describe('The severity a good IC declares in this variant, in place of the scenario\'s (a partial outage may be a SEV-3 where the full one is a SEV-2).'),
  concepts: z.array(Concept).min(1).optional().describe('The postmortem concepts of this variant, in place of the scenario\'s; `{ add: [...], drop: [ids] }` changes the scenario\'s list instead.'),
});

const AfterText = z.string().transform((text, ctx): AfterTime => {
  const after = parseAfter(text);
  if (typeof after === 'string') {
    ctx.addIssue({ code: 'custom', message: after });
    return z.NEVER;
  }
  return after;
});

/** When a phase or event is due: `at` from the start, `after` a flag, or both (whichever is later). */
const timing = {
  at: Duration.optional().describe('When it is due, in sim time from scenario start. With `after`, whichever is later.'),
  after: AfterText.optional().describe(
    'Due this long after a flag (or condition) first held: `done:rollback + 10m`, `onset + 90s`; a bare flag means at once. An alternative to `at`.',
  ),
};
type Timed = { at?: number | undefined; after?: AfterTime | undefined };
const AT_OR_AFTER = { message: 'give `at`, `after`, or both' };
const hasTime = (t: Timed) => t.at !== undefined || t.after !== undefined;
// `at` as the earliest second it can be due, so code that reasons about time reads one number.
const earliest = <T extends Timed>(t: T) => ({ ...t, at: t.at ?? 0 });

export const ClockSegment = z
  .strictObject({
    from: Duration.describe('Sim time the segment starts at (segments in order, each later than the one before).'),
    scale: z.number().positive().optional().describe('Wall-clock seconds one sim-second shows from here on (like clockScale): 2160 shows 18 hours in 30 s.'),
    skip: Duration.optional().describe('The clock jumps this far forward at `from` (18h: a restore that ran overnight); the trainee is told.'),
    text: z.string().optional().describe('What the trainee is told at the segment\'s start ("The restore ran overnight."); with a skip, after how far the clock jumped.'),
  })
  .refine((s) => s.scale !== undefined || s.skip !== undefined, { message: 'a clock segment needs a scale, a skip, or both' });

export const Phase = z
  .strictObject({
    id: Id.describe('The phase\'s id: the flag of that name holds from when it starts.'),
    ...timing,
    unless: ConditionString.optional().describe('The phase does not start if this holds when its time comes.'),
    description: z.string().default('').describe('What happens in this phase, for authors and examiners.'),
  })
  .refine(hasTime, AT_OR_AFTER)
  .transform(earliest);

/**
 * A one-off happening beside the phases (a certificate expiring, a batch job
 * starting). Phases are the incident's ordered stages: each waits for the one
 * before it, the world is in one of them, and the first is the onset. An
 * event stands apart from that order: it fires once when its time comes,
 * raises its flag for good, and whether or not it fires no phase waits for
 * it and it waits for no phase. A separate list keeps both meanings plain
 * where a `latched:` switch on a phase would make "the phase the world is in"
 * and "the first phase" depend on which phases are latched.
 */
export const Event = z
  .strictObject({
    id: Id.describe('The event\'s id: the flag raised, and kept up, when it fires.'),
    ...timing,
    unless: ConditionString.optional().describe('The event waits while this holds once its time has come (and never fires if it holds to the end).'),
    description: z.string().default('').describe('What happens, for authors and examiners.'),
  })
  .refine(hasTime, AT_OR_AFTER)
  .transform(earliest);

/** The shapes a metric effect can move along (src/sim/ramp-shape.ts). */
export const RAMP_SHAPES = ['linear', 'ease-in', 'ease-out', 'ease-in-out', 'exp-decay'] as const;
export type RampShape = (typeof RAMP_SHAPES)[number];

export const MetricEffect = z
  .strictObject({
    when: ConditionText.describe('The effect applies while this condition holds (default: always).'),
    set: z.number().optional().describe('Replace the value with this number.'),
    mul: z.number().optional().describe('Multiply the value by this factor.'),
    add: z.number().optional().describe('Add this amount to the value.'),
    nodata: z.boolean().optional().describe('The series shows no data (a broken exporter, a partition).'),
    rampSec: Duration.default(0).describe('Seconds to move from the previous value to the new one (along `ramp`).'),
    releaseSec: Duration.default(0).describe('Seconds to fade back once `when` stops holding (a draining backlog, a cache warming up), along the same `ramp` shape.'),
    ramp: z
      .enum(RAMP_SHAPES)
      .default('linear')
      .describe(
        'The shape of the move over rampSec and releaseSec: linear (steady), ease-in (slow start, a leak that grows), ease-out (fast start, slowing as it arrives), ease-in-out (slow at both ends), exp-decay (most of the way in the first fifth, then settling: a cache refilling, a backlog draining).',
      ),
    decaySec: Duration.optional().describe(
      'A spike: once at full size (after rampSec) the change fades back over decaySec even while `when` still holds (a retry burst, a thundering herd).',
    ),
    noise: z.number().nonnegative().optional().describe('Extra relative noise while the effect holds (flapping, bursts).'),
    per: Id.optional().describe(
      'A counter whose value multiplies the amount of set, mul or add, so one effect follows every step of it: `{ set: 12, per: admitted-pct }` is 12 req/s per admitted per cent. A change of the counter moves the value at once.',
    ),
  })
  .refine((e) => [e.set, e.mul, e.add, e.nodata].filter((x) => x !== undefined).length === 1, {
    message: 'an effect needs exactly one of set, mul, add or nodata',
  });

export const Metric = z.strictObject({
  id: SeriesId.describe('The metric\'s id, used by alerts, impact and evidence.'),
  panel: Id.describe('Id of the panel the metric is drawn on.'),
  label: z.string().describe('The label shown beside the series.'),
  unit: z.string().default('').describe('Unit shown after the value (%, ms, req/s).'),
  service: Id.optional().describe('Service the metric belongs to.'),
  labels: z.record(z.string(), z.string()).default({}).describe('Extra labels shown when the panel is drilled into.'),
  baseline: z.number().describe('The healthy value before any effect.'),
  noise: z.number().nonnegative().default(0.05).describe('Relative standard deviation of the noise around the value.'),
  noiseSec: z
    .number()
    .min(1)
    .max(3600)
    .default(1)
    .describe(
      'How long one wiggle of the noise lasts, in seconds: a new noise value is drawn every noiseSec and the series eases between them, as real telemetry wanders. 1: a new value every second.',
    ),
  daily: z
    .strictObject({
      amplitude: z.number().min(0).max(1).describe('Relative swing of the baseline over the day (0.2: ±20%).'),
      peakAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM on the scenario clock, e.g. 20:00').describe('Time of day (HH:MM on the scenario clock) when the swing is highest.'),
    })
    // the peak as an hour of the day, read once rather than for every sample
    .transform((d) => ({ ...d, peakHour: Number(d.peakAt.slice(0, 2)) + Number(d.peakAt.slice(3)) / 60 }))
    .optional()
    .describe('A daily rhythm: the baseline swings by ±amplitude over the scenario clock\'s day, highest at peakAt (evening traffic, a night batch window).'),
  decimals: z.number().int().min(0).max(4).default(0).describe('Decimal places shown.'),
  min: z.number().default(0).describe('The series never goes below this.'),
  max: z.number().optional().describe('The series never goes above this.'),
  threshold: z.strictObject({ above: z.number().optional().describe('Unhealthy above this.'), below: z.number().optional().describe('Unhealthy below this.') }).optional().describe('Where the panel draws the value as unhealthy (above and/or below).'),
  overview: z.boolean().default(true).describe('Shown on the overview; the rest appear when the IC drills into the panel.'),
  hidden: z.boolean().default(false).describe('Used by impact and alerts but never drawn.'),
  effects: z.array(MetricEffect).default([]).describe('Changes to the series while conditions hold, applied in order.'),
  history: Duration.optional().describe(
    'How much of the series\' past the dashboard shows when the session opens (1h, 90d for a slow signal), overriding the scenario\'s `history`; 0 for none.',
  ),
});

export const StatusValue = z.strictObject({
  name: z.string().min(1).max(24).describe('The state as the panel shows it (Established, Degraded, Down).'),
  when: ConditionString.optional().describe('The series is in this state while the condition holds, unless an earlier state\'s holds; the last state needs none.'),
  alarm: z.boolean().default(false).describe('The panel draws this state as unhealthy.'),
});

export const Status = z.strictObject({
  id: Id.describe('The series\' id, used by alerts (`metric: ID` with `in:`), evidence and `{{metric:ID}}`.'),
  panel: Id.describe('Id of the panel the series is drawn on.'),
  label: z.string().describe('The label shown beside the series.'),
  service: Id.optional().describe('Service the series belongs to.'),
  overview: z.boolean().default(true).describe('Shown on the overview; the rest appear when the IC drills into the panel.'),
  hidden: z.boolean().default(false).describe('Used by alerts but never drawn.'),
  values: z
    .array(StatusValue)
    .min(2)
    .describe('The states, in order: the series is in the first whose when holds, else in the last (a BGP session: Idle while the routes are withdrawn, else Established).'),
});

export const Panel = z.strictObject({
  id: Id.describe('The panel\'s id, referenced by metrics and `dash ID`.'),
  title: z.string().describe('The panel\'s title on the dashboard.'),
  description: z.string().default('').describe('What the panel shows, for `dash` and the briefing.'),
});

const FieldGen = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.strictObject({ pick: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).describe('One of these values, drawn per line.') }),
  z.strictObject({ int: z.tuple([z.number(), z.number()]).describe('A whole number between the two bounds, drawn per line.') }),
  z.strictObject({
    float: z.tuple([z.number(), z.number()]).describe('A number between the two bounds, drawn per line.'),
    decimals: z.number().int().min(0).max(6).default(2).describe('Decimal places of the drawn number.'),
  }),
  z.strictObject({ hex: z.number().int().min(1).max(64).describe('A hex string of this many digits (ids, trace ids), drawn per line.') }),
  z
    .strictObject({
      metric: SeriesId.describe('Id of the metric the value follows (a route\'s latency, a queue\'s depth).'),
      times: z.tuple([z.number().nonnegative(), z.number().nonnegative()]).describe('The value is the metric\'s value at the line\'s second times a factor drawn between these two, so lines and the dashboard tell the same story as the metric moves.'),
      decimals: z.number().int().min(0).max(6).default(1).describe('Decimal places of the value.'),
    })
    .refine((g) => g.times[0] <= g.times[1], { message: 'times: the first factor must not exceed the second' }),
]);
export type FieldGen = z.infer<typeof FieldGen>;

export const LogTemplate = z.strictObject({
  id: SeriesId.describe('The template\'s id.'),
  service: Id.describe('Service that writes these lines (the log filter\'s `service=`).'),
  when: ConditionText.describe('Lines are written while this condition holds (default: always).'),
  rate: z.number().nonnegative().optional().describe('Lines per sim-second while `when` holds (a stream; leave it out for a `once` line).'),
  once: z
    .strictObject({
      at: Duration.default(0).describe('Seconds after `when` first holds (from the scenario start when `when` is left out).'),
    })
    .optional()
    .describe('A single line instead of a stream: written once, `at` after `when` first holds, whatever holds later (a "deploy finished" line). Not with `rate`.'),
  level: z.enum(['debug', 'info', 'warn', 'error']).describe('Log level of the lines.'),
  message: z
    .string()
    .describe(
      `\`{{field}}\` placeholders are filled from fields; \`{{time:FORMAT}}\` writes the line's own time on the scenario clock (sub-second digits drawn per line, always inside the line's second), never a literal timestamp. Formats: ${describeTimeFormats()}. klog is the header after the level letter: \`E{{time:klog}}\`.`,
    ),
  fields: z.record(z.string(), FieldGen).default({}).describe('Values that fill the message\'s {{field}} placeholders: a fixed value, or a generator (pick, int, float, hex).'),
});

export const Alert = z.strictObject({
  id: SeriesId.describe('The alert\'s id.'),
  name: z.string().describe('The alert\'s name as a page shows it.'),
  metric: SeriesId.describe('Id of the metric the rule watches.'),
  above: z.number().optional().describe('Fires when the metric stays above this.'),
  in: z.array(z.string()).min(1).optional().describe('For a status series: fires while it stays in one of these states (`in: [Idle, Active]`).'),
  below: z.number().optional().describe('Fires when the metric stays below this.'),
  forSec: Duration.default(60).describe('How long the rule must hold before the alert fires.'),
  severity: z.enum(['critical', 'warning', 'info']).default('critical').describe('critical alerts page; warning and info only show.'),
  summary: z.string().describe('The text of the page.'),
  when: ConditionString.optional().describe('Flapping alerts resolve and re-fire; quiet alerts never page (broken alerting).'),
});

export const Message = z.strictObject({
  id: Id.describe('The message\'s id.'),
  at: Duration.describe('Seconds from scenario start, or from when `afterFlag` went up.'),
  afterFlag: z.string().optional().describe('Count `at` from when this flag went up instead of from the start (e.g. done:ACTION).'),
  when: ConditionString.optional().describe('The message is sent only if this holds at its time.'),
  from: z.string().describe('Who sends it: a person or stakeholder id, or a name.'),
  channel: z.enum(['page', 'chat', 'stakeholder']).default('chat').describe('Where it appears: a page, the team chat, or a stakeholder message.'),
  text: z.string().describe(`The message text; \`{{time:FORMAT}}\` writes the time it is sent on the scenario clock (formats: ${TIME_FORMAT_NAMES.join(', ')}).`),
});

const Output = z.strictObject({
  when: ConditionString.optional().describe('This output is shown when the condition holds; the first that holds wins.'),
  text: z.string().describe(`What the command prints; {{metric:ID}} inserts a metric's current value (a status series' state), {{counter:ID}} a counter's and {{time:FORMAT}} the time it is reported (formats: ${TIME_FORMAT_NAMES.join(', ')}).`),
  evidence: z.array(Id).default([]).describe('Evidence ids the IC sees by reading this output.'),
});

export const Diagnostic = z.strictObject({
  id: Id.describe('The diagnostic\'s id.'),
  title: z.string().describe('What the diagnostic checks, in plain words.'),
  match: z.array(Pattern).min(1).describe('Regular expressions tried against what follows `run`.'),
  example: z.string().optional().describe('A canonical command line (without `run`), offered by completion; lint checks it matches.'),
  durationSec: Duration.default(5).describe('Sim seconds the command takes before its output appears.'),
  outputs: z.array(Output).min(1).describe('What the command prints, by world state; the first whose `when` holds is shown.'),
});

/** The units a request's numbers are read in (src/sim/requests/units.ts); times convert into each other. */
export const PARAM_UNITS = ['ms', 's', 'min', 'h', 'threads', 'workers', 'req/s', 'replicas', 'pods', 'count'] as const;

export const ActionParam = z
  .strictObject({
    id: Id.describe('The setting\'s id: `{{param:ID}}` in the action\'s response and responses is its value, a number in `unit`.'),
    label: z.string().min(1).max(60).describe('How the responder names it in a read-back ("read timeout").'),
    unit: z.enum(PARAM_UNITS).describe('The unit of its value. A request\'s time (200 ms, 2 s, 1 min) is converted to it; a count fits threads, workers, req/s, replicas, pods or count.'),
    default: z.number().describe('The value when the request gives none (what the runbook would set).'),
    min: z.number().optional().describe('The least value the responder will set; a request below it is refused, saying `tooLow`.'),
    max: z.number().optional().describe('The most the responder will set; a request above it is refused, saying `tooHigh`.'),
    words: z.array(z.string().min(1).max(30)).max(12).default([]).describe('Words that point a number at this setting ("open", "connect"): "2 s open, 10 s read". Numbers no word points fill the settings of their unit in order.'),
    tooHigh: z.string().max(300).optional().describe('Why a value above max cannot be set, as the responder says it after naming the bound.'),
    tooLow: z.string().max(300).optional().describe('Why a value below min cannot be set, as the responder says it after naming the bound.'),
  })
  .refine((p) => (p.min === undefined || p.default >= p.min) && (p.max === undefined || p.default <= p.max), { message: 'default must lie between min and max' })
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, { message: 'min must not exceed max' });

export const Counter = z
  .strictObject({
    id: Id.describe('The counter\'s id: conditions compare it with a whole number (`admitted-pct >= 50`), actions add to it or set it.'),
    start: z.number().int().default(0).describe('Its value when the session starts.'),
    min: z.number().int().optional().describe('It never goes below this (a change that would is stopped here).'),
    max: z.number().int().optional().describe('It never goes above this (a change that would is stopped here).'),
  })
  .refine((c) => (c.min === undefined || c.start >= c.min) && (c.max === undefined || c.start <= c.max), { message: 'start must lie between min and max' });

export const CounterChange = z
  .strictObject({
    id: Id.describe('Id of the counter the action changes.'),
    add: z.number().int().optional().describe('Add this to the counter (negative to take away), kept within its min and max.'),
    set: z.number().int().optional().describe('Set the counter to this, kept within its min and max.'),
  })
  .refine((c) => (c.add === undefined) !== (c.set === undefined), { message: 'a counter change needs exactly one of add or set' });

export const Action = z.strictObject({
  id: Id.describe('The action\'s id; the flag `done:ID` holds once it took effect.'),
  title: z.string().describe('What the action does, in plain words (used in read-backs and the report).'),
  match: z.array(Pattern).min(1).describe('Regular expressions tried against what follows `do` (or an `ask`).'),
  example: z.string().optional().describe('A canonical command line (without `do`), offered by completion; lint checks it matches.'),
  kind: z.enum(['mitigation', 'fix', 'harmful', 'neutral']).describe('mitigation stops the impact, fix removes the cause, harmful makes things worse, neutral neither.'),
  harmfulWhen: ConditionString.optional().describe(
    'Harm that depends on the world: the action counts as harmful (it loses no-harmful and is penalised in mitigated) only if this holds when it is taken, whatever its kind. Re-enabling a WAF is harmful only while the bad rule is still in: `harmfulWhen: bad-rule-in`.',
  ),
  sets: z.array(z.string()).default([]).describe('Flags raised (after delaySec) and lowered by the action.'),
  clears: z.array(z.string()).default([]).describe('Flags lowered by the action.'),
  delaySec: Duration.default(0).describe('Sim time between the action being applied and its flags changing.'),
  forSec: Duration.optional().describe('The flags it sets drop again after this long (a restart, a brief outage).'),
  lasting: z
    .record(z.string(), Duration)
    .default({})
    .describe('Per flag among `sets`, how long that one lasts, over forSec: a restart that clears the errors for ten minutes while its "restarted" flag stays.'),
  counters: z
    .array(CounterChange)
    .default([])
    .describe('Counters the action changes, when its flags change (after delaySec): `- { id: admitted-pct, add: 10 }` admits ten per cent more each time it is done.'),
  requires: ConditionString.optional().describe('The action is refused unless this holds.'),
  refusal: z.string().default('That cannot be done right now.').describe('What the IC is told when `requires` does not hold.'),
  response: z.string().describe('What the responder (or the system) says once the action is done; {{param:ID}} inserts a setting\'s value, {{metric:ID}} a metric\'s, {{counter:ID}} a counter\'s (after the change), {{time:FORMAT}} the time it is done.'),
  responses: z.array(z.strictObject({ when: ConditionText.describe('This reply is used while the condition holds.'), text: z.string().describe('The reply.') })).default([]).describe('Replies that depend on the world (variant, flags): the first whose `when` holds replaces `response`.'),
  params: z
    .array(ActionParam)
    .max(6)
    .default([])
    .describe('Settings the request may give with numbers and units ("2 s / 10 s timeouts"): the responder reads back and applies the values asked for, or says why not when one is out of bounds or fits no setting. Without params, numbers in a request are not applied and the read-back says so.'),
  risk: z.string().optional().describe('The risk a poll should surface before this action (shown to the examiner and in the report).'),
  lesson: z.string().optional().describe('Why it is harmful or what it teaches; shown in the report.'),
});

export const Evidence = z.strictObject({
  id: Id.describe('The evidence\'s id, used by rubric `evidence` checks and diagnostic outputs.'),
  title: z.string().describe('What the IC has found, in plain words (shown in the report).'),
  logs: z.record(z.string(), z.string()).optional().describe('Seen when the log filter the IC sets includes all of these.'),
  dash: Id.optional().describe('Seen when the IC drills into this panel.'),
  when: ConditionString.optional().describe('The evidence is seen only while this holds.'),
});

export const Knowledge = z.strictObject({
  match: z.array(Pattern).min(1).describe('Regular expressions tried against what the IC asks this person (`ask ana who changed the route map`).'),
  when: ConditionString.optional().describe('They know it only while this holds (otherwise they have nothing conclusive).'),
  text: z.string().describe('What they answer, after their taskSec; {{metric:ID}}, {{counter:ID}} and {{time:FORMAT}} are filled then.'),
  evidence: z.array(Id).default([]).describe('Evidence ids the IC gains from the answer.'),
  sets: z.array(z.string()).default([]).describe('Flags raised when they answer (the specialist was asked).'),
});

export const Person = z.strictObject({
  id: Id.describe('The person\'s id, used by `ask`, `page` and messages.'),
  name: z.string().describe('The person\'s full name.'),
  team: Id.describe('Id of the team the person belongs to.'),
  role: z.string().describe('The person\'s role, shown beside their name.'),
  joinSec: Duration.nullable().default(180).describe('Sim seconds from being paged to joining; null never joins.'),
  taskSec: Duration.default(120).describe('Sim seconds a delegated task takes this person.'),
  wrongLeads: z.record(z.string(), z.string()).default({}).describe('Diagnostics this person reports a wrong lead for (id → text).'),
  can: z
    .array(Id)
    .optional()
    .describe('The diagnostics and actions (ids) this person can run or do; asked for anything else they say `refusal` and do nothing. Without it, who can do what is read from their role and team.'),
  refusal: z.string().default('I have no access to that from here.').describe('What they say when asked for something outside `can`.'),
  knows: z
    .array(Knowledge)
    .default([])
    .describe('What only this person knows: a question that matches is answered with its text after their taskSec; anyone else has nothing conclusive.'),
  lockedOut: z
    .strictObject({
      when: ConditionString.describe('They cannot act while this holds: asks are answered with `text`, and work due back meanwhile is not done.'),
      text: z.string().describe('What they say (the building\'s badge readers are down, the VPN needs the network that is down).'),
    })
    .optional()
    .describe('While a condition holds this person is locked out: they can talk, but run, change and find out nothing.'),
});

export const Team = z.strictObject({
  id: Id.describe('The team\'s id, used by `escalate ID`.'),
  name: z.string().describe('The team\'s display name.'),
  members: z.array(Id).min(1).describe('Paged by `escalate`; who of them joins is `joins`.'),
  joins: z
    .enum(['first', 'all'])
    .default('first')
    .describe('Who joins when the team is paged: `first`, the first member not yet paged who can join (joinSec not null); `all`, every member not yet paged who can join, each after their own joinSec.'),
});

export const Objection = z.strictObject({
  match: z.array(Pattern).min(1).describe('Regular expressions on the poll text.'),
  from: Id.describe('Id of the person who raises the objection.'),
  text: z.string().describe('What they say in the poll.'),
  sets: z.array(z.string()).default([]).describe('Flag raised when the objection is heard (e.g. risk sign-off obtained).'),
});

export const Stakeholder = z.strictObject({
  id: Id.describe('The stakeholder\'s id, used by `reply ID`.'),
  name: z.string().describe('The stakeholder\'s full name.'),
  role: z.string().describe('The stakeholder\'s role, shown beside their name.'),
  questions: z
    .array(
      z.strictObject({
        id: Id.describe('The question\'s id.'),
        at: Duration.describe('When the question is asked (sim time; scaled by difficulty).'),
        when: ConditionString.optional().describe('The question is asked only if this holds at its time.'),
        text: z.string().describe('The question\'s text.'),
        covers: z.array(z.array(z.string()).min(1)).default([]).describe('A good reply mentions one word of each group.'),
      }),
    )
    .default([])
    .describe('Questions the stakeholder asks the IC.'),
});

export const Executive = z.strictObject({
  name: z.string().describe('The executive\'s full name.'),
  role: z.string().describe('The executive\'s role.'),
  silenceSec: Duration.default(1800).describe('Joins when no status update has gone out for this long while active.'),
  text: z.string().describe('What the executive says on arriving.'),
});

const Band = {
  excellentSec: Duration.describe('Full points when reached within this long.'),
  acceptableSec: Duration.describe('Half points when reached within this long; later earns little.'),
};
const withinSec = Duration.describe('Full points when done within this long.');

/** Exactly one of an action or a flag: what a check says happened. */
const oneOfActionOrFlag = (h: { action?: string | undefined; flag?: string | undefined }) => (h.action === undefined) !== (h.flag === undefined);
const ACTION_OR_FLAG = { message: 'give an action or a flag, not both' };
const happeningFields = {
  action: Id.optional().describe('An action\'s id: it happened when the action was applied (by the IC, or by a responder the IC asked).'),
  flag: z.string().optional().describe('A flag: it happened when the flag first went up (an action\'s or an objection\'s sets, done:ID).'),
};
const Happening = z.strictObject(happeningFields).refine(oneOfActionOrFlag, ACTION_OR_FLAG);
const what = z
  .string()
  .min(1)
  .optional()
  .describe('What happened, in the past tense, for the report\'s reason ("enabled the DNS fallback", "failed open without the risk owner\'s agreement"); without it the report names the action or says "it".');

/** A check kind's tag, described for editors with what the check rewards. */
const kind = <K extends string>(name: K, rewards: string) => z.literal(name).describe(`Rewards ${rewards}.`);

export const Check = z.discriminatedUnion('kind', [
  z.strictObject({ kind: kind('ack', 'the first page acknowledged fast (full), acceptably (half), late (0.15)'), ...Band }),
  z.strictObject({ kind: kind('severity', 'a severity declared soon after the ack; too low or flip-flopping costs'), withinSec }),
  z.strictObject({ kind: kind('first-update', 'the first status update soon after declaring'), withinSec }),
  z.strictObject({ kind: kind('update-cadence', 'no silence longer than maxGapSec until resolution; broken "next update in N min" promises cost'), maxGapSec: Duration.describe('The longest silence allowed between status updates.') }),
  z.strictObject({ kind: kind('status-content', 'updates that mention a word of each group and promise the next update'), mentions: z.array(z.array(z.string()).min(1)).min(1).describe('Groups of words; an update should mention one word of each group.') }),
  z.strictObject({ kind: kind('evidence', 'the IC having seen at least one of these evidence ids'), any: z.array(Id).min(1).describe('Evidence ids; seeing any one earns the check.') }),
  z.strictObject({ kind: kind('hypothesis-before-mitigation', 'a hypothesis recorded before the impact stopped') }),
  z.strictObject({
    kind: kind('mitigated', 'impact stopped with no more harm than the reference play caused (a smooth curve of the ratio); without a reference play, mitigatedWhen holding soon after onset'),
    ...Band,
    harm: z.array(Id).min(1).optional().describe('The impact counters the harm is measured by, summed (default: the first impact counter).'),
  }),
  z.strictObject({ kind: kind('no-harmful', 'no harmful action applied') }),
  z.strictObject({ kind: kind('rootcause', 'a rootcause that names what broke in the variant') }),
  z.strictObject({ kind: kind('resolved-after-fix', 'a resolve while fixedWhen held') }),
  z.strictObject({ kind: kind('escalated', 'each team paged, in time'), teams: z.array(Id).min(1).describe('Team ids that should be paged.'), withinSec }),
  z.strictObject({ kind: kind('delegated', 'that many tasks given to a named person with a time-box'), minTasks: z.number().int().positive().default(1).describe('Delegated, time-boxed tasks needed.') }),
  z.strictObject({ kind: kind('followed-up', 'every expired time-box followed up within 5 minutes') }),
  z.strictObject({ kind: kind('hands-off', 'no hands-on run/do by the IC once responders were present') }),
  z.strictObject({ kind: kind('polled', 'a poll before the first of these actions'), before: z.array(Id).min(1).describe('Action ids a poll should come before.') }),
  z.strictObject({ kind: kind('roles', 'these roles assigned'), roles: z.array(z.string()).min(1).describe('Roles to assign: ic, ops, comms, scribe, deputy.') }),
  z.strictObject({ kind: kind('questions-answered', 'stakeholder questions answered, and answered well') }),
  z.strictObject({ kind: kind('postmortem-concepts', 'action items that meet the postmortem concepts') }),
  z.strictObject({ kind: kind('postmortem-quality', 'action items that are specific, owned, prioritised, measurable and blameless; summary, impact and root cause written') }),
  z
    .strictObject({
      kind: kind('did', 'an action done (or a flag raised), optionally within withinSec of the onset; later earns half'),
      ...happeningFields,
      withinSec: Duration.optional().describe('Full points when it happened within this long of the onset; later earns half. Without it, any time counts.'),
      what,
    })
    .refine(oneOfActionOrFlag, ACTION_OR_FLAG),
  z.strictObject({
    kind: kind('before', 'one thing happening before another (a poll before a risky change); not applicable when the second never happened and the impact was stopped without it'),
    first: Happening.describe('What should come first: an action or a flag.'),
    then: Happening.describe('What it should come before: an action or a flag.'),
  }),
  z.strictObject({
    kind: kind('reached', 'a condition holding within bySec of the onset; later earns half'),
    when: ConditionString.describe('The condition to reach: flags, or a named condition.'),
    bySec: Duration.describe('Full points when the condition held within this long of the onset.'),
    what,
  }),
  z.strictObject({
    kind: kind('never', 'a condition never holding during the session; not applicable when no change was made at all'),
    when: ConditionString.describe('The condition that must never hold: flags, or a named condition (`fail-open & !risk-approved`).'),
    what,
  }),
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
  id: Id.describe('The checkpoint\'s id.'),
  section: z.enum(SECTIONS).describe('The report section the checkpoint scores.'),
  title: z.string().describe('What the checkpoint rewards, as the report shows it.'),
  points: z.number().positive().describe('Maximum points (keep the rubric\'s total at 100).'),
  check: Check.describe('How the checkpoint is judged: one of the check kinds.'),
});

export const Hint = z.strictObject({
  text: z.string().describe('The hint, as the trainee sees it.'),
  cost: z.number().nonnegative().default(2).describe('Points it costs when taken (scaled by difficulty).'),
  texts: z
    .array(z.strictObject({ when: ConditionText.describe('This text is given while the condition holds.'), text: z.string().describe('The hint in that world.') }))
    .default([])
    .describe('Texts written against what has happened by the time the hint is taken: the first whose `when` holds replaces `text` (a hint never describes what has not happened yet).'),
});

export const Impact = z.strictObject({
  id: Id.describe('The impact counter\'s id.'),
  label: z.string().describe('What the counter counts, as the header shows it.'),
  unit: z.string().default('').describe('Unit shown with the count ($, orders).'),
  from: z.array(SeriesId).min(1).describe('Per sim-second the product of these metrics\' values times scale is added.'),
  scale: z.number().default(1).describe('Multiplier applied to the product of the metrics.'),
});

export const Expectation = z
  .strictObject({
    script: z.string().min(1).describe('A script file (one `MM:SS command` per line), relative to the scenario file.'),
    variants: z.array(Id).min(1).optional().describe('The variants to play it in (default: every variant).'),
    seeds: z.array(z.number().int().min(0)).min(1).default([1]).describe('The seeds to play it with.'),
    atLeast: z.number().optional().describe('Every run must score at least this.'),
    atMost: z.number().optional().describe('Every run must score at most this.'),
  })
  .refine((e) => e.atLeast !== undefined || e.atMost !== undefined, { message: 'an expectation needs atLeast or atMost' });
export type Expectation = z.infer<typeof Expectation>;

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
  conditions: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/), z.string()).default({}).describe('Named conditions: write `impacted` anywhere a flag goes instead of repeating the expression.'),
  id: Id.describe('The scenario\'s id: what `firedrill play ID` finds.'),
  title: z.string().describe('The scenario\'s title.'),
  summary: z.string().describe('One or two sentences the picker shows.'),
  difficulty: z.enum(['easy', 'normal', 'hard']).default('normal').describe('The default difficulty for play: easy, normal or hard.'),
  source: z.string().describe('Where the scenario comes from (a public postmortem\'s URL, an exercise).'),
  timeLimitMin: z.number().positive().describe('Sim minutes before the incident times out.'),
  postmortemMin: z.number().positive().default(15).describe('Minutes for the written postmortem.'),
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'write YYYY-MM-DDTHH:MM[:SS]').describe('Wall-clock frame the sim runs in, e.g. 2026-03-10T21:00:00 (a Tuesday).'),
  history: Duration.optional().describe(
    'Pre-session history: every metric\'s dashboard opens with this much of its past already drawn (1h), from the baseline and the effects that hold at the start, instead of empty. A metric\'s own `history` overrides it.',
  ),
  clockSegments: z
    .array(ClockSegment)
    .optional()
    .describe('Later stretches of the scenario clock with their own scale, or a declared jump forward the trainee sees; before the first, clockScale holds. Promises and time-boxes are still read at clockScale.'),
  clockScale: z.number().positive().default(1).describe('Wall-clock seconds one sim-second shows: 1 plays in real time; 2880 shows two days in a minute.'),
  severity: Severity.describe('The severity a good IC declares (expected) and the levels accepted.'),
  briefing: z
    .strictObject({
      text: z.string().describe('What the IC knows before the clock starts: request flow, dashboards, the runbook.'),
      team: z.string().default('').describe('Who can be paged, as the briefing shows it.'),
    }).describe('What the IC knows before the clock starts (text) and who can be paged (team).'),
  services: z.array(Service).min(1).describe('The systems involved.'),
  variants: z.array(Variant).min(1).describe('What can have gone wrong; the seed picks one.'),
  phases: z.array(Phase).default([]).describe('Timed stages of the incident.'),
  counters: z.array(Counter).default([]).describe('Whole-number counters actions add to or set, and conditions compare (`admitted-pct >= 50`).'),
  events: z.array(Event).default([]).describe('One-off happenings that fire once when due, independent of the phases: a prevented event blocks nothing.'),
  panels: z.array(Panel).min(1).describe('Dashboard panels.'),
  metrics: z.array(Metric).min(1).describe('Metric series drawn on the panels.'),
  statuses: z.array(Status).default([]).describe('Categorical series: a state name chosen by conditions (Healthy, Degraded, Down), drawn on the panel as text and usable by alerts.'),
  logs: z.array(LogTemplate).default([]).describe('Log line templates.'),
  alerts: z.array(Alert).default([]).describe('Alert rules that page or show.'),
  messages: z.array(Message).default([]).describe('Scripted pages, chat and stakeholder messages.'),
  changeVerbs: z
    .array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'write one lowercase word, e.g. cordon or failover').describe('One verb, lowercase, as typed (cordon, failover).'))
    .default([])
    .describe('Verbs that ask for a change in this scenario\'s world, besides the engine\'s own (restart, roll back, scale, …): a request led by one never runs a diagnostic, so patterns need no guard against change commands.'),
  diagnostics: z.array(Diagnostic).default([]).describe('What `run` can check.'),
  actions: z.array(Action).default([]).describe('What `do` (or a responder asked) can change.'),
  evidence: z.array(Evidence).default([]).describe('Findings the rubric can ask the IC to have seen.'),
  teams: z.array(Team).default([]).describe('Teams that `escalate` can page.'),
  people: z.array(Person).default([]).describe('Responders, by team.'),
  objections: z.array(Objection).default([]).describe('What responders say in a `poll` about a proposal.'),
  stakeholders: z.array(Stakeholder).default([]).describe('People outside the response who ask for updates.'),
  executive: Executive.optional().describe('An executive who swoops in when status updates stop.'),
  mitigatedWhen: ConditionText.describe('Impact stops growing and the lifecycle moves to mitigated while this holds.'),
  fixedWhen: ConditionText.describe('The underlying fault is fixed while this holds.'),
  impact: z.array(Impact).default([]).describe('Counters of harm shown in the header (failed payments, dollars).'),
  hints: z.array(Hint).default([]).describe('Hints, in the order they are released; each costs points.'),
  rubric: z.array(Checkpoint).min(1).describe('Scored checkpoints (total 100).'),
  postmortem: z.strictObject({ concepts: z.array(Concept).min(1).describe('Lessons an action item can meet.') }).describe('The lessons a good postmortem reaches (concepts).'),
  examiner: z
    .strictObject({
      notes: z.string().describe('What the examiner should know about this scenario.'),
      strongPlay: z.string().describe('What a strong IC does.'),
      weakPlay: z.string().describe('What a weak IC does.'),
      expectedMinutes: z.number().positive().describe('Minutes a strong IC usually needs.'),
      curveballs: z
        .array(
          z.strictObject({
            id: Id.describe('How the examiner picks it (c, then the id or its number).'),
            from: z.string().describe('Who says it: a stakeholder or person id, exec, or pager (a page).'),
            text: z.string().min(1).describe('What the candidate reads, under that persona\'s name.'),
          }),
        )
        .default([])
        .describe('Injections prepared for the examiner to send with one key.'),
      referencePlay: z
        .array(
          z.strictObject({
            variants: z.array(Id).min(1).optional().describe('The variants this script plays; leave out for all.'),
            script: z.string().min(1).describe('One `MM:SS command` per line, as a headless script.'),
          }),
        )
        .default([])
        .describe('The strong play as scripts: the report runs the one for the session\'s variant through the engine and compares its times, harm and decisions with the trainee\'s.'),
    })
    .describe('Examiner-only notes, never shown to the candidate.'),
  expectations: z
    .array(Expectation)
    .default([])
    .describe('What `firedrill test` checks: scripts and the scores they must reach, per variant. The engine ignores it.'),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Metric = z.infer<typeof Metric>;
export type Phase = z.infer<typeof Phase>;
export type ScenarioEvent = z.infer<typeof Event>;
export type Status = z.infer<typeof Status>;
export type LogTemplate = z.infer<typeof LogTemplate>;
export type Action = z.infer<typeof Action>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Checkpoint = z.infer<typeof Checkpoint>;
export type Person = z.infer<typeof Person>;

import * as z from 'zod';
import { Checkpoint, Concept, Metric, MetricEffect, Panel, ScenarioSchema, Variant } from '../schema.js';
import { Component } from '../components/kinds.js';
import { Degradation } from '../components/schema.js';

// The authoring forms that expand into the scenario model (expand.ts): what a
// file may say beyond the model itself. The JSON Schema for editors is built
// from AuthoredScenarioSchema; the engine only ever sees ScenarioSchema.

const Name = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_"');

export const UseEffects = z.strictObject({
  use: Name.describe('Name of a list under the top-level `effects:`; its effects are put here, in order.'),
  when: z.string().optional().describe('Replaces the `when` of every effect the name brings in.'),
  rampSec: MetricEffect.shape.rampSec.optional().describe('Replaces the `rampSec` of every effect the name brings in.'),
  releaseSec: MetricEffect.shape.releaseSec.optional().describe('Replaces the `releaseSec` of every effect the name brings in.'),
  ramp: MetricEffect.shape.ramp.optional().describe('Replaces the `ramp` shape of every effect the name brings in.'),
  decaySec: MetricEffect.shape.decaySec.describe('Replaces the `decaySec` of every effect the name brings in.'),
  noise: MetricEffect.shape.noise.describe('Replaces the `noise` of every effect the name brings in.'),
});

/** The fields a `use` item may replace in the effects it brings in. */
export const USE_OVERRIDES = ['when', 'rampSec', 'releaseSec', 'ramp', 'decaySec', 'noise'] as const;

const EffectOrUse = z.union([MetricEffect, UseEffects]);
const EffectList = z.array(EffectOrUse);

export const NamedEffects = z
  .record(Name, EffectList)
  .describe('Named lists of metric effects: a metric\'s effects may say `- use: NAME` (optionally with `when:` or `rampSec:` to replace those fields) to bring in the list.');

export const MetricDefaults = Metric.omit({ id: true, panel: true, label: true, baseline: true })
  .extend({ effects: EffectList.optional().describe('Effects for every metric on the panel that does not list its own.') })
  .partial()
  .describe('Fields every metric on this panel takes unless it gives its own (unit, service, noise, decimals, overview, effects, …).');

export const AuthoredPanel = Panel.extend({ defaults: MetricDefaults.optional() });

export const AuthoredMetric = Metric.extend({
  effects: EffectList.default([]).describe('Changes to the series while conditions hold, applied in order; `- use: NAME` brings in a named list from the top-level `effects:`.'),
});

export const CheckpointOverride = Checkpoint.omit({ id: true }).partial().describe('Fields that replace the standard entry\'s (points, title, section, or the whole check).');

export const RubricExtension = z
  .strictObject({
    extends: z.literal('standard').describe('Start from the standard rubric (src/scenario/standard-rubric.ts): acknowledging, severity, roles, delegation, updates, mitigation, root cause, postmortem.'),
    drop: z.array(Name).default([]).describe('Ids of standard entries this scenario leaves out.'),
    override: z.record(Name, CheckpointOverride).default({}).describe('By standard entry id: the fields this scenario changes (`ack-page: { points: 4 }`).'),
    add: z.array(Checkpoint).default([]).describe('The scenario\'s own checkpoints; within a section they come after the standard ones.'),
  })
  .describe('The standard rubric with this scenario\'s changes; the total must still be 100.');

export const ConceptChanges = z
  .strictObject({
    add: z.array(Concept).default([]).describe('Concepts this variant adds to the scenario\'s.'),
    drop: z.array(Name).default([]).describe('Ids of the scenario\'s concepts this variant leaves out.'),
  })
  .describe('Changes to the scenario\'s postmortem concepts for this variant.');

export const AuthoredVariant = Variant.extend({
  concepts: z
    .union([z.array(Concept).min(1), ConceptChanges])
    .optional()
    .describe('The postmortem concepts of this variant: a list replaces the scenario\'s; `{ add: [...], drop: [ids] }` changes them.'),
});

const described = <T extends z.ZodType>(schema: T, key: keyof typeof ScenarioSchema.shape) => schema.describe(ScenarioSchema.shape[key].description ?? '');

export const AuthoredScenarioSchema = ScenarioSchema.extend({
  effects: NamedEffects.optional(),
  variants: described(z.array(AuthoredVariant).min(1), 'variants'),
  // optional here: components can give them (validate asks for at least one of each)
  panels: described(z.array(AuthoredPanel).min(1).optional(), 'panels'),
  metrics: described(z.array(AuthoredMetric).min(1).optional(), 'metrics'),
  components: z
    .array(Component)
    .optional()
    .describe('Systems declared by kind (http, database, queue, dns, cache, kubernetes, collector): each generates its standard series, log lines and alert rules, named `ID.KEY` (`checkout-api.p95`); a written entry under metrics, logs, alerts or panels with a generated id replaces it.'),
  degrade: z
    .array(Degradation)
    .optional()
    .describe('How the incident degrades components while a condition holds: error ratio, latency, throughput, drop to zero, no data, saturation. Each becomes effects on the component\'s series and the failing log lines.'),
  rubric: z
    .union([z.array(Checkpoint).min(1), RubricExtension])
    .describe('Scored checkpoints (total 100): a list, or `{ extends: standard, drop, override, add }` to start from the standard rubric.'),
});

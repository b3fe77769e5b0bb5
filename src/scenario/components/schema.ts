import * as z from 'zod';
import { ConditionSyntaxError, parseCondition } from '../condition.js';
import { Duration } from '../duration.js';
import { RAMP_SHAPES } from '../schema.js';

/**
 * What an author writes to get telemetry from a component: the component by
 * kind (components[]) and how an incident degrades it (degrade[]). Each kind
 * adds its own baseline and fields (see the kind's file); expand.ts turns both
 * into ordinary panels, metrics, logs and alerts.
 */

/** A component's id prefixes the ids of what it generates (`checkout-api.p95`), so it has no dots itself. */
export const ComponentId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_"');

/** The fields every kind shares. */
export const componentFields = {
  id: ComponentId.describe('The component\'s id: what it generates is named after it (`checkout-api.errors`, `checkout-api.errors-high`), and `degrade` names it.'),
  name: z.string().min(1).optional().describe('How series labels and alert summaries name it (default: its id).'),
  service: ComponentId.optional().describe('The service its metrics and log lines belong to (default: the service whose id is the component\'s).'),
  panel: ComponentId.optional().describe('The panel its series are drawn on (default: a panel of its own, with the component\'s id, unless one is declared).'),
  labels: z.record(z.string(), z.string()).default({}).describe('Labels added to every series it generates, shown when its panel is drilled into (namespace, zone, queue).'),
  overview: z.boolean().default(true).describe('Its main series are on the overview; false keeps them all for when the IC drills into its panel.'),
};

/** A condition written as text: checked here so a typo is reported at the degradation, kept as text for the generated entries. */
const ConditionText = z.string().superRefine((text, ctx) => {
  try {
    parseCondition(text);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof ConditionSyntaxError ? e.message : String(e) });
  }
});

export const Degradation = z
  .strictObject({
    component: ComponentId.describe('Id of the component that degrades.'),
    when: ConditionText.describe('The degradation holds while this condition holds (`onset & !fixed`, a named condition).'),
    routes: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('HTTP components: only these routes degrade (as written in the component\'s routes); the component\'s totals move by their share of traffic. Default: every route.'),
    errors: z.number().min(0).max(1).optional().describe('Error ratio while it holds, 0–1 (0.35: 35% of requests, queries or lookups fail; dropped data for a collector; failing pods for a workload).'),
    latencyX: z.number().positive().optional().describe('Latency multiplied by this while it holds (4: four times slower).'),
    rateX: z.number().nonnegative().optional().describe('Throughput multiplied by this while it holds (3: a traffic surge; 0.5: half the traffic arrives).'),
    drop: z.boolean().optional().describe('Throughput drops to zero while it holds (the service is down, consumers stopped, no pods ready); a queue\'s backlog grows.'),
    nodata: z.boolean().optional().describe('Every series of the component shows no data while it holds (a broken exporter, a partition); its log lines go on.'),
    saturation: z.number().min(0).max(1).optional().describe('Saturation while it holds, 0–1 of capacity (CPU, connections, memory, exporter queue).'),
    reason: z.string().min(1).optional().describe('What the failing lines say went wrong (`connection refused to fraud-check:8443`); each kind has a default.'),
    rampSec: Duration.default(30).describe('Seconds to move from healthy to degraded.'),
    releaseSec: Duration.default(0).describe('Seconds to recover once `when` stops holding.'),
    ramp: z.enum(RAMP_SHAPES).optional().describe('The shape of the move over rampSec and releaseSec, as a metric effect\'s `ramp` (default linear).'),
  })
  .refine((d) => [d.errors, d.latencyX, d.rateX, d.drop, d.nodata, d.saturation].some((x) => x !== undefined && x !== false), {
    message: 'a degradation needs at least one of errors, latencyX, rateX, drop, nodata or saturation',
  });
export type Degradation = z.infer<typeof Degradation>;

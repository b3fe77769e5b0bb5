import * as z from 'zod';
import { AuthoredScenarioSchema } from './authoring/schema.js';

/**
 * The scenario format as JSON Schema, for editor completion and checks
 * outside firedrill. It describes what a file may contain (the input side of
 * the zod schema, with the authoring forms that expand into it): conditions, patterns and durations are strings there.
 * Cross-references (unknown flags, ids) and solvability are not expressible
 * in JSON Schema: `firedrill validate` and `firedrill lint` check those.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AuthoredScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'firedrill scenario',
    description: 'An incident-command training scenario for firedrill. See scenarios/README.md for the format.',
  };
}

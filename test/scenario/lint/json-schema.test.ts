import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../../src/scenario/index.js';
import { scenarioJsonSchema } from '../../../src/scenario/json-schema.js';
import { scenarioSkeleton } from '../../../src/scenario/skeleton.js';
import { edit, MINI } from './helpers.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = ajv.compile(scenarioJsonSchema());
const valid = (yamlText: string) => {
  const ok = check(parse(yamlText));
  return { ok, errors: (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
};

describe('the JSON Schema export', () => {
  it('is a draft 2020-12 schema of the input side (conditions and durations are strings)', () => {
    const s = scenarioJsonSchema() as { $schema: string; properties: Record<string, { type?: string; default?: unknown }> };
    expect(s.$schema).toMatch(/2020-12/);
    expect(s.properties.mitigatedWhen).toMatchObject({ type: 'string', default: 'always' });
  });

  it('accepts every shipped scenario, the fixture and the skeleton', () => {
    const texts = [...scenarioFiles(['scenarios']).map((f) => readFileSync(f, 'utf8')), MINI, scenarioSkeleton('demo')];
    for (const t of texts) expect(valid(t).errors).toEqual([]);
  });

  it('rejects structural breakage: wrong types, unknown keys, missing sections, bad enums and ids', () => {
    const broken = [
      edit(MINI, 'timeLimitMin: 30', 'timeLimitMin: thirty'),
      edit(MINI, 'postmortemMin: 10', 'postmortemMin: 10\ncolour: red'),
      edit(MINI, 'summary: Checkout fails after a bad config push; roll it back.\n', ''),
      edit(MINI, 'kind: mitigation', 'kind: miracle'),
      edit(MINI, 'id: mini-checkout', 'id: Mini Checkout'),
      edit(MINI, '{ id: ack, section: detection, title: Acknowledge fast, points: 10, check: { kind: ack, excellentSec: 120, acceptableSec: 600 } }', '{ id: ack, section: detection, title: Acknowledge fast, points: 10, check: { kind: ack } }'),
      edit(MINI, 'match: ["roll ?back"]', 'match: "roll ?back"'),
      '- just\n- a list\n',
    ];
    for (const t of broken) expect(valid(t).ok).toBe(false);
  });
});

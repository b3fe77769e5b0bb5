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

type Node = { description?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; oneOf?: Node[]; allOf?: Node[] };

/** Every property the schema declares, with the path an editor would show it at. */
function properties(node: Node, path: string, out: Array<{ path: string; node: Node }> = []): Array<{ path: string; node: Node }> {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    out.push({ path: `${path}.${key}`, node: child });
    properties(child, `${path}.${key}`, out);
  }
  if (node.items) properties(node.items, `${path}[]`, out);
  for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) properties(alt, path, out);
  return out;
}

/**
 * What an editor's hover shows for a key path in a document: the schema is
 * walked the way a JSON Schema language server resolves it (properties,
 * items, and the one alternative whose properties hold the key).
 */
function hover(schema: Node, keys: Array<string | number>): string | undefined {
  let node: Node | undefined = schema;
  for (const key of keys) {
    if (!node) return undefined;
    const alternatives: Node[] = [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])];
    node = typeof key === 'number' ? alternatives.find((a) => a.items)?.items : alternatives.find((a) => a.properties?.[key])?.properties?.[key];
  }
  return node?.description;
}

describe('the JSON Schema documents every field', () => {
  const schema = scenarioJsonSchema() as Node;

  it('gives every property a description', () => {
    const all = properties(schema, '');
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((p) => !p.node.description?.trim()).map((p) => p.path)).toEqual([]);
  });

  it('shows the field documentation at keys of a shipped scenario, as an editor hover would', () => {
    const file = scenarioFiles(['scenarios']).find((f) => f.includes('payment-fraud-dns'))!;
    const doc = parse(readFileSync(file, 'utf8')) as { panels: Array<{ defaults?: unknown }> };
    expect(hover(schema, ['timeLimitMin'])).toMatch(/times out/);
    expect(hover(schema, ['actions', 0, 'kind'])).toMatch(/mitigation stops the impact/);
    const withDefaults = doc.panels.findIndex((p) => p.defaults);
    expect(withDefaults).toBeGreaterThanOrEqual(0);
    expect(hover(schema, ['panels', withDefaults, 'defaults'])).toMatch(/unless it gives its own/);
    expect(hover(schema, ['rubric', 'extends'])).toMatch(/standard rubric/);
    // a rubric written as a list (the shipped scenarios extend the standard one)
    const rubric = (parse(MINI) as { rubric: Array<{ check: Record<string, unknown> }> }).rubric;
    const ackIndex = rubric.findIndex((r) => r.check.kind === 'ack');
    expect(ackIndex).toBeGreaterThanOrEqual(0);
    expect(hover(schema, ['rubric', ackIndex, 'check', 'excellentSec'])).toMatch(/Full points/);
    expect(hover(schema, ['rubric', ackIndex, 'check', 'kind'])).toMatch(/acknowledged/);
  });
});

describe('the JSON Schema documents the checks on what happened', () => {
  type Alt = { properties: Record<string, { const?: string; description?: string; properties?: Record<string, { description?: string }> }> };
  type Checks = { items?: { properties: { check: { oneOf: Alt[] } } } };
  const schema = scenarioJsonSchema() as { properties: { rubric: { anyOf: Checks[] }; actions: { items: { properties: Record<string, { description?: string }> } } } };
  // the rubric is a list of checkpoints, or the standard rubric extended
  const checks = schema.properties.rubric.anyOf.find((a) => a.items)!.items!.properties.check.oneOf;
  const kindOf = (k: string) => checks.find((a) => a.properties.kind?.const === k)!;

  it('describes each new kind and every field it takes', () => {
    const fields: Record<string, string[]> = { did: ['action', 'flag', 'withinSec', 'what'], before: ['first', 'then'], reached: ['when', 'bySec', 'what'], never: ['when', 'what'] };
    for (const [k, keys] of Object.entries(fields)) {
      const alt = kindOf(k);
      expect(alt.properties.kind!.description, k).toMatch(/^Rewards /);
      for (const key of keys) expect(alt.properties[key]?.description, `${k}.${key}`).toBeTruthy();
    }
    for (const side of ['first', 'then']) for (const key of ['action', 'flag']) expect(kindOf('before').properties[side]!.properties![key]!.description).toBeTruthy();
    expect(schema.properties.actions.items.properties.harmfulWhen!.description).toMatch(/harmful .* only if this holds when it is taken/);
  });

  it('accepts the fixture that uses them', () => {
    expect(valid(readFileSync('test/fixtures/happened.yaml', 'utf8')).errors).toEqual([]);
  });
});

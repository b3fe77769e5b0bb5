// Editors see components and degradations: the JSON Schema accepts a file
// written with them, refuses an unknown kind, and describes every field.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../src/scenario/json-schema.js';

const schema = scenarioJsonSchema() as Node;
const check = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const TEXT = readFileSync('test/fixtures/components.yaml', 'utf8');

type Node = { description?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; oneOf?: Node[] };

/** Every alternative's properties under a node, with their paths. */
function fields(node: Node, path: string, out: [string, Node][] = []): [string, Node][] {
  for (const [k, child] of Object.entries(node.properties ?? {})) {
    out.push([`${path}.${k}`, child]);
    fields(child, `${path}.${k}`, out);
  }
  if (node.items) fields(node.items, `${path}[]`, out);
  for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) fields(alt, path, out);
  return out;
}

describe('components in the JSON Schema', () => {
  it('accepts the fixture written with components and without panels or metrics of its own', () => {
    expect(check(parse(TEXT)), JSON.stringify(check.errors)).toBe(true);
  });

  it('refuses an unknown kind and a degradation field that does not exist', () => {
    expect(check(parse(TEXT.replace('kind: http', 'kind: kafka')))).toBe(false);
    expect(check(parse(TEXT.replace('errors: 0.35, latencyX: 4', 'errors: 0.35, slowness: 4')))).toBe(false);
  });

  it('describes every field of every kind and of a degradation', () => {
    const all = [...fields(schema.properties!.components!, 'components'), ...fields(schema.properties!.degrade!, 'degrade')];
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter(([, n]) => !n.description?.trim()).map(([p]) => p)).toEqual([]);
    expect(all.find(([p]) => p === 'components[].baseline.rps')?.[1].description).toMatch(/Requests per second/);
    expect(all.find(([p]) => p === 'degrade[].latencyX')?.[1].description).toMatch(/Latency multiplied/);
  });
});

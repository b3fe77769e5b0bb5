import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, loadScenarioTextLocated } from '../../../src/scenario/load.js';
import { STANDARD_RUBRIC } from '../../../src/scenario/standard-rubric.js';
import { checkpoint, playText } from '../../helpers.js';
import { edit, MINI } from '../lint/helpers.js';

const ok = (text: string) => {
  const r = loadScenarioText(text, 'x.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`).join('\n'));
  return r.value;
};
const problems = (text: string) => {
  const r = loadScenarioText(text, 'x.yaml');
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.problems;
};
const lineOf = (text: string, piece: string) => text.slice(0, text.indexOf(piece)).split('\n').length;

const MINI_EFFECTS = `    effects:
      - { when: "onset & !rolled-back", set: 80, rampSec: 20 }
      - { when: "escalation & !rolled-back", set: 95 }
`;

describe('named effects', () => {
  const named = `effects:
  failing:
    - { when: "onset & !rolled-back", set: 80, rampSec: 20 }
    - { when: "escalation & !rolled-back", set: 95 }
`;
  const withNamed = (use: string) => edit(edit(MINI, 'panels:\n', `${named}panels:\n`), MINI_EFFECTS, `    effects:\n      - ${use}\n`);

  it('expand in place into the same scenario as writing the effects out', () => {
    const a = ok(MINI);
    const b = ok(withNamed('{ use: failing }'));
    expect(b.scenario.metrics).toEqual(a.scenario.metrics);
    expect(b.raw).toEqual(a.raw);
    expect(b.hash).toBe(a.hash);
  });

  it('take overrides for every effect they bring in', () => {
    const s = ok(withNamed('{ use: failing, rampSec: 45 }')).scenario;
    expect(s.metrics[0]!.effects.map((e) => e.rampSec)).toEqual([45, 45]);
    const w = ok(withNamed('{ use: failing, when: escalation }')).scenario;
    expect(w.metrics[0]!.effects.map((e) => e.when)).toEqual([{ kind: 'flag', name: 'escalation' }, { kind: 'flag', name: 'escalation' }]);
  });

  it('refuse an unknown name where it is used, naming the known ones', () => {
    const text = withNamed('{ use: failng }');
    const [p] = problems(text);
    expect(p!.path).toBe('metrics.0.effects.0.use');
    expect(p!.line).toBe(lineOf(text, 'use: failng'));
    expect(p!.message).toBe('unknown effects "failng": the top-level effects: names failing');
  });

  it('refuse a name that uses itself', () => {
    const text = edit(withNamed('{ use: failing }'), '    - { when: "escalation & !rolled-back", set: 95 }\n', '    - { use: failing }\n');
    expect(problems(text)[0]!.message).toMatch(/effects "failing" uses itself \(failing → failing\)/);
  });

  it('report a bad effect at its one definition, not at each use', () => {
    const text = edit(withNamed('{ use: failing }'), 'set: 95 }', 'set: 95, mul: 2 }');
    const [p] = problems(text);
    expect(p!.path).toBe('effects.failing.1');
    expect(p!.message).toMatch(/exactly one of set, mul, add or nodata/);
    expect(p!.line).toBe(lineOf(text, 'set: 95, mul: 2'));
  });
});

describe('panel defaults', () => {
  const panels = `  - { id: errors, title: "5xx %" }\n`;

  it('fill the fields a metric leaves out, and the metric\'s own win', () => {
    const text = edit(edit(MINI, panels, `  - id: errors\n    title: "5xx %"\n    defaults: { unit: "%", decimals: 2, noise: 0.3, effects: [{ when: escalation, add: 1 }] }\n`), '    unit: "%"\n    baseline: 0.5\n', '    baseline: 0.5\n');
    const plain = ok(MINI).scenario.metrics[0]!;
    const m = ok(text).scenario.metrics[0]!;
    expect(m.unit).toBe('%');
    expect(m.decimals).toBe(1);
    expect(m.noise).toBe(0.1);
    expect(m.effects).toEqual(plain.effects);
    const other = ok(text.replace(MINI_EFFECTS, '')).scenario.metrics[0]!;
    expect(other.effects).toMatchObject([{ when: { kind: 'flag', name: 'escalation' }, add: 1 }]);
  });

  it('are checked where they are written', () => {
    const text = edit(MINI, panels, `  - id: errors\n    title: "5xx %"\n    defaults: { colour: red }\n`);
    const [p] = problems(text);
    expect(p!.path).toBe('panels.0.defaults');
    expect(p!.message).toMatch(/colour/);
  });
});

const RUBRIC = MINI.slice(MINI.indexOf('rubric:\n'), MINI.indexOf('postmortem:\n'));

describe('the standard rubric', () => {
  const extend = (body: string) => edit(MINI, RUBRIC, `rubric:\n${body}`);
  const standardTotal = STANDARD_RUBRIC.reduce((a, c) => a + c.points, 0);
  const rest = 100 - standardTotal;

  it('keeps its entries, each with an id, as data', () => {
    expect(new Set(STANDARD_RUBRIC.map((c) => c.id)).size).toBe(STANDARD_RUBRIC.length);
    expect(standardTotal).toBeLessThan(100);
  });

  it('expands with drops, overrides and additions into a list in section order', () => {
    const text = extend(`  extends: standard
  drop: [stakeholders-answered]
  override:
    ack-page: { points: 9, title: Acknowledged the checkout page }
  add:
    - { id: evidence, section: investigation, title: Find the change, points: ${rest}, check: { kind: evidence, any: [change-found] } }
`);
    const s = ok(text).scenario;
    const ids = s.rubric.map((c) => c.id);
    expect(ids).not.toContain('stakeholders-answered');
    expect(ids.indexOf('evidence')).toBe(ids.indexOf('hypothesis-first') + 1);
    expect(s.rubric.find((c) => c.id === 'ack-page')).toMatchObject({ points: 9, title: 'Acknowledged the checkout page', check: { kind: 'ack', excellentSec: 120 } });
    expect(s.rubric.reduce((a, c) => a + c.points, 0)).toBe(100);
  });

  it('refuses a total other than 100, saying where the points come from', () => {
    const [p] = problems(extend('  extends: standard\n  add:\n    - { id: evidence, section: investigation, title: Find the change, points: 20, check: { kind: evidence, any: [change-found] } }\n'));
    expect(p!.path).toBe('rubric');
    expect(p!.message).toBe(`the rubric totals ${standardTotal + 20} points (${standardTotal} from the standard entries kept, 20 added); make it 100 with the added points or overrides`);
  });

  it('refuses an id the standard does not have, where it is written', () => {
    const text = extend('  extends: standard\n  drop: [no-such-entry]\n');
    const [p] = problems(text);
    expect(p!.path).toBe('rubric.drop.0');
    expect(p!.message).toMatch(/"no-such-entry" is not a standard entry; the standard rubric has ack-page, declare-sev/);
  });

  it('reports a bad added checkpoint at its place under add', () => {
    const text = extend('  extends: standard\n  add:\n    - { id: x, section: nowhere, title: X, points: 24, check: { kind: hands-off } }\n');
    const [p] = problems(text);
    expect(p!.path).toBe('rubric.add.0.section');
    expect(p!.line).toBe(lineOf(text, 'section: nowhere'));
  });

  it('lints with findings located in the file', () => {
    const text = extend('  extends: standard\n  add:\n    - { id: evidence, section: investigation, title: Find the change, points: 24, check: { kind: evidence, any: [change-found] } }\n');
    const { result, locate } = loadScenarioTextLocated(text, 'x.yaml');
    expect(result.ok).toBe(true);
    const s = result.ok ? result.value.scenario : null;
    const i = s!.rubric.findIndex((c) => c.id === 'evidence');
    expect(locate(['rubric', i, 'check']).line).toBe(lineOf(text, '- { id: evidence'));
  });
});

describe('a variant\'s severity and concepts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-variant-'));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const withVariant = (extra: string) =>
    edit(MINI, '    rootCauseKeywords: [[flag], [host, route]]\n', `    rootCauseKeywords: [[flag], [host, route]]\n${extra}`);
  const script = readFileSync('test/fixtures/mini.strong.txt', 'utf8');

  it('scores the session\'s variant by its own severity', async () => {
    const strict = file('sev.yaml', withVariant('    severity: { expected: 1, acceptable: [1] }\n'));
    const own = await playText(strict, script, 1, 'bad-flag');
    const other = await playText(strict, script, 1, 'bad-config');
    expect(checkpoint(other.score, 'sev').earned).toBe(10);
    expect(checkpoint(own.score, 'sev').earned).toBeLessThan(10);
    expect(checkpoint(own.score, 'sev').reason).toMatch(/SEV-1/);
  });

  it('adds to, drops from or replaces the scenario\'s concepts', async () => {
    const added = ok(withVariant('    concepts: { drop: [alert], add: [{ id: flag-review, title: Review flag changes, all: [[flag], [review]] }] }\n')).scenario;
    expect(added.variants[1]!.concepts!.map((c) => c.id)).toEqual(['config-check', 'flag-review']);
    expect(added.variants[0]!.concepts).toBeUndefined();
    const replaced = file('concepts.yaml', withVariant('    concepts: [{ id: flag-review, title: Review flag changes, all: [[flag], [review]] }]\n'));
    const run = await playText(replaced, script, 1, 'bad-flag');
    expect(run.score.postmortem.conceptsMet).toEqual([]);
    const base = await playText(replaced, script, 1, 'bad-config');
    expect(base.score.postmortem.conceptsMet).toEqual(['config-check', 'alert']);
  });

  it('refuses a drop of a concept the scenario does not have', () => {
    const [p] = problems(withVariant('    concepts: { drop: [nope] }\n'));
    expect(p!.path).toBe('variants.1.concepts.drop.0');
  });
});

describe('a file without the authoring forms', () => {
  it('is kept as written: the same snapshot and hash as before', () => {
    const v = ok(MINI);
    expect(v.raw).toEqual(parse(MINI));
    expect(JSON.stringify(v.raw)).toBe(JSON.stringify(parse(MINI)));
  });
});

describe('the JSON Schema', () => {
  it('accepts the authoring forms and describes them for an editor', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { scenarioJsonSchema } = await import('../../../src/scenario/json-schema.js');
    const schema = scenarioJsonSchema() as { properties: Record<string, { description?: string; anyOf?: { properties?: Record<string, { description?: string }> }[] }> };
    const check = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const text = edit(
      edit(edit(MINI, RUBRIC, 'rubric:\n  extends: standard\n  override: { ack-page: { points: 29 } }\n'), 'panels:\n  - { id: errors, title: "5xx %" }\n', 'effects:\n  failing: [{ when: onset, set: 80 }]\npanels:\n  - { id: errors, title: "5xx %", defaults: { unit: "%", effects: [{ use: failing }] } }\n'),
      '    rootCauseKeywords: [[flag], [host, route]]\n',
      '    rootCauseKeywords: [[flag], [host, route]]\n    severity: { expected: 3, acceptable: [3] }\n    concepts: { drop: [alert] }\n',
    );
    expect(check(parse(text)), JSON.stringify(check.errors)).toBe(true);
    expect(ok(text).scenario.rubric.reduce((a, c) => a + c.points, 0)).toBe(100);
    expect(schema.properties.effects!.description).toMatch(/use: NAME/);
    const extension = schema.properties.rubric!.anyOf!.find((a) => a.properties?.extends)!;
    for (const key of ['extends', 'drop', 'override', 'add']) expect(extension.properties![key]!.description, key).toBeTruthy();
  });
});

describe('lint of a variant\'s concepts', () => {
  it('judges the variant\'s own concepts where they are written, and the ones it keeps only once', async () => {
    const { lint } = await import('../lint/helpers.js');
    const text = edit(
      MINI,
      '    rootCauseKeywords: [[flag], [host, route]]\n',
      "    rootCauseKeywords: [[flag], [host, route]]\n    concepts: { add: [{ id: flag-review, title: Review flag changes, all: [[flag], ['  ']] }] }\n",
    );
    const found = lint(text).filter((f) => f.rule === 'concepts');
    const never = found.filter((f) => /can never be met/.test(f.message));
    expect(never.map((f) => f.path)).toEqual(['variants.1.concepts.2.all.1']);
    expect(never[0]!.line).toBe(lineOf(text, "concepts: { add: [{ id: flag-review"));
    const base = lint(MINI).filter((f) => f.rule === 'concepts').length;
    expect(found.length).toBe(base + 2);
  });
});

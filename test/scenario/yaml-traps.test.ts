import { describe, expect, it } from 'vitest';
import { loadScenarioText, type LoadResult } from '../../src/scenario/index.js';
import { edit, MINI } from './lint/helpers.js';

const problemsOf = (r: LoadResult) => (r.ok ? [] : r.problems);
const load = (text: string) => loadScenarioText(text, 'mini.yaml');

describe('YAML traps are explained in the author’s terms', () => {
  it('a comma inside a { … } value: says the value was split and shows it quoted', () => {
    const text = edit(MINI, '{ id: errors, title: "5xx %" }', '{ id: errors, title: 5xx (checkout, payments) }');
    const [p] = problemsOf(load(text));
    expect(p?.message).toBe(`"payments)" is not a key: inside { … } a comma ends a value, so "5xx (checkout, payments)" was split in two; quote it: title: '5xx (checkout, payments)'`);
    expect(p?.line).toBe(text.split('\n').findIndex((l) => l.includes('5xx (checkout')) + 1);
  });

  it('an unknown key that is simply unknown keeps the schema’s message', () => {
    const [p] = problemsOf(load(edit(MINI, '{ id: errors, title: "5xx %" }', '{ id: errors, title: "5xx %", colour: red }')));
    expect(p?.message).toMatch(/Unrecognized key: "colour"/);
  });

  it('" #" inside a { … } value: says it started a comment and shows the text quoted', () => {
    const text = edit(MINI, 'text: "Customers report checkout failures." }', 'text: Customers report checkout failures in ticket #42 }');
    const messages = problemsOf(load(text)).map((p) => p.message);
    expect(messages.join('\n')).toContain(`a " #" starts a comment, so the rest of that line was dropped; quote text that contains "#": text: 'Customers report checkout failures in ticket #42'`);
  });

  it('": " inside a plain value: says YAML read a mapping and shows the value quoted', () => {
    const block = load(edit(MINI, 'text: |', 'text: Note: the payments host moved\n  old: |'));
    expect(problemsOf(block)[0]?.message).toBe(`this value contains ": ", which YAML reads as the start of another mapping; quote the string: text: 'Note: the payments host moved'`);
    const flow = load(edit(MINI, 'text: "Customers report checkout failures." }', 'text: Support says: checkout fails }'));
    expect(problemsOf(flow)[0]?.message).toBe(`this value contains ": ", which YAML reads as the start of another mapping; quote the string: text: 'Support says: checkout fails'`);
  });

  it('numbers where text is expected are read as the text written', () => {
    const r = load(edit(MINI, 'rootCauseKeywords: [[config], [payments, url, host]]', 'rootCauseKeywords: [[config, 10250, 1.10], [payments, url, host]]'));
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    const keywords = r.value.scenario.variants[0]!.rootCauseKeywords[0];
    expect(keywords).toEqual(['config', '10250', '1.10']);
    // What is stored and replayed is the text, so a snapshot validates without the YAML source.
    expect(JSON.stringify(r.value.raw)).toContain('"1.10"');
  });

  it('a number where a number is wrong still fails with the schema’s message', () => {
    const [p] = problemsOf(load(edit(MINI, 'timeLimitMin: 30', 'timeLimitMin: thirty')));
    expect(p?.path).toBe('timeLimitMin');
  });

  it('merge keys reuse a mapping', () => {
    const text = edit(MINI, '  - { id: errors, title: "5xx %" }', '  - &errs { id: errors, title: "5xx %" }\n  - { <<: *errs, id: errors-copy }');
    const r = load(text);
    expect(problemsOf(r)).toEqual([]);
    if (r.ok) expect(r.value.scenario.panels.find((p) => p.id === 'errors-copy')?.title).toBe('5xx %');
  });
});

import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioText, parseDuration } from '../../src/scenario/index.js';
import { readFileSync } from 'node:fs';

const mini = readFileSync('test/fixtures/mini.yaml', 'utf8');

describe('scenario loader', () => {
  it('accepts the fixture', () => {
    const r = loadScenarioText(mini, 'mini.yaml');
    expect(r.ok).toBe(true);
  });

  it('locates a wrong type at its line and column', () => {
    const broken = mini.replace('timeLimitMin: 30', 'timeLimitMin: thirty');
    const r = loadScenarioText(broken, 'mini.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems[0]!;
    const line = broken.split('\n').findIndex((l) => l.startsWith('timeLimitMin')) + 1;
    expect(p.line).toBe(line);
    expect(p.col).toBe(15);
    expect(formatProblem(p)).toMatch(/^mini\.yaml:\d+:15 {2}timeLimitMin {2}/);
  });

  it('reports unknown flags in conditions with the path', () => {
    const r = loadScenarioText(mini.replace('"onset & !rolled-back", set: 80', '"onset & !rolled-bak", set: 80'), 'mini.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('metrics.0.effects.0.when');
    if (!r.ok) expect(r.problems[0]!.message).toContain('unknown flag "rolled-bak"');
  });

  it('refuses duplicate keys, non-mappings, NUL bytes and empty files with a message', () => {
    const cases = ['id: a\nid: b\n', '- a\n- b\n', 'id: a\u0000', '', 'id: [unclosed'];
    for (const text of cases) {
      const r = loadScenarioText(text, 'x.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.message.length).toBeGreaterThan(5);
    }
  });

  it('refuses an alias bomb quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const t0 = performance.now();
    const r = loadScenarioText(bomb.join('\n'), 'bomb.yaml');
    expect(r.ok).toBe(false);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('parses durations', () => {
    expect(parseDuration('01:30')).toBe(90);
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('1:75')).toBeNull();
  });
});

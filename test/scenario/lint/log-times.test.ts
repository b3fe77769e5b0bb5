import { describe, expect, it } from 'vitest';
import { edit, MINI, newFindings } from './helpers.js';

const OK = 'message: "POST /checkout 200 in {{ms}}ms"';

describe('lint: literal timestamps in log templates', () => {
  for (const [name, message] of [
    ['RFC 3339 with the time in fields', 'ts=2026-03-10T21:{{m}}:{{s}}Z POST /checkout 200 in {{ms}}ms'],
    ['klog', 'E0310 21:02:03.201774 1 handler.go:12] POST /checkout'],
    ['nginx', '[10/Mar/2026:21:0{{m}}:11 +0000] POST /checkout 200'],
    ['a time of day', 'retrying since 21:04:55 POST /checkout'],
    ['epoch seconds', '1773176400 POST /checkout 200'],
  ] as const) {
    it(`flags ${name} written literally`, () => {
      const found = newFindings(edit(MINI, OK, `message: "${message}"`)).filter((f) => f.rule === 'log-times');
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toMatch(/log template ok writes a literal timestamp .*\{\{time:FORMAT\}\}: time:rfc3339 /);
    });
  }

  it('flags a timestamp held in a field, and passes the same line written by the clock', () => {
    const inField = edit(MINI, `${OK}, fields: { path: /checkout, status: 200, ms: { int: [20, 90] } }`, 'message: "{{ts}} POST /checkout", fields: { path: /checkout, ts: { pick: ["2026-03-10T21:04:05.118Z"] } }');
    const found = newFindings(inField).filter((f) => f.rule === 'log-times');
    expect(found.map((f) => f.path)).toEqual(['logs.0.fields.ts']);
    const clocked = edit(MINI, OK, 'message: "{{time:rfc3339ms}} E{{time:klog}} [{{time:nginx}}] {{time:epoch}} POST /checkout 200 in {{ms}}ms"');
    expect(newFindings(clocked).filter((f) => f.rule === 'log-times')).toEqual([]);
  });
});

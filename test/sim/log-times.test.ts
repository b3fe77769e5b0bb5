import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/index.js';
import { FlagHistory } from '../../src/sim/flag-history.js';
import { logsAt } from '../../src/sim/logs.js';
import { wallInstant } from '../../src/scenario/time-text.js';
import { distanceMs, timestampsIn } from '../support/log-timestamps.js';

const mini = readFileSync('test/fixtures/mini.yaml', 'utf8');
const STAMPED =
  'E{{time:klog}} x ts={{time:rfc3339}} t={{time:rfc3339ms}} u={{time:rfc3339us}} [{{time:nginx}}] {{time:datetime}} UTC {{time:datetime_ms}} e={{time:epoch}} m={{time:epoch_ms}} f={{time:epoch_frac}} at {{time:hms}} / {{time:hms_ms}} / {{time:hm}} in {{ms}}ms';

function withTemplate(message: string, clock = '') {
  const text = mini
    .replace(/message: "POST \/checkout 200 in \{\{ms\}\}ms"/, `message: "${message}"`)
    .replace(/^startsAt: .*$/m, `startsAt: "2026-12-31T23:59:58"${clock}`);
  const r = loadScenarioText(text, 'mini.yaml');
  return r;
}

describe('times inside log lines', () => {
  for (const scale of [1, 1440]) {
    it(`writes every format from the line's own time on the clock (clockScale ${scale})`, () => {
      const r = withTemplate(STAMPED, `\nclockScale: ${scale}`);
      if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
      const sc = r.value.scenario;
      let checked = 0;
      for (let sec = 0; sec < 6; sec++) {
        for (const line of logsAt(sc.logs, sc, 7, new FlagHistory(), sec)) {
          if (!line.message.startsWith('E')) continue;
          const truth = wallInstant(sc, line.ms).ms;
          const found = timestampsIn(line.message, new Date(truth).getUTCFullYear());
          expect(found.length, line.message).toBe(13);
          for (const f of found) expect(distanceMs(f, truth), `${f.text} in ${line.message}`).toBeLessThanOrEqual(1);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    });
  }

  it('crosses a year end the way the clock does, and the same line reads the same every time', () => {
    const r = withTemplate('{{time:rfc3339us}} {{time:klog}}');
    if (!r.ok) throw new Error('fixture');
    const sc = r.value.scenario;
    const a = logsAt(sc.logs, sc, 3, new FlagHistory(), 3).map((l) => l.message);
    expect(a.join('\n')).toContain('2027-01-01T00:00:01.');
    expect(logsAt(sc.logs, sc, 3, new FlagHistory(), 3).map((l) => l.message)).toEqual(a);
  });

  it('refuses an unknown format and names the ones it knows', () => {
    const r = withTemplate('at {{time:iso}}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.map((p) => p.message).join('\n');
    expect(text).toContain('unknown time format "{{time:iso}}"');
    expect(text).toContain('time:klog (0612 19:42:31.880123)');
  });
});

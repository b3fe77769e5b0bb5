import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wallInstant } from '../../../src/scenario/time-text.js';
import { loadFixture, play } from '../../helpers.js';
import { distanceMs, timestampsIn } from '../../support/log-timestamps.js';

/**
 * Every timestamp inside every log line a bundled scenario writes, read in
 * its own format (klog, RFC 3339, nginx, epoch, a time of day), is within one
 * second of the line's own time on the scenario's clock: over every variant,
 * played by the strong and the weak scripts.
 */
const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);

describe('times inside generated log lines come from the clock', () => {
  for (const file of files) {
    const id = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
    it(`${id}: every variant, strong and weak`, async () => {
      const sc = loadFixture(file).scenario;
      const variants = sc.variants.map((v) => v.id);
      let stamps = 0;
      for (const variant of variants) {
        const strong = [`test/scripts/${id}.${variant}.strong.txt`, `test/scripts/${id}.strong.txt`].find((f) => existsSync(f))!;
        for (const script of [strong, `test/scripts/${id}.weak.txt`]) {
          const { session } = await play(file, script, 1, { variant });
          const e = session.engine;
          const bad: string[] = [];
          for (let sec = 0; sec <= e.state.sec; sec++) {
            for (const line of e.logsAt(sec)) {
              const truth = wallInstant(sc, line.ms).ms;
              for (const t of timestampsIn(line.message, new Date(truth).getUTCFullYear())) {
                stamps++;
                if (distanceMs(t, truth) > 1000 && bad.length < 5) bad.push(`${variant} ${script} +${sec}s: "${t.text}" in ${line.message}`);
              }
            }
          }
          expect(bad).toEqual([]);
        }
      }
      // Not vacuous: a scenario whose templates write times had them read and checked.
      if (sc.logs.some((l) => l.message.includes('{{time:'))) expect(stamps).toBeGreaterThan(0);
    }, 600_000);
  }
});

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceScript } from '../../src/scenario/reference-play.js';
import { loadFixture, scriptLines } from '../helpers.js';
import { BUNDLED } from '../support/played-scripts.js';

/**
 * One path for the reference: the strong scripts the tests play
 * (test/scripts/ID[.VARIANT].strong.txt) must be the scenario's own reference
 * play (examiner.referencePlay), line for line, so the report's comparison
 * and the tests' "strong play" are the same play.
 */
const strongFiles = readdirSync('test/scripts').filter((f) => f.endsWith('.strong.txt'));

describe.each(BUNDLED)('the strong scripts are the reference play: %s', (id) => {
  const { scenario } = loadFixture(`scenarios/${id}.yaml`);
  it.each(scenario.variants.map((v) => v.id))('variant %s', (variant) => {
    const file = strongFiles.find((f) => f === `${id}.${variant}.strong.txt`) ?? strongFiles.find((f) => f === `${id}.strong.txt`);
    expect(file, `a strong script for ${variant}`).toBeDefined();
    const ref = referenceScript(scenario, variant);
    expect(ref, `a reference play for ${variant}`).not.toBeNull();
    expect(ref!.map((l) => `${l.simMs} ${l.text}`)).toEqual(scriptLines(`test/scripts/${file!}`).map((l) => `${l.simMs} ${l.text}`));
  });

  it('every strong script of the scenario names one of its variants', () => {
    for (const f of strongFiles.filter((x) => x.startsWith(`${id}.`))) {
      const v = f.slice(id.length + 1, -'.strong.txt'.length);
      if (v) expect(scenario.variants.map((x) => x.id), f).toContain(v);
    }
  });
});

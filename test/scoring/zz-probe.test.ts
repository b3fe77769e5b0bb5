import { it } from 'vitest';
import { play } from '../helpers.js';
import { qualityLine } from '../../src/scoring/action-items.js';
it('probe', async () => {
  const r = await play('test/fixtures/mini.yaml', `test/fixtures/mini.strong.txt`);
  for (const i of r.score.items) console.log(i.concepts, qualityLine(i), i.notes, i.better);
});

import { it } from 'vitest';
import { play } from '../helpers.js';
it('probe', async () => {
  for (const k of ['strong','weak']) {
    const r = await play('scenarios/payment-fraud-dns.yaml', `test/scripts/payment-fraud-dns.${k}.txt`);
    console.log(k, r.score.total, JSON.stringify(r.score.sections.map(s=>[s.id,s.score,s.max])));
    for (const i of r.score.items) console.log(i.concept, i.quality, i.notes.join('|'), '//', i.better.join('|'));
    console.log(r.session.engine.state.sec, r.session.engine.state.timeline.length, r.score.timings);
  }
});

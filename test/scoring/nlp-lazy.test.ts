import { describe, expect, it } from 'vitest';

/**
 * The language model costs about a second to load: it must load on the
 * first text judged, not when the scoring modules are imported (the play
 * command imports them on its way to the first frame; scripts/startup-closure.mjs
 * lists what that path loads, and the model is outside the bundle).
 */
describe('the action-item judge loads its language model lazily', () => {
  it('importing the scorer loads nothing; judging an item loads it once', async () => {
    const nlp = await import('../../src/scoring/nlp.js');
    await import('../../src/scoring/score.js');
    expect(nlp.nlpLoaded()).toBe(false);
    const first = nlp.tag('Add a DNS probe for fraud-api.internal.corp');
    expect(nlp.nlpLoaded()).toBe(true);
    expect(first[0]).toMatchObject({ text: 'Add', pos: 'VERB', lemma: 'add' });
    // Deterministic: the same text, the same tags.
    expect(nlp.tag('Add a DNS probe for fraud-api.internal.corp')).toEqual(first);
  });
});

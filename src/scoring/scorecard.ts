import type { Scenario } from '../scenario/schema.js';
import type { Recommendation } from '../sim/events.js';
import type { WorldState } from '../sim/world.js';
import type { CompetencyCard, Score, Scorecard, ScorecardNote } from './types.js';

export type { CompetencyCard, Scorecard, ScorecardNote } from './types.js';

export const RECOMMENDATION_WORDS: Record<Recommendation, string> = {
  'strong-hire': 'strong hire',
  hire: 'hire',
  'no-hire': 'no hire',
  'strong-no-hire': 'strong no hire',
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function buildScorecard(scenario: Scenario, world: WorldState, score: Score): Scorecard {
  const card = world.scorecard;
  const competencies = score.sections
    .filter((s) => s.max > 0)
    .map((s): CompetencyCard => {
      const r = card.ratings[s.id];
      const rated = r ? Math.min(r.score, s.max) : null;
      return { id: s.id, computed: s.score, max: s.max, rated, final: rated ?? s.score };
    });
  const sum = (f: (c: CompetencyCard) => number) => round1(competencies.reduce((a, c) => a + f(c), 0));
  const titles = new Map(scenario.rubric.map((c) => [c.id, c.title]));
  const notes = world.notes
    .filter((n) => n.by === 'examiner')
    .map((n): ScorecardNote => ({
      sec: n.sec,
      atSec: n.atSec ?? null,
      item: n.item !== undefined ? { id: n.item, title: titles.get(n.item) ?? n.item } : null,
      text: n.text,
    }));
  return {
    competencies,
    total: { computed: sum((c) => c.computed), final: sum((c) => c.final), max: sum((c) => c.max) },
    notes,
    recommendation: card.recommendation,
    releasedSec: card.releasedSec,
  };
}

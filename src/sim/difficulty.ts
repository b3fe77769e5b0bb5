/**
 * Difficulty scales what facilitators tune by hand: background noise,
 * stakeholder pressure (earlier questions, a quicker executive), how fast
 * responders join, and what hints cost.
 */
export interface DifficultyKnobs {
  noise: number;
  /** Multiplies stakeholder question times and executive patience (lower = sooner). */
  pressure: number;
  joinDelay: number;
  hintCost: number;
}

export function difficultyKnobs(level: 'easy' | 'normal' | 'hard'): DifficultyKnobs {
  switch (level) {
    case 'easy':
      return { noise: 0.6, pressure: 1.5, joinDelay: 0.6, hintCost: 0.5 };
    case 'hard':
      return { noise: 1.6, pressure: 0.7, joinDelay: 1.5, hintCost: 1.5 };
    default:
      return { noise: 1, pressure: 1, joinDelay: 1, hintCost: 1 };
  }
}

import type { Action, Diagnostic, Scenario } from '../../scenario/schema.js';

/**
 * The scenario's diagnostics and actions in plain words, for completion and
 * `help run` / `help do`: the canonical example where the scenario gives
 * one, else the title when the item's own patterns accept it (so what is
 * offered is understood when typed).
 */
export function plainWord(item: Diagnostic | Action): string | null {
  if (item.example) return item.example;
  const title = item.title.charAt(0).toLowerCase() + item.title.slice(1);
  return item.match.some((re) => re.test(title)) ? title : null;
}

export function plainWords(scenario: Scenario, hands: 'run' | 'do'): string[] {
  const items: (Diagnostic | Action)[] = hands === 'run' ? scenario.diagnostics : scenario.actions;
  return items.map(plainWord).filter((w): w is string => w !== null);
}

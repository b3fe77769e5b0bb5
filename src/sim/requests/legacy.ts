import type { Scenario } from '../../scenario/schema.js';
import type { RequestOutcome } from './outcome.js';

/**
 * The request matcher as it was before read-backs: the first diagnostic or
 * action whose pattern matches, with a short list of change verbs deciding
 * between them. Recordings made with it (no `delegation` on their start
 * event) replay through it, so they keep their meaning.
 */
const IMPERATIVE = /^(enable|disable|turn|switch|restart|roll|rollback|revert|scale|add|set|block|unblock|pause|resume|fail|fix|restore|apply|purge|delete|drain|pin|unpin|raise|lower|throttle|shed|flip|stop|start|remove|renew|rotate|reload|deploy|increase|decrease|open|close)\b/i;

function firstMatch<T extends { match: RegExp[] }>(items: readonly T[], text: string): T | undefined {
  return items.find((it) => it.match.some((re) => re.test(text)));
}

export function legacyFindDiagnostic(scenario: Scenario, text: string) {
  return firstMatch(scenario.diagnostics, text.replace(/^run\s+/i, ''));
}

export function legacyFindAction(scenario: Scenario, text: string) {
  return firstMatch(scenario.actions, text.replace(/^do\s+/i, ''));
}

/** What `ask WHO TASK` did with TASK. */
export function legacyAsk(scenario: Scenario, task: string): RequestOutcome {
  const imperative = /^do\s/i.test(task) || (!/^run\s/i.test(task) && IMPERATIVE.test(task) && legacyFindAction(scenario, task) !== undefined);
  const diag = imperative ? undefined : legacyFindDiagnostic(scenario, task);
  if (diag) return { kind: 'diagnostic', id: diag.id };
  const action = /^run\s/i.test(task) ? undefined : legacyFindAction(scenario, task);
  if (action) return { kind: 'action', id: action.id, params: [] };
  return { kind: 'task', negated: false };
}

/** What the IC's own `run TEXT` / `do TEXT` did. */
export function legacyHands(scenario: Scenario, hands: 'run' | 'do', text: string): RequestOutcome {
  const hit = hands === 'run' ? legacyFindDiagnostic(scenario, text) : legacyFindAction(scenario, text);
  if (!hit) return { kind: 'clarify', candidates: [] };
  return hands === 'run' ? { kind: 'diagnostic', id: hit.id } : { kind: 'action', id: hit.id, params: [] };
}

import { VERB_NAMES } from '../commands/verbs.js';
import { plainWords } from '../sim/requests/vocabulary.js';
import type { Scenario } from '../scenario/schema.js';
import type { PostmortemAction } from '../sim/world.js';
import { candidateSafeTemplates } from '../scenario/candidate-safe.js';
import { ACTION_TYPES, PM_FIELDS, PRIORITIES, ROLES } from '../scenario/vocabulary.js';

/**
 * Tab completion: full-line candidates for what has been typed so far. Knows
 * verbs, responders, teams, stakeholders, panels, log fields and the
 * scenario's example diagnostics and actions, and the postmortem's action
 * items written so far (`pm action edit N` offers item N as it stands).
 */
export function completeLine(scenario: Scenario, line: string, actionItems: readonly PostmortemAction[] = []): string[] {
  const lower = line.toLowerCase();
  const words = line.split(/\s+/);
  if (words.length <= 1) return VERB_NAMES.filter((v) => v.startsWith(lower)).map((v) => `${v} `);
  const verb = words[0]!.toLowerCase();
  const head = words.slice(0, -1).join(' ');
  const partial = (words.at(-1) ?? '').toLowerCase();
  const offer = (options: string[]) => [...new Set(options)].filter((o) => o.toLowerCase().startsWith(partial)).map((o) => `${head} ${o}`.replace(/^\s+/, ''));
  const people = scenario.people.map((p) => p.id);
  const diagExamples = plainWords(scenario, 'run');
  const actionExamples = plainWords(scenario, 'do');
  const rest = words.slice(1).join(' ').toLowerCase();
  const fromExamples = (prefix: string, examples: string[]) => examples.filter((e) => e.toLowerCase().startsWith(rest.slice(prefix.length))).map((e) => `${verb} ${prefix}${e}`);
  switch (verb) {
    case 'ask':
      if (words.length === 2) return offer([...people, 'anyone']);
      if (words.length === 3) return offer(['run', 'do', ...diagExamples.map((e) => e.split(/\s+/)[0]!), ...actionExamples.map((e) => e.split(/\s+/)[0]!)]);
      {
        const who = words[1]!;
        const task = words.slice(2).join(' ').toLowerCase();
        const kind = task.startsWith('run') ? diagExamples.map((e) => `run ${e}`) : task.startsWith('do ') ? actionExamples.map((e) => `do ${e}`) : [...diagExamples, ...actionExamples];
        return kind.filter((k) => k.toLowerCase().startsWith(task)).map((k) => `ask ${who} ${k} in 5m`);
      }
    case 'followup':
    case 'handoff':
      return offer(people);
    case 'role':
      return words.length === 2 ? offer(ROLES.filter((r) => r !== 'ic')) : offer([...people, 'me']);
    case 'escalate':
      return offer(scenario.teams.map((t) => t.id));
    case 'reply':
      return words.length === 2 ? offer([...scenario.stakeholders.map((s) => s.id), ...(scenario.executive ? ['exec'] : [])]) : [];
    case 'dash':
      return words.length === 2 ? offer(scenario.panels.map((p) => p.id)) : words.length === 3 ? offer(['by']) : [];
    case 'logs':
      return offer([
        ...scenario.services.map((s) => `service=${s.id}`),
        'level=error',
        'level=warn',
        'level=info',
        ...logFieldFilters(scenario),
        'text~',
        'clear',
      ]);
    case 'run':
      return fromExamples('', diagExamples);
    case 'do':
      return fromExamples('', actionExamples);
    case 'help':
      return offer([...VERB_NAMES]);
    case 'pm':
      if (words.length === 2) return offer([...PM_FIELDS, 'action', 'submit']);
      if (words[1] !== 'action') return [];
      if (words.length === 3) return offer([...ACTION_TYPES, ...(actionItems.length > 0 ? ['edit', 'delete'] : [])]);
      if (words[2] === 'edit' || words[2] === 'delete') return completeItemChange(words, partial, offer, actionItems);
      if (words.length === 4) return offer([...PRIORITIES]);
      return [];
    default:
      return [];
  }
}

/** `pm action edit|delete N …`: the items' numbers, then item N as it stands, to change. */
function completeItemChange(words: string[], partial: string, offer: (options: string[]) => string[], items: readonly PostmortemAction[]): string[] {
  if (words.length === 4) return offer(items.map((_, i) => String(i + 1)));
  const item = items[Number(words[3]) - 1];
  if (words[2] !== 'edit' || item === undefined) return [];
  if (words.length === 5) return partial === '' ? [`pm action edit ${words[3]} ${item.type} ${item.priority} ${item.owner} ${item.text}`] : offer([...ACTION_TYPES]);
  return words.length === 6 ? offer([...PRIORITIES]) : [];
}

/**
 * `field=value` for the log templates' fields: each value a field can take
 * when it is fixed or picked from a list, else `field=` to type the value.
 */
function logFieldFilters(scenario: Scenario): string[] {
  const values = new Map<string, Set<string>>();
  for (const t of candidateSafeTemplates(scenario)) {
    for (const [k, g] of Object.entries(t.fields)) {
      if (!values.has(k)) values.set(k, new Set());
      const set = values.get(k)!;
      if (typeof g !== 'object') set.add(String(g));
      else if ('pick' in g && Array.isArray(g.pick)) for (const v of g.pick) set.add(String(v));
    }
  }
  const out: string[] = [];
  for (const [k, set] of [...values].sort(([a], [b]) => a.localeCompare(b))) {
    const list = [...set].sort();
    if (list.length === 0 || list.length > 12) out.push(`${k}=`);
    else for (const v of list) if (!/\s/u.test(v)) out.push(`${k}=${v}`);
  }
  return out;
}

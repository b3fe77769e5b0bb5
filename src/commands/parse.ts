import { ACTION_TYPES, PM_FIELDS, PRIORITIES, ROLES, type ActionType, type PmField, type Priority, type Role } from '../scenario/vocabulary.js';
import type { Command, ParseResult } from './command.js';
import { helpFor, VERB_NAMES } from './verbs.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { readTimeBox, TIME_BOX_FORMS } from './time-box.js';

const ok = (command: Command): ParseResult => ({ ok: true, command });

function fail(verb: string, error: string): ParseResult {
  const h = helpFor(verb);
  return { ok: false, error, ...(h ? { usage: `${h.usage} — e.g. ${h.example}` } : {}) };
}

/** Closest verb by edit distance, for "did you mean". */
function closestVerb(word: string): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const v of VERB_NAMES) {
    // words far longer or shorter than any verb cannot be a typo of one
    if (Math.abs(v.length - word.length) >= bestD) continue;
    const d = editDistance(word, v);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length]![b.length]!;
}

/**
 * Parses one command line as the IC typed it. Never throws: anything that is
 * not a command gets an answer that says what would have worked.
 */
export function parseCommand(input: string): ParseResult {
  // Escape sequences go whole (not just their ESC): what is recorded and echoed is what the IC could see.
  const line = terminalSafe(input).trim().replace(/^:/, '').trim();
  if (line === '') return { ok: false, error: 'type a command; `help` lists them' };
  const m = /^(\S+)\s*(.*)$/s.exec(line)!;
  const verb = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  const words = rest === '' ? [] : rest.split(/\s+/);

  switch (verb) {
    case 'ack':
      return ok({ verb: 'ack', page: words[0] ?? null });
    case 'sev':
    case 'severity': {
      const n = Number((words[0] ?? '').replace(/^sev-?/i, ''));
      if (!Number.isInteger(n) || n < 1 || n > 5) return fail('sev', 'severity is a number from 1 (highest) to 5');
      return ok({ verb: 'sev', level: n });
    }
    case 'role': {
      const role = (words[0] ?? '').toLowerCase();
      if (!(ROLES as readonly string[]).includes(role)) return fail('role', `the roles are ${ROLES.join(', ')}`);
      if (!words[1]) return fail('role', `say who takes the ${role} role`);
      return ok({ verb: 'role', role: role as Role, who: words.slice(1).join(' ') });
    }
    case 'status':
    case 'update':
      if (!rest) return fail('status', 'a status update needs its text');
      return ok({ verb: 'status', text: rest });
    case 'reply':
    case 'answer':
      if (words.length < 2) return fail('reply', 'say whom you answer and what');
      return ok({ verb: 'reply', who: words[0]!.replace(/^@/, ''), text: words.slice(1).join(' ') });
    case 'go':
    case 'yes':
    case 'confirm':
      return ok({ verb: 'go', who: words[0]?.replace(/^@/, '').toLowerCase() ?? null });
    case 'cancel':
    case 'no':
      return ok({ verb: 'cancel', who: words[0]?.replace(/^@/, '').toLowerCase() ?? null });
    case 'escalate':
    case 'page':
      if (!words[0]) return fail('escalate', 'name the team to page');
      // the whole phrase: "escalate the platform team" is read loosely by the engine
      return ok({ verb: 'escalate', team: words.join(' ').toLowerCase() });
    case 'ask': {
      if (words.length < 2) return fail('ask', 'name a responder and the task');
      let task = words.slice(1).join(' ');
      const box = readTimeBox(task);
      if (box === 'unknown') return fail('ask', `a time-box is a number and a unit: ${TIME_BOX_FORMS}`);
      if (box) task = box.task;
      if (!task) return fail('ask', 'say what the task is');
      const boxed = box ? { boxSec: box.sec, ...(box.clock === 'scenario' ? { boxClock: 'scenario' as const } : {}) } : { boxSec: null };
      return ok({ verb: 'ask', who: words[0]!.replace(/^@/, '').toLowerCase(), task, ...boxed });
    }
    case 'followup':
    case 'follow-up':
      if (!words[0]) return fail('followup', 'name the responder to check in with');
      return ok({ verb: 'followup', who: words[0].replace(/^@/, '').toLowerCase() });
    case 'poll':
    case 'propose':
      if (!rest) return fail('poll', 'state the proposal');
      return ok({ verb: 'poll', text: rest });
    case 'handoff':
      if (!words[0]) return fail('handoff', 'name who takes command');
      return ok({ verb: 'handoff', who: words[0].replace(/^@/, '').toLowerCase() });
    case 'hyp':
    case 'hypothesis': {
      if (!rest) return fail('hyp', 'state the hypothesis');
      const settle = /^#?(\d+)\s+(confirm|confirmed|refute|refuted)\b\s*(?:because\s+)?(.*)$/i.exec(rest);
      if (settle && Number(settle[1]) < 1) return fail('hyp', 'hypotheses are numbered from 1');
      if (settle) {
        const verdict = settle[2]!.toLowerCase().startsWith('confirm') ? 'confirm' : 'refute';
        return ok({ verb: 'hyp-settle', n: Number(settle[1]), verdict, because: settle[3]!.trim() });
      }
      return ok({ verb: 'hyp', text: rest });
    }
    case 'logs':
    case 'filter': {
      if (words.length === 0 || (words.length === 1 && /^(clear|all|reset)$/i.test(words[0]!))) return ok({ verb: 'logs', equals: {}, text: null, clear: true });
      const equals: Record<string, string> = {};
      const free: string[] = [];
      let text: string | null = null;
      for (const w of words) {
        const t = /^text~(.+)$/i.exec(w) ?? /^~(.+)$/.exec(w);
        const kv = /^([\w.-]+)=(.+)$/.exec(w);
        if (t) text = t[1]!;
        else if (kv) equals[kv[1]!.toLowerCase()] = kv[2]!;
        else free.push(w);
      }
      if (free.length > 0) text = [text, ...free].filter(Boolean).join(' ');
      return ok({ verb: 'logs', equals, text, clear: false });
    }
    case 'dash':
    case 'dashboard': {
      if (words.length === 0) return ok({ verb: 'dash', panel: null, by: null });
      const byAt = words.findIndex((w) => w.toLowerCase() === 'by');
      const panel = (byAt === -1 ? words : words.slice(0, byAt)).join(' ').toLowerCase() || null;
      const by = byAt === -1 ? null : (words[byAt + 1] ?? null);
      if (byAt !== -1 && !by) return fail('dash', 'say which label to break down by');
      return ok({ verb: 'dash', panel, by });
    }
    case 'run':
      if (!rest) return fail('run', 'say what to run');
      return ok({ verb: 'run', text: rest });
    case 'do':
      if (!rest) return fail('do', 'say what to do');
      return ok({ verb: 'do', text: rest });
    case 'note':
      if (!rest) return fail('note', 'a note needs text');
      return ok({ verb: 'note', text: rest });
    case 'rootcause':
    case 'root-cause':
      if (!rest) return fail('rootcause', 'state the root cause');
      return ok({ verb: 'rootcause', text: rest });
    case 'hint':
      return ok({ verb: 'hint' });
    case 'resolve':
      return ok({ verb: 'resolve' });
    case 'postmortem':
      return ok({ verb: 'postmortem' });
    case 'pm':
      return parsePm(words);
    case 'help':
    case '?':
      return ok({ verb: 'help', topic: words[0]?.toLowerCase() ?? null });
    default: {
      const near = closestVerb(verb);
      return { ok: false, error: `unknown command "${verb}"${near ? `; did you mean \`${near}\`?` : ''} — \`help\` lists the commands` };
    }
  }
}

function parsePm(words: string[]): ParseResult {
  const field = (words[0] ?? '').toLowerCase();
  if (field === 'submit') return ok({ verb: 'pm-submit' });
  if ((PM_FIELDS as readonly string[]).includes(field)) {
    const text = words.slice(1).join(' ');
    if (!text) return fail('pm', `pm ${field} needs its text`);
    return ok({ verb: 'pm-field', field: field as PmField, text });
  }
  if (field === 'action') {
    // delete/edit are not action types, so they can be told apart from an item first.
    const sub = (words[1] ?? '').toLowerCase();
    if (sub === 'delete') {
      const n = itemNumber(words[2]);
      if (n === null || words.length > 3) return fail('pm', 'pm action delete N: N is the action item\'s number as listed (1, 2, …)');
      return ok({ verb: 'pm-action-delete', n });
    }
    if (sub === 'edit') {
      const n = itemNumber(words[2]);
      if (n === null) return fail('pm', 'pm action edit N TYPE PRIORITY OWNER TEXT: N is the action item\'s number as listed (1, 2, …)');
      const item = parseActionItem(words.slice(3));
      return 'error' in item ? fail('pm', item.error) : ok({ verb: 'pm-action-edit', n, ...item });
    }
    const item = parseActionItem(words.slice(1));
    return 'error' in item ? fail('pm', item.error) : ok({ verb: 'pm-action', ...item });
  }
  return fail('pm', `pm takes ${PM_FIELDS.join(', ')}, action or submit`);
}

/** TYPE PRIORITY OWNER TEXT, as `pm action` and `pm action edit N` take them. */
function parseActionItem(words: string[]): { type: ActionType; priority: Priority; owner: string; text: string } | { error: string } {
  const [type, priority, owner, ...text] = words;
  const t = (type ?? '').toLowerCase();
  if (!(ACTION_TYPES as readonly string[]).includes(t)) return { error: `an action item's type is one of ${ACTION_TYPES.join(', ')}` };
  const p = (priority ?? '').toUpperCase();
  if (!(PRIORITIES as readonly string[]).includes(p)) return { error: `priority is ${PRIORITIES.slice(0, -1).join(', ')} or ${PRIORITIES.at(-1)}` };
  if (!owner) return { error: 'an action item needs an owner (a team or @handle)' };
  if (text.length === 0) return { error: 'an action item needs its text' };
  return { type: t as ActionType, priority: p as Priority, owner, text: text.join(' ') };
}

/** An action item's number: a whole number from 1, else null. */
function itemNumber(word: string | undefined): number | null {
  return word !== undefined && /^[1-9][0-9]*$/u.test(word) ? Number(word) : null;
}

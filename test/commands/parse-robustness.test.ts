// The command parser under arbitrary input. test/commands/parse.test.ts
// covers "never throws" on plain strings; these properties cover what the
// answer is: a command the schema accepts, or an error that helps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandSchema } from '../../src/commands/command.js';
import { ACTION_TYPES, PM_FIELDS, ROLES } from '../../src/scenario/vocabulary.js';
import { parseCommand } from '../../src/commands/index.js';
import { VERB_NAMES } from '../../src/commands/verbs.js';

const ALIASES = ['severity', 'update', 'answer', 'page', 'follow-up', 'propose', 'hypothesis', 'filter', 'dashboard', 'root-cause', '?'];
const word = fc.stringMatching(/^[A-Za-z0-9@#._~=:/-]{1,12}$/);
const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const verb = fc.constantFrom(...VERB_NAMES, ...ALIASES);

/** Lines shaped like commands: a verb (any case), then realistic or hostile words. */
const commandLine = fc
  .tuple(
    fc.constantFrom('', ' ', ':', ' : ', '\t'),
    verb,
    fc.boolean(),
    fc.array(fc.oneof(word, fc.constantFrom('in', '5m', 'by', 'because', 'confirm', 'P1', 'P9', 'detect', 'ops', 'priya', '0', '6', '-1', '2.5', 'text~dns', 'service=api'), anyText), { maxLength: 8 }),
  )
  .map(([lead, v, upper, words]) => `${lead}${upper ? v.toUpperCase() : v} ${words.join(' ')}`);

function check(input: string) {
  const r = parseCommand(input);
  if (r.ok) {
    const v = CommandSchema.safeParse(r.command);
    expect(v.success, `${JSON.stringify(input)} → ${JSON.stringify(r.command)}`).toBe(true);
  } else {
    expect(typeof r.error).toBe('string');
    expect(r.error.trim().length).toBeGreaterThan(0);
    if (r.usage !== undefined) expect(r.usage.length).toBeGreaterThan(0);
  }
  return r;
}

describe('command parser: any string gets an answer', () => {
  it('returns a schema-valid command or a non-empty error for arbitrary text, control characters and lone surrogates included', () => {
    fc.assert(fc.property(anyText, (s) => void check(s)), { numRuns: 1500 });
    fc.assert(fc.property(commandLine, (s) => void check(s)), { numRuns: 3000 });
  });

  it('refuses `hyp 0 confirm`: hypotheses are numbered from 1', () => {
    const r = parseCommand('hyp 0 confirm');
    expect(r.ok).toBe(false);
  });

  it('answers an enormous unknown word quickly', () => {
    const t0 = performance.now();
    expect(parseCommand('x'.repeat(100_000)).ok).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('ignores surrounding whitespace and one leading colon', () => {
    fc.assert(
      fc.property(commandLine, fc.constantFrom(' ', '  ', '\t', ' \t '), (s, pad) => {
        expect(parseCommand(`${pad}${s}${pad}`)).toEqual(parseCommand(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads verbs case-insensitively', () => {
    fc.assert(
      fc.property(verb, fc.array(word, { maxLength: 5 }), (v, words) => {
        const rest = words.join(' ');
        expect(parseCommand(`${v.toUpperCase()} ${rest}`)).toEqual(parseCommand(`${v} ${rest}`));
      }),
      { numRuns: 500 },
    );
  });

  it('suggests a verb for a near miss', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VERB_NAMES.filter((v) => v.length >= 4)), fc.nat(), (v, at) => {
        const i = at % v.length;
        const typo = v.slice(0, i) + v.slice(i + 1); // one letter dropped
        const r = parseCommand(`${typo} something`);
        // A dropped letter can land on another verb or alias (`pm` from `page`); otherwise it is caught.
        if (!r.ok) expect(r.error).toMatch(/did you mean `[a-z-]+`\?/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('command parser: well-formed commands mean what they say', () => {
  it('sev N accepts 1–5 and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.constantFrom('', 'sev', 'SEV-', 'sev-'), (n, prefix) => {
        fc.pre(prefix === '' || n >= 0); // "sev" + "-1" is "sev-1", which is SEV-1
        const r = parseCommand(`sev ${prefix}${n}`);
        if (n >= 1 && n <= 5) expect(r).toEqual({ ok: true, command: { verb: 'sev', level: n } });
        else expect(r.ok).toBe(false);
      }),
    );
  });

  it('ask keeps who, task and the time-box', () => {
    const who = fc.stringMatching(/^[a-z]{2,8}$/);
    const task = fc.array(fc.stringMatching(/^[a-z][a-z0-9.-]{0,10}$/), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(who, task, fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }), fc.constantFrom('m', 'min', 'mins', 'minutes', ''), (w, t, box, unit) => {
        fc.pre(!/\s(in|within|for)$/.test(` ${t}`) && !/^(in|within|for)\s/.test(t));
        const text = `ask @${w.toUpperCase()} ${t}${box !== undefined ? ` in ${box}${unit}` : ''}`;
        const r = parseCommand(text);
        expect(r).toEqual({ ok: true, command: { verb: 'ask', who: w, task: t, boxSec: box !== undefined ? box * 60 : null } });
      }),
      { numRuns: 500 },
    );
  });

  it('pm action checks type, priority, owner and text, and keeps them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTION_TYPES, 'fix', 'later'),
        fc.constantFrom('P0', 'p1', 'P2', 'P3', 'P4', 'high'),
        fc.option(fc.stringMatching(/^@?[a-z]{2,10}$/), { nil: undefined }),
        fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { maxLength: 6 }),
        (type, prio, owner, text) => {
          const line = ['pm action', type, prio, owner ?? '', text.join(' ')].filter(Boolean).join(' ');
          const r = parseCommand(line);
          // Without an owner the first word of the text is read as the owner.
          const after = [...(owner !== undefined ? [owner] : []), ...text];
          const valid = (ACTION_TYPES as readonly string[]).includes(type) && /^P[0-3]$/i.test(prio) && after.length >= 2;
          if (valid) expect(r).toEqual({ ok: true, command: { verb: 'pm-action', type, priority: prio.toUpperCase(), owner: after[0], text: after.slice(1).join(' ') } });
          else expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('pm fields, roles and log filters round-trip', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PM_FIELDS), fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.]{0,40}[A-Za-z0-9.]$/), (field, text) => {
        expect(parseCommand(`pm ${field} ${text}`)).toEqual({ ok: true, command: { verb: 'pm-field', field, text: text.split(/\s+/).join(' ') } });
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.stringMatching(/^[A-Za-z]{2,10}$/), (role, who) => {
        expect(parseCommand(`role ${role.toUpperCase()} ${who}`)).toEqual({ ok: true, command: { verb: 'role', role, who } });
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-z_.-]{0,8}$/), fc.stringMatching(/^[a-z0-9/-]{1,10}$/), { maxKeys: 4 }), (filters) => {
        fc.pre(Object.keys(filters).length > 0 && !Object.keys(filters).includes('text'));
        const r = parseCommand(`logs ${Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(' ')}`);
        expect(r).toEqual({ ok: true, command: { verb: 'logs', equals: filters, text: null, clear: false } });
      }),
    );
  });

  it('answers a 20,000-character line without throwing', () => {
    for (const line of ['x'.repeat(20_000), `ask a ${'b '.repeat(10_000)}in 5m`, `logs ${'k=v '.repeat(5000)}`, `pm action detect P1 @a ${'word '.repeat(4000)}`]) check(line);
  });
});

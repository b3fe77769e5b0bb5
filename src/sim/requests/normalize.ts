import type { Scenario } from '../../scenario/schema.js';

/**
 * Puts a typed request into the words the scenario's patterns expect: common
 * typos and contractions, "turn X off" → "turn off X", "put X back" → "put
 * back X", "no more than" → "at most", and the scenario's own hyphenated names typed with a space
 * ("metrics server" → "metrics-server").
 */
const FIXES: [RegExp, string][] = [
  [/\b(?:cehck|chekc|chcek|chk)\b/g, 'check'],
  [/\bwhats\b/g, 'what is'],
  [/\bisnt\b/g, 'is not'],
  [/\b(?:dont|don't|don’t)\b/g, 'do not'],
  [/\b(?:pls|plz|please|kindly)\b[,]?\s*/g, ''],
  [/\b(?:no more|no longer|not more|not longer) than\b/g, 'at most'],
  [/\bno less than\b/g, 'at least'],
  [/^(?:hey\s+)?(?:can|could|would|will) you\s+/, ''],
  [/^(?:i need you to|i'd like you to|i want you to|need you to|go ahead and|let's|lets|we need to|you should|time to)\s+/, ''],
  [/\b(turn|switch)\s+(?!on\b|off\b|back\b)(.+?)\s+(back\s+)?(on|off)\b/g, '$1 $3$4 $2'],
  [/\bflip\s+(.+?)\s+back to (true|on)\b/g, 'turn back on $1'],
  // the particle next to its verb: "put the record back in the zone" → "put back the record in the zone"
  [/\b(put|bring|add|set|switch|roll|move)\s+(?!back\b)((?:(?!back\b)[^\s,;]+\s+){0,4}?(?!back\b)[^\s,;]+)\s+back\b(?!\s+(?:on|off|to)\b)/g, '$1 back $2'],
  [/\bflip\s+(.+?)\s+(?:back )?to (false|off)\b/g, 'turn off $1'],
];

const hyphenated = new WeakMap<Scenario, string[]>();

function namesOf(scenario: Scenario): string[] {
  let names = hyphenated.get(scenario);
  if (!names) {
    const text = [...scenario.diagnostics, ...scenario.actions].map((t) => `${t.title} ${t.example ?? ''}`).join(' ').toLowerCase();
    names = [...new Set(text.match(/\b[a-z][a-z0-9]*-[a-z][a-z0-9-]*\b/g) ?? [])].filter((n) => n.length <= 40);
    hyphenated.set(scenario, names);
  }
  return names;
}

export function normalize(scenario: Scenario, text: string): string {
  let t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, to] of FIXES) t = t.replace(re, to);
  for (const name of namesOf(scenario)) {
    const spaced = name.replace(/-/g, ' ');
    if (t.includes(spaced)) t = t.split(spaced).join(name);
  }
  return t.trim();
}

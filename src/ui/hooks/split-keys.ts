import type { Key } from 'ink';

/** A C0 control character or DEL: each one a key of its own, never text. */
const CONTROL = /[\u0000-\u001f\u007f]/u;
const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * A control character as Ink reports it when it arrives alone: enter, tab,
 * backspace, delete, or ctrl with its letter. Null for one no key means.
 */
function controlKey(ch: string): [string, Key] | null {
  if (ch === '\r' || ch === '\n') return ['', { ...NO_KEY, return: true }];
  if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
  if (ch === '\b') return ['', { ...NO_KEY, backspace: true }];
  if (ch === '\u007f') return ['', { ...NO_KEY, delete: true }];
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
  return null;
}

/**
 * Ink splits escape sequences out of what the terminal sends, but a chunk of
 * typed text and control characters ("\u0015b": ctrl-u then b, typed fast or
 * coalesced by an SSH connection) reaches useInput as one string with no key
 * flags, so the ctrl-u would be lost. Here such a chunk becomes the keys it
 * holds, in order: runs of text, and each control character as the key Ink
 * would have reported for it alone.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  if (input.length <= 1 || key.ctrl || key.meta || !CONTROL.test(input)) return [[input, key]];
  const keys: [string, Key][] = [];
  let run = '';
  for (const ch of input) {
    if (!CONTROL.test(ch)) {
      run += ch;
      continue;
    }
    if (run !== '') keys.push([run, key]);
    run = '';
    const k = controlKey(ch);
    if (k) keys.push(k);
  }
  if (run !== '') keys.push([run, key]);
  return keys;
}

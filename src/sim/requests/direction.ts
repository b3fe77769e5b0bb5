import type { Action } from '../../scenario/schema.js';

/**
 * Direction: a request for less never proposes an action that gives more,
 * and one for "on" never an action that switches off (and back).
 */
export type Amount = 'up' | 'down' | null;
export type State = 'on' | 'off' | null;

export function requestAmount(text: string): Amount {
  if (/\b(at most|cap|caps|capped|limit|lower|reduce|cut|shorten|fewer|less|decrease|down to|short)\b/.test(text)) return 'down';
  if (/\b(raise|increase|bump|double|at least|more|bigger|larger)\b/.test(text)) return 'up';
  return null;
}

export function actionAmount(a: Action): Amount {
  const t = a.title.toLowerCase();
  if (/^(raise|increase|add capacity|add more|add puma|scale)\b/.test(t)) return 'up';
  if (/^(cut|lower|reduce|rate-limit|set short|shorten)\b/.test(t)) return 'down';
  return null;
}

export function requestState(text: string): State {
  if (/\b(back to (true|on|enforce|normal)|to true|=\s*true|back on|turn (back )?on|switch (back )?on|re-?enable|resume|reopen)\b/.test(text)) return 'on';
  if (/\b(to false|=\s*false|turn off|switch off)\b/.test(text)) return 'off';
  return null;
}

export function actionState(a: Action): State {
  const t = `${a.title} ${a.example ?? ''}`.toLowerCase();
  if (/=\s*false|\bturn [a-z .'-]*\boff\b|\bdisable\b|\bkill switch\b/.test(t)) return 'off';
  if (/=\s*true|\bback on\b|\bturn (back )?on\b|\bback to\b|\bre-?enable\b/.test(t)) return 'on';
  return null;
}

/** Whether an action goes the way the request asks (unknown directions never conflict). */
export function sameWay(text: string, a: Action): boolean {
  const [ra, aa] = [requestAmount(text), actionAmount(a)];
  if (ra && aa && ra !== aa) return false;
  const [rs, as] = [requestState(text), actionState(a)];
  return !(rs && as && rs !== as);
}

/** Words that ask to reverse something. */
export const REVERSAL = /\b(back|undo|revert|roll ?back|remove|lift|disable|turn off|switch off|unpin|unsilence|expire)\b/;

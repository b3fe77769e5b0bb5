import { ACTION_TYPES, PM_FIELDS, PRIORITIES, type PmField } from '../scenario/vocabulary.js';
import type { PostmortemView } from '../view/model.js';

/**
 * The postmortem editor's own state: which field has the cursor and what has
 * been typed but not yet saved. Saving is a `pm …` command line submitted
 * through the controller like any other, so the engine stays the only judge
 * of what a postmortem holds; this file only builds those lines.
 */

export const PM_TEXT_SLOTS = PM_FIELDS;
/** 'a-items' is the list of added items; the rest is the row that adds (or edits) one. */
export const PM_ACTION_SLOTS = ['a-items', 'a-type', 'a-priority', 'a-owner', 'a-text'] as const;
export type PmTextSlot = PmField;
export type PmActionSlot = (typeof PM_ACTION_SLOTS)[number];
export type PmSlot = PmTextSlot | PmActionSlot;
export const PM_SLOTS: readonly PmSlot[] = [...PM_TEXT_SLOTS, ...PM_ACTION_SLOTS];

export const DEFAULT_TYPES: readonly string[] = ACTION_TYPES;
export const DEFAULT_PRIORITIES: readonly string[] = PRIORITIES;

export interface PmFormState {
  /** Index into PM_SLOTS. */
  slot: number;
  /** Typed text per field; absent = the saved text is shown unchanged. */
  drafts: Partial<Record<PmTextSlot, string>>;
  /** The new action item. */
  typeIndex: number;
  priorityIndex: number;
  owner: string;
  text: string;
  /** The item picked in the list (0-based) while the cursor is on it. */
  item: number;
  /** The item's number (1-based) the action row is editing; null = the row adds a new item. */
  editing: number | null;
  /** What the last key in the list did, said on screen until the cursor moves. */
  notice: string | null;
}

export const EMPTY_PM_FORM: PmFormState = { slot: 0, drafts: {}, typeIndex: 0, priorityIndex: 1, owner: '', text: '', item: 0, editing: null, notice: null };

export function slotOf(form: PmFormState): PmSlot {
  return PM_SLOTS[form.slot] ?? 'summary';
}

export function isTextSlot(slot: PmSlot): slot is PmTextSlot {
  return (PM_TEXT_SLOTS as readonly string[]).includes(slot);
}

export function savedText(pm: PostmortemView, slot: PmTextSlot): string {
  return pm.fields.find((f) => f.key === slot)?.text ?? '';
}

/** What the field shows: the draft being typed, else what is saved. */
export function fieldValue(form: PmFormState, pm: PostmortemView, slot: PmTextSlot): string {
  return form.drafts[slot] ?? savedText(pm, slot);
}

/** Typed but not saved yet (marked "*", saved by enter or ctrl-s). */
export function isDirty(form: PmFormState, pm: PostmortemView, slot: PmTextSlot): boolean {
  const d = form.drafts[slot];
  return d !== undefined && d.trim() !== savedText(pm, slot).trim() && d.trim() !== '';
}

export function types(pm: PostmortemView): readonly string[] {
  return pm.actionTypes && pm.actionTypes.length > 0 ? pm.actionTypes : DEFAULT_TYPES;
}

export function priorities(pm: PostmortemView): readonly string[] {
  return pm.priorities && pm.priorities.length > 0 ? pm.priorities : DEFAULT_PRIORITIES;
}

/**
 * tab/↑↓: the next field. ↑↓ walk the list of items one item at a time, tab
 * (byItem false) passes it as one stop; it is skipped while there are none.
 */
export function moveSlot(form: PmFormState, step: number, itemCount = 0, byItem = true): PmFormState {
  const moved = { ...form, notice: null };
  if (byItem && slotOf(form) === 'a-items') {
    const next = form.item + step;
    if (next >= 0 && next < itemCount) return { ...moved, item: next };
  }
  const n = PM_SLOTS.length;
  const wrap = (i: number) => ((i % n) + n) % n;
  let slot = wrap(form.slot + step);
  if (PM_SLOTS[slot] === 'a-items') {
    if (itemCount === 0) slot = wrap(slot + step);
    else return { ...moved, slot, item: step > 0 ? 0 : itemCount - 1 };
  }
  return { ...moved, slot };
}

/** `d` on a picked item: the command that deletes it, and the list's cursor kept on a row that is still there. */
export function deleteItem(form: PmFormState, pm: PostmortemView): EnterResult {
  if (slotOf(form) !== 'a-items' || pm.actions.length === 0) return { form, line: null };
  const n = Math.min(form.item, pm.actions.length - 1) + 1;
  const left = pm.actions.length - 1;
  // Editing the deleted item, or one after it, would now point at the wrong number.
  const editing = form.editing === null || form.editing < n ? form.editing : null;
  const next = { ...form, editing, item: Math.max(0, Math.min(n - 1, left - 1)), notice: `item ${n} deleted (pm action delete ${n})` };
  // The last item gone: the cursor moves on to the action row.
  return { form: left === 0 ? { ...moveSlot(next, 1, 0), notice: next.notice } : next, line: `pm action delete ${n}` };
}

/** `e` or enter on a picked item: its parts loaded into the action row, which then saves over it. */
export function loadItem(form: PmFormState, pm: PostmortemView): PmFormState {
  const i = Math.min(form.item, pm.actions.length - 1);
  const a = pm.actions[i];
  if (slotOf(form) !== 'a-items' || !a) return form;
  const typeIndex = Math.max(0, types(pm).indexOf(a.type));
  const priorityIndex = Math.max(0, priorities(pm).indexOf(a.priority));
  return { ...form, slot: PM_SLOTS.indexOf('a-type'), typeIndex, priorityIndex, owner: a.owner, text: a.text, editing: i + 1, notice: `editing item ${i + 1}: enter saves it` };
}

/** The current slot's text after `edit` (fields start from the saved text). */
export function editSlot(form: PmFormState, pm: PostmortemView, edit: (text: string) => string): PmFormState {
  const slot = slotOf(form);
  if (isTextSlot(slot)) return { ...form, drafts: { ...form.drafts, [slot]: edit(fieldValue(form, pm, slot)) } };
  if (slot === 'a-owner') return { ...form, owner: edit(form.owner).replace(/\s+/gu, '-') };
  if (slot === 'a-text') return { ...form, text: edit(form.text) };
  return form;
}

/** ←/→ (or a typed first letter) on the type and priority pickers. */
export function cyclePick(form: PmFormState, pm: PostmortemView, step: number): PmFormState {
  const slot = slotOf(form);
  if (slot === 'a-type') {
    const n = types(pm).length;
    return { ...form, typeIndex: (((form.typeIndex + step) % n) + n) % n };
  }
  if (slot === 'a-priority') {
    const n = priorities(pm).length;
    return { ...form, priorityIndex: (((form.priorityIndex + step) % n) + n) % n };
  }
  return form;
}

/** A typed character on a picker chooses the first option it starts (d → detect, 1 → P1). */
/**
 * A key typed on the type or priority cell. Only explicit keys set them: ←→
 * (cyclePick) for the type, a digit for the priority ("1" is P1). A letter
 * changes nothing: words typed into the type cell must not silently pick a
 * type one letter at a time.
 */
export function pickByLetter(form: PmFormState, pm: PostmortemView, ch: string): PmFormState {
  if (slotOf(form) !== 'a-priority' || !/^[0-9]$/u.test(ch)) return form;
  const i = priorities(pm).findIndex((p) => p.toLowerCase() === `p${ch}`);
  return i === -1 ? form : { ...form, priorityIndex: i };
}

export function fieldLine(slot: PmTextSlot, text: string): string {
  return `pm ${slot} ${text.replace(/\s+/gu, ' ').trim()}`;
}

/** `pm action TYPE PRI OWNER TEXT` (or `pm action edit N …` for a loaded item) once owner and text are filled, else null. */
export function actionLine(form: PmFormState, pm: PostmortemView): string | null {
  const owner = form.owner.trim();
  const text = form.text.replace(/\s+/gu, ' ').trim();
  if (owner === '' || text === '') return null;
  const type = types(pm)[form.typeIndex] ?? types(pm)[0]!;
  const pri = priorities(pm)[form.priorityIndex] ?? priorities(pm)[0]!;
  return `pm action ${form.editing !== null ? `edit ${form.editing} ` : ''}${type} ${pri} ${owner} ${text}`;
}

const TYPED_COMMAND = /^\s*(pm|help|note|logs|dash)\s/i;

export interface EnterResult {
  form: PmFormState;
  /** The command line to submit, if any. */
  line: string | null;
}

/**
 * Enter: a field saves itself (`pm FIELD TEXT`) and the cursor moves on; in
 * the action row enter moves to the next part until owner and text are
 * there, then adds the item and clears the row for the next one.
 */
export function pressEnter(form: PmFormState, pm: PostmortemView): EnterResult {
  const slot = slotOf(form);
  if (slot === 'a-items') return { form: loadItem(form, pm), line: null };
  // Someone who types the command form (`pm summary …`, `help pm`) into a
  // field means the command, not a field that starts with "pm".
  const draft = isTextSlot(slot) ? (form.drafts[slot] ?? '') : slot === 'a-owner' ? form.owner : slot === 'a-text' ? form.text : '';
  // typing lands after a saved field's text, so look at what was typed after it
  const saved = isTextSlot(slot) ? savedText(pm, slot) : '';
  const typed = saved !== '' && draft.startsWith(saved) ? draft.slice(saved.length) : draft;
  if (TYPED_COMMAND.test(typed)) {
    const drafts = { ...form.drafts };
    if (isTextSlot(slot)) delete drafts[slot];
    return { form: { ...form, drafts, ...(slot === 'a-owner' ? { owner: '' } : slot === 'a-text' ? { text: '' } : {}) }, line: typed.trim() };
  }
  if (isTextSlot(slot)) {
    const value = fieldValue(form, pm, slot);
    const drafts = { ...form.drafts };
    delete drafts[slot];
    const next = { ...moveSlot(form, 1, pm.actions.length), drafts };
    if (value.trim() === '' || !isDirty(form, pm, slot)) return { form: next, line: null };
    return { form: next, line: fieldLine(slot, value) };
  }
  const line = actionLine(form, pm);
  if (line) return { form: { ...form, owner: '', text: '', editing: null, notice: null, slot: PM_SLOTS.indexOf('a-type') }, line };
  if (slot === 'a-text') return { form: { ...form, slot: PM_SLOTS.indexOf(form.owner.trim() === '' ? 'a-owner' : 'a-text') }, line: null };
  return { form: { ...form, slot: form.slot + 1 }, line: null };
}

/** ctrl-s: every unsaved field, a complete unsaved action item, then `pm submit`. */
export function submitLines(form: PmFormState, pm: PostmortemView): string[] {
  const lines: string[] = [];
  for (const slot of PM_TEXT_SLOTS) if (isDirty(form, pm, slot)) lines.push(fieldLine(slot, fieldValue(form, pm, slot)));
  const action = actionLine(form, pm);
  if (action) lines.push(action);
  lines.push('pm submit');
  return lines;
}

/** ctrl-f on the impact field: the impact ledger's figures, appended. */
export function insertFigures(form: PmFormState, pm: PostmortemView): PmFormState {
  if (!pm.impactFigures) return form;
  const current = fieldValue(form, pm, 'impact').trimEnd();
  const text = current === '' ? pm.impactFigures : `${current}${/[.;,]$/u.test(current) ? '' : ';'} ${pm.impactFigures}`;
  return { ...form, slot: PM_SLOTS.indexOf('impact'), drafts: { ...form.drafts, impact: text } };
}

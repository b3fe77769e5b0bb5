import { memo } from 'react';
import { Box, Text } from 'ink';
import { helpFor } from '../../commands/verbs.js';
import type { PostmortemTimelineEntry, PostmortemView } from '../../view/model.js';
import {
  EMPTY_PM_FORM,
  fieldValue,
  isDirty,
  PM_TEXT_SLOTS,
  priorities,
  slotOf,
  types,
  type PmFormState,
  type PmTextSlot,
} from '../postmortem-form.js';
import { fit, textWidth, truncate, truncateStart } from '../text.js';
import { dim, paint, useTheme } from '../theme.js';
import { CURSOR } from './CommandLine.js';
import { Panel } from './Panel.js';

type PmLine = { text: string; kind: 'field' | 'heading' | 'action' | 'muted' | 'focus' | 'timeline' };

/** The pm verbs, straight from the command language. */
export const PM_HINT = helpFor('pm')?.usage ?? 'pm FIELD TEXT · pm action TYPE PRIORITY OWNER TEXT · pm submit';

const SHORT_LABELS: Record<string, string> = {
  factors: 'Factors',
  well: 'Went well',
  lucky: 'Got lucky',
};

/** Labels in full when there is room, short forms on narrow terminals. */
function labelWidth(width: number): number {
  return width >= 100 ? 21 : 11;
}

function label(key: string, text: string, width: number): string {
  const w = labelWidth(width);
  return fit(textWidth(text) > w - 1 ? (SHORT_LABELS[key] ?? text) : text, w);
}

/** "21:02 page … · 21:03 ack", packed from the first event on; the rest counted. */
export function pmTimelineLines(entries: readonly PostmortemTimelineEntry[], width: number, lines: number): string[] {
  if (lines <= 0 || width <= 0) return [];
  if (entries.length === 0) return ['no events yet'];
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const item = truncate(`${e.time} ${e.text}`, width);
    const joined = line === '' ? item : `${line} · ${item}`;
    if (textWidth(joined) <= width) {
      line = joined;
      continue;
    }
    out.push(line);
    line = item;
    if (out.length === lines) {
      // No room for the rest: the last line says how many more there are.
      const rest = entries.length - i;
      const tail = ` … +${rest} more`;
      out[lines - 1] = truncate(out[lines - 1]!, width - textWidth(tail)) + tail;
      return out;
    }
  }
  out.push(line);
  return out;
}

/** The form as text lines; the focused slot shows the cursor. Exported for tests and renderFrame. */
export function postmortemLines(pm: PostmortemView, width: number, room: number, form: PmFormState | null, cursor = true): PmLine[] {
  const inner = Math.max(10, width - 2);
  const f = form ?? EMPTY_PM_FORM;
  const slot = form && cursor ? slotOf(f) : null;
  const fields: PmLine[] = pm.fields.map((field) => {
    const key = field.key as PmTextSlot;
    const known = (PM_TEXT_SLOTS as readonly string[]).includes(key);
    const focused = slot === key;
    const dirty = form && known ? isDirty(f, pm, key) : false;
    const value = form && known ? fieldValue(f, pm, key) : field.text;
    const head = `${focused ? '▸' : ' '}${dirty ? '*' : ' '}${label(key, field.label, width)}`;
    const room = inner - textWidth(head);
    if (focused) return { text: head + truncateStart(value + CURSOR, room), kind: 'focus' };
    return { text: head + truncate(value.trim() === '' ? '—' : value, room), kind: 'field' };
  });

  const picked = slot === 'a-items' ? Math.min(f.item, pm.actions.length - 1) : -1;
  const actions: PmLine[] = pm.actions.map((a, i) => ({
    text: truncate(`${i === picked ? '▸' : ' '}${form && f.editing === i + 1 ? '✎' : ' '}  ${i + 1} ${fit(a.type, 9)}${fit(a.priority, 3)}${fit(a.owner, 18)}${a.text}`, inner),
    kind: i === picked ? 'focus' : 'action',
  }));
  const ts = types(pm);
  const ps = priorities(pm);
  const part = (s: string, text: string) => (slot === s ? `[${text}]` : ` ${text} `);
  const owner = slot === 'a-owner' ? f.owner + CURSOR : f.owner || 'owner';
  const text = slot === 'a-text' ? f.text + CURSOR : f.text || 'what, measurably';
  const inAction = slot !== null && slot.startsWith('a-') && slot !== 'a-items';
  const newRow: PmLine = {
    text: truncateStart(
      `${inAction ? '▸' : ' '}${f.editing !== null ? `✎ ${f.editing}`.padEnd(4) : '   +'} ${part('a-type', `‹${ts[f.typeIndex] ?? ts[0]}›`)}${part('a-priority', `‹${ps[f.priorityIndex] ?? ps[0]}›`)}${part('a-owner', owner)}${part('a-text', text)}`,
      inner,
    ),
    kind: inAction ? 'focus' : 'muted',
  };

  // Room: fields, timeline, heading, items, the new-item row; the timeline gives way first.
  const notice: PmLine[] = form && f.notice ? [{ text: `    ${f.notice}`, kind: 'muted' }] : [];
  const fixed = fields.length + 1 /* heading */ + (form ? 1 : 0) + notice.length;
  const itemRoom = Math.max(1, room - fixed - 1);
  // The newest items, or the window that holds the picked one.
  const start = picked >= 0 ? Math.min(Math.max(0, picked - itemRoom + 1), Math.max(0, actions.length - itemRoom)) : Math.max(0, actions.length - itemRoom);
  const shownActions = actions.slice(start, start + itemRoom);
  const timelineRoom = Math.max(0, Math.min(4, room - fixed - Math.max(shownActions.length, actions.length === 0 ? 1 : 0)));
  const tl = pmTimelineLines(pm.timeline ?? [], inner - labelWidth(width) - 2, timelineRoom);

  const lines: PmLine[] = [...fields];
  tl.forEach((t, i) => lines.push({ text: `  ${fit(i === 0 ? 'Timeline' : '', labelWidth(width))}${t}`, kind: 'timeline' }));
  const hidden = actions.length - shownActions.length;
  lines.push({ text: `  Action items${hidden > 0 ? ` (${hidden} not shown)` : ''}`, kind: 'heading' });
  if (actions.length === 0 && !form) lines.push({ text: '    none yet (pm action TYPE PRIORITY OWNER TEXT)', kind: 'muted' });
  lines.push(...shownActions);
  if (form) lines.push(newRow, ...notice);
  if (!form && pm.impactFigures) lines.push({ text: `  figures: ${pm.impactFigures}`, kind: 'muted' });
  return lines.slice(0, room);
}

/** The key hints for the focused slot. */
export function postmortemHint(pm: PostmortemView, form: PmFormState | null, focused: boolean): string {
  if (!form || !focused) return `${PM_HINT} · tab: back to the form`;
  const slot = slotOf(form);
  const parts = ['tab/↑↓ field', 'enter save'];
  if (slot === 'impact' && pm.impactFigures) parts.push('ctrl-f insert figures');
  if (slot === 'a-type' || slot === 'a-priority') parts.push('←→ choose');
  if (slot === 'a-items') parts.push('e/enter edit the item', 'd delete it');
  else if (slot.startsWith('a-')) parts.push(form.editing !== null ? `enter saves item ${form.editing}` : 'enter adds the item');
  parts.push('ctrl-s submit', 'esc command line');
  return parts.join(' · ');
}

export interface PostmortemProps {
  pm: PostmortemView;
  scenarioId: string;
  width: number;
  height: number;
  /** The editor's state; null draws the postmortem read-only (headless frames). */
  form?: PmFormState | null;
  focused?: boolean;
}

/** Shown instead of dashboard, feed and logs while the postmortem is open. */
export const Postmortem = memo(function Postmortem({ pm, scenarioId, width, height, form = null, focused = false }: PostmortemProps) {
  const theme = useTheme();
  const room = Math.max(1, height - 3); // borders and the hint line
  const lines = postmortemLines(pm, width, room, form, focused);
  const unsaved = form ? PM_TEXT_SLOTS.some((s) => isDirty(form, pm, s)) : false;
  const right = pm.submitted ? 'submitted ✓' : unsaved ? '* unsaved' : undefined;
  const title = `Postmortem · ${scenarioId} · ⏱ ${pm.timeLeft} left${pm.urgent ? ' !' : ''}`;
  return (
    <Panel title={title} right={right} width={width} height={height} focused={focused}>
      <Box flexDirection="column" flexGrow={1}>
        {lines.map((l, i) => (
          <Text
            key={i}
            wrap="truncate"
            bold={l.kind === 'heading' || l.kind === 'focus'}
            color={l.kind === 'focus' ? paint(theme, 'cyan') : undefined}
            dimColor={l.kind === 'muted' && dim(theme)}
          >
            {l.text}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate" color={paint(theme, pm.urgent ? 'red' : 'cyan')} bold={pm.urgent === true}>
        {truncate(postmortemHint(pm, form, focused), width - 2)}
      </Text>
    </Panel>
  );
});

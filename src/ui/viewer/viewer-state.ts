import type { DashboardRow, FeedLineView, LogLineView } from '../../view/model.js';

/**
 * What the full-screen reader shows. A log line is kept as it was when it
 * was opened (the stream moves on); the conversation and a dashboard row are
 * read from each new view, so they stay current while open.
 */
export type Viewer =
  | { kind: 'chat'; with: string | null; offset: number | null }
  | { kind: 'log'; line: LogLineView; offset: number }
  | { kind: 'dash'; panelId: string; label: string; row: DashboardRow; offset: number };

/** The people a conversation can be narrowed to: whoever spoke in chat, in order of first appearance. */
export function chatSpeakers(feed: readonly FeedLineView[]): string[] {
  const out: string[] = [];
  for (const line of feed) {
    if (line.channel !== 'chat' && line.channel !== 'stakeholder') continue;
    for (const part of line.from.split(' → ')) {
      const name = part.replace(/\s*\(.*$/u, '').trim();
      if (name && name !== 'you' && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** A typed name ("marco", "Marco B") to one of the speakers, or null. */
export function matchSpeaker(speakers: readonly string[], typed: string): string | null {
  const want = typed.trim().toLowerCase();
  if (!want) return null;
  const exact = speakers.find((s) => s.toLowerCase() === want);
  if (exact) return exact;
  return speakers.find((s) => s.toLowerCase().split(/\s+/u).some((w) => w.startsWith(want)) || s.toLowerCase().startsWith(want)) ?? null;
}

/** The messages from or to one person (everyone: all of them). */
export function conversationWith(feed: readonly FeedLineView[], who: string | null): FeedLineView[] {
  if (who === null) return [...feed];
  return feed.filter((l) => l.from.split(' → ').some((p) => p.replace(/\s*\(.*$/u, '').trim() === who));
}

/** ←→ in the conversation: everyone, then each speaker in turn. */
export function cycleSpeaker(speakers: readonly string[], who: string | null, step: 1 | -1): string | null {
  const ring: (string | null)[] = [null, ...speakers];
  const i = Math.max(0, ring.indexOf(who));
  return ring[(i + step + ring.length) % ring.length] ?? null;
}

/** `chat` or `chat NAME` typed on the command line: a way to open the conversation, not a session command. */
export function parseChatCommand(line: string): { who: string | null } | null {
  const m = /^\s*chat(?:\s+(.+?))?\s*$/iu.exec(line);
  if (!m) return null;
  return { who: m[1] ?? null };
}

export function scrollViewer(v: Viewer, delta: number, max: number): Viewer {
  const at = v.offset ?? max;
  const offset = Math.max(0, Math.min(max, at + delta));
  // The conversation follows new messages again once scrolled to its end.
  if (v.kind === 'chat') return { ...v, offset: offset >= max ? null : offset };
  return { ...v, offset };
}

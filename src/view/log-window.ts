import type { Engine } from '../sim/engine.js';
import { matchesFilter, type LogFilter, type LogLine } from '../sim/logs.js';
import type { LogPin } from './model.js';

/**
 * The log panel's window over the stream, computed with a bounded cost per
 * frame. The engine generates any sim-second's lines on demand (pure in the
 * seed and the flag history), so nothing is stored but a cache of what the
 * current filter kept, bounded in lines, and a per-second count of kept and
 * hidden lines (two numbers a second).
 *
 * A position in the stream is (sec, back): the line `back` kept lines before
 * the end of sim-second `sec`. Lines of a past second never change, so a
 * pinned window stays where it is while new lines arrive.
 */

/** Kept lines held in memory across frames (all seconds together). */
export const LOG_CACHE_LINES = 4_000;
/** Lines generated at most per frame; a scan that needs more continues next frame. */
export const LOG_FRAME_BUDGET = 4_000;
/** How far back (sim-seconds) a window looks for kept lines before giving up. */
export const LOG_SCAN_SEC = 1_800;

interface Counts {
  kept: number;
  total: number;
}

interface Kept {
  lines: LogLine[];
  total: number;
}

class LogIndex {
  private filterKey = '';
  private kept = new Map<number, Kept>();
  private counts = new Map<number, Counts>();
  private stored = 0;
  budget = LOG_FRAME_BUDGET;
  exhausted = false;
  /** The newest second, generated once per frame (it is not cached: it may still change). */
  private current: { sec: number; entry: Kept } | null = null;

  constructor(private readonly engine: Engine) {}

  reset(filter: LogFilter): void {
    const key = JSON.stringify(filter);
    if (key !== this.filterKey) {
      this.filterKey = key;
      this.kept.clear();
      this.counts.clear();
      this.stored = 0;
    }
    this.budget = LOG_FRAME_BUDGET;
    this.exhausted = false;
    this.current = null;
  }

  /** The kept lines of one second, generating them if needed; null when this frame's budget is spent. */
  linesAt(sec: number, now: number, filter: LogFilter): Kept | null {
    const cached = this.kept.get(sec);
    if (cached) return cached;
    if (this.current?.sec === sec) return this.current.entry;
    if (this.budget <= 0) {
      this.exhausted = true;
      return null;
    }
    const all = this.engine.logsAt(sec);
    this.budget -= Math.max(1, all.length);
    const lines: LogLine[] = [];
    for (const l of all) if (matchesFilter(l, filter)) lines.push(l);
    const entry = { lines, total: all.length };
    if (sec >= now) this.current = { sec, entry };
    // The current second may still change (an event in it); only past ones are kept.
    if (sec < now) {
      this.counts.set(sec, { kept: lines.length, total: all.length });
      this.kept.set(sec, entry);
      this.stored += lines.length + 1;
      while (this.stored > LOG_CACHE_LINES && this.kept.size > 1) {
        const [oldest, e] = this.kept.entries().next().value as [number, Kept];
        this.kept.delete(oldest);
        this.stored -= e.lines.length + 1;
      }
    }
    return entry;
  }

  countsAt(sec: number, now: number, filter: LogFilter): Counts | null {
    const c = this.counts.get(sec);
    if (c) return c;
    const e = this.linesAt(sec, now, filter);
    return e ? { kept: e.lines.length, total: e.total } : null;
  }
}

const indexes = new WeakMap<Engine, LogIndex>();

function indexFor(engine: Engine): LogIndex {
  let ix = indexes.get(engine);
  if (!ix) {
    ix = new LogIndex(engine);
    indexes.set(engine, ix);
  }
  return ix;
}

export interface LogWindow {
  /** Oldest first. */
  lines: LogLine[];
  /** Lines the filter hid between the window's oldest line and now. */
  hidden: number;
  /** Kept lines newer than the window's newest line. */
  newer: number;
  /** The window's newest line, normalized; null while following. */
  pin: LogPin | null;
  /** The sim-second of the window's newest line. */
  bottomSec: number;
  /** The frame's budget ran out: the counts are lower bounds, older lines come next frame. */
  partial: boolean;
}

export interface WindowRequest {
  lines: number;
  /** Extra kept lines back from the pin (or from now). */
  back: number;
  pin: LogPin | null;
}

/**
 * The window of kept lines for a request. Following (no pin): the newest
 * lines. Pinned: the lines ending at the pin, moved `back` lines (negative:
 * forward); moving past the newest line ends at the newest line.
 */
export function logWindow(engine: Engine, filter: LogFilter, req: WindowRequest): LogWindow {
  const ix = indexFor(engine);
  ix.reset(filter);
  const now = engine.state.sec;
  const empty: LogWindow = { lines: [], hidden: 0, newer: 0, pin: null, bottomSec: now, partial: false };
  if (!engine.state.started || req.lines <= 0) return empty;

  const following = req.pin === null && req.back <= 0;
  let sec = req.pin ? Math.min(req.pin.sec, now) : now;
  let back = (req.pin ? req.pin.back : 0) + req.back;
  const oldest = Math.max(0, now - LOG_SCAN_SEC);

  // Forward: a negative `back` moves into later seconds.
  while (back < 0) {
    if (sec >= now) {
      back = 0;
      break;
    }
    sec++;
    const c = ix.countsAt(sec, now, filter);
    if (!c) {
      back = 0;
      break;
    }
    back += c.kept;
  }
  // Backward: skip whole seconds while `back` reaches past them.
  for (;;) {
    const c = ix.countsAt(sec, now, filter);
    if (!c) break;
    if (back < c.kept || sec <= oldest) {
      if (back >= c.kept) back = Math.max(0, c.kept - 1);
      break;
    }
    back -= c.kept;
    sec--;
  }

  // Collect the window, newest first.
  const out: LogLine[] = [];
  let s = sec;
  let skip = back;
  let topSec = sec;
  let hidden = 0;
  while (s >= oldest && out.length < req.lines) {
    const e = ix.linesAt(s, now, filter);
    if (!e) break;
    const lines = e.lines;
    let i = lines.length - 1 - skip;
    skip = 0;
    for (; i >= 0 && out.length < req.lines; i--) out.push(lines[i]!);
    hidden += e.total - lines.length;
    topSec = s;
    s--;
  }
  out.reverse();

  // What lies between the window's newest line and now.
  let newer = back;
  for (let t = sec + 1; t <= now; t++) {
    const c = ix.countsAt(t, now, filter);
    if (!c) break;
    newer += c.kept;
    hidden += c.total - c.kept;
  }
  // Reaching the newest line pinned is the same as following.
  const atEnd = newer === 0;
  const pin = following || (atEnd && req.pin !== null && req.back < 0) ? null : { sec, back };
  void topSec;
  return { lines: out, hidden, newer, pin, bottomSec: sec, partial: ix.exhausted };
}

import { formatClock } from '../scenario/clock-text.js';
import { renderSummary } from '../scoring/report-md.js';
import { scoreSession } from '../scoring/score.js';
import type { ViewModel, ViewSize } from '../view/model.js';
import { settledView } from '../view/examiner-select.js';
import type { Recording } from './replay.js';

/**
 * The replay as an asciicast v2 recording (https://docs.asciinema.org/manual/asciicast/v2/),
 * playable by `asciinema play`: one full-screen redraw per frame whose text
 * changed, sampled every `stepSec` sim-seconds and right after every IC
 * decision, with a marker ("m") at each decision (asciinema 3 and the web
 * player stop there with --pause-on-markers; asciinema 2.2 plays past them).
 * Cast time is sim time divided by `speed`.
 * Frames come from the same engine-and-screen path as replay; the renderer
 * is passed in because drawing belongs to the UI layer.
 */
export interface CastOptions {
  width: number;
  height: number;
  size: ViewSize;
  render: (vm: ViewModel, width: number, height: number) => string;
  /** Sim seconds between sampled frames. */
  stepSec?: number;
  /** Cast seconds per sim second = 1 / speed. */
  speed?: number;
  /** Wall time of the recording for the header (unix seconds). */
  timestamp?: number;
}

const CLEAR = '\u001B[H\u001B[2J';

export interface CastResult {
  text: string;
  frames: number;
  markers: number;
  durationSec: number;
}

export function buildCast(rec: Recording, opts: CastOptions): CastResult {
  const step = Math.max(0.1, opts.stepSec ?? 1) * 1000;
  const speed = opts.speed ?? 1;
  const points = new Map<number, string[]>();
  for (let ms = 0; ms < rec.endMs; ms += step) points.set(Math.round(ms), []);
  points.set(rec.endMs, []);
  for (const d of rec.decisions) {
    const list = points.get(d.ms) ?? [];
    list.push(`+${formatClock(d.ms / 1000)} > ${d.text}`);
    points.set(d.ms, list);
  }
  const times = [...points.keys()].sort((a, b) => a - b);
  const header = {
    version: 2,
    width: opts.width,
    height: opts.height,
    ...(opts.timestamp !== undefined ? { timestamp: Math.floor(opts.timestamp) } : {}),
    title: `firedrill replay · ${rec.scenario.id} · session ${rec.row.id}`,
    env: { TERM: 'xterm-256color', SHELL: '/bin/sh' },
  };
  const lines = [JSON.stringify(header)];
  const cursor = rec.at(0);
  let last = '';
  let frames = 0;
  let markers = 0;
  let summary: string | null = null;
  const t = (ms: number) => Number((ms / 1000 / speed).toFixed(3));
  for (const ms of times) {
    rec.forward(cursor, ms);
    const s = cursor.engine.state;
    const finished = cursor.engine.incident.hasTag('over');
    if (finished && summary === null) summary = renderSummary(rec.scenario, s, scoreSession(rec.scenario, s));
    const vm = settledView(cursor.engine, opts.size, { mode: 'replay', interview: rec.interview, summary: finished ? summary : null });
    const frame = opts.render(vm, opts.width, opts.height);
    if (frame !== last) {
      lines.push(JSON.stringify([t(ms), 'o', CLEAR + frame.split('\n').join('\r\n')]));
      last = frame;
      frames++;
    }
    for (const label of points.get(ms)!) {
      lines.push(JSON.stringify([t(ms), 'm', label]));
      markers++;
    }
  }
  return { text: `${lines.join('\n')}\n`, frames, markers, durationSec: t(rec.endMs) };
}

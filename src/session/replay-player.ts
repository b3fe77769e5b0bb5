import { formatClock } from '../scenario/clock-text.js';
import { renderSummary } from '../scoring/report-md.js';
import { scoreSession } from '../scoring/score.js';
import type { ViewModel, ViewSize } from '../view/model.js';
import { selectView } from '../view/select.js';
import { terminalSafeDeep } from '../text/terminal-safe.js';
import { REPLAY_SPEEDS, type Cursor, type Recording, type ReplayStatus } from './replay.js';

/**
 * Interactive replay: a position on the recording's sim timeline, moved by
 * the UI's frame clock while playing, by seeks, and by jumps between
 * decisions, markers and search hits. Forward play feeds the next events to
 * the current world; anything backwards restores a keyframe.
 */
export class ReplayPlayer {
  private cursor: Cursor;
  private playing = false;
  private speed = 1;
  /** Set right after a jump to decision k (0-based), until the position moves. */
  private atDecision: number | null = null;
  private lastSearch = '';
  private message: string | null = null;
  private summaryText: string | null = null;

  constructor(readonly recording: Recording) {
    this.cursor = recording.at(0);
    if (recording.versionNote) this.message = recording.versionNote;
  }

  get ms(): number {
    return this.cursor.ms;
  }

  get engine() {
    return this.cursor.engine;
  }

  view(size: ViewSize): ViewModel {
    const engine = this.cursor.engine;
    const finished = engine.incident.hasTag('over');
    return selectView(engine, size, { mode: 'replay', interview: this.recording.interview, summary: finished ? this.summary() : null });
  }

  status(): ReplayStatus {
    // the message quotes recorded commands: untrusted text
    return terminalSafeDeep<ReplayStatus>({
      ms: this.cursor.ms,
      endMs: this.recording.endMs,
      playing: this.playing,
      speed: this.speed,
      decision: this.decisionsBefore(),
      decisions: this.recording.decisions.length,
      message: this.message,
    });
  }

  /** The UI's frame clock: wall milliseconds since the last frame. */
  advance(wallDeltaMs: number): void {
    if (!this.playing) return;
    const to = Math.min(this.recording.endMs, this.cursor.ms + Math.min(Math.max(0, wallDeltaMs), 1000) * this.speed);
    this.recording.forward(this.cursor, to);
    this.atDecision = null;
    if (to >= this.recording.endMs) {
      this.playing = false;
      this.message = 'end of the recording · g 0:00 or p to go back';
    }
  }

  togglePlay(): void {
    if (!this.playing && this.cursor.ms >= this.recording.endMs) this.seek(0);
    this.playing = !this.playing;
    this.message = null;
  }

  faster(): void {
    this.changeSpeed(1);
  }

  slower(): void {
    this.changeSpeed(-1);
  }

  seek(ms: number): void {
    const to = Math.max(0, Math.min(this.recording.endMs, ms));
    if (to >= this.cursor.ms && to - this.cursor.ms <= 60_000) this.recording.forward(this.cursor, to);
    else this.cursor = this.recording.at(to);
    this.atDecision = null;
    this.message = `at +${formatClock(to / 1000)}`;
  }

  /** `g 12:30`: a sim time since the start. False when the text is not a time. */
  seekText(text: string, parse: (t: string) => number | null): boolean {
    const sec = parse(text.trim());
    if (sec === null) {
      this.message = `"${text.trim()}" is not a time: type g MM:SS`;
      return false;
    }
    this.seek(sec * 1000);
    return true;
  }

  nextDecision(): void {
    const list = this.recording.decisions;
    const k = list.findIndex((d) => d.index >= this.cursor.next);
    if (k === -1) {
      this.message = 'no later decision';
      return;
    }
    this.toDecision(k);
  }

  prevDecision(): void {
    let k = this.decisionsBefore() - 1;
    if (this.atDecision !== null && k === this.atDecision) k--;
    if (k < 0) {
      this.message = 'no earlier decision';
      return;
    }
    this.toDecision(k);
  }

  nextMarker(): void {
    const m = this.recording.markers.find((x) => x.ms > this.cursor.ms);
    if (!m) {
      this.message = 'no later marker';
      return;
    }
    this.seek(m.ms);
    this.message = `${m.label} · +${formatClock(m.ms / 1000)}`;
  }

  prevMarker(): void {
    const m = [...this.recording.markers].reverse().find((x) => x.ms < this.cursor.ms);
    if (!m) {
      this.message = 'no earlier marker';
      return;
    }
    this.seek(m.ms);
    this.message = `${m.label} · +${formatClock(m.ms / 1000)}`;
  }

  /** `/text`: the next IC command or message mentioning it, wrapping around; empty repeats the last search. */
  search(text: string): void {
    const q = text.trim() === '' ? this.lastSearch : text.trim();
    if (q === '') {
      this.message = 'type /text to search the commands and messages';
      return;
    }
    this.lastSearch = q;
    const hits = this.recording.search(q);
    if (hits.length === 0) {
      this.message = `no command or message mentions "${q}"`;
      return;
    }
    const later = (h: (typeof hits)[number]) => (h.index !== null ? h.index >= this.cursor.next : h.ms > this.cursor.ms);
    const i = hits.findIndex(later);
    const hit = hits[i === -1 ? 0 : i]!;
    const n = (i === -1 ? 0 : i) + 1;
    if (hit.index !== null) {
      this.cursor = this.recording.afterEvent(hit.index);
      this.atDecision = this.recording.decisions.findIndex((d) => d.index === hit.index);
    } else this.seek(hit.ms);
    this.message = `"${q}" ${n}/${hits.length}${i === -1 ? ' (from the top)' : ''}: ${hit.label}`;
  }

  private toDecision(k: number): void {
    const d = this.recording.decisions[k]!;
    this.cursor = this.recording.afterEvent(d.index);
    this.atDecision = k;
    this.playing = false;
    this.message = `decision ${k + 1}/${this.recording.decisions.length} · +${formatClock(d.ms / 1000)} > ${d.text}`;
  }

  private decisionsBefore(): number {
    let n = 0;
    for (const d of this.recording.decisions) if (d.index < this.cursor.next) n++;
    return n;
  }

  private changeSpeed(dir: 1 | -1): void {
    const i = REPLAY_SPEEDS.indexOf(this.speed as (typeof REPLAY_SPEEDS)[number]);
    this.speed = REPLAY_SPEEDS[Math.max(0, Math.min(REPLAY_SPEEDS.length - 1, (i === -1 ? 1 : i) + dir))]!;
    this.message = `speed ${this.speed}x`;
  }

  private summary(): string {
    if (this.summaryText === null) {
      const final = this.recording.final;
      this.summaryText = renderSummary(this.recording.scenario, final.state, scoreSession(this.recording.scenario, final.state));
    }
    return this.summaryText;
  }
}

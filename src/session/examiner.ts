import { formatClock } from '../scenario/clock-text.js';
import type { EventBody } from '../sim/events.js';
import { StoreError, type StoredEvent, type Store } from '../store/index.js';
import type { ActivityView, ExaminerViewModel } from '../view/examiner-model.js';
import { selectExaminerView } from '../view/examiner-select.js';
import type { ViewSize } from '../view/model.js';
import { clockOwnerAlive } from './resume.js';
import { parseNote, parseRating, parseRecommendation } from './scorecard-input.js';
import { findPersona, PAGER, personas, type Persona } from '../scenario/personas.js';

/** The inject event of a persona's message: a responder's goes to the chat, the others' are questions. */
function personaMessage(p: Persona, text: string): Extract<EventBody, { type: 'inject' }> {
  return { type: 'inject', kind: 'message', from: p.id, persona: p.id, channel: p.kind === 'responder' ? 'chat' : 'stakeholder', text };
}
import { Session, SessionError } from './session.js';

export interface LinkStatus {
  live: boolean;
  text: string;
  hint?: string;
}

/** How often the console looks for new events. */
export const EXAMINER_POLL_MS = 200;
const ACTIVITY_KEEP = 200;
export const EXTEND_MINUTES = 10;

/**
 * The examiner's side of a session, in its own process: its own copy of the
 * world, fed by polling the shared database for new events, its sim time
 * following the clock the candidate's process publishes (the candidate owns
 * the clock). Everything the examiner does is an event appended with actor
 * 'examiner', stamped by the store no earlier than the candidate's present;
 * the candidate's process picks it up on its next frame and it is part of the
 * recording like any other event.
 */
export class ExaminerConsole {
  private readonly activity: ActivityView[] = [];
  private readonly sentCurveballs = new Set<string>();
  private message: string | null = null;
  /** The event the examiner's last successful action appended. */
  lastAppended: StoredEvent | null = null;

  private constructor(
    readonly session: Session,
    private readonly wallNow: () => number,
    private readonly linkOverride: (() => LinkStatus) | undefined,
  ) {
    // Every event this console's world takes in, its own and the candidate's, goes in the activity list.
    session.recorder.onApply((e) => this.noteActivity(e));
  }

  /**
   * Attaches to a live or finished session (`latest` is the newest one).
   * `link` says whether the candidate is there, for a host that knows
   * better than the published clock (the candidate's screen runs in the
   * same process).
   */
  static attach(store: Store, idOrLatest: string, wallNow: () => number, opts: { link?: () => LinkStatus } = {}): ExaminerConsole {
    const row = store.getSession(idOrLatest);
    // Built from nothing and fed every event, so the activity list has them all.
    const session = Session.load(store, row.id, wallNow, -1);
    const c = new ExaminerConsole(session, wallNow, opts.link);
    c.poll();
    return c;
  }

  get store(): Store {
    return this.session.store;
  }

  get engine() {
    return this.session.engine;
  }

  get finished(): boolean {
    return this.engine.incident.hasTag('over');
  }

  /** New events and the candidate's clock. True when anything changed. */
  poll(): boolean {
    const before = this.engine.sec;
    const fresh = this.session.catchUp();
    const clock = this.store.liveClock(this.session.id);
    // Safe to follow: nothing will be stamped before the time the candidate published.
    if (clock && !this.finished) this.engine.advanceTo(clock.simMs);
    return fresh.length > 0 || this.engine.sec !== before;
  }

  /** Is a candidate process playing the session right now? */
  link(): LinkStatus {
    if (this.linkOverride) return this.linkOverride();
    const s = this.engine.state;
    if (this.finished) return { live: false, text: `session over (${s.outcome ?? s.lifecycle})` };
    const clock = this.store.liveClock(this.session.id);
    const now = this.wallNow();
    if (clock && clockOwnerAlive(clock, now)) return { live: true, text: 'candidate live' };
    if (!s.started) return { live: false, text: 'waiting for the clock to start' };
    const ago = clock ? ` (seen ${formatClock((now - clock.wallMs) / 1000)} ago)` : '';
    return { live: false, text: `candidate offline${ago}`, hint: `the candidate's process is gone; \`firedrill resume ${this.session.id}\` continues the session` };
  }

  view(candidateSize: ViewSize, settle = false): ExaminerViewModel {
    const link = this.link();
    const row = this.session.row;
    return selectExaminerView(this.engine, {
      sessionId: row.id,
      trainee: row.trainee,
      mode: row.mode,
      link: link.text,
      live: link.live,
      candidateSize,
      activity: this.activity,
      message: this.message ?? link.hint ?? null,
      sentCurveballs: this.sentCurveballs,
      settle,
    });
  }

  // --- what the examiner can do: each is one event with actor 'examiner' ---

  /**
   * A message from a persona of the scenario: "who: text" picks a
   * stakeholder, a responder or `exec` (by id or first name); else the
   * first stakeholder says the whole text. It shows under their name.
   */
  injectMessage(text: string): boolean {
    const t = text.trim();
    if (t === '') return this.refuse('type the message first');
    const sc = this.session.scenario;
    const m = /^([\w.-]+):\s*(.+)$/su.exec(t);
    const named = m ? findPersona(sc, m[1]!) : undefined;
    const who = named ?? personas(sc).find((p) => p.kind === 'stakeholder');
    const body = named ? m![2]!.trim() : t;
    if (!who) return this.inject({ type: 'inject', kind: 'message', from: 'stakeholder', channel: 'stakeholder', text: body }, 'message');
    return this.inject(personaMessage(who, body), `message from ${who.name}`);
  }

  /** A prepared curveball of the scenario, by its number (1, 2, …) or id. */
  curveball(ref: string): boolean {
    const balls = this.session.scenario.examiner.curveballs;
    const r = ref.trim();
    const ball = /^\d+$/u.test(r) ? balls[Number(r) - 1] : balls.find((b) => b.id === r.toLowerCase());
    if (!ball) return this.refuse(balls.length === 0 ? 'this scenario has no prepared curveballs' : `no curveball "${r.slice(0, 40)}"; this scenario has 1–${balls.length} (${balls.map((b) => b.id).join(', ')})`);
    if (ball.from === PAGER) return this.inject({ type: 'inject', kind: 'page', from: 'pagerduty', channel: 'page', text: ball.text, curveball: ball.id }, `curveball ${ball.id} (page)`);
    const who = findPersona(this.session.scenario, ball.from);
    if (!who) return this.refuse(`curveball ${ball.id}: nobody called ${ball.from} in this scenario`);
    return this.inject({ ...personaMessage(who, ball.text), curveball: ball.id }, `curveball ${ball.id} from ${who.name}`);
  }

  injectPage(text: string): boolean {
    const t = text.trim();
    if (t === '') return this.refuse('type what the page says first');
    return this.inject({ type: 'inject', kind: 'page', from: 'pagerduty', channel: 'page', text: t }, 'page');
  }

  injectExecutive(): boolean {
    const exec = this.session.scenario.executive;
    if (!exec) return this.refuse('this scenario has no executive to bring in');
    if (this.engine.state.executiveSec !== null) return this.refuse(`${exec.name} has already joined`);
    return this.inject({ type: 'inject', kind: 'executive', from: 'examiner', channel: 'chat', text: '' }, `${exec.name} joins`);
  }

  releaseHint(): boolean {
    const n = this.engine.state.hintsTaken.length;
    if (n >= this.session.scenario.hints.length) return this.refuse('no hints left on the ladder');
    return this.inject({ type: 'inject', kind: 'hint', from: 'examiner', channel: 'chat', text: '' }, `hint ${n + 1} released`);
  }

  togglePause(): boolean {
    if (!this.canAct()) return false;
    const paused = this.engine.state.paused;
    return this.append({ type: paused ? 'resume' : 'pause' }, paused ? 'clock resumed' : 'clock paused');
  }

  /** Lets the candidate pause and change speed, or takes that back (interviews only: a solo player has it anyway). */
  toggleClockGrant(): boolean {
    if (!this.canAct()) return false;
    const granted = this.engine.state.clockGranted;
    return this.append({ type: 'grant', clock: !granted }, granted ? 'the clock is yours again' : 'the candidate may pause and change speed');
  }

  extend(minutes = EXTEND_MINUTES): boolean {
    if (this.finished) return this.refuse('the session is over');
    return this.append({ type: 'extend', minutes }, `time limit +${minutes} min`);
  }

  /**
   * Pins a note to the current sim time, or with "@MM:SS" to an earlier
   * moment, and with "#item" to a rubric item; allowed during and after the session.
   */
  note(text: string): boolean {
    const parsed = parseNote(text, this.session.scenario, this.engine.sec);
    if (!parsed.ok) return this.refuse(parsed.why);
    const b = parsed.body;
    const where = [b.atMs !== undefined ? `@${formatClock(b.atMs / 1000)}` : '', b.item ? `#${b.item}` : ''].filter(Boolean).join(' ');
    return this.append(b, `note pinned${where ? ` (${where})` : ''}`);
  }

  // --- the scorecard: examiner-only events, allowed during and after the session ---

  /** "COMPETENCY SCORE": the examiner's score for a competency, beside the computed one. */
  rate(text: string): boolean {
    const parsed = parseRating(text, this.session.score().sections);
    if (!parsed.ok) return this.refuse(parsed.why);
    return this.append(parsed.body, `${parsed.body.competency} rated ${parsed.body.score}`);
  }

  /** "hire: why" (strong-hire, hire, no-hire, strong-no-hire). */
  recommend(text: string): boolean {
    const parsed = parseRecommendation(text);
    if (!parsed.ok) return this.refuse(parsed.why);
    return this.append(parsed.body, `recommendation: ${parsed.body.verdict}`);
  }

  /** Releases the debrief (score, notes, what broke) to the candidate's report and replay; once the session is over. */
  release(): boolean {
    if (!this.finished) return this.refuse('the debrief can be released once the session is over');
    if (this.engine.state.scorecard.releasedSec !== null) return this.refuse('the debrief is already released');
    return this.append({ type: 'release' }, 'debrief released to the candidate');
  }

  private inject(body: EventBody, what: string): boolean {
    if (!this.canAct()) return false;
    return this.append(body, what);
  }

  private canAct(): boolean {
    if (this.finished) return this.refuse('the session is over; only notes can be added');
    if (!this.engine.state.started) return this.refuse('the candidate has not started the clock yet');
    return true;
  }

  private refuse(why: string): false {
    this.message = why;
    return false;
  }

  private append(body: EventBody, what: string): boolean {
    try {
      const stored = this.session.recorder.record(body, { live: this.engine.state.started ? this.engine.sec * 1000 : 0 }, { actor: 'examiner' });
      this.lastAppended = stored;
      this.message = `${what} at +${formatClock(stored.simMs / 1000)}`;
    } catch (e) {
      // A database this examiner may not write (read-only, locked) refuses the action, with the store's own words.
      if (e instanceof SessionError || e instanceof StoreError) return this.refuse(e.message);
      throw e;
    }
    this.poll();
    return true;
  }

  private noteActivity(e: StoredEvent): void {
    const p = e.payload as { text?: string; kind?: string; minutes?: number; speed?: number };
    const time = `+${formatClock(Math.floor(e.simMs / 1000))}`;
    let text: string | null = null;
    if (e.type === 'command') text = p.text ?? '';
    else if (e.actor === 'examiner') {
      if (e.type === 'inject') {
        const q = p as { curveball?: string; persona?: string };
        if (q.curveball) this.sentCurveballs.add(q.curveball);
        text = `${q.curveball ? `curveball ${q.curveball}` : `inject ${p.kind}`}${q.persona ? ` as ${q.persona}` : ''}${p.text ? `: ${p.text}` : ''}`;
      }
      else if (e.type === 'annotate') text = `note: ${p.text ?? ''}`;
      else if (e.type === 'rate') text = `rated ${(p as { competency?: string }).competency} ${(p as { score?: number }).score}`;
      else if (e.type === 'recommend') text = `recommends ${(p as { verdict?: string }).verdict}${p.text ? `: ${p.text}` : ''}`;
      else if (e.type === 'release') text = 'released the debrief';
      else if (e.type === 'extend') text = `extend +${p.minutes} min`;
      else if (e.type === 'grant') text = (p as { clock?: boolean }).clock ? 'gave the candidate the clock' : 'took the clock back';
      else text = e.type;
    } else if (e.type === 'start') text = 'clock started';
    else if (e.type === 'pause' || e.type === 'resume') text = e.type === 'pause' ? 'paused the clock' : 'resumed the clock';
    else if (e.type === 'speed') text = `speed ${p.speed}x`;
    else if (e.type === 'quit') text = 'quit';
    if (text === null) return;
    this.activity.push({ time, by: e.actor, kind: e.type, text });
    if (this.activity.length > ACTIVITY_KEEP) this.activity.splice(0, this.activity.length - ACTIVITY_KEEP);
  }
}

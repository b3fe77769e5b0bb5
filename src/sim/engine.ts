import { evalCondition } from '../scenario/condition.js';
import { counterFlag } from '../scenario/counters.js';
import { statusIndex } from '../scenario/status.js';
import { findPersona, personaLabel } from '../scenario/personas.js';
import type { Scenario } from '../scenario/schema.js';
import { parseCommand } from '../commands/parse.js';
import type { SimEvent } from './events.js';
import { FlagHistory } from './flag-history.js';
import { applyCommand } from './handlers/index.js';
import { initialState } from './initial-state.js';
import { runScheduled } from './scheduled.js';
import { fireEvents } from './scenario-events.js';
import { announceClockSegments } from './clock-jumps.js';
import { accumulateImpact, checkAlerts, checkMessages, checkStakeholders } from './watchers.js';
import { watchScreen } from './screen-evidence.js';
import { createIncidentMachine, IncidentStepper, type IncidentEvent, type IncidentMachine, type IncidentSnapshot } from './incident-machine.js';
import { logsAt, type LogLine } from './logs.js';
import { metricValue } from './metrics.js';
import { weightedPick } from './random.js';
import { difficultyKnobs, type DifficultyKnobs } from './difficulty.js';
import type { FeedChannel, FeedItem, Scheduled, WorldState } from './world.js';
import type { WorldEffects } from './world-effects.js';
import { hintText } from './hint-text.js';
import { coach } from './coach.js';
import { executiveText, updateSilence } from './executive-text.js';

export interface EngineOptions {
  seed: number;
  /** Forces a variant (replays store the one chosen); otherwise the seed chooses. */
  variant?: string;
  difficulty?: 'easy' | 'normal' | 'hard';
  /** Overrides the scenario's postmortem length. */
  postmortemMin?: number;
}

/**
 * The world at sim time t as a pure function of (scenario, seed, events up to
 * t). Discrete state advances second by second; metrics and logs are
 * generated on demand for any window from the flag history.
 */
export class Engine implements WorldEffects {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly knobs: DifficultyKnobs;
  readonly machine: IncidentMachine;
  postmortemMin: number;
  readonly difficulty: 'easy' | 'normal' | 'hard';
  flags: FlagHistory;
  stepper: IncidentStepper;
  state: WorldState;

  constructor(scenario: Scenario, opts: EngineOptions, from?: Engine) {
    this.scenario = scenario;
    this.seed = opts.seed;
    this.difficulty = opts.difficulty ?? scenario.difficulty;
    this.knobs = difficultyKnobs(this.difficulty);
    this.postmortemMin = opts.postmortemMin ?? scenario.postmortemMin;
    this.machine = from?.machine ?? createIncidentMachine(scenario);
    if (from) {
      this.state = structuredClone(from.state);
      this.flags = FlagHistory.over(this.state.flagLog);
      this.stepper = new IncidentStepper(this.machine, from.stepper.state);
      return;
    }
    const variant = opts.variant ? scenario.variants.find((v) => v.id === opts.variant) : weightedPick(opts.seed, 'variant', scenario.variants);
    if (!variant) throw new Error(`scenario ${scenario.id} has no variant "${opts.variant}"`);
    this.state = initialState(scenario, variant.id, this.seed, this.difficulty);
    this.flags = FlagHistory.over(this.state.flagLog);
    for (const f of [`variant:${variant.id}`, ...variant.flags]) this.flags.raise(f, 0);
    for (const c of scenario.counters) this.flags.raise(counterFlag(c.id, c.start), 0);
    this.stepper = new IncidentStepper(this.machine);
  }

  /** An independent copy: keyframes for seeking, branches for what-if. */
  clone(): Engine {
    return new Engine(this.scenario, { seed: this.seed, variant: this.state.variant, difficulty: this.difficulty, postmortemMin: this.postmortemMin }, this);
  }

  get sec(): number {
    return this.state.sec;
  }

  /** The incident machine's snapshot: ask it `hasTag('over')`, `can({ type: 'RESOLVE' })`, … */
  get incident(): IncidentSnapshot {
    return this.stepper.state;
  }

  has(flag: string): boolean {
    return this.flags.has(flag);
  }

  holds(cond: Parameters<typeof evalCondition>[0] | undefined): boolean {
    return cond ? evalCondition(cond, (f) => this.flags.has(f)) : true;
  }

  apply(event: SimEvent): void {
    this.advanceTo(event.simMs);
    const body = event.body;
    const s = this.state;
    switch (body.type) {
      case 'start':
        if (!s.started) {
          s.started = true;
          if (body.postmortemMin !== undefined) this.postmortemMin = body.postmortemMin;
          s.delegation = body.delegation ?? 'legacy';
          s.asks = body.asks ?? 'refused';
          s.verbs = body.verbs ?? 'patterns';
          // the coach is for practice: never at hard, whatever a recording says
          s.coach = body.coach === true && this.difficulty !== 'hard';
          s.consistent = body.consistent === true;
          this.send({ type: 'START' });
          this.say('system', 'firedrill', `Clock started. ${this.scenario.title}.`, 'muted');
          this.tick(0);
        }
        return;
      case 'command': {
        const parsed = parseCommand(body.text);
        s.commandsSeen++;
        if (event.actor !== 'examiner') s.lastCommandSec = s.sec;
        if (!parsed.ok) {
          s.lastAnswer = { sec: s.sec, text: parsed.usage ? `${parsed.error} — usage: ${parsed.usage}` : parsed.error, ok: false };
          return;
        }
        s.lastCommand = parsed.command;
        applyCommand(this, parsed.command, event.actor === 'examiner' ? 'examiner' : 'ic');
        // heard right after the command that earned it (a harmful change, a resolve with alerts firing)
        coach(this);
        return;
      }
      case 'speed':
        s.speed = body.speed;
        return;
      case 'pause':
        s.paused = true;
        s.pausedBy = event.actor;
        return;
      case 'resume':
        s.paused = false;
        s.pausedBy = null;
        return;
      case 'grant':
        s.clockGranted = body.clock;
        return;
      case 'inject':
        if (body.persona !== undefined && this.personaSays(body.persona, body.text)) return;
        this.inject(body.kind, body.from, body.channel, body.text);
        return;
      case 'annotate':
        s.notes.push({
          sec: s.sec,
          text: body.text,
          by: 'examiner',
          ...(body.item !== undefined ? { item: body.item } : {}),
          ...(body.atMs !== undefined ? { atSec: Math.floor(Math.min(body.atMs, s.sec * 1000) / 1000) } : {}),
        });
        return;
      case 'rate':
        s.scorecard.ratings[body.competency] = { score: body.score, sec: s.sec };
        return;
      case 'recommend':
        s.scorecard.recommendation = { verdict: body.verdict, text: body.text, sec: s.sec };
        return;
      case 'release':
        s.scorecard.releasedSec ??= s.sec;
        return;
      case 'extend':
        s.timeLimitSec += Math.round(body.minutes * 60);
        s.extended = { sec: s.sec, minutes: body.minutes };
        this.say('system', 'examiner', `+${body.minutes} min added to the time limit by the examiner.`, 'good');
        if (s.postmortem.deadlineSec !== null && this.incident.hasTag('postmortem')) s.postmortem.deadlineSec += Math.round(body.minutes * 60);
        return;
      case 'quit':
        if (this.incident.hasTag('postmortem')) this.submitPostmortem(true);
        else if (this.incident.can({ type: 'ABANDON' })) {
          s.outcome = s.outcome ?? 'abandoned';
          this.send({ type: 'ABANDON' });
        }
        return;
    }
  }

  /** Advances the discrete world to `simMs`, one sim-second at a time. */
  advanceTo(simMs: number): void {
    if (!this.state.started) return;
    const target = Math.floor(simMs / 1000);
    while (this.state.sec < target) this.tick(this.state.sec + 1);
  }

  private tick(sec: number): void {
    const s = this.state;
    s.sec = sec;
    announceClockSegments(this, sec);
    this.runDue(sec);
    const before = this.stepper.phase;
    this.stepper.send({ type: 'TICK', sec, flags: this.flags.active(), firstHeld: (c) => this.flags.conditionFirst(c, sec) });
    if (this.stepper.phase !== before) {
      const idx = this.scenario.phases.findIndex((p) => p.id === this.stepper.phase);
      for (const p of this.scenario.phases.slice(0, idx + 1)) this.flags.raise(p.id, sec);
      s.phase = this.stepper.phase;
      if (s.onsetSec === null) s.onsetSec = sec;
    }
    fireEvents(this, sec);
    this.checkMitigation(sec);
    checkAlerts(this, sec);
    checkMessages(this, sec);
    checkStakeholders(this, sec);
    watchScreen(this, sec);
    accumulateImpact(this, sec);
    if (sec >= s.timeLimitSec && this.incident.hasTag('running')) {
      s.outcome = 'timed-out';
      this.send({ type: 'TIMEOUT' });
      this.say('system', 'firedrill', 'Time is up: the incident timed out. Write the postmortem with `postmortem`.', 'alert');
    }
    if (this.incident.hasTag('postmortem') && s.postmortem.deadlineSec !== null && sec >= s.postmortem.deadlineSec) this.submitPostmortem(true);
    coach(this);
  }

  private runDue(sec: number): void {
    const s = this.state;
    if (s.pending.length === 0 || s.pending[0]!.sec > sec) return;
    const due = s.pending.filter((p) => p.sec <= sec);
    s.pending = s.pending.filter((p) => p.sec > sec);
    for (const item of due) runScheduled(this, item, sec);
  }

  private checkMitigation(sec: number): void {
    const s = this.state;
    const mitigated = s.onsetSec !== null && this.holds(this.scenario.mitigatedWhen);
    if (mitigated && s.mitigatedSec === null) s.mitigatedSec = sec;
    const life = this.incident;
    if (life.hasTag('running') && mitigated !== life.hasTag('mitigated')) this.send({ type: mitigated ? 'MITIGATED' : 'UNMITIGATED' });
    const fixed = this.holds(this.scenario.fixedWhen) && s.onsetSec !== null;
    if (fixed && s.fixedSec === null) s.fixedSec = sec;
  }

  executiveJoins(sec: number): void {
    const exec = this.scenario.executive;
    if (!exec || this.state.executiveSec !== null) return;
    const s = this.state;
    s.executiveSec = sec;
    const text = executiveText(exec.text, () =>
      updateSilence({ nowSec: sec, lastUpdateSec: s.statusUpdates.at(-1)?.sec ?? null, onsetSec: s.onsetSec, silenceSec: Math.round(exec.silenceSec * this.knobs.pressure), frame: this.scenario }),
    );
    s.questions.push({ id: 'executive', stakeholder: 'executive', text, askedSec: sec, answeredSec: null, answerCovers: false });
    this.say('stakeholder', `${exec.name} (${exec.role})`, text, 'alert');
  }

  /** An injected message in a persona's voice, as their scripted ones appear; false when the scenario has no such persona. */
  private personaSays(id: string, text: string): boolean {
    const p = findPersona(this.scenario, id);
    if (!p) return false;
    const s = this.state;
    if (p.kind === 'responder') {
      this.say('chat', personaLabel(p), text, 'normal');
      return true;
    }
    // A stakeholder's or the executive's message is a question `reply` answers.
    s.questions.push({ id: `inject-${s.questions.length + 1}`, stakeholder: p.kind === 'executive' ? 'executive' : p.id, text, askedSec: s.sec, answeredSec: null, answerCovers: true });
    this.say('stakeholder', personaLabel(p), text, p.kind === 'executive' ? 'alert' : 'normal');
    return true;
  }

  private inject(kind: 'message' | 'page' | 'executive' | 'hint', from: string, channel: FeedChannel, text: string): void {
    const s = this.state;
    if (kind === 'executive') return this.executiveJoins(s.sec);
    if (kind === 'hint') {
      const next = this.scenario.hints[s.hintsTaken.length];
      if (next) {
        // Released by the examiner, priced by the ladder like a hint the candidate takes, and on the timeline for the report.
        s.hintsTaken.push({ sec: s.sec, cost: next.cost * this.knobs.hintCost, by: 'examiner' });
        s.timeline.push({ sec: s.sec, text: `hint ${s.hintsTaken.length} (released by the examiner)`, kind: 'other' });
        this.say('examiner', 'examiner', `Hint: ${hintText(next, (c) => this.holds(c))}`, 'good');
      }
      return;
    }
    if (kind === 'page') {
      // Not the scenario's first page: an injected page leaves the detection timings (MTTA) alone.
      s.pages.push({ id: `inject-${s.pages.length + 1}#1`, name: from, summary: text, firedSec: s.sec, ackedSec: null, clearedSec: null });
      this.say('page', from, text, 'alert');
      return;
    }
    if (channel === 'stakeholder') s.questions.push({ id: `inject-${s.questions.length + 1}`, stakeholder: from.toLowerCase(), text, askedSec: s.sec, answeredSec: null, answerCovers: true });
    this.say(channel, from, text, 'normal');
  }

  // --- what handlers, watchers and scheduled work use (WorldEffects) ---

  say(channel: FeedChannel, from: string, text: string, tone: FeedItem['tone'] = 'normal'): void {
    this.state.feed.push({ sec: this.state.sec, channel, from, text, tone });
  }

  answer(text: string, ok = true): void {
    this.state.lastAnswer = { sec: this.state.sec, text, ok };
  }

  schedule(item: Omit<Scheduled, 'order'>): void {
    const s = this.state;
    s.pending.push({ ...item, order: s.nextOrder++ });
    s.pending.sort((a, b) => a.sec - b.sec || a.order - b.order);
  }

  gainEvidence(id: string, sec: number): void {
    this.state.evidence[id] ??= sec;
  }

  personName(id: string): string {
    return this.scenario.people.find((p) => p.id === id)?.name ?? id;
  }

  /** Steps the incident machine; the world's lifecycle field is its copy of the machine's state, written only here. */
  send(event: Exclude<IncidentEvent, { type: 'TICK' }>): void {
    this.stepper.send(event);
    this.state.lifecycle = this.stepper.lifecycle;
  }

  submitPostmortem(late: boolean): void {
    const s = this.state;
    if (!this.incident.can({ type: 'SUBMIT' })) return;
    s.postmortem.submittedSec = s.sec;
    s.postmortem.late = late;
    this.send({ type: 'SUBMIT' });
    this.say('system', 'firedrill', late ? 'Postmortem time is up: submitted with what was written.' : 'Postmortem submitted.', late ? 'alert' : 'good');
  }

  // --- signals for any window ---

  /** Metrics by id, built on first use: every sample of every series looked its metric up by a linear search. */
  private metricIndex: Map<string, Scenario['metrics'][number]> | undefined;

  metric(id: string): Scenario['metrics'][number] | undefined {
    this.metricIndex ??= new Map(this.scenario.metrics.map((m) => [m.id, m]));
    return this.metricIndex.get(id);
  }

  /** A status series' state at a second: its name, or null for no such series. */
  statusAt(id: string, sec: number): string | null {
    const st = this.scenario.statuses.find((x) => x.id === id);
    if (!st) return null;
    const up = this.flags.flagsAt(sec);
    return st.values[statusIndex(st, (f) => up.has(f))]!.name;
  }

  metricAt(metricId: string, sec: number): number | null {
    const m = this.metric(metricId);
    if (!m) return null;
    const history = this.historySec(m);
    if (history === 0) return metricValue(m, this.seed, this.flags, sec, this.knobs.noise, this.scenario);
    return sec < -history ? null : metricValue(m, this.seed, this.flags, sec, this.knobs.noise, this.scenario, -history);
  }

  /** How much of a metric's past exists before the start: its own history, else the scenario's, else none. */
  historySec(m: Scenario['metrics'][number]): number {
    return m.history ?? this.scenario.history ?? 0;
  }

  logsAt(sec: number): LogLine[] {
    if (!this.state.started || sec < 0 || sec > this.state.sec) return [];
    return logsAt(this.scenario.logs, this.scenario, this.seed, this.flags, sec, this.knobs.noise, (id, at) => this.metricAt(id, at));
  }
}

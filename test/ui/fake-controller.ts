import { VERB_NAMES } from '../../src/commands/verbs.js';
import type { PlayController } from '../../src/view/controller.js';
import type { ViewModel, ViewSize } from '../../src/view/model.js';
import { paymentFixture } from './fixture.js';

/**
 * A PlayController around a hand-written view model: records every call and
 * applies a few commands to the model so tests can see their effect.
 */
export class FakeController implements PlayController {
  vm: ViewModel;
  calls: string[] = [];
  submitted: string[] = [];
  sizes: ViewSize[] = [];
  advanced = 0;
  started: boolean;
  finished = false;
  /** Completion candidates by line; default: verbs starting with the line. */
  completions: Record<string, string[]> = {};

  constructor(opts: { started?: boolean; vm?: ViewModel } = {}) {
    this.started = opts.started ?? true;
    this.vm = opts.vm ?? paymentFixture();
  }

  view(size: ViewSize): ViewModel {
    this.sizes.push(size);
    return {
      ...this.vm,
      logs: { ...this.vm.logs, scrollback: size.logScrollback, following: size.logScrollback === 0 },
    };
  }

  advance(wallDeltaMs: number): void {
    this.advanced += wallDeltaMs;
  }

  start(): void {
    this.calls.push('start');
    this.started = true;
  }

  submit(text: string): void {
    this.calls.push(`submit:${text}`);
    this.submitted.push(text);
    const ok = VERB_NAMES.includes(text.split(' ')[0] ?? '');
    this.vm = {
      ...this.vm,
      timeline: ok ? [...this.vm.timeline, { time: '21:15', text, kind: text.split(' ')[0] ?? '' }] : this.vm.timeline,
      answer: ok ? { text: `done: ${text}`, ok: true } : { text: `unknown command "${text}"`, ok: false },
    };
  }

  togglePause(): void {
    this.calls.push('togglePause');
    this.vm = { ...this.vm, header: { ...this.vm.header, paused: !this.vm.header.paused } };
  }

  faster(): void {
    this.calls.push('faster');
  }

  slower(): void {
    this.calls.push('slower');
  }

  complete(line: string): string[] {
    this.calls.push(`complete:${line}`);
    return this.completions[line] ?? VERB_NAMES.filter((v) => v.startsWith(line)).map((v) => `${v} `);
  }

  quit(): void {
    this.calls.push('quit');
    this.finished = true;
  }
}

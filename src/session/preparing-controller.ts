import type { PlayController } from '../view/controller.js';
import type { ViewModel, ViewSize } from '../view/model.js';

/**
 * The play screen's controller while the session is being prepared. The
 * briefing needs only the scenario; the store, the engine and the session
 * load after the first frame is on screen, while the player reads. Until
 * then this shows the briefing-only view; a start or quit asked for
 * meanwhile is applied as soon as the session exists. Preparing begins on
 * the first call for a view, once that frame is drawn (setImmediate), so
 * the frame never waits for it.
 */
export class PreparingController implements PlayController {
  private live: PlayController | null = null;
  private failure: { error: unknown } | null = null;
  private begun = false;
  private startAsked = false;
  private quitAsked = false;
  private readonly listeners = new Set<() => void>();
  private readonly prepared: Promise<PlayController>;
  private settle!: { resolve: (c: PlayController) => void; reject: (e: unknown) => void };

  constructor(
    private readonly briefing: ViewModel,
    private readonly prepare: () => Promise<PlayController>,
  ) {
    this.prepared = new Promise<PlayController>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Whoever awaits ready() hears of a failure; the screen hears through view().
    this.prepared.catch(() => {});
  }

  /** The session's own controller once prepared, with any start or quit asked for applied; rejects if preparing failed. */
  ready(): Promise<PlayController> {
    this.begin();
    return this.prepared;
  }

  view(size: ViewSize): ViewModel {
    if (!this.begun) setImmediate(() => this.begin());
    if (this.failure) throw this.failure.error;
    return this.live ? this.live.view(size) : this.briefing;
  }

  advance(wallDeltaMs: number): void {
    this.live?.advance(wallDeltaMs);
  }

  start(): void {
    if (this.live) this.live.start();
    else this.startAsked = true;
  }

  submit(text: string): void {
    // The briefing has no command line: nothing can be typed before the session exists.
    this.live?.submit(text);
  }

  togglePause(): void {
    this.live?.togglePause();
  }

  faster(): void {
    this.live?.faster();
  }

  slower(): void {
    this.live?.slower();
  }

  complete(line: string): string[] {
    return this.live ? this.live.complete(line) : [];
  }

  quit(): void {
    if (this.live) this.live.quit();
    else this.quitAsked = true;
  }

  get started(): boolean {
    return this.live?.started ?? false;
  }

  get finished(): boolean {
    return this.live?.finished ?? false;
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  private begin(): void {
    if (this.begun) return;
    this.begun = true;
    this.prepare().then(
      (live) => {
        try {
          if (this.quitAsked) live.quit();
          else if (this.startAsked) live.start();
        } catch (error) {
          this.fail(error);
          return;
        }
        this.live = live;
        this.settle.resolve(live);
        this.notify();
      },
      (error: unknown) => this.fail(error),
    );
  }

  private fail(error: unknown): void {
    this.failure = { error };
    this.settle.reject(error);
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

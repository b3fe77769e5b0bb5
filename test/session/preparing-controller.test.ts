import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { PreparingController } from '../../src/session/preparing-controller.js';
import { briefingOnlyView } from '../../src/view/briefing-view.js';
import type { PlayController } from '../../src/view/controller.js';
import type { ViewSize } from '../../src/view/model.js';
import { loadFixture } from '../helpers.js';
import { flush, KEYS, renderApp, waitFor } from '../ui/helpers.js';
import { liveSession, MINI } from '../ui/live.js';

afterEach(() => cleanup());

const SIZE: ViewSize = { sparkPoints: 20, logLines: 5, feedLines: 5, timelineEntries: 5, logScrollback: 0 };

/** A prepare step the test completes by hand. */
function deferred() {
  let resolve!: (c: PlayController) => void;
  let reject!: (e: unknown) => void;
  let calls = 0;
  const promise = new Promise<PlayController>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    prepare: () => {
      calls++;
      return promise;
    },
    resolve,
    reject,
    get calls() {
      return calls;
    },
  };
}

function placeholder() {
  return briefingOnlyView(loadFixture(MINI).scenario, { difficulty: 'normal', interview: false });
}

describe('PreparingController', () => {
  it('shows the briefing-only view and starts preparing only after the first view is drawn', async () => {
    const d = deferred();
    const c = new PreparingController(placeholder(), d.prepare);
    expect(d.calls).toBe(0);
    const vm = c.view(SIZE);
    expect(vm.briefing.id).toBe('mini-checkout');
    // Preparing waits for the frame in progress to finish.
    expect(d.calls).toBe(0);
    await flush();
    expect(d.calls).toBe(1);
    c.view(SIZE);
    await flush();
    expect(d.calls).toBe(1);
    expect(c.started).toBe(false);
    expect(c.finished).toBe(false);
    expect(c.complete('ac')).toEqual([]);
  });

  it('a start asked for before the session exists is applied when it does, and the screen is told', async () => {
    const d = deferred();
    const c = new PreparingController(placeholder(), d.prepare);
    let changes = 0;
    c.subscribe(() => changes++);
    c.view(SIZE);
    c.start();
    expect(c.started).toBe(false);
    const { controller: live, store, session } = liveSession();
    d.resolve(live);
    expect(await c.ready()).toBe(live);
    expect(live.started).toBe(true);
    expect(c.started).toBe(true);
    expect(changes).toBe(1);
    // From now on everything goes to the session, and is recorded.
    c.submit('ack');
    expect(store.events(session.id).map((e) => (e.payload as { text?: string }).text)).toContain('ack');
    expect(c.view(SIZE).header.lifecycle).not.toBe('briefing');
  });

  it('a quit asked for before the session exists ends the session once it does', async () => {
    const d = deferred();
    const c = new PreparingController(placeholder(), d.prepare);
    c.view(SIZE);
    c.quit();
    const { controller: live } = liveSession();
    d.resolve(live);
    await c.ready();
    expect(live.finished).toBe(true);
    expect(c.finished).toBe(true);
  });

  it('a failure to prepare reaches the screen (view throws it) and whoever awaits ready()', async () => {
    const d = deferred();
    const c = new PreparingController(placeholder(), d.prepare);
    let changes = 0;
    c.subscribe(() => changes++);
    c.view(SIZE);
    d.reject(new Error('the database is locked'));
    await expect(c.ready()).rejects.toThrow('the database is locked');
    expect(changes).toBe(1);
    expect(() => c.view(SIZE)).toThrow('the database is locked');
  });

  it('ready() begins preparing when no view was asked for', async () => {
    const { controller: live } = liveSession();
    const c = new PreparingController(placeholder(), async () => live);
    expect(await c.ready()).toBe(live);
  });
});

describe('the play screen over a session being prepared', () => {
  it('draws the briefing at once, and enter pressed before the session exists starts the clock when it does', async () => {
    const d = deferred();
    const c = new PreparingController(placeholder(), d.prepare);
    const { frame, press } = renderApp({ controller: c });
    expect(frame()).toContain('start the clock');
    await press(KEYS.enter);
    expect(frame()).toContain('start the clock');
    const { controller: live } = liveSession();
    d.resolve(live);
    await waitFor(() => frame().includes('Dashboard'), 'the play screen');
    expect(live.started).toBe(true);
  });
});

// The interactive replay screen with ink-testing-library: the trainee's
// screen plus the replay line, driven by keys.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/session/headless.js';
import { ReplayPlayer } from '../../src/session/replay-player.js';
import { Recording } from '../../src/session/replay.js';
import { openStore } from '../../src/store/index.js';
import { ReplayApp } from '../../src/ui/replay/ReplayApp.js';
import { loadFixture } from '../helpers.js';
import { lines } from '../session/replay-helpers.js';

const flush = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

async function setup() {
  const store = openStore(':memory:');
  const r = await runScript(store, loadFixture('test/fixtures/mini.yaml'), lines('test/fixtures/mini.strong.txt'), { seed: 3, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
  const player = new ReplayPlayer(Recording.load(store, r.session.id));
  const app = render(<ReplayApp player={player} size={{ columns: 120, rows: 40 }} color={false} frameMs={20} />);
  const frame = () => app.lastFrame() ?? '';
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await flush();
    }
  };
  return { app, player, frame, press };
}

describe('ReplayApp', () => {
  it('shows the trainee\'s screen with the replay line, and steps, seeks, searches and jumps by key', async () => {
    const { app, player, frame, press } = await setup();
    expect(frame()).toMatch(/REPLAY ⏸ 1x {2}\+0:00 \/ 14:20 {2}decision 0\/22/);
    expect(frame()).toMatch(/Dashboard/);
    expect(frame().split('\n').length).toBeLessThanOrEqual(39);

    await press('n', 'n');
    expect(frame()).toMatch(/decision 2\/22 · \+1:50 > sev 2/);
    expect(frame()).toMatch(/SEV-2/);
    await press('p');
    expect(frame()).toMatch(/decision 1\/22 · \+1:40 > ack/);

    await press('g');
    expect(frame()).toMatch(/type a sim time/);
    await press('6', ':', '0', '0');
    expect(frame()).toMatch(/> g 6:00/);
    await press('\r');
    expect(frame()).toMatch(/\+6:00 \/ 14:20/);
    expect(player.ms).toBe(360_000);

    // a pasted chunk works like typed keys
    await press('/rollback\r');
    expect(frame()).toMatch(/"rollback" \d\/\d/);

    await press(']');
    expect(frame()).toMatch(/│ .*· \+\d+:\d\d/);

    await press(' ');
    expect(player.status().playing).toBe(true);
    await press('+', '+', '+');
    expect(frame()).toMatch(/REPLAY ▶ 10x/);
    const before = player.ms;
    await new Promise((r) => setTimeout(r, 150));
    await flush();
    expect(player.ms).toBeGreaterThan(before);
    await press(' ');
    expect(frame()).toMatch(/REPLAY ⏸ 10x/);

    await press('g', '9', '9', ':', '0', '0', '\r');
    expect(frame()).toMatch(/Session over/);
    await press('q');
    app.unmount();
  });

  it('a prompt can be cancelled with escape, and a wrong time is said to be wrong', async () => {
    const { app, frame, press } = await setup();
    await press('g', 'x', 'y', '\r');
    expect(frame()).toMatch(/"xy" is not a time: type g MM:SS/);
    await press('/', 'a', '\u001B');
    await flush();
    expect(frame()).not.toMatch(/> \/a/);
    app.unmount();
  });
});

// Replay: the recorded session in the trainee's screen, from the events
// alone. The frame at every decision is the one the trainee saw; seeking
// through keyframes gives the same world as replaying from the start; the
// player's jumps land where they say.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/session/headless.js';
import { ReplayPlayer } from '../../src/session/replay-player.js';
import { Recording } from '../../src/session/replay.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { renderFrame, viewSizeFor } from '../../src/ui/render-frame.js';
import { settledView } from '../../src/view/examiner-select.js';
import { loadFixture } from '../helpers.js';
import { LiveDriver, lines } from './replay-helpers.js';

const W = 120;
const H = 40;
const size = viewSizeFor(W, H);
const frameOf = (engine: Session['engine'], interview = false) => renderFrame(settledView(engine, size, { mode: 'play', interview, summary: null }), W, H);

describe('replay shows what the trainee saw', () => {
  for (const [scenario, script] of [
    ['test/fixtures/mini.yaml', 'test/fixtures/mini.strong.txt'],
    ['scenarios/payment-fraud-dns.yaml', 'test/scripts/payment-fraud-dns.strong.txt'],
  ] as const) {
    it(`${script}: the frame after every decision is identical in the replay`, () => {
      // Headless play, as runScript does it: each command recorded, then the trainee's frame.
      const store = openStore(':memory:');
      const session = Session.start(store, loadFixture(scenario), { seed: 4, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 1_700_000_000_000);
      session.record({ type: 'start' }, 0);
      const seen = new Map<number, string>();
      for (const l of lines(script)) {
        if (session.engine.state.lifecycle === 'scored') break;
        const e = session.record({ type: 'command', text: l.text }, l.simMs);
        seen.set(e.seq, frameOf(session.engine));
      }
      session.record({ type: 'quit' }, session.engine.sec * 1000, 'system');

      const rec = Recording.load(store, session.id);
      expect(rec.decisions.length).toBe(seen.size);
      for (const d of rec.decisions) {
        expect(frameOf(rec.afterEvent(d.index).engine), `decision #${d.seq} ${d.text}`).toBe(seen.get(d.seq));
      }
      // and stepping with n in the player lands on the same frames, in order
      const player = new ReplayPlayer(rec);
      rec.decisions.forEach((d, k) => {
        player.nextDecision();
        expect(player.status().decision).toBe(k + 1);
        expect(frameOf(player.engine)).toBe(seen.get(d.seq));
      });
      store.close();
      // Three full frames per decision (the trainee's, the replay's, the player's) and a view hash: ~150 for the long script.
    }, 120_000);
  }

  it('a live-played session: the frame after every decision equals the replay frame', () => {
    const store = openStore(':memory:');
    const loaded = loadFixture('test/fixtures/mini.yaml');
    const session = Session.start(store, loaded, { seed: 9, trainee: 't', mode: 'interview', difficulty: 'normal' }, () => 0);
    const d = new LiveDriver(session, { interview: true });
    d.live.start();
    const seen: string[] = [];
    for (const l of lines('test/fixtures/mini.strong.txt')) {
      d.runTo(l.simMs);
      d.live.submit(l.text);
      seen.push(frameOf(session.engine, true));
    }
    const rec = Recording.load(store, session.id);
    expect(rec.decisions.map((x) => frameOf(rec.afterEvent(x.index).engine, true))).toEqual(seen);
    expect(rec.checkFidelity(store.viewHashes(session.id))).toEqual({ checked: seen.length, firstDiff: null, orphans: [] });
    store.close();
  });
});

describe('seeking with keyframes', () => {
  it('the world at any time equals a replay from the start (every 37 s of a 45-minute scenario)', async () => {
    const store = openStore(':memory:');
    const r = await runScript(store, loadFixture('scenarios/payment-fraud-dns.yaml'), lines('test/scripts/payment-fraud-dns.strong.txt'), { seed: 2, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
    const rec = Recording.load(store, r.session.id);
    expect(rec.keyframes.frames.length).toBeGreaterThan(30);
    for (let ms = 0; ms <= rec.endMs; ms += 37_000) {
      const fromStart = Session.load(store, r.session.id, () => 0, ms).engine;
      const sought = rec.at(ms).engine;
      expect(JSON.stringify(sought.state), `at ${ms / 1000}s`).toBe(JSON.stringify(fromStart.state));
      expect(JSON.stringify(sought.logsAt(Math.floor(ms / 1000)))).toBe(JSON.stringify(fromStart.logsAt(Math.floor(ms / 1000))));
    }
    // a keyframe is never modified by a seek from it
    const before = JSON.stringify(rec.keyframes.frames[5]!.engine.state);
    rec.at(rec.keyframes.frames[5]!.ms + 30_000);
    expect(JSON.stringify(rec.keyframes.frames[5]!.engine.state)).toBe(before);
    expect(JSON.stringify(rec.final.state)).toBe(JSON.stringify(Session.load(store, r.session.id, () => 0).engine.state));
    store.close();
  });

  it('stays exact when events are stamped out of order (an examiner stamp later than the next command)', () => {
    const store = openStore(':memory:');
    const loaded = loadFixture('test/fixtures/mini.yaml');
    const s = Session.start(store, loaded, { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
    s.record({ type: 'start' }, 0);
    s.record({ type: 'command', text: 'sev 2' }, 61_000);
    s.record({ type: 'inject', kind: 'message', from: 'sam', channel: 'stakeholder', text: 'hello' }, 125_500, 'examiner');
    s.record({ type: 'command', text: 'status investigating' }, 120_000);
    s.record({ type: 'command', text: 'escalate ops' }, 200_000);
    const rec = Recording.load(store, s.id, 30_000);
    expect(rec.effMs).toEqual([0, 61_000, 125_500, 125_500, 200_000]);
    for (let ms = 0; ms <= 200_000; ms += 5_000) {
      const fresh = rec.newEngine();
      rec.sim.forEach((e, i) => rec.effMs[i]! <= ms && fresh.apply(e));
      fresh.advanceTo(ms);
      expect(JSON.stringify(rec.at(ms).engine.state)).toBe(JSON.stringify(fresh.state));
    }
    expect(JSON.stringify(rec.at(200_000).engine.state)).toBe(JSON.stringify(s.engine.state));
    store.close();
  });
});

describe('the replay player', () => {
  async function player() {
    const store = openStore(':memory:');
    const r = await runScript(store, loadFixture('test/fixtures/mini.yaml'), lines('test/fixtures/mini.strong.txt'), { seed: 3, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
    store.appendEvent(r.session.id, { simMs: 400_000, wallMs: 0, actor: 'examiner', type: 'annotate', payload: { text: 'late note' } });
    return { store, rec: Recording.load(store, r.session.id) };
  }

  it('plays, changes speed between 0.5x and 20x, and stops at the end', async () => {
    const { rec } = await player();
    const p = new ReplayPlayer(rec);
    expect(p.status()).toMatchObject({ ms: 0, playing: false, speed: 1 });
    p.togglePlay();
    p.advance(1000);
    expect(p.ms).toBe(1000);
    for (let i = 0; i < 10; i++) p.faster();
    expect(p.status().speed).toBe(20);
    for (let i = 0; i < 10; i++) p.slower();
    expect(p.status().speed).toBe(0.5);
    p.advance(1000);
    expect(p.ms).toBe(1500);
    p.faster();
    p.faster();
    p.faster();
    p.faster();
    p.faster();
    for (let i = 0; i < 200 && p.status().playing; i++) p.advance(1000);
    expect(p.status()).toMatchObject({ playing: false, ms: rec.endMs });
    expect(p.view(size).finished).toBe(true);
    expect(p.view(size).summary).toMatch(/score/);
  });

  it('seeks to a typed time, steps between decisions, jumps between markers, searches', async () => {
    const { rec } = await player();
    const p = new ReplayPlayer(rec);
    expect(p.seekText('6:00', (t) => (t === '6:00' ? 360 : null))).toBe(true);
    expect(p.ms).toBe(360_000);
    expect(p.engine.sec).toBe(360);
    expect(p.seekText('soon', () => null)).toBe(false);
    expect(p.status().message).toMatch(/not a time/);

    p.seek(0);
    p.nextDecision();
    expect(p.status().message).toMatch(/decision 1\/\d+ .*ack/);
    p.nextDecision();
    expect(p.status().message).toMatch(/decision 2\/.*sev 2/);
    p.prevDecision();
    expect(p.status().message).toMatch(/decision 1\/.*ack/);
    p.prevDecision();
    expect(p.status().message).toBe('no earlier decision');

    const kinds = rec.markers.map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['page', 'severity', 'mitigation', 'note']));
    p.seek(0);
    const visited: string[] = [];
    for (let i = 0; i < rec.markers.length + 2; i++) {
      p.nextMarker();
      visited.push(p.status().message ?? '');
    }
    expect(visited.at(-1)).toBe('no later marker');
    expect(visited.some((m) => /SEV-2/.test(m))).toBe(true);
    expect(visited.some((m) => /examiner note: late note/.test(m))).toBe(true);
    p.prevMarker();
    expect(p.ms).toBeLessThan(rec.endMs);

    p.seek(0);
    p.search('rollback');
    expect(p.status().message).toMatch(/"rollback" 1\/\d+/);
    const first = p.ms;
    p.search('');
    expect(p.ms).toBeGreaterThanOrEqual(first);
    p.search('no such words anywhere');
    expect(p.status().message).toMatch(/no command or message/);
  });
});

describe('recordings from another version', () => {
  it('replays with its own scenario snapshot and says so; refuses clearly what it cannot read', async () => {
    const store = openStore(':memory:');
    const r = await runScript(store, loadFixture('test/fixtures/mini.yaml'), lines('test/fixtures/mini.strong.txt'), { seed: 3, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
    const row = { ...store.getSession(r.session.id), appVersion: '0.0.1-old' };
    const events = store.events(row.id);
    const rec = Recording.from(row, events);
    expect(rec.versionNote).toMatch(/recorded with firedrill 0\.0\.1-old.*scenario snapshot stored with the recording/);
    expect(JSON.stringify(rec.final.state)).toBe(JSON.stringify(r.session.engine.state));
    expect(() => Recording.from({ ...row, scenarioJson: '{"id":"x"}' }, events)).toThrow(/recorded with firedrill 0\.0\.1-old .*replay it with that version/);
    const odd = [...events.slice(0, 3), { ...events[3]!, type: 'teleport' }];
    expect(() => Recording.from(row, odd)).toThrow(/event #4 \(teleport\) is not one this firedrill .* understands; it was recorded with firedrill 0\.0\.1-old/);
    store.close();
  });
});

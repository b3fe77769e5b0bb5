// Only the candidate's screen crosses the channel: every byte a hosted
// candidate receives, while each bundled scenario's strong and weak scripts
// are played through `firedrill host` with an examiner at work (notes that
// quote the root cause, a hint, injections, a pause, an extension), is
// checked for examiner-only text: root causes, variant ids and titles, the
// rubric, the examiner's notes and strong/weak play, the seed.
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/session/script.js';
import { loadFixture } from '../helpers.js';
import { cases, hiddenStrings, leaks, NOTE_MARK, norm, type Case } from '../support/hidden-strings.js';
import { CandidateTerminal, connect, sleep, startTestHost } from './host-harness.js';

const SEED = 48_151_623;
/** Sim seconds per wall second: a 45-minute scenario plays in about five seconds. */
const SPEED = 600;

async function playThroughHost(c: Case): Promise<void> {
  const loaded = loadFixture(c.scenarioPath);
  const sc = loaded.scenario;
  const scriptText = readFileSync(c.scriptPath, 'utf8');
  const parsed = parseScript(scriptText, c.scriptPath);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const t = await startTestHost({ loaded, seed: SEED, startSpeed: SPEED, ...(c.variant ? { variant: c.variant } : {}) });
  try {
    const code = t.serving.host.issueCode();
    const term = await CandidateTerminal.open(await connect(t.serving.port, code), 120, 40);
    await term.waitFor('[enter] start the clock');
    term.type('\r');
    const cand = t.serving.host.candidates[0]!;
    const state = () => cand.session.engine.state;
    const screens: string[] = [];
    const third = Math.floor(parsed.lines.length / 3);
    let toCommandLine = false;
    for (const [i, line] of parsed.lines.entries()) {
      for (let n = 0; n < 400 && state().sec * 1000 < line.simMs && !cand.finished && state().lifecycle !== 'timed-out'; n++) await sleep(20);
      if (cand.finished) break;
      // The postmortem editor takes focus when it opens; escape gives it back to the command line the script types into.
      if (state().lifecycle === 'postmortem' && !toCommandLine) {
        await sleep(300);
        term.type('\u001b');
        await sleep(200);
        toCommandLine = true;
      }
      term.type(`${line.text}\r`);
      await sleep(40);
      screens.push(await term.screen());
      if (i === third) {
        const examiner = cand.examiner();
        examiner.poll();
        const variant = sc.variants.find((v) => v.id === state().variant)!;
        examiner.note(`${NOTE_MARK}: ${variant.rootCause}`);
        examiner.note(sc.examiner.notes.slice(0, 400));
        examiner.releaseHint();
        examiner.injectMessage('Any news for customers?');
        examiner.injectPage('Second page from the examiner');
        examiner.togglePause();
        await sleep(300);
        screens.push(await term.screen());
        examiner.togglePause();
        examiner.extend();
      }
    }
    await sleep(300);
    screens.push(await term.screen());
    term.client.end();

    const ruled = sc.rubric.map((r) => r.title);
    const hidden = hiddenStrings(sc, scriptText, [...ruled, String(SEED)]);
    expect(hidden.length).toBeGreaterThan(3);
    const sent = stripVTControlCharacters(term.received());
    expect(sent.length).toBeGreaterThan(10_000);
    expect(leaks(sent, hidden), 'bytes sent to the candidate').toEqual([]);
    for (const s of screens) expect(leaks(s, hidden), `the candidate's screen:\n${s}`).toEqual([]);
    // The session was played, through the host, with the examiner's events in it.
    const events = t.store.events(cand.id);
    expect(events.filter((e) => e.type === 'command').length).toBeGreaterThan(5);
    expect(events.filter((e) => e.actor === 'examiner').length).toBeGreaterThanOrEqual(7);
    // Control: the same check finds the truth in what the examiner's console holds.
    expect(leaks(JSON.stringify(cand.examiner().view({ sparkPoints: 40, logLines: 12, feedLines: 9, timelineEntries: 12, logScrollback: 0 })), hidden).length).toBeGreaterThan(0);
    expect(norm(sent)).toContain(norm(sc.title).slice(0, 20));
  } finally {
    await t.stop();
  }
}

describe.concurrent('the bytes a hosted candidate receives', () => {
  const all = cases().filter((c) => c.scenarioPath.startsWith('scenarios/'));
  it('finds the bundled scenarios and their scripts', () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
  });
  for (const c of all) {
    it(`${c.name}: nothing examiner-only crosses the channel`, () => playThroughHost(c), 120_000);
  }
});

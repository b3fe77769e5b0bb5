// Hidden truth stays hidden: for every scenario's strong and weak scripts
// (test/scripts/SCENARIO[.VARIANT].{strong,weak}.txt, matched to
// scenarios/SCENARIO.yaml; more are being added, so they are globbed), play
// the script as an interview with an examiner at work (notes that quote the
// root cause, a released hint, injections, a pause and an extension), and
// render the candidate's frame after every event. No examiner-only text may
// appear: any variant's title, id or root-cause sentences, the examiner's
// notes, strong/weak play, or the examiner's own annotations. The
// candidate's report (interview mode) and the candidate export are checked
// the same way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateCopy } from '../../src/session/examiner-redact.js';
import { keyRing } from '../../src/signing/index.js';
import { INTERVIEW_DONE, LiveController } from '../../src/session/live-controller.js';
import { reportMarkdown } from '../../src/session/reports.js';
import { parseScript } from '../../src/session/script.js';
import { Session } from '../../src/session/session.js';
import type { EventBody } from '../../src/sim/events.js';
import { openStore } from '../../src/store/index.js';
import { renderFrame, viewSizeFor } from '../../src/ui/render-frame.js';
import { selectExaminerView } from '../../src/view/examiner-select.js';
import { selectView } from '../../src/view/select.js';
import { loadFixture } from '../helpers.js';
import { cases, hiddenStrings, leaks, NOTE_MARK, sentences } from '../support/hidden-strings.js';

const W = 120;
const H = 40;
describe('hidden truth stays off the candidate side', () => {
  const all = cases();
  it('finds the scripts and their scenarios', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  for (const c of all) {
    it(
      `${c.name}: no frame, candidate report or candidate export shows examiner-only text`,
      () => {
        const loaded = loadFixture(c.scenarioPath);
        const scriptText = readFileSync(c.scriptPath, 'utf8');
        const parsed = parseScript(scriptText, c.scriptPath);
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        const sc = loaded.scenario;
        const store = openStore(':memory:');
        const session = Session.start(store, loaded, { seed: 1, trainee: 'cand', mode: 'interview', difficulty: 'normal', ...(c.variant ? { variant: c.variant } : {}) }, () => 1_700_000_000_000);
        const variant = sc.variants.find((v) => v.id === session.engine.state.variant)!;
        const hidden = hiddenStrings(sc, scriptText);
        const size = viewSizeFor(W, H);
        let frames = 0;
        const check = (where: string) => {
          const vm = selectView(session.engine, size, { mode: 'play', interview: true, summary: null });
          const frame = renderFrame(vm, W, H);
          frames++;
          const found = [...leaks(JSON.stringify(vm), hidden), ...leaks(frame, hidden)];
          expect(found, `${where}: examiner-only text on the candidate's screen`).toEqual([]);
        };
        const rec = (body: EventBody, simMs: number, actor: 'ic' | 'examiner' | 'system' = 'ic') => {
          session.record(body, simMs, actor);
          check(`${body.type} at ${simMs / 1000}s`);
        };
        rec({ type: 'start' }, 0);
        const lines = parsed.lines;
        const third = Math.floor(lines.length / 3);
        lines.forEach((l, i) => {
          if (session.engine.state.lifecycle === 'scored') return;
          rec({ type: 'command', text: l.text }, l.simMs);
          if (i === third) {
            const at = Math.max(l.simMs, session.engine.sec * 1000);
            rec({ type: 'annotate', text: `${NOTE_MARK}: ${variant.rootCause}` }, at, 'examiner');
            rec({ type: 'annotate', text: sc.examiner.notes.slice(0, 400) }, at, 'examiner');
            rec({ type: 'inject', kind: 'hint', from: 'examiner', channel: 'chat', text: '' }, at, 'examiner');
            rec({ type: 'inject', kind: 'message', from: sc.stakeholders[0]?.id ?? 'support', channel: 'stakeholder', text: 'Any news for customers?' }, at, 'examiner');
            rec({ type: 'inject', kind: 'page', from: 'pagerduty', channel: 'page', text: 'Second page from the examiner' }, at, 'examiner');
            rec({ type: 'pause' }, at, 'examiner');
            rec({ type: 'resume' }, at, 'examiner');
            rec({ type: 'extend', minutes: 10 }, at, 'examiner');
          }
        });
        const s = session.engine.state;
        if (s.lifecycle === 'active' || s.lifecycle === 'mitigated') {
          session.engine.advanceTo(s.timeLimitSec * 1000);
          check('time limit');
        }
        rec({ type: 'quit' }, session.engine.sec * 1000, 'system');
        expect(frames).toBeGreaterThan(lines.length);

        // The candidate's own report, before the examiner releases the debrief.
        const report = reportMarkdown(session, session.score(), false);
        expect(leaks(report, hidden.filter((h) => !sentences(sc.examiner.strongPlay).includes(h))), 'candidate report').toEqual([]);

        // The candidate export.
        const copy = JSON.stringify(candidateCopy(store.exportSession(session.id), keyRing().own()));
        expect(leaks(copy, hidden), 'candidate export').toEqual([]);
        expect(copy).not.toContain(session.row.variant);

        // Control: the same check does find the truth where it belongs, on the examiner's console.
        expect(hidden.length).toBeGreaterThan(3);
        const examiner = selectExaminerView(session.engine, { sessionId: session.id, trainee: 'cand', mode: 'interview', link: '', live: false, candidateSize: size, activity: [], message: null });
        expect(leaks(JSON.stringify(examiner), hidden)).toContain(variant.title);
        store.close();
      },
      180_000,
    );
  }

  it('an interview candidate sees no score or rubric at the end, only that the examiner has the debrief', () => {
    const loaded = loadFixture('test/fixtures/mini.yaml');
    const store = openStore(':memory:');
    const session = Session.start(store, loaded, { seed: 1, trainee: 'cand', mode: 'interview', difficulty: 'normal' }, () => 0);
    let now = 0;
    const live = new LiveController(session, { interview: true, onFinish: () => 'DRILL · score 80/100 · − Follow up: missed', wallNow: () => now });
    expect(renderFrame(live.view(viewSizeFor(W, H)), W, H)).toBeTruthy();
    expect(live.view(viewSizeFor(W, H)).briefing.text).toMatch(/examiner may be watching/);
    live.start();
    now += 100;
    live.advance(100);
    live.quit();
    const vm = live.view(viewSizeFor(W, H));
    expect(vm.summary).toBe(INTERVIEW_DONE);
    const frame = renderFrame(vm, W, H);
    expect(frame).not.toMatch(/\d+\/100|Follow up/);
    for (const cp of loaded.scenario.rubric) expect(frame).not.toContain(cp.title);
    store.close();
  });
});

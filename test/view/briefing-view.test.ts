import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiveController } from '../../src/session/live-controller.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { briefingOnlyView } from '../../src/view/briefing-view.js';
import type { ViewSize } from '../../src/view/model.js';
import { loadFixture } from '../helpers.js';

const SIZE: ViewSize = { sparkPoints: 20, logLines: 5, feedLines: 5, timelineEntries: 5, logScrollback: 0 };
const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);

describe('the briefing-only view (drawn before the session exists)', () => {
  for (const file of [...SCENARIOS, 'test/fixtures/mini.yaml']) {
    for (const mode of ['solo', 'interview'] as const) {
      it(`${file} (${mode}): the header and briefing are what the live session shows before its clock starts`, () => {
        const loaded = loadFixture(file);
        const store = openStore(':memory:');
        const session = Session.start(store, loaded, { seed: 3, trainee: 'test', mode, difficulty: 'hard' }, () => 1_700_000_000_000);
        const live = new LiveController(session, { interview: mode === 'interview', onFinish: () => '' });
        const shown = live.view(SIZE);
        const early = briefingOnlyView(loaded.scenario, { difficulty: 'hard', interview: mode === 'interview' });
        expect(early.header).toEqual(shown.header);
        expect(early.briefing).toEqual(shown.briefing);
        expect(early.finished).toBe(false);
        expect(early.answer).toBeNull();
        store.close();
      });
    }
  }
});

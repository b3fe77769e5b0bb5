// The history screen and the scenario picker: scores per competency across
// sessions with a trend, personal bests per scenario, read from the store by
// src/session/history.ts and handed to the UI as plain data.
import chalk from 'chalk';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { historyText } from '../../src/cli/commands/sessions.js';
import { loadHistory, summarizeHistory, type HistorySession } from '../../src/session/history.js';
import { openStore } from '../../src/store/index.js';
import { PickerApp } from '../../src/ui/picker/run-picker.js';
import type { PickerItem } from '../../src/ui/picker/ScenarioPicker.js';
import { ThemeProvider } from '../../src/ui/theme.js';
import { play } from '../helpers.js';
import { flush, KEYS, waitFor } from './helpers.js';

afterEach(() => cleanup());

const COLOUR = /\u001B\[(?:3\d|4\d|9[0-7]|10[0-7])(?:;\d+)*m/u;

function session(id: string, scenarioId: string, startedAt: string, score: number, sections: [string, number, number][]): HistorySession {
  return {
    id,
    scenarioId,
    trainee: 'alex',
    mode: 'solo',
    difficulty: 'normal',
    startedAt,
    outcome: 'resolved',
    score,
    scoreMax: 100,
    sections: sections.map(([sid, s, max]) => ({ id: sid, score: s, max })),
  };
}

const HISTORY = summarizeHistory(
  [
    session('S3', 'payment-fraud-dns', '2026-03-12T20:00:00Z', 84, [['detection', 9, 10], ['communication', 11, 15], ['hints', -2, 0]]),
    session('S1', 'payment-fraud-dns', '2026-03-10T20:00:00Z', 52, [['detection', 4, 10], ['communication', 3, 15]]),
    session('S2', 'mini-checkout', '2026-03-11T20:00:00Z', 70, [['detection', 10, 10], ['communication', 6, 15]]),
  ],
  1,
);

const ITEMS: PickerItem[] = [
  { id: 'mini-checkout', title: 'Checkout errors after a config push', difficulty: 'easy', timeLimitMin: 30, source: 'test fixture', summary: 'Checkout fails after a bad config push; roll it back.' },
  { id: 'payment-fraud-dns', title: 'Payments fail while everything looks healthy', difficulty: 'normal', timeLimitMin: 45, source: 'inspired by a public postmortem', summary: 'A DNS record for the fraud API disappears; payments fail.' },
];

describe('summarizeHistory', () => {
  it('orders sessions oldest first; a trend per competency in percent; the best per scenario', () => {
    expect(HISTORY.sessions.map((s) => s.id)).toEqual(['S1', 'S2', 'S3']);
    const detection = HISTORY.competencies.find((c) => c.id === 'detection')!;
    expect(detection.percents).toEqual([40, 100, 90]);
    expect(detection).toMatchObject({ latest: 90, best: 100, mean: 76.7 });
    expect(HISTORY.competencies.map((c) => c.id)).not.toContain('hints');
    expect(HISTORY.bests).toEqual([
      expect.objectContaining({ scenarioId: 'mini-checkout', score: 70, attempts: 1 }),
      expect.objectContaining({ scenarioId: 'payment-fraud-dns', score: 84, sessionId: 'S3', attempts: 2 }),
    ]);
    expect(HISTORY.unscored).toBe(1);
  });

  it('the text for `firedrill sessions`: a sparkline per competency and the personal bests', () => {
    const text = historyText(HISTORY).join('\n');
    expect(text).toMatch(/detection\s+▄█▇\s+latest 90%\s+best 100%\s+mean 76.7%/u);
    expect(text).toContain('personal bests');
    expect(text).toMatch(/payment-fraud-dns\s+84\/100\s+\(2026-03-12, 2 attempts\)/u);
  });
});

describe('loadHistory', () => {
  it('reads scored sessions and their sections from the store', async () => {
    const store = openStore(':memory:');
    await play('test/fixtures/mini.yaml', 'test/fixtures/mini.strong.txt', 1, { store });
    await play('test/fixtures/mini.yaml', 'test/fixtures/mini.weak.txt', 2, { store });
    const h = loadHistory(store);
    expect(h.sessions).toHaveLength(2);
    expect(h.sessions[0]!.sections.length).toBeGreaterThan(3);
    expect(h.bests).toEqual([expect.objectContaining({ scenarioId: 'mini-checkout', attempts: 2 })]);
    const strong = Math.max(...h.sessions.map((s) => s.score));
    expect(h.bests[0]!.score).toBe(strong);
    expect(h.competencies.find((c) => c.id === 'detection')?.percents).toHaveLength(2);
    expect(loadHistory(store, { trainee: 'nobody' }).sessions).toEqual([]);
    store.close();
  });
});

function renderPicker(opts: { difficulty?: string; color?: boolean; history?: typeof HISTORY; load?: () => Promise<typeof HISTORY> } = {}) {
  const picked: (string | null)[] = [];
  let loads = 0;
  const app = render(
    <ThemeProvider color={opts.color ?? false}>
      <PickerApp
        items={ITEMS}
        done={(id) => picked.push(id)}
        loadHistory={() => {
          loads++;
          return opts.load ? opts.load() : (opts.history ?? HISTORY);
        }}
        size={{ columns: 100, rows: 30 }}
        {...(opts.difficulty ? { difficulty: opts.difficulty } : {})}
      />
    </ThemeProvider>,
  );
  const frame = () => app.lastFrame() ?? '';
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await flush();
    }
  };
  return { ...app, frame, press, picked, loads: () => loads };
}

describe('scenario picker', () => {
  it('shows the highlighted scenario’s difficulty, time limit, source and summary; enter picks it', async () => {
    const { frame, press, picked } = renderPicker();
    await flush();
    expect(frame()).toMatch(/▸ Checkout errors after a config push\s+EASY\s+30 min\s+mini-checkout/u);
    expect(frame()).toContain('difficulty easy · time limit 30 min');
    expect(frame()).toContain('source: test fixture');
    expect(frame()).toContain('Checkout fails after a bad config push; roll it back.');
    await press(KEYS.down);
    expect(frame()).toContain('difficulty normal · time limit 45 min');
    expect(frame()).toContain('source: inspired by a public postmortem');
    expect(frame()).toContain('A DNS record for the fraud API disappears');
    await press(KEYS.enter);
    expect(picked).toEqual(['payment-fraud-dns']);
  });

  it('says when --difficulty overrides the scenario’s own', async () => {
    const { frame } = renderPicker({ difficulty: 'hard' });
    await flush();
    expect(frame()).toContain('difficulty hard (--difficulty; the scenario says easy)');
  });

  it('q leaves without a pick', async () => {
    const { press, picked } = renderPicker();
    await press('q');
    expect(picked).toEqual([null]);
  });
});

describe('history screen', () => {
  it('h opens it from the picker: competencies with a trend, personal bests; esc goes back', async () => {
    const { frame, press, loads } = renderPicker();
    await flush();
    expect(loads()).toBe(0); // read only when asked for
    await press('h');
    await waitFor(() => frame().includes('your history'), 'history');
    const out = frame();
    expect(out).toContain('Competencies · 3 scored sessions');
    expect(out).toMatch(/detection\s+▄█▇\s+latest\s+90%\s+best 100%\s+mean\s+77%/u);
    expect(out).toMatch(/communication\s+\S+\s+latest\s+73%/u);
    expect(out).toContain('Personal bests');
    expect(out).toMatch(/payment-fraud-dns\s+84\/100\s+2026-03-12\s+2 attempts/u);
    expect(out).toContain('(+1 session(s) not scored)');
    await press(KEYS.escape);
    await waitFor(() => frame().includes('pick a scenario'), 'back to the list');
    await press('h');
    expect(loads()).toBe(1); // read once
  });

  it('a history read in the background shows "reading…" first; a failed read says why', async () => {
    let finish!: (h: typeof HISTORY) => void;
    const slow = renderPicker({ load: () => new Promise((resolve) => (finish = resolve)) });
    await slow.press('h');
    await waitFor(() => slow.frame().includes('reading…'), 'reading');
    finish(HISTORY);
    await waitFor(() => slow.frame().includes('Competencies · 3 scored sessions'), 'the history');
    cleanup();
    const failing = renderPicker({ load: () => Promise.reject(new Error('the database is locked')) });
    await failing.press('h');
    await waitFor(() => failing.frame().includes('cannot read the history: the database is locked'), 'the error');
  });

  it('an empty history says how to get one', async () => {
    const { frame, press } = renderPicker({ history: summarizeHistory([]) });
    await press('h');
    await waitFor(() => frame().includes('No scored sessions yet'), 'empty');
  });

  it('with colour off neither the picker nor the history writes colour codes', async () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const on = renderPicker({ color: true });
      await flush();
      expect(on.frame()).toMatch(COLOUR);
      // The difficulty badge (@inkjs/ui) has a background; without colour its word alone says it.
      expect(on.frame()).toMatch(/\u001B\[4[1-7]m/u);
      cleanup();
      const off = renderPicker({ color: false });
      await flush();
      expect(off.frame()).not.toMatch(COLOUR);
      await off.press('h');
      await waitFor(() => off.frame().includes('your history'), 'history');
      expect(off.frame()).not.toMatch(COLOUR);
    } finally {
      chalk.level = level;
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.js';
import { Engine } from '../../src/sim/engine.js';
import { loadFixture, playText } from '../helpers.js';

const MINI = 'test/fixtures/mini.yaml';
const STRONG = readFileSync('test/fixtures/mini.strong.txt', 'utf8');
/** The strong script up to the open postmortem, before any action item. */
const OPENED = STRONG.split('\n').filter((l) => !/^\d\d:\d\d pm (action|submit)/u.test(l)).join('\n');

function atPostmortem(): Engine {
  const engine = new Engine(loadFixture(MINI).scenario, { seed: 1 });
  engine.apply({ simMs: 0, actor: 'ic', body: { type: 'start' } });
  for (const line of OPENED.split('\n')) {
    const m = /^(\d\d):(\d\d) (.+)$/u.exec(line);
    if (m) engine.apply({ simMs: (Number(m[1]) * 60 + Number(m[2])) * 1000, actor: 'ic', body: { type: 'command', text: m[3]! } });
  }
  return engine;
}

function say(engine: Engine, text: string): { text: string; ok: boolean } {
  engine.apply({ simMs: engine.state.sec * 1000 + 5000, actor: 'ic', body: { type: 'command', text } });
  return engine.state.lastAnswer!;
}

const items = (engine: Engine) => engine.state.postmortem.actions.map((a) => `${a.type} ${a.priority} ${a.owner} ${a.text}`);

describe('editing and deleting postmortem action items', () => {
  it('pm action edit N replaces item N in place with the same checks as pm action', () => {
    const e = atPostmortem();
    say(e, 'pm action prevent P1 @platform Validate config pushes');
    say(e, 'pm action detect P2 @checkout Alert on 5xx');
    expect(say(e, 'pm action edit 2 detect P1 @checkout Alert when checkout 5xx exceeds 2% for 2 minutes')).toEqual({ sec: e.state.sec, text: 'action item 2 replaced', ok: true });
    expect(items(e)).toEqual(['prevent P1 @platform Validate config pushes', 'detect P1 @checkout Alert when checkout 5xx exceeds 2% for 2 minutes']);
    const bad = say(e, 'pm action edit 1 blame P1 @platform x');
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain("an action item's type is one of");
    expect(items(e)).toHaveLength(2);
  });

  it('pm action delete N removes item N and the later ones move up', () => {
    const e = atPostmortem();
    say(e, 'pm action prevent P1 @platform one');
    say(e, 'pm action detect P1 @checkout two');
    say(e, 'pm action process P2 @checkout three');
    expect(say(e, 'pm action delete 2')).toMatchObject({ ok: true, text: 'action item 2 deleted; the ones after it moved up a number' });
    expect(items(e)).toEqual(['prevent P1 @platform one', 'process P2 @checkout three']);
    expect(say(e, 'pm action delete 2')).toMatchObject({ ok: true, text: 'action item 2 deleted' });
    expect(items(e)).toEqual(['prevent P1 @platform one']);
  });

  it('refuses a number that names no item, and changes nothing', () => {
    const e = atPostmortem();
    expect(say(e, 'pm action delete 1')).toMatchObject({ ok: false, text: 'no action item 1: there are none yet' });
    say(e, 'pm action prevent P1 @platform one');
    expect(say(e, 'pm action delete 2')).toMatchObject({ ok: false, text: 'no action item 2: the items are numbered 1–1' });
    expect(say(e, 'pm action edit 3 detect P1 @checkout two')).toMatchObject({ ok: false, text: 'no action item 3: the items are numbered 1–1' });
    expect(say(e, 'pm action delete 0').ok).toBe(false);
    expect(items(e)).toEqual(['prevent P1 @platform one']);
  });

  it('a script that adds an item and deletes it ends with no items, and its recording replays to the same world', async () => {
    const r = await playText(MINI, `${OPENED}\n14:00 pm action prevent P1 @platform Validate config pushes\n14:10 pm action delete 1\n14:20 pm submit\n`);
    const s = r.session.engine.state;
    expect(s.postmortem.actions).toEqual([]);
    expect(s.postmortem.submittedSec).not.toBeNull();
    expect(r.session.store.events(r.session.id).filter((e) => e.type === 'command' && /^pm action/u.test((e.payload as { text: string }).text)).length).toBe(2);
    const again = Session.load(r.session.store, r.session.id, () => 1_700_000_000_000);
    expect(again.engine.state.postmortem).toEqual(s.postmortem);
  });

  it('a deleted blameful item no longer counts against the score', async () => {
    const strong = await playText(MINI, STRONG);
    const withBlame = STRONG.replace('14:20 pm submit', '14:15 pm action process P2 @ana Ana should be more careful with config pushes\n14:20 pm submit');
    const blamed = await playText(MINI, withBlame);
    const deleted = await playText(MINI, withBlame.replace('14:20 pm submit', '14:18 pm action delete 3\n14:20 pm submit'));
    const pm = (s: typeof strong.score) => s.sections.find((x) => x.id === 'postmortem')!.score;
    expect(pm(blamed.score)).toBeLessThan(pm(strong.score));
    expect(pm(deleted.score)).toBe(pm(strong.score));
    expect(deleted.session.engine.state.postmortem.actions).toHaveLength(2);
  });
});

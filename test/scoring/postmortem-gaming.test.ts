import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostmortemAction, WorldState } from '../../src/sim/world.js';
import { scoreSession } from '../../src/scoring/score.js';
import type { Score } from '../../src/scoring/types.js';
import { checkpoint, loadFixture, play, playText, scriptLines } from '../helpers.js';

/**
 * Postmortem credit cannot be bought. For every bundled scenario the strong
 * and the weak scripts are played; then the strong session's postmortem is
 * rewritten the ways a trainee might try to game it (keyword stuffing, the
 * briefing's lines, the concept titles and plain words the report shows, a
 * blameful item added) and scored again. Each case asserts its ordering
 * against the strong and weak scripts.
 */
const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

interface Played {
  strong: { score: Score; world: WorldState };
  weak: { score: Score; world: WorldState };
}

const pmSection = (s: Score) => s.sections.find((x) => x.id === 'postmortem')!.score;
const concepts = (s: Score) => s.checkpoints.filter((c) => c.section === 'postmortem' && c.reason.includes('follow-ups this incident needs')).reduce((a, c) => a + c.earned, 0);

/** The strong session with its action items replaced, scored again. */
function rescored(scenarioId: string, p: Played, items: Omit<PostmortemAction, 'sec'>[]): Score {
  const world = structuredClone(p.strong.world);
  world.postmortem.actions = items.map((it, i) => ({ ...it, sec: (world.postmortem.startedSec ?? 0) + 10 * (i + 1) }));
  return scoreSession(loadFixture(`scenarios/${scenarioId}.yaml`).scenario, world);
}

describe.each(SCENARIOS)('postmortem gaming: %s', (id) => {
  const p = {} as Played;
  const { scenario } = loadFixture(`scenarios/${id}.yaml`);
  const owner = scenario.teams[0]?.id ?? 'platform';
  const person = scenario.people[0]!.name.split(/\s+/)[0]!;

  beforeAll(async () => {
    const strongFile = readdirSync('test/scripts').find((f) => f.startsWith(`${id}.`) && f.endsWith('.strong.txt'))!;
    const variant = strongFile.slice(id.length + 1, -'.strong.txt'.length) || undefined;
    const strong = await play(`scenarios/${id}.yaml`, `test/scripts/${strongFile}`, 1, variant ? { variant } : {});
    const weak = await play(`scenarios/${id}.yaml`, `test/scripts/${id}.weak.txt`, 1, variant ? { variant } : {});
    p.strong = { score: strong.score, world: strong.session.engine.state };
    p.weak = { score: weak.score, world: weak.session.engine.state };
  }, 120_000);

  it('the strong postmortem earns every concept and beats the weak one', () => {
    expect(p.strong.score.postmortem.conceptsMet).toEqual(scenario.postmortem.concepts.map((c) => c.id));
    expect(pmSection(p.strong.score)).toBeGreaterThan(pmSection(p.weak.score));
    expect(concepts(p.weak.score)).toBe(0);
  });

  it('keyword stuffing earns no concept and scores below the strong postmortem', () => {
    // Every concept's phrases strung together, behind a verb and as bare nouns.
    const stuffed = scenario.postmortem.concepts.flatMap((c) => {
      const words = c.all.map((g) => g[0]!.trim()).join(' ');
      return [
        { type: c.type ?? 'prevent', priority: 'P1', owner, text: `Add alert monitor SLO dashboard runbook test ${words}` },
        { type: c.type ?? 'prevent', priority: 'P1', owner, text: `${words} alert dashboard runbook` },
      ];
    });
    const s = rescored(id, p, stuffed.slice(0, 8));
    expect(s.postmortem.conceptsMet).toEqual([]);
    expect(concepts(s)).toBe(concepts(p.weak.score));
    expect(pmSection(s)).toBeLessThan(pmSection(p.strong.score));
  });

  it("the briefing's lines copied as items earn no concept", () => {
    const lines = scenario.briefing.text.split('\n').map((l) => l.trim()).filter((l) => l.split(/\s+/).length >= 5).slice(0, 8);
    const s = rescored(id, p, lines.map((text) => ({ type: 'prevent', priority: 'P1', owner, text })));
    expect(s.postmortem.conceptsMet).toEqual([]);
    expect(concepts(s)).toBe(concepts(p.weak.score));
    expect(pmSection(s)).toBeLessThan(pmSection(p.strong.score));
  });

  it("the concepts' titles and plain words copied as items earn no concept", () => {
    const titles = scenario.postmortem.concepts.map((c) => ({ type: c.type ?? 'prevent', priority: 'P1', owner, text: c.title }));
    const plain = scenario.postmortem.concepts.map((c) => ({ type: c.type ?? 'prevent', priority: 'P1', owner, text: `Start ${c.plain!}` }));
    for (const items of [titles, plain]) {
      const s = rescored(id, p, items);
      expect(s.postmortem.conceptsMet).toEqual([]);
      expect(concepts(s)).toBe(concepts(p.weak.score));
      expect(pmSection(s)).toBeLessThan(pmSection(p.strong.score));
    }
  });

  it('the report names what is missing in plain words, never the title or its phrases', () => {
    const reason = checkpoint(p.weak.score, 'pm-concepts').reason;
    for (const c of scenario.postmortem.concepts) {
      expect(reason).toContain(c.plain!);
      expect(reason).not.toContain(c.title);
    }
  });

  it.each([
    ['fire the engineer', 'Fire the engineer who made the change'],
    ['require NAME to', `Require ${'{person}'} to get sign-off from a senior engineer before every change`],
    ['be more careful', 'Be more careful with production changes'],
  ])('a blameful item (%s) added to the strong postmortem puts the section below an empty one', (_, template) => {
    const text = template.replace('{person}', person);
    const strongItems = p.strong.world.postmortem.actions.map(({ sec: _sec, ...it }) => it);
    const s = rescored(id, p, [...strongItems, { type: 'process', priority: 'P2', owner, text }]);
    const empty = rescored(id, p, []);
    expect(s.items.at(-1)!.blameful).toBe(true);
    expect(pmSection(s)).toBeLessThan(pmSection(p.strong.score));
    expect(pmSection(s)).toBeLessThan(pmSection(empty));
    expect(pmSection(empty)).toBeLessThanOrEqual(pmSection(p.strong.score));
    expect(s.total).toBeLessThan(p.strong.score.total);
  });
});

describe('postmortem gaming, played end to end', () => {
  it('payment-fraud-dns: a blameful item typed into the strong session lowers its score and its postmortem below an empty one', async () => {
    const lines = scriptLines('test/scripts/payment-fraud-dns.strong.txt');
    const text = lines.map((l) => `${String(Math.floor(l.simMs / 60_000)).padStart(2, '0')}:${String(Math.floor(l.simMs / 1000) % 60).padStart(2, '0')} ${l.text}`);
    const submit = text.findIndex((l) => / pm submit$/.test(l));
    const at = text[submit]!.slice(0, 5);
    const blamed = [...text.slice(0, submit), `${at} pm action process P2 platform Require Marco to get sign-off from a senior engineer before changing DNS`, ...text.slice(submit)].join('\n');
    const strong = await play('scenarios/payment-fraud-dns.yaml', 'test/scripts/payment-fraud-dns.strong.txt');
    const r = await playText('scenarios/payment-fraud-dns.yaml', blamed);
    expect(r.score.items.at(-1)!.blameful).toBe(true);
    expect(r.score.items.at(-1)!.notes.join(' ')).toMatch(/makes a person the fix/);
    expect(pmSection(r.score)).toBeLessThan(0);
    expect(r.score.total).toBeLessThan(strong.score.total);
  }, 60_000);
});

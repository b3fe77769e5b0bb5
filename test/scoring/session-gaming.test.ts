import { beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, loadFixture, playText, reasonsOf } from '../helpers.js';
import { at, BUNDLED, strongAndWeak, withLines } from '../support/played-scripts.js';

/**
 * The session score cannot be gamed. For every bundled scenario the strong
 * and weak scripts are played, then the ways a trainee might try to game the
 * score are played too, each asserting its ordering against the two.
 */
describe.each(BUNDLED)('session gaming: %s', (id) => {
  const scenario = `scenarios/${id}.yaml`;
  let p: Awaited<ReturnType<typeof strongAndWeak>>;
  const { scenario: sc } = loadFixture(scenario);
  const statusCheck = sc.rubric.find((c) => c.check.kind === 'status-content');
  const impactWord = statusCheck?.check.kind === 'status-content' ? statusCheck.check.mentions[0]![0]! : 'service';
  const section = (s: { sections: { id: string; score: number }[] }, id: string) => s.sections.find((x) => x.id === id)?.score ?? 0;
  beforeAll(async () => {
    p = await strongAndWeak(id);
  }, 120_000);

  it('resolving at once, or doing nothing, scores at most 5 and below the weak play; checks that did not apply give nothing', async () => {
    const atOnce = await playText(scenario, '00:10 resolve', 1, p.variant);
    const nothing = await playText(scenario, '00:05 note watching', 1, p.variant);
    for (const s of [atOnce.score, nothing.score]) {
      expect(s.total).toBeLessThanOrEqual(5);
      expect(s.total).toBeLessThan(p.weak.score.total);
      expect(s.total).toBeLessThan(p.strong.score.total);
      for (const c of s.checkpoints.filter((x) => x.notApplicable)) expect(c.earned).toBe(0);
    }
    expect(reasonsOf(atOnce.score)).toMatch(/not applicable \(no change was made/);
    // The weight of the checks that did not apply went to the others (to rounding).
    expect(Math.abs(atOnce.score.checkpoints.reduce((a, c) => a + c.points, 0) - atOnce.score.max)).toBeLessThanOrEqual(1);
  });

  it('status spam: repeats count once and empty updates count not at all, so spam never raises the score', async () => {
    const firstStatus = p.strong.lines.find((l) => / status /.test(l))!;
    const from = Number(firstStatus.slice(0, 2)) * 60 + Number(firstStatus.slice(3, 5));
    const end = p.strong.world.resolvedSec!;
    const repeat = [];
    for (let t = from + 10; t < end - 10; t += 10) repeat.push(`${at(t)} ${firstStatus.slice(6)}`);
    const strongSpam = await playText(scenario, withLines(p.strong.lines, repeat), 1, p.variant);
    expect(strongSpam.score.total).toBeLessThanOrEqual(p.strong.score.total);
    expect(section(strongSpam.score, 'communication')).toBeLessThanOrEqual(section(p.strong.score, 'communication'));
    expect(reasonsOf(strongSpam.score)).toMatch(/repeat/);
    expect(reasonsOf(strongSpam.score)).not.toMatch(new RegExp(`${repeat.length} of ${repeat.length}`));
    // An update every 10 s that says nothing fills no silence in the weak play.
    const ack = p.weak.world.ackSec ?? 60;
    const noise = [];
    for (let t = ack + 5; t < ack + 1500 && t < p.weak.world.timeLimitSec - 5; t += 10) noise.push(`${at(t)} status still looking`);
    const weakSpam = await playText(scenario, withLines(p.weak.lines, noise), 1, p.variant);
    expect(weakSpam.score.total).toBeLessThanOrEqual(p.weak.score.total);
    expect(section(weakSpam.score, 'communication')).toBeLessThanOrEqual(section(p.weak.score, 'communication'));
  }, 60_000);

  it('an update claiming recovery while users are still affected is a finding with its reason, and costs points', async () => {
    const onset = p.strong.world.onsetSec ?? 0;
    const when = Math.max(onset, p.strong.world.ackSec ?? 0) + 15;
    expect(p.strong.world.mitigatedSec!).toBeGreaterThan(when);
    const claim = `${at(when)} status All clear: ${impactWord} recovered and back to normal. Next update by the top of the hour.`;
    const r = await playText(scenario, withLines(p.strong.lines, [claim]), 1, p.variant);
    const content = checkpoint(r.score, statusCheck!.id);
    expect(content.reason).toMatch(/claimed recovery while (the underlying fault was still there|users were still affected)/);
    expect(content.earned).toBeLessThan(checkpoint(p.strong.score, statusCheck!.id).earned);
    expect(r.score.total).toBeLessThan(p.strong.score.total);
    expect(r.score.total).toBeGreaterThan(p.weak.score.total);
  }, 60_000);

  it('shotgun `do`: trying every change blindly stays with the weak play, far below the strong one, with no quick-mitigation credit', async () => {
    const changes = sc.actions.filter((a) => a.example).map((a) => a.example!);
    const from = (p.strong.world.onsetSec ?? 120) + 60;
    const shotgun = changes.map((c, i) => `${at(from + 20 * i)} do ${c}`);
    const r = await playText(scenario, withLines(['00:30 ack'], [...shotgun, `${at(from + 20 * changes.length + 60)} resolve`]), 1, p.variant);
    // Blind luck may fix the fault, but it stays with the weak play, far below the strong one, and earns no quick-mitigation credit.
    expect(r.score.total).toBeLessThan(p.strong.score.total - 45);
    expect(r.score.total).toBeLessThanOrEqual(p.weak.score.total + 5);
    const mitigation = r.score.checkpoints.find((c) => sc.rubric.find((x) => x.id === c.id)?.check.kind === 'mitigated');
    if (mitigation) expect(mitigation.earned).toBeLessThanOrEqual(mitigation.points * 0.25);
    if (sc.actions.some((a) => a.kind === 'harmful' && a.example)) expect(reasonsOf(r.score)).toMatch(/harmful: /);
  }, 60_000);

  it('late mitigation: the strong play with its changes made later scores lower, and still above the weak play', async () => {
    const mitigated = p.strong.world.mitigatedSec!;
    const secOf = (l: string) => Number(l.slice(0, l.indexOf(':'))) * 60 + Number(l.slice(l.indexOf(':') + 1, l.indexOf(' ')));
    // Every change asked for before the impact stopped moves 10 minutes later.
    const late = p.strong.lines.map((l) => (secOf(l) <= mitigated && /(^|\s)do\s/.test(l.slice(6)) ? `${at(secOf(l) + 600)} ${l.slice(l.indexOf(' ') + 1)}` : l));
    const r = await playText(scenario, withLines([], late), 1, p.variant);
    expect(r.session.engine.state.mitigatedSec!).toBeGreaterThan(mitigated);
    expect(r.score.total).toBeLessThan(p.strong.score.total);
    expect(r.score.total).toBeGreaterThan(p.weak.score.total);
  }, 60_000);
});

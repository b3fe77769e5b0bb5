import { describe, expect, it } from 'vitest';
import { judgeItems, judgeSet } from '../../src/scoring/action-items.js';
import { renderHtml } from '../../src/scoring/report-html.js';
import { renderJson } from '../../src/scoring/report-json.js';
import { renderMarkdown } from '../../src/scoring/report-md.js';
import type { ReportMeta } from '../../src/scoring/types.js';
import { runScript } from '../../src/session/headless.js';
import { openStore } from '../../src/store/index.js';
import { checkpoint, loadFixture, play, playText, scriptLines } from '../helpers.js';

const MINI = 'test/fixtures/mini.yaml';
const PFD = 'scenarios/payment-fraud-dns.yaml';
const meta = (sessionId: string): ReportMeta => ({ sessionId, seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal', startedAt: '2026-01-01T00:00:00.000Z', revealTruth: true, chainVerified: true });

/** The mini strong script up to the postmortem, then the given postmortem lines. */
const miniWith = (pm: string) =>
  `01:40 ack
01:50 sev 2
02:00 status Checkout failing for most customers; investigating. Next update in 10 min.
03:20 ask ana do rollback config in 1m
05:00 rootcause a config push pointed payments at a dead host
06:00 resolve
06:10 postmortem
${pm}`;

describe('the postmortem in the score', () => {
  it('the mini strong postmortem meets both concepts; the weak one meets none, with reasons', async () => {
    const strong = await play(MINI, 'test/fixtures/mini.strong.txt');
    const weak = await play(MINI, 'test/fixtures/mini.weak.txt');
    const s = checkpoint(strong.score, 'pm');
    expect(s.earned).toBe(s.points);
    expect(s.reason).toMatch(/2 of 2 follow-ups this incident needs were met/);
    expect(strong.score.items.map((i) => i.concept)).toEqual(['config-check', 'alert']);
    expect(strong.score.items.every((i) => i.band === 'good')).toBe(true);
    const w = checkpoint(weak.score, 'pm');
    expect(w.earned).toBe(0);
    // What is missing is said in plain words, never as the concept's title (which could be copied as an item).
    expect(w.reason).toMatch(/0 of 2 follow-ups this incident needs were met/);
    expect(w.reason).toMatch(/no item addresses these: stopping a bad configuration change before it reaches production; being told quickly when customers cannot check out/);
    expect(w.reason).not.toMatch(/Validate config pushes|Alert on checkout errors/);
    expect(w.reason).toMatch(/2 item\(s\) earned nothing/);
    expect(weak.score.postmortem).toMatchObject({ written: true, submitted: true, late: false, itemCount: 2, conceptsMet: [] });
  });

  it('payment-fraud-dns: the strong postmortem earns every concept, the weak one is penalised for blame and vagueness', async () => {
    const strong = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt');
    const weak = await play(PFD, 'test/scripts/payment-fraud-dns.weak.txt');
    expect(checkpoint(strong.score, 'pm-concepts').earned).toBe(checkpoint(strong.score, 'pm-concepts').points);
    expect(checkpoint(strong.score, 'pm-quality').earned).toBeGreaterThanOrEqual(checkpoint(strong.score, 'pm-quality').points * 0.9);
    expect(strong.score.postmortem.conceptsMet).toEqual(loadFixture(PFD).scenario.postmortem.concepts.map((c) => c.id));
    const q = checkpoint(weak.score, 'pm-quality');
    // Blame puts the section below an empty postmortem.
    expect(q.earned).toBeLessThan(0);
    expect(q.reason).toMatch(/2 blameful item\(s\): the postmortem scores below an empty one/);
    expect(q.reason).toMatch(/1 vague item\(s\) add nothing/);
    expect(q.reason).toMatch(/the write-up blames people \(rootcause: calls it human error/);
    expect(checkpoint(weak.score, 'pm-concepts').earned).toBe(0);
  });

  it('a vague item and a duplicate add nothing; a blameful item voids the concepts and scores negatively', async () => {
    const base = await playText(MINI, miniWith('06:30 pm action detect P1 @checkout Alert when checkout 5xx exceeds 2% for 2 minutes\n06:40 pm submit'));
    const more = await playText(
      MINI,
      miniWith(`06:30 pm action detect P1 @checkout Alert when checkout 5xx exceeds 2% for 2 minutes
06:35 pm action detect P2 @checkout Page the on-call when checkout errors stay above 2% for 2 minutes
06:45 pm action detect P2 @ops Improve monitoring
06:50 pm submit`),
    );
    const [good, dup, vague] = more.score.items;
    expect(good!.concept).toBe('alert');
    expect(dup!.duplicateOf).toBe(0);
    expect(dup!.concepts).toEqual([]);
    expect(dup!.notes.join(' ')).toMatch(/repeats item 1/);
    expect(dup!.better.join(' ')).toMatch(/merge it into item 1/);
    expect(vague!.vague).toBe(true);
    expect(vague!.band).toBe('vague');
    expect(vague!.concepts).toEqual([]);
    // The duplicate and the vague item add no concept; the concept score is the same as with the good item alone.
    expect(checkpoint(more.score, 'pm').earned).toBe(checkpoint(base.score, 'pm').earned);
    expect(checkpoint(more.score, 'pm').reason).toMatch(/1 of 2 follow-ups this incident needs were met/);

    const blamed = await playText(
      MINI,
      miniWith(`06:30 pm action detect P1 @checkout Alert when checkout 5xx exceeds 2% for 2 minutes
06:40 pm action process P2 @ana Ana should be more careful with config pushes
06:50 pm submit`),
    );
    const blame = blamed.score.items[1]!;
    expect(blame.blameful).toBe(true);
    expect(blame.quality).toBeLessThan(0);
    expect(blame.band).toBe('blameful');
    expect(blame.notes.join(' ')).toMatch(/more careful/);
    expect(blame.better.join(' ')).toMatch(/change a system or process, not a person/);
    // A blameful item voids the concept credit of the good one beside it.
    expect(checkpoint(blamed.score, 'pm').earned).toBe(0);
    expect(checkpoint(blamed.score, 'pm').reason).toMatch(/1 blameful item\(s\): a postmortem that blames people earns no credit/);
  });

  it('blame and vagueness cost on the quality checkpoint; duplicates do not raise it', () => {
    const { scenario } = loadFixture(PFD);
    const good = { type: 'detect', priority: 'P1', owner: 'payments', text: 'Add a blackbox DNS probe for fraud-api.internal.corp that pages after 2 minutes of failure' };
    const dup = { ...good, text: 'Deploy a synthetic DNS check for fraud-api.internal.corp paging payments after 2 minutes' };
    const blame = { type: 'process', priority: 'P2', owner: 'platform', text: 'Be more careful with DNS' };
    const judged = judgeItems(scenario, [good, dup, blame]);
    expect(judged.map((j) => [j.concept, j.duplicateOf, j.band])).toEqual([
      ['dependency-detect', null, 'good'],
      [null, 0, 'good'],
      [null, null, 'blameful'],
    ]);
  });

  it('does not reward volume: more than 8 items start to cost, equal priorities are called out', () => {
    const { scenario } = loadFixture(PFD);
    const texts = [
      'Add a blackbox DNS probe for fraud-api.internal.corp that pages after 2 minutes',
      'Page on fast burn of the payment success SLO at 14.4x over 1 hour',
      'Set a 2 s total timeout on the fraud client, DNS lookup included',
      'Implement a fraud_check_mode flag with a Risk-approved fallback under $500',
      'Add a CI gate that fails Terraform plans deleting DNS records queried in the last 7 days',
      'Reconcile every payment attempt between 21:02 and 21:30 against the ledger',
      'Add a DNS and infra changes step to the payments runbook',
      'Alert when payment-db disk usage exceeds 85% for 30 minutes',
      'Add an index to the transactions listing query on payment-db',
      'Publish a status page template for payment outages',
    ];
    const items = texts.map((text) => ({ type: 'detect', priority: 'P1', owner: 'payments', text }));
    const set = judgeSet(scenario, judgeItems(scenario, items), { customersHarmed: true });
    expect(set.penalty).toBeGreaterThan(0);
    expect(set.notes.join(' ')).toMatch(/10 items: more than 8/);
    expect(set.notes.join(' ')).toMatch(/every item is P1/);
    const few = judgeSet(scenario, judgeItems(scenario, items.slice(0, 2)), { customersHarmed: true });
    expect(few.notes.join(' ')).not.toMatch(/more than 8/);
  });

  it('scores identically across two runs, and renders identical reports', async () => {
    const a = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt');
    const b = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt');
    expect(a.score).toEqual(b.score);
    const render = (r: typeof a) => {
      const m = meta('same');
      const w = r.session.engine.state;
      return [renderMarkdown(r.session.scenario, w, r.score, m), renderJson(r.session.scenario, w, r.score, m), renderHtml(r.session.scenario, w, r.score, m, r.session.engine)];
    };
    expect(render(a)).toEqual(render(b));
  });

  it('a postmortem whose countdown expires is submitted as written and marked late/partial', async () => {
    const r = await playText(
      MINI,
      miniWith(`06:20 pm summary Checkout failed after a config push.
06:40 pm action prevent P1 @platform Validate config pushes against a staging check before rollout`),
    );
    const w = r.session.engine.state;
    expect(w.postmortem.late).toBe(true);
    expect(w.postmortem.submittedSec).toBe(w.postmortem.deadlineSec);
    expect(r.score.postmortem).toMatchObject({ written: true, submitted: true, late: true, partial: true, itemCount: 1, conceptsMet: ['config-check'] });
    expect(r.score.postmortem.missingFields).toEqual(expect.arrayContaining(['impact', 'rootcause']));
    // What was written still counts.
    expect(r.score.items[0]!.concept).toBe('config-check');
    expect(checkpoint(r.score, 'pm').reason).toMatch(/when the postmortem time ran out/);
    const md = renderMarkdown(r.session.scenario, w, r.score, meta(r.session.id));
    expect(md).toMatch(/Late\/partial/);
    expect(md).toMatch(/LATE/);
    const html = renderHtml(r.session.scenario, w, r.score, meta(r.session.id), r.session.engine);
    expect(html).toMatch(/data-late="true"/);
    expect(html).toMatch(/LATE: time ran out/);
    expect(JSON.parse(renderJson(r.session.scenario, w, r.score, meta(r.session.id))).postmortem).toMatchObject({ late: true, partial: true });
  });

  it('payment-fraud-dns: an expired postmortem costs on quality and says so', async () => {
    const lines = scriptLines('test/scripts/payment-fraud-dns.strong.txt').filter((l) => !/^pm submit/.test(l.text));
    const r = await runScript(openStore(':memory:'), loadFixture(PFD), lines, { seed: 1, trainee: 'test', mode: 'solo', difficulty: 'normal' }, () => 1_700_000_000_000);
    const onTime = await play(PFD, 'test/scripts/payment-fraud-dns.strong.txt');
    expect(r.score.postmortem.late).toBe(true);
    const q = checkpoint(r.score, 'pm-quality');
    expect(q.reason).toMatch(/late\/partial: the postmortem time ran out/);
    expect(q.earned).toBeLessThan(checkpoint(onTime.score, 'pm-quality').earned);
    expect(checkpoint(r.score, 'pm-concepts').earned).toBe(checkpoint(onTime.score, 'pm-concepts').earned);
  });
});

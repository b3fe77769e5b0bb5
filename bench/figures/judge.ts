// Judge figures: how often the action-item judge agrees with the hand labels
// of the development set (data/action-items/dev-set.jsonl), and Cohen's κ,
// on the development part and on the held-aside fifth separately, and for
// each criterion. Not timings: the value is a share or a κ.
import { judgeItems } from '../../src/scoring/action-items.js';
import { agreement, cohenKappa, LABEL_CRITERIA, readDevSet, type Label, type LabelCriterion, type LabelledItem } from '../agreement.js';
import { figure, type BenchContext } from '../harness.js';
import { benchScenario } from '../workload.js';

interface Verdict {
  label: Label;
  criteria: Record<LabelCriterion, boolean>;
}

async function verdicts(ctx: BenchContext): Promise<{ item: LabelledItem; verdict: Verdict }[]> {
  return ctx.once('judge-verdicts', async () => {
    const { scenario } = await benchScenario(ctx);
    return readDevSet(ctx.root).map((item) => {
      const [j] = judgeItems(scenario, [{ type: 'prevent', priority: 'P1', owner: 'platform', text: item.text }]);
      // A harmful item is not a label of the set: it earns nothing, like a vague one.
      const label: Label = j!.band === 'harmful' ? 'vague' : j!.band;
      const c = j!.criteria;
      return { item, verdict: { label, criteria: { leadsWithAction: c.action === 1, namesSystem: c.system === 1, concreteChange: c.change === 1, bounded: c.bounded === 1, blames: j!.blameful } } };
    });
  });
}

const pct = (x: number) => Math.round(x * 1000) / 10;

function part(ctx: BenchContext, split: LabelledItem['split']) {
  return verdicts(ctx).then((all) => all.filter((v) => v.item.split === split));
}

function labelFigures(key: string, split: LabelledItem['split'], targets: { agreement?: number; kappa?: number }) {
  figure({
    name: `judge.${key}.agreement`,
    unit: '%',
    ...(targets.agreement !== undefined ? { target: { min: targets.agreement } } : {}),
    about: `action items on which the judge's verdict (good/ok/vague/blameful) equals the hand label, ${split} part of the development set`,
    measure: async (ctx) => {
      const vs = await part(ctx, split);
      const wrong = vs.filter((v) => v.verdict.label !== v.item.label);
      const confusions = new Map<string, number>();
      for (const w of wrong) confusions.set(`${w.item.label}→${w.verdict.label}`, (confusions.get(`${w.item.label}→${w.verdict.label}`) ?? 0) + 1);
      const top = [...confusions].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ');
      return { value: pct(agreement(vs.map((v) => [v.item.label, v.verdict.label] as const))), detail: `${vs.length} items; labelled→judged: ${top || 'none'}` };
    },
  });
  figure({
    name: `judge.${key}.kappa`,
    unit: 'κ',
    ...(targets.kappa !== undefined ? { target: { min: targets.kappa } } : {}),
    about: `Cohen's κ of the judge's verdicts against the hand labels, ${split} part`,
    measure: async (ctx) => {
      const vs = await part(ctx, split);
      return Math.round(cohenKappa(vs.map((v) => [v.item.label, v.verdict.label] as const)) * 1000) / 1000;
    },
  });
  figure({
    name: `judge.${key}.criteria`,
    unit: '%',
    about: `the lowest agreement of one criterion (leads with an action, names a system, concrete change, bounded, blames) with its hand label, ${split} part; each in the detail`,
    measure: async (ctx) => {
      const vs = await part(ctx, split);
      const each = LABEL_CRITERIA.map((c) => ({ c, a: agreement(vs.map((v) => [v.item[c], v.verdict.criteria[c]] as const)) }));
      return { value: pct(Math.min(...each.map((e) => e.a))), detail: each.map((e) => `${e.c} ${pct(e.a)}%`).join(', ') };
    },
  });
}

labelFigures('development', 'development', {});
labelFigures('held-aside', 'held-aside', { agreement: 80, kappa: 0.6 });

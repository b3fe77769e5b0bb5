import { joinedFlag } from '../scenario/command-flags.js';
import type { WorldEffects } from './world-effects.js';
import { actionReply, diagnosticOutput, ownHands } from './handlers/hands-on.js';
import { fillPlaceholders } from './handlers/placeholders.js';
import { applyReport, takeQueuedAsks } from './handlers/team.js';
import type { Scheduled } from './world.js';
import { changeCounter } from './counter-change.js';

/** Something the engine promised to do at a later second: a flag change, an output, a join, a report. */
export function runScheduled(world: WorldEffects, item: Scheduled, sec: number) {
  const s = world.state;
  switch (item.kind) {
    case 'raise':
      world.flags.raise(item.flag!, sec);
      return;
    case 'lower':
      world.flags.lower(item.flag!, sec);
      return;
    case 'count':
      changeCounter(world, { id: item.flag!, ...(item.add !== undefined ? { add: item.add } : {}), ...(item.set !== undefined ? { set: item.set } : {}) }, sec);
      return;
    case 'output': {
      const d = item.diagnostic ? world.scenario.diagnostics.find((x) => x.id === item.diagnostic) : undefined;
      const a = item.action ? world.scenario.actions.find((x) => x.id === item.action) : undefined;
      const text = a ? `${item.text ?? ''}${actionReply(world, a, item.values, { ownBefore: item.ownBefore ?? [] })}` : (item.text ?? '');
      const out = d ? diagnosticOutput(world, d) : { text: item.fill ? fillPlaceholders(world, text) : text, evidence: item.evidence ?? [] };
      world.say('chat', item.from ?? 'shell', ownHands(world, item.from ?? 'shell', out.text), item.tone ?? 'normal');
      for (const e of out.evidence) world.gainEvidence(e, sec);
      return;
    }
    case 'join': {
      const r = s.responders[item.person!];
      if (r && r.joinedSec === null) {
        r.joinedSec = sec;
        world.flags.raise(joinedFlag(item.person!), sec);
        const p = world.scenario.people.find((x) => x.id === item.person)!;
        world.say('chat', p.name, `joined the incident channel (${p.role}).`, 'good');
        takeQueuedAsks(world, p.id);
      }
      return;
    }
    case 'expire': {
      const t = s.tasks.find((x) => x.n === item.task);
      if (t && t.reportedSec === null) {
        t.expiredSec = sec;
        const p = world.personName(t.who);
        world.say('system', 'firedrill', `⧗ ${p}'s time-box for "${t.text}" ran out with no report. Follow up (\`followup ${t.who}\`).`, 'alert');
      }
      return;
    }
    case 'report':
      applyReport(world, item.task!, sec);
      return;
  }
}

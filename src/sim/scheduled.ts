import type { Engine } from './engine.js';
import { applyReport } from './handlers/team.js';
import type { Scheduled } from './world.js';

/** Something the engine promised to do at a later second: a flag change, an output, a join, a report. */
export function runScheduled(engine: Engine, item: Scheduled, sec: number) {
  const s = engine.state;
  switch (item.kind) {
    case 'raise':
      engine.flags.raise(item.flag!, sec);
      return;
    case 'lower':
      engine.flags.lower(item.flag!, sec);
      return;
    case 'output':
      engine.say('chat', item.from ?? 'shell', item.text ?? '', 'normal');
      for (const e of item.evidence ?? []) engine.gainEvidence(e, sec);
      return;
    case 'join': {
      const r = s.responders[item.person!];
      if (r && r.joinedSec === null) {
        r.joinedSec = sec;
        const p = engine.scenario.people.find((x) => x.id === item.person)!;
        engine.say('chat', p.name, `${p.name} (${p.role}) joined the incident channel.`, 'good');
      }
      return;
    }
    case 'expire': {
      const t = s.tasks.find((x) => x.n === item.task);
      if (t && t.reportedSec === null) {
        t.expiredSec = sec;
        const p = engine.personName(t.who);
        engine.say('system', 'firedrill', `⧗ ${p}'s time-box for "${t.text}" ran out with no report. Follow up (\`followup ${t.who}\`).`, 'alert');
      }
      return;
    }
    case 'report':
      applyReport(engine, item.task!, sec);
      return;
  }
}

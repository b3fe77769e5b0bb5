import type { WorldEffects } from '../world-effects.js';
import type { TaskState } from '../world.js';

/** A task the responder works on now and reports back on. */
export function assignTask(world: WorldEffects, t: { who: string; text: string; kind: TaskState['kind']; targetId: string | null; boxSec: number | null; named: boolean; params?: string[]; values?: Record<string, number>; words?: TaskState['words'] }): TaskState {
  const s = world.state;
  const person = world.scenario.people.find((p) => p.id === t.who)!;
  const diag = t.kind === 'diagnostic' ? world.scenario.diagnostics.find((d) => d.id === t.targetId) : undefined;
  const took = Math.max(person.taskSec, diag?.durationSec ?? 0);
  const task: TaskState = {
    n: s.tasks.length + 1,
    who: t.who,
    text: t.text,
    kind: t.kind,
    targetId: t.targetId,
    ...(t.params?.length ? { params: t.params } : {}),
    ...(t.values ? { values: t.values } : {}),
    ...(t.words ? { words: t.words } : {}),
    named: t.named,
    assignedSec: s.sec,
    dueSec: t.boxSec !== null ? s.sec + t.boxSec : null,
    reportSec: s.sec + took,
    reportedSec: null,
    expiredSec: null,
    followedUpSec: null,
  };
  s.tasks.push(task);
  world.schedule({ sec: task.reportSec, kind: 'report', task: task.n });
  if (task.dueSec !== null && task.dueSec < task.reportSec) world.schedule({ sec: task.dueSec, kind: 'expire', task: task.n });
  return task;
}

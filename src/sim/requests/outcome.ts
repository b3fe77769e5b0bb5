import type { ParamBinding } from './params.js';

/** What a typed request was understood to mean: one outcome per request in the message. */
export type RequestOutcome =
  | { kind: 'diagnostic'; id: string }
  /** `params`: the request's numbers as written ("2s", "10s"); `settings`: what they set (absent: the defaults). */
  | { kind: 'action'; id: string; params: string[]; settings?: ParamBinding }
  /** Words only: a question no diagnostic answers, comms work, or an instruction not to do something. */
  | { kind: 'task'; negated: boolean; comms?: boolean }
  /** The person cannot do this; `team` owns it (null: not clear whose). */
  | { kind: 'redirect'; team: string | null; target: string }
  /** Too unsure to act: the closest candidates' ids, best first (may be empty). */
  | { kind: 'clarify'; candidates: string[] };

/** Who the request is for: a responder, or the IC's own `run` / `do`. */
export type Asker = { person: string } | { hands: 'run' | 'do' };

export function outcomeLabel(o: RequestOutcome): string {
  switch (o.kind) {
    case 'diagnostic':
      return `diag ${o.id}`;
    case 'action':
      return `act ${o.id}${o.params.length ? ` ${o.params.join(',')}` : ''}`;
    case 'task':
      return 'task';
    case 'redirect':
      return `redirect${o.team ? ` ${o.team}` : ''}`;
    case 'clarify':
      return 'clarify';
  }
}

import { ACTION_TYPES, PM_FIELDS, PRIORITIES, ROLES } from '../scenario/vocabulary.js';

/** The command language's verbs with their usage and help text. */
const orList = (words: readonly string[]) => `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

export interface VerbHelp {
  verb: string;
  usage: string;
  help: string;
  example: string;
}

export const VERBS: readonly VerbHelp[] = [
  { verb: 'ack', usage: 'ack [PAGE]', help: 'acknowledge a page (the newest when none is named)', example: 'ack' },
  { verb: 'sev', usage: 'sev N', help: 'declare the incident or change its severity (1 highest … 5)', example: 'sev 2' },
  { verb: 'role', usage: 'role ROLE NAME', help: `assign a role: ${orList(ROLES.filter((r) => r !== 'ic'))}`, example: 'role comms dana' },
  { verb: 'status', usage: 'status TEXT', help: 'post a status update to stakeholders; say the impact, what is being done and when the next update comes', example: 'status Payments failing for most customers; investigating a dependency. Next update in 15 min.' },
  { verb: 'reply', usage: 'reply WHO TEXT', help: 'answer a stakeholder', example: 'reply dana Card payments fail for ~90% of customers; next update 21:30.' },
  { verb: 'escalate', usage: 'escalate TEAM', help: 'page a team; its on-call joins after a while', example: 'escalate platform' },
  { verb: 'ask', usage: 'ask WHO TASK [in 5m | 90s | 2h | 1d]', help: 'delegate to a named responder with a time-box: run a diagnostic, do an action, or ask a question', example: 'ask marco run dig fraud-api.internal.corp in 5m' },
  { verb: 'followup', usage: 'followup WHO', help: 'check in on a responder whose time-box has run out', example: 'followup marco' },
  { verb: 'go', usage: 'go [WHO]', help: 'confirm what a responder read back before a change (also `yes`); `no` cancels it', example: 'go lee' },
  { verb: 'cancel', usage: 'no [WHO]', help: 'cancel a change a responder read back (also `cancel`); correct it with a new `ask`', example: 'no priya' },
  { verb: 'poll', usage: 'poll TEXT', help: 'propose a decision and ask for strong objections', example: 'poll fail open the fraud check for payments under $500' },
  { verb: 'handoff', usage: 'handoff WHO', help: 'hand over incident command', example: 'handoff priya' },
  { verb: 'hyp', usage: 'hyp TEXT | hyp N confirm|refute [because TEXT]', help: 'record a hypothesis, or settle one', example: 'hyp fraud-api calls fail on DNS' },
  { verb: 'logs', usage: 'logs FILTER... | logs clear', help: 'filter the log panel: service=, level=, path=, status=, any field=, text~WORD', example: 'logs service=payment-processor level=error' },
  { verb: 'dash', usage: 'dash PANEL [by LABEL] | dash', help: 'drill into a dashboard panel; `dash` alone returns to the overview', example: 'dash errors by path' },
  { verb: 'run', usage: 'run COMMAND...', help: 'run a diagnostic yourself (better: ask a responder once one has joined)', example: 'run dig fraud-api.internal.corp' },
  { verb: 'do', usage: 'do ACTION...', help: 'apply a mitigation, fix or other change yourself (better: ask a responder)', example: 'do restart payment-processor' },
  { verb: 'note', usage: 'note TEXT', help: 'add a note to your timeline', example: 'note support reports card failures since 21:02' },
  { verb: 'rootcause', usage: 'rootcause TEXT', help: 'state the root cause', example: 'rootcause fraud-api.internal.corp stopped resolving' },
  { verb: 'hint', usage: 'hint', help: 'take the next hint (costs points)', example: 'hint' },
  { verb: 'resolve', usage: 'resolve', help: 'declare the incident resolved', example: 'resolve' },
  { verb: 'postmortem', usage: 'postmortem', help: 'start the timed postmortem', example: 'postmortem' },
  { verb: 'pm', usage: `pm ${PM_FIELDS.join('|')} TEXT · pm action TYPE PRIORITY OWNER TEXT · pm action edit N TYPE PRIORITY OWNER TEXT · pm action delete N · pm submit`, help: `write the postmortem; TYPE ${ACTION_TYPES.join('|')}, PRIORITY ${PRIORITIES[0]}–${PRIORITIES.at(-1)}, OWNER a team or @handle, N an item's number as listed`, example: 'pm action detect P1 @payments Alert when fraud-api DNS lookups fail for 2 minutes' },
  { verb: 'help', usage: 'help [VERB]', help: 'list the verbs, or explain one', example: 'help ask' },
];

export const VERB_NAMES: readonly string[] = VERBS.map((v) => v.verb);

export function helpFor(verb: string): VerbHelp | undefined {
  return VERBS.find((v) => v.verb === verb);
}

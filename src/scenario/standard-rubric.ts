import type { z } from 'zod';
import type { Checkpoint } from './schema.js';

// The checkpoints every incident shares, whatever broke: acknowledging,
// declaring, running the response, keeping people informed, stopping the
// harm, naming the cause and learning from it. A scenario writes
// `rubric: { extends: standard, … }` and adds what its own incident teaches
// (who to page, what to have seen, what to mention). The entries are written
// as a file would write them and checked by the same schema; a session keeps
// the rubric it was played with, so changing one changes new sessions only.

export const STANDARD_RUBRIC: readonly z.input<typeof Checkpoint>[] = [
  { id: 'ack-page', section: 'detection', title: 'Acknowledged the page promptly', points: 5, check: { kind: 'ack', excellentSec: 120, acceptableSec: 600 } },
  { id: 'declare-sev', section: 'severity', title: 'Declared a fitting severity early', points: 5, check: { kind: 'severity', withinSec: 300 } },
  { id: 'assign-roles', section: 'command', title: 'Assigned an ops lead and a comms lead', points: 4, check: { kind: 'roles', roles: ['ops', 'comms'] } },
  { id: 'delegate-tasks', section: 'command', title: 'Delegated investigation and changes to named responders with time-boxes', points: 4, check: { kind: 'delegated', minTasks: 4 } },
  { id: 'follow-up', section: 'command', title: 'Followed up when a time-box ran out', points: 3, check: { kind: 'followed-up' } },
  { id: 'hands-off', section: 'command', title: 'Stayed in command instead of running commands once responders were present', points: 5, check: { kind: 'hands-off' } },
  { id: 'first-update', section: 'communication', title: 'First status update within 10 minutes', points: 4, check: { kind: 'first-update', withinSec: 600 } },
  { id: 'cadence', section: 'communication', title: 'Kept updates coming at least every 20 minutes', points: 4, check: { kind: 'update-cadence', maxGapSec: 1200 } },
  { id: 'stakeholders-answered', section: 'communication', title: 'Answered the stakeholders with what they needed', points: 4, check: { kind: 'questions-answered' } },
  { id: 'hypothesis-first', section: 'investigation', title: 'Stated a hypothesis before mitigating', points: 2, check: { kind: 'hypothesis-before-mitigation' } },
  { id: 'mitigated-fast', section: 'mitigation', title: 'Stopped the impact quickly', points: 10, check: { kind: 'mitigated', excellentSec: 900, acceptableSec: 1800 } },
  { id: 'no-harm', section: 'mitigation', title: 'No harmful actions', points: 5, check: { kind: 'no-harmful' } },
  { id: 'root-cause', section: 'resolution', title: 'Stated the root cause', points: 5, check: { kind: 'rootcause' } },
  { id: 'resolved-after-fix', section: 'resolution', title: 'Resolved only after the cause was repaired', points: 5, check: { kind: 'resolved-after-fix' } },
  { id: 'pm-concepts', section: 'postmortem', title: 'Action items cover detection, mitigation, prevention and repair', points: 7, check: { kind: 'postmortem-concepts' } },
  { id: 'pm-quality', section: 'postmortem', title: 'Action items are specific, owned, prioritised and blameless', points: 4, check: { kind: 'postmortem-quality' } },
];

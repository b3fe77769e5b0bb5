import { commandTooLong } from '../commands/limits.js';
import { parseScriptText, type ScriptLimits, type ScriptResult } from '../scenario/script-text.js';

export type { ScriptLine, ScriptLimits, ScriptResult, ScriptWait } from '../scenario/script-text.js';

/** A headless script file: the scenario layer's script text, each line bounded like a typed command. */
export function parseScript(text: string, file: string, limits: ScriptLimits = {}): ScriptResult {
  return parseScriptText(text, file, { refuseLine: commandTooLong, ...limits });
}

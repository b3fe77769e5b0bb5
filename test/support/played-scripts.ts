// The bundled scenarios and their scripts, for tests that judge a session
// against the scenario's own strong and weak plays.
import { readdirSync } from 'node:fs';
import type { Score } from '../../src/scoring/types.js';
import type { WorldState } from '../../src/sim/world.js';
import { play, scriptLines } from '../helpers.js';

export const BUNDLED = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

export interface PlayedScript {
  score: Score;
  world: WorldState;
  /** The script as `MM:SS command` lines, to be edited and played again. */
  lines: string[];
}

/** The first strong script of a scenario and the variant it was written for (undefined: any variant). */
export function strongScriptOf(id: string): { file: string; variant: string | undefined } {
  const file = readdirSync('test/scripts').find((f) => f.startsWith(`${id}.`) && f.endsWith('.strong.txt'))!;
  return { file: `test/scripts/${file}`, variant: file.slice(id.length + 1, -'.strong.txt'.length) || undefined };
}

const mmss = (ms: number) => `${String(Math.floor(ms / 60_000)).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

/** A script file as `MM:SS command` lines. */
export function scriptText(file: string): string[] {
  return scriptLines(file).map((l) => `${mmss(l.simMs)} ${l.text}`);
}

/** Plays a scenario's strong and weak scripts in the strong script's variant. */
export async function strongAndWeak(id: string): Promise<{ variant: string; strong: PlayedScript; weak: PlayedScript }> {
  const { file, variant } = strongScriptOf(id);
  const weakFile = `test/scripts/${id}.weak.txt`;
  const strong = await play(`scenarios/${id}.yaml`, file, 1, variant ? { variant } : {});
  const v = strong.session.engine.state.variant;
  const weak = await play(`scenarios/${id}.yaml`, weakFile, 1, { variant: v });
  return {
    variant: v,
    strong: { score: strong.score, world: strong.session.engine.state, lines: scriptText(file) },
    weak: { score: weak.score, world: weak.session.engine.state, lines: scriptText(weakFile) },
  };
}

const secOf = (line: string) => {
  const [mm, ss] = line.slice(0, line.indexOf(' ')).split(':');
  return Number(mm) * 60 + Number(ss);
};

/** `MM:SS` for a sim second. */
export const at = (sec: number) => mmss(sec * 1000);

/** A script with more lines added at their times (after any line already at the same time). */
export function withLines(lines: readonly string[], extra: readonly string[]): string {
  const all = [...lines.map((l, i) => ({ l, i, s: secOf(l) })), ...extra.map((l, i) => ({ l, i: lines.length + i, s: secOf(l) }))];
  return all.sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.l).join('\n');
}

import { readFileSync } from 'node:fs';
import { formatClock } from '../../scenario/clock-text.js';
import { outcomeDetail } from '../../scoring/outcome.js';
import { runScript, scriptWaitProblems } from '../../session/headless.js';
import { parseScript } from '../../session/script.js';
import { intFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { resolveScenario } from '../scenarios.js';
import { trainee, type PlayOptions } from './play-options.js';
import { openStore } from '../../store/index.js';
import { coachWanted } from '../../sim/coach.js';

/** `play SCENARIO --script FILE`: the script's commands at their sim times, no terminal needed. */
export async function playScript(ctx: Context, ref: string | undefined, scriptPath: string, opts: PlayOptions): Promise<number> {
  const flags = ctx.flags;
  const { seed, difficulty, mode, postmortemMin, noCoach } = opts;
  if (!ref) throw new CliError('headless play needs a scenario: `firedrill play payment-fraud-dns --script FILE`', 2);
  const loaded = await resolveScenario(ref);
  let text: string;
  try {
    text = readFileSync(scriptPath, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read script ${scriptPath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (flags.variant && !loaded.scenario.variants.some((v) => v.id === flags.variant)) {
    throw new CliError(`scenario ${loaded.scenario.id} has no variant "${flags.variant}"; its variants: ${loaded.scenario.variants.map((v) => v.id).join(', ')}`, 2);
  }
  const sc = loaded.scenario;
  const pmMin = postmortemMin ?? sc.postmortemMin;
  const script = parseScript(text, scriptPath, {
    endSec: Math.round((sc.timeLimitMin + pmMin) * 60),
    endWhat: `the time limit ${formatClock(sc.timeLimitMin * 60)} and a ${formatClock(pmMin * 60)} postmortem`,
  });
  if (!script.ok) throw new CliError(script.errors.join('\n'));
  const waits = scriptWaitProblems(script.lines, sc);
  if (waits.length > 0) throw new CliError(waits.map((w) => `${scriptPath}: ${w}`).join('\n'));
  const paceMs = intFlag(flags, 'pace', 0, 60_000);
  const transcript: TranscriptLine[] = [];
  const store = openStore(ctx.dbPath);
  try {
    const result = await runScript(
      store,
      loaded,
      script.lines,
      {
        seed,
        // --difficulty when given, else the file's own, as interactive play does.
        difficulty: difficulty ?? sc.difficulty,
        mode,
        coach: coachWanted({ mode, difficulty: difficulty ?? sc.difficulty, noCoach }),
        trainee: trainee(ctx),
        ...(flags.variant ? { variant: flags.variant } : {}),
        ...(postmortemMin ? { postmortemMin } : {}),
        ...(paceMs ? { paceMs } : {}),
        onAccepted: (line, seq, answer) => {
          if (!flags.quiet) ctx.io.note(`accepted #${seq} ${formatClock(line.simMs / 1000).padStart(5)}  ${line.text}${answer ? `  → ${answer}` : ''}`);
        },
        onWait: (line, metMs) => {
          if (!flags.quiet) ctx.io.note(`waited   ${formatClock(line.simMs / 1000).padStart(5)}  ${line.text.replace(/^wait\s+/i, '')}: ${metMs === null ? `not met by the time limit ${formatClock(sc.timeLimitMin * 60)}` : `met at ${formatClock(metMs / 1000)}`}`);
        },
        onFeed: (item) => {
          const said = { at: formatClock(item.sec), channel: item.channel, from: item.from, text: item.text };
          transcript.push(said);
          if (!flags.quiet) ctx.io.note(transcriptText(said));
        },
      },
      ctx.wallNow,
    );
    const { session, score } = result;
    const s = session.engine.state;
    if (ctx.io.json) {
      ctx.io.data({
        session: session.id,
        scenario: loaded.scenario.id,
        variant: s.variant,
        seed,
        outcome: s.outcome ?? 'abandoned',
        outcomeDetail: outcomeDetail(s) === 'unfinished' ? 'abandoned' : outcomeDetail(s),
        timings: { ackS: score.timings.ackS, sevS: score.timings.sevS, mitigatedS: score.timings.mitigatedS, resolvedS: score.timings.resolvedS },
        score: { total: score.total, max: score.max, sections: score.sections },
        report: result.reportPath,
        transcript,
      });
    } else {
      ctx.io.out(result.summary);
      ctx.io.out(`session ${session.id}${result.reportPath ? ` · report ${result.reportPath}` : ''}`);
    }
    return 0;
  } finally {
    store.close();
  }
}

/** One message of the candidate's chat, as headless output carries it. */
interface TranscriptLine {
  at: string;
  channel: string;
  from: string;
  text: string;
}

/** Indented under the command lines, each line of a multi-line reply under the speaker. */
function transcriptText(t: TranscriptLine): string {
  const head = `${' '.repeat(10)}${t.at.padStart(5)}  ${t.channel === 'chat' ? '' : `[${t.channel}] `}${t.from}: `;
  const [first, ...rest] = t.text.split('\n');
  return [head + first, ...rest.map((l) => ' '.repeat(head.length) + l)].join('\n');
}

import { writeFileSync } from 'node:fs';
import { esc, renderHtml } from '../../scoring/report-html.js';
import { renderJson } from '../../scoring/report-json.js';
import { renderMarkdown } from '../../scoring/report-md.js';
import { heldReport } from '../../scoring/report-scorecard.js';
import { buildScorecard } from '../../scoring/scorecard.js';
import type { ReportMeta } from '../../scoring/types.js';
import { Session } from '../../session/session.js';
import { recordingStatus } from '../../session/recording-label.js';
import { choiceFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { openForReadingSession } from '../read-only-store.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;

/**
 * `firedrill report SESSION [--format md|html|json] [--out FILE] [--examiner]`:
 * the report rebuilt from the recording. An interview's report is the
 * candidate's debrief: until the examiner releases it (a release event) it
 * says only that it waits, with no score, notes or truth; after, it has
 * them but never the scorecard. `--examiner` is the examiner's report:
 * everything, with the scorecard.
 */
export function reportCommand(ctx: Context, positionals: string[]): number {
  const id = positionals[0];
  if (!id) throw new CliError('report needs a session id or `latest`', 2);
  const format = choiceFlag(ctx.flags, 'format', REPORT_FORMATS) ?? (ctx.io.json ? 'json' : 'md');
  const store = openForReadingSession(ctx, id);
  try {
    const session = Session.load(store, id, ctx.wallNow);
    const score = session.score();
    const row = session.row;
    const recording = recordingStatus(store, row.id);
    const meta: ReportMeta = {
      sessionId: row.id,
      seed: row.seed,
      trainee: row.trainee,
      mode: row.mode,
      difficulty: row.difficulty,
      startedAt: row.startedAt,
      revealTruth: true,
      chainVerified: recording.ok,
      signing: recording.label,
    };
    const world = session.engine.state;
    const examiner = ctx.flags.examiner === true;
    if (examiner) meta.scorecard = buildScorecard(session.scenario, world, score);
    const held = row.mode === 'interview' && !examiner && world.scorecard.releasedSec === null;
    const text = held
      ? heldReport(session.scenario, meta, format, esc)
      : format === 'json'
        ? renderJson(session.scenario, world, score, meta)
        : format === 'html'
          ? renderHtml(session.scenario, world, score, meta, session.engine)
          : renderMarkdown(session.scenario, world, score, meta);
    if (ctx.flags.out) {
      try {
        writeFileSync(ctx.flags.out, text.endsWith('\n') ? text : `${text}\n`);
      } catch (e) {
        throw new CliError(`cannot write ${ctx.flags.out}: ${(e as Error).message}`);
      }
      ctx.io.note(`wrote ${ctx.flags.out}`);
    } else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  } finally {
    store.close();
  }
}

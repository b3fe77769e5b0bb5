import { parseDuration, formatClock } from '../../scenario/clock-text.js';
import { branchSession } from '../../session/branch.js';
import { Recording } from '../../session/replay.js';
import { settledView } from '../../view/examiner-select.js';
import { intFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { continueLive } from './resume.js';
import { openStore } from '../../store/index.js';
import { openForReadingSession } from '../read-only-store.js';

function timeFlag(flag: 'at' | 'branch-at', text: string): number {
  const sec = parseDuration(text);
  if (sec === null) throw new CliError(`--${flag} takes MM:SS or H:MM:SS, got "${text}"`, 2);
  return sec;
}

function requireReplayTty(what: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CliError(
      `${what} needs an interactive terminal (stdin and stdout must be a TTY). Without one: print the screen at a time with \`firedrill replay SESSION --at MM:SS --headless\`, or check the recording with \`firedrill replay SESSION --check\``,
    );
  }
}

/**
 * `firedrill replay SESSION`: the recorded session in the screen the trainee
 * saw, driven by the engine from the stored events. Also:
 *   --at MM:SS --headless   one frame as plain text
 *   --check                 recompute the candidate's view after every decision and compare with the hashes stored live
 *   --branch-at MM:SS       what-if: a new live session from that point
 */
export async function replayCommand(ctx: Context, positionals: string[]): Promise<number> {
  const id = positionals[0];
  if (!id) throw new CliError('replay needs a session id or `latest`', 2);
  const flags = ctx.flags;
  if (flags.headless && flags.at === undefined) throw new CliError('replay --headless prints one frame: add --at MM:SS', 2);
  if (flags['branch-at'] !== undefined) return branch(ctx, id, timeFlag('branch-at', flags['branch-at']));
  if (flags.check) return check(ctx, id);
  if (flags.at !== undefined && flags.headless) return frameAt(ctx, id, timeFlag('at', flags.at));
  requireReplayTty('interactive replay');
  const store = openForReadingSession(ctx, id);
  try {
    const rec = Recording.load(store, id);
    if (flags.examiner) rec.showExaminerNotes();
    const at = flags.at !== undefined ? timeFlag('at', flags.at) : null;
    const { runReplay } = await import('../../ui/replay/run-replay.js');
    await runReplay(rec, { color: ctx.io.color, ...(at !== null ? { atMs: at * 1000 } : {}) });
    return 0;
  } finally {
    store.close();
  }
}

async function frameAt(ctx: Context, id: string, sec: number): Promise<number> {
  const width = intFlag(ctx.flags, 'width', 80, 400) ?? 120;
  const height = intFlag(ctx.flags, 'height', 24, 200) ?? 40;
  const store = openForReadingSession(ctx, id);
  try {
    const rec = Recording.load(store, id);
    if (rec.versionNote) ctx.io.note(rec.versionNote);
    const { engine } = rec.at(sec * 1000);
    const { renderFrame, viewSizeFor } = await import('../../ui/render-frame.js');
    const vm = settledView(engine, viewSizeFor(width, height), { mode: 'replay', interview: rec.interview, summary: null });
    process.stdout.write(`${renderFrame(vm, width, height)}\n`);
    return 0;
  } finally {
    store.close();
  }
}

function check(ctx: Context, id: string): number {
  const store = openForReadingSession(ctx, id);
  try {
    const rec = Recording.load(store, id);
    const hashes = store.viewHashes(rec.row.id);
    const r = rec.checkFidelity(hashes);
    const ok = r.firstDiff === null && r.orphans.length === 0;
    const decisions = rec.decisions.length;
    if (ctx.io.json) ctx.io.data({ session: rec.row.id, decisions, checked: r.checked, ok, firstDiff: r.firstDiff, orphans: r.orphans, recordedWith: rec.row.appVersion });
    if (rec.versionNote) ctx.io.note(rec.versionNote);
    if (r.firstDiff !== null) {
      const d = rec.decisions.find((x) => x.seq === r.firstDiff);
      ctx.io.out(
        `DIFFERS ${rec.row.id}: after event #${r.firstDiff}${d ? ` (+${formatClock(d.ms / 1000)} "${d.text}")` : ''} the replayed screen is not the one the candidate saw` +
          (rec.versionNote ? ' (the recording comes from another firedrill version)' : ''),
      );
      return 1;
    }
    if (r.orphans.length > 0) {
      ctx.io.out(`DIFFERS ${rec.row.id}: view hashes exist for events missing from the recording (#${r.orphans.join(', #')})`);
      return 1;
    }
    if (r.checked === 0) {
      ctx.io.out(`ok      ${rec.row.id}: nothing to compare (${decisions === 0 ? 'no decisions were recorded' : 'no view hashes were stored with this recording'})`);
      return 0;
    }
    const missing = decisions - r.checked;
    ctx.io.out(`ok      ${rec.row.id}: the replay matches the candidate's screen after all ${r.checked} checked decisions${missing > 0 ? ` (${missing} had no stored hash)` : ''}`);
    return 0;
  } finally {
    store.close();
  }
}

async function branch(ctx: Context, id: string, sec: number): Promise<number> {
  requireReplayTty('a what-if branch (replay --branch-at)');
  const store = openStore(ctx.dbPath);
  try {
    const session = branchSession(store, id, sec * 1000, ctx.wallNow);
    ctx.io.note(`branched ${session.id} from ${session.row.parentId} at +${formatClock(sec)}`);
    return await continueLive(ctx, session);
  } finally {
    store.close();
  }
}

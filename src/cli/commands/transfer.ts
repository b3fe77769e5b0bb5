import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { keyRing } from '../../signing/index.js';
import { verifyLabel } from '../../session/recording-label.js';
import { readSnapshot } from '../../session/session.js';
import { buildCast } from '../../session/cast.js';
import { CANDIDATE_COPY_FORMAT, candidateCopy } from '../../session/examiner-redact.js';
import { Recording } from '../../session/replay.js';
import type { ViewHash } from '../../store/index.js';
import { exportFileText, MAX_IMPORT_BYTES, openStore, parseBoundedJson } from '../../store/index.js';
import { choiceFlag, intFlag, numFlag } from '../args.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

export const EXPORT_FORMATS = ['json', 'cast'] as const;

function write(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/**
 * `firedrill export SESSION --out FILE`: the recording as one JSON file (the
 * session row with its scenario snapshot, the hash-chained events, and the
 * replay-fidelity hashes). `--candidate`: the candidate's copy, examiner-only
 * content withheld (see session/examiner-redact.ts). `--format cast`: the
 * replay as an asciicast v2 file for `asciinema play`.
 */
export async function exportCommand(ctx: Context, positionals: string[]): Promise<number> {
  const id = positionals[0];
  if (!id) throw new CliError('export needs a session id or `latest`', 2);
  if (!ctx.flags.out) throw new CliError('export needs --out FILE', 2);
  const format = choiceFlag(ctx.flags, 'format', EXPORT_FORMATS) ?? 'json';
  if (format === 'cast' && ctx.flags.candidate) throw new CliError('--candidate and --format cast do not go together: a cast shows the replay as the examiner sees it', 2);
  const out = ctx.flags.out;
  const store = openStore(ctx.dbPath);
  try {
    const sessionId = store.getSession(id).id;
    if (format === 'cast') return await exportCast(ctx, Recording.load(store, sessionId), out);
    const data = store.exportSession(sessionId);
    if (ctx.flags.candidate) {
      const copy = candidateCopy(data, keyRing().own());
      write(out, `${JSON.stringify(copy, null, 2)}\n`);
      ctx.io.out(`exported a candidate copy of ${data.session.id} (${copy.events.length} events, chained and signed on its own; withheld: ${copy.withheld.join(', ')}) to ${out}`);
      return 0;
    }
    const viewHashes = store.viewHashes(sessionId);
    write(out, exportFileText(data, viewHashes));
    ctx.io.out(`exported ${data.session.id} (${data.events.length} events) to ${out}`);
    return 0;
  } finally {
    store.close();
  }
}

async function exportCast(ctx: Context, rec: Recording, out: string): Promise<number> {
  const width = intFlag(ctx.flags, 'width', 80, 400) ?? 120;
  const height = intFlag(ctx.flags, 'height', 24, 200) ?? 40;
  const speed = numFlag(ctx.flags, 'speed', 0.1, 1000) ?? 1;
  const stepSec = numFlag(ctx.flags, 'step', 0.5, 600) ?? 1;
  const { renderFrame, viewSizeFor } = await import('../../ui/render-frame.js');
  const started = Date.parse(rec.row.startedAt);
  const cast = buildCast(rec, {
    width,
    height,
    size: viewSizeFor(width, height),
    render: renderFrame,
    stepSec,
    speed,
    ...(Number.isFinite(started) ? { timestamp: started / 1000 } : {}),
  });
  write(out, cast.text);
  ctx.io.out(`exported ${rec.row.id} as an asciicast (${cast.frames} frames, ${cast.markers} decision markers, ${cast.durationSec.toFixed(0)} s) to ${out}; play it with: asciinema play ${out}`);
  return 0;
}

function viewHashesOf(x: unknown): ViewHash[] {
  const list = (x as { viewHashes?: unknown }).viewHashes;
  if (!Array.isArray(list)) return [];
  return list.filter((h): h is ViewHash => typeof h === 'object' && h !== null && Number.isInteger((h as ViewHash).seq) && typeof (h as ViewHash).hash === 'string' && /^[0-9a-f]{64}$/.test((h as ViewHash).hash));
}

/**
 * `firedrill import FILE [--allow-untrusted]`: everything is checked before
 * anything is written (size, nesting, shape, snapshot and variant, chain,
 * head, signature, trust); a refusal names the file and exits 1 (not a
 * recording) or 3 (a recording that does not hold, or is not trusted).
 */
export function importCommand(ctx: Context, positionals: string[]): number {
  const file = positionals[0];
  if (!file) throw new CliError('import needs a file', 2);
  let text: string;
  try {
    if (statSync(file).size > MAX_IMPORT_BYTES) throw new CliError(`cannot import ${file}: it is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, far more than any recording`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parseBoundedJson(text, { maxBytes: MAX_IMPORT_BYTES, maxDepth: 64 });
  } catch (e) {
    throw new CliError(`cannot import ${file}: ${(e as Error).message === 'it is not valid JSON' ? 'the file is not valid JSON' : `the file is refused: ${(e as Error).message}`}`);
  }
  if ((parsed as { format?: unknown } | null)?.format === CANDIDATE_COPY_FORMAT) {
    throw new CliError(
      `${file} is a candidate copy (examiner notes, the scenario snapshot and the variant withheld): it is the candidate's record and cannot be imported or replayed; import the full export instead`,
    );
  }
  const store = openStore(ctx.dbPath);
  try {
    const { row, check } = store.importSession(parsed, {
      source: file,
      allowUntrusted: ctx.flags['allow-untrusted'] === true,
      checkSnapshot: (raw, header) => {
        const read = readSnapshot(raw, header);
        return read.ok ? null : `session ${header.id} ${read.problem}`;
      },
    });
    const hashes = viewHashesOf(parsed);
    const seqs = new Set(store.events(row.id).map((e) => e.seq));
    for (const h of hashes) if (seqs.has(h.seq)) store.putViewHash(row.id, h.seq, h.hash);
    if (ctx.io.json) ctx.io.data({ ...check, scenario: row.scenarioId, trainee: row.trainee, signedBy: verifyLabel(check) });
    else ctx.io.out(`imported ${row.id} (${row.scenarioId}, ${row.trainee}) from ${file}; chain verified, ${verifyLabel(check)}`);
    return 0;
  } finally {
    store.close();
  }
}

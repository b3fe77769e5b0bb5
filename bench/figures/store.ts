// Store-backed figures: write-ahead append latency with the production
// pragmas, importing a big recording, the size of a recording, and listing
// a long history of sessions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from '../../src/session/headless.js';
import { APP_VERSION } from '../../src/session/version.js';
import { createHash } from 'node:crypto';
import { listSessionsDerived } from '../../src/session/derived.js';
import { keyRing, signHead, type InstallationKey } from '../../src/signing/index.js';
import { canonicalJson, eventHash, exportFileText, genesisEvent, openStore, type SessionExport, type StoredEvent } from '../../src/store/index.js';
import { figure, median, medianMs, percentile, type BenchContext } from '../harness.js';
import { benchScenario, strongScript, workingCommands } from '../workload.js';

/** Per-call appendEvent latencies (ms) on a file database opened as the app opens it. */
function appendLatencies(ctx: BenchContext): Promise<number[]> {
  return ctx.once('append-latencies', async () => {
    const loaded = await benchScenario(ctx);
    const pool = await workingCommands(ctx);
    const store = openStore(join(ctx.tempDir(), 'append.db'));
    try {
      const id = 'bench-append';
      store.createSession({
        id,
        scenarioId: loaded.scenario.id,
        scenarioJson: JSON.stringify(loaded.raw),
        scenarioHash: loaded.hash,
        appVersion: APP_VERSION,
        seed: 1,
        variant: 'bench',
        trainee: 'bench',
        mode: 'solo',
        difficulty: 'normal',
        startedAt: new Date().toISOString(),
      });
      const n = ctx.quick ? 300 : 3000;
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        store.appendEvent(id, { simMs: i * 1000, wallMs: Date.now(), actor: 'ic', type: 'command', payload: { text: pool[i % pool.length] } });
        out.push(performance.now() - t0);
      }
      return out;
    } finally {
      store.close();
    }
  });
}

figure({
  name: 'store.append-p50',
  unit: 'ms',
  about: 'appendEvent latency, median of 3,000 appends (file DB in a temp dir; WAL, synchronous=NORMAL, hash chain, IMMEDIATE transaction)',
  measure: async (ctx) => percentile(await appendLatencies(ctx), 50),
});

figure({
  name: 'store.append-p99',
  unit: 'ms',
  target: { max: 16 },
  about: 'appendEvent latency, 99th percentile of the same appends; target: a committed decision within one 60 Hz frame',
  measure: async (ctx) => {
    const all = await appendLatencies(ctx);
    return { value: percentile(all, 99), detail: `max ${Math.max(...all).toFixed(2)} ms over ${all.length} appends` };
  },
});

/** A valid, signed export of one session with `n` chained events, built directly (no database needed). */
export function syntheticExport(n: number, scenarioJson: string, scenarioHash: string, variant: string, texts: readonly string[], key: InstallationKey): SessionExport {
  const id = 'bench-import';
  const events: StoredEvent[] = [];
  const header = { id, scenarioId: 'payment-fraud-dns', scenarioHash, appVersion: APP_VERSION, seed: 1, variant, trainee: 'bench', mode: 'solo' as const, difficulty: 'normal', startedAt: '2026-01-01T00:00:00.000Z', parentId: null, branchAtMs: null, timeLimitSec: null };
  const genesis = genesisEvent(header);
  let prevHash = genesis.hash;
  for (let seq = 1; seq <= n; seq++) {
    const content = { sessionId: id, seq, simMs: seq * 500, wallMs: 1_700_000_000_000 + seq * 500, actor: 'ic' as const, type: 'command' };
    const payload = JSON.parse(canonicalJson({ text: texts[seq % texts.length] })) as unknown;
    const hash = eventHash(prevHash, { ...content, payload });
    events.push({ ...content, payload, prevHash, hash });
    prevHash = hash;
  }
  const head = { seq: n, hash: prevHash };
  return {
    format: 'firedrill-session',
    version: 1,
    session: { ...header, scenarioJson, outcome: null, score: null, scoreMax: null, endedAt: null, reportJson: null },
    genesis,
    events,
    head,
    signature: { signer: key.openssh, sig: signHead(key.privateKey, { session: id, ...head }) },
  };
}

figure({
  name: 'store.import-10k',
  unit: 'ms',
  about:
    'importSession of a 10,000-event signed export file text (bounds checked on the text, JSON parse, schema check, payload bounds, header against genesis, hash chain, head, signature, insert) into a fresh file DB (median of 3)',
  measure: async (ctx) => {
    const loaded = await benchScenario(ctx);
    const n = ctx.quick ? 1000 : 10_000;
    const keys = keyRing(ctx.tempDir());
    const variant = loaded.scenario.variants[0]!.id;
    const text = JSON.stringify(syntheticExport(n, JSON.stringify(loaded.raw), loaded.hash, variant, await workingCommands(ctx), keys.own()), null, 2);
    let bytes = 0;
    const t = await medianMs(
      ctx.quick ? 1 : 3,
      (store) => {
        try {
          store.importSession(text);
        } finally {
          store.close();
        }
      },
      () => openStore(join(ctx.tempDir(), 'import.db'), { keys }),
    );
    bytes = Buffer.byteLength(text);
    return { value: t, detail: `${n} events, ${(bytes / 1e6).toFixed(1)} MB of JSON` };
  },
});

/** The strong script played headless into a file DB, then exported as `firedrill export` writes it. */
function recording(ctx: BenchContext): Promise<{ file: string; db: string; sessionId: string; exportBytes: number; eventBytes: number; simMin: number; events: number }> {
  return ctx.once('recording', async () => {
    const loaded = await benchScenario(ctx);
    const lines = await strongScript(ctx);
    const dir = ctx.tempDir();
    const db = join(dir, 'recording.db');
    const store = openStore(db);
    try {
      const { session } = await runScript(store, loaded, lines, { seed: 1, trainee: 'bench', mode: 'solo', difficulty: 'normal' }, Date.now);
      const data = store.exportSession(session.id);
      // What `firedrill export` writes.
      const text = exportFileText(data, store.viewHashes(session.id));
      const file = join(dir, 'recording.json');
      writeFileSync(file, text);
      const last = data.events.at(-1)?.simMs ?? 0;
      return {
        file,
        db,
        sessionId: session.id,
        exportBytes: Buffer.byteLength(text),
        eventBytes: Buffer.byteLength(JSON.stringify(data.events, null, 2)),
        simMin: Math.max(1, last / 60_000),
        events: data.events.length,
      };
    } finally {
      store.close();
    }
  });
}

figure({
  name: 'recording.bytes-per-sim-min',
  unit: 'B/min',
  target: { max: 22_000 },
  about: 'the export file of the strong scripted session (`firedrill export`: events, view hashes and the packed scenario snapshot) / its sim minutes; target: a 45-minute recording stays under 1 MB ("kilobytes, not megabytes")',
  measure: async (ctx) => {
    const r = await recording(ctx);
    return { value: r.exportBytes / r.simMin, detail: `${r.exportBytes} B for ${r.simMin.toFixed(1)} sim min, ${r.events} events` };
  },
});

figure({
  name: 'recording.event-bytes-per-sim-min',
  unit: 'B/min',
  about: 'the same without the scenario snapshot: the recorded inputs alone / sim minutes',
  measure: async (ctx) => {
    const r = await recording(ctx);
    return r.eventBytes / r.simMin;
  },
});

/** The bench recording as an asciicast (120x40, a redraw per changed sim-second), built once. */
function castOf(ctx: BenchContext): Promise<{ bytes: number; frames: number }> {
  return ctx.once('cast', async () => {
    const r = await recording(ctx);
    const { Recording } = await import('../../src/session/replay.js');
    const { buildCast } = await import('../../src/session/cast.js');
    const { renderFrame, viewSizeFor } = await import('../../src/ui/render-frame.js');
    const store = openStore(r.db, { readonly: true });
    try {
      const cast = buildCast(Recording.load(store, r.sessionId), { width: 120, height: 40, size: viewSizeFor(120, 40), render: renderFrame, stepSec: ctx.quick ? 20 : 1 });
      return { bytes: Buffer.byteLength(cast.text), frames: cast.frames };
    } finally {
      store.close();
    }
  });
}

figure({
  name: 'recording.cast-ratio',
  unit: 'x',
  target: { min: 100 },
  about:
    'an asciicast v2 of the same session (`export --format cast`: 120x40, one full redraw per sim-second whose screen changed — fewer frames than a live 10 fps terminal recording, so a conservative comparison) divided by the export file',
  onMiss:
    "the export carries the session's scenario snapshot (so that a recording replays after the YAML changes), packed with gzip since export format 2 (~35 KB instead of ~117 KB as escaped JSON text, when it was 93x); it does not grow with the session, so the ratio rises with length. Check its share of the file, and recording.cast-ratio-inputs for the events alone",
  measure: async (ctx) => {
    const r = await recording(ctx);
    const cast = await castOf(ctx);
    return { value: cast.bytes / r.exportBytes, detail: `cast ${cast.bytes} B (${Math.round(cast.bytes / r.simMin)} B per sim-minute, ${cast.frames} frames) vs recording ${r.exportBytes} B` };
  },
});

figure({
  name: 'recording.cast-ratio-inputs',
  unit: 'x',
  target: { min: 100 },
  about: 'the same asciicast divided by the recorded inputs alone (the events of the export, without the scenario snapshot)',
  measure: async (ctx) => {
    const r = await recording(ctx);
    return (await castOf(ctx)).bytes / r.eventBytes;
  },
});

figure({
  name: 'history.list-1000',
  unit: 'ms',
  target: { max: 100 },
  about:
    'what `firedrill sessions` lists over 1,000 recorded sessions, each with a scenario snapshot of its own (~110 KB, all different: the worst case, since equal snapshots are stored once): score and outcome from the cache the store vouches for (MAC over head, header and snapshot), recomputed from the events where it does not (file DB; median of 5, after a first listing filled the cache); target: `firedrill sessions` feels instant',
  onMiss:
    "when it last missed (0.25–1.2 s), listSessions read every column, so listing 1,000 sessions read each one's ~110 KB scenario snapshot (~110 MB); it now selects the summary columns only (src/store SessionSummary), and since schema v3 the snapshots live in their own table (scenarios, one row per distinct text), so a session row is small. A new miss: look at what listSessions selects and joins",
  measure: async (ctx) => {
    const loaded = await benchScenario(ctx);
    const scenarioJson = JSON.stringify(loaded.raw);
    const n = ctx.quick ? 100 : 1000;
    const store = openStore(join(ctx.tempDir(), 'history.db'), { keys: keyRing(ctx.tempDir()) });
    try {
      for (let i = 0; i < n; i++) {
        // A distinct snapshot per session (the worst case for the store).
        const copy = `${scenarioJson.slice(0, -1)},"benchCopy":${i}}`;
        store.createSession({
          id: `bench-${String(i).padStart(4, '0')}`,
          scenarioId: loaded.scenario.id,
          scenarioJson: copy,
          scenarioHash: createHash('sha256').update(copy).digest('hex'),
          appVersion: APP_VERSION,
          seed: i,
          variant: loaded.scenario.variants[0]!.id,
          trainee: `trainee-${i % 17}`,
          mode: i % 3 === 0 ? 'interview' : 'solo',
          difficulty: 'normal',
          startedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
        });
        if (i % 2 === 0) store.finishSession(`bench-${String(i).padStart(4, '0')}`, { outcome: 'resolved', score: 70 + (i % 30), scoreMax: 100, reportJson: null, endedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 + 2_400_000).toISOString() });
      }
      const c0 = performance.now();
      listSessionsDerived(store);
      const cold = performance.now() - c0;
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const t0 = performance.now();
        const rows = listSessionsDerived(store);
        times.push(performance.now() - t0);
        if (rows.length !== n) throw new Error(`listed ${rows.length} sessions, expected ${n}`);
      }
      return { value: median(times), detail: `the first listing, recomputing the ${Math.ceil(n / 2)} sessions without results, took ${cold.toFixed(0)} ms; listSessions alone ${medianOf(() => store.listSessions(), 5).toFixed(1)} ms` };
    } finally {
      store.close();
    }
  },
});

function medianOf(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

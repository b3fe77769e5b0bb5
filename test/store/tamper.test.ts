// The tamper suite: every way of editing a recording, in the database and in
// an export file, listed case by case. Each must be refused: `verify` exits 3
// on a database edit, `import` exits 3 on a file edit, and nothing of a
// refused file is written. The attacker may recompute every hash and the
// head; what they lack is the installation's private key.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/session/headless.js';
import { canonicalJson, eventHash, GENESIS_HASH, openStore, type Store, type StoredEvent } from '../../src/store/index.js';
import { opensshText, signHead } from '../../src/signing/index.js';
import { cli, tempDb } from '../cli/run-cli.js';
import { loadFixture, scriptLines } from '../helpers.js';
import { importCommand } from '../../src/cli/commands/transfer.js';
import { createContext } from '../../src/cli/context.js';
import { expectedExit } from '../../src/cli/errors.js';

/** `firedrill import FILE --db DB` run in this process: its exit code and what it said. */
function importHere(file: string, db: string): { code: number; message: string } {
  const said: string[] = [];
  const io = { json: false, color: false, out: (t: string) => void said.push(t), note: (t: string) => void said.push(t), data: (v: unknown) => void said.push(JSON.stringify(v)) };
  try {
    return { code: importCommand(createContext({ db }, io), [file]), message: said.join('\n') };
  } catch (e) {
    const code = expectedExit(e);
    if (code === null) throw e;
    return { code, message: (e as Error).message };
  }
}

const MINI = 'test/fixtures/mini.yaml';
const STRONG = 'test/fixtures/mini.strong.txt';

async function record(store: Store, n: number): Promise<string> {
  const { session } = await runScript(store, loadFixture(MINI), scriptLines(STRONG), { seed: 7, trainee: 'casey', mode: 'interview', difficulty: 'normal' }, () => 1_700_000_000_000 + n * 60_000);
  store.appendEvent(session.id, { simMs: 600_000, wallMs: 1_700_000_100_000, actor: 'examiner', type: 'annotate', payload: { text: 'steady' } });
  return session.id;
}

// ---------------------------------------------------------------- database edits

type Db = Database.Database;
interface DbCase {
  name: string;
  edit: (db: Db, id: string) => void;
}

const setCol = (col: string, value: (old: unknown) => unknown) => (db: Db, id: string) => {
  const old = db.prepare(`SELECT ${col} FROM sessions WHERE id = ?`).pluck().get(id);
  db.prepare(`UPDATE sessions SET ${col} = ? WHERE id = ?`).run(value(old), id);
};
const setEvent = (seq: number, col: string, value: (old: unknown) => unknown) => (db: Db, id: string) => {
  const old = db.prepare(`SELECT ${col} FROM events WHERE session_id = ? AND seq = ?`).pluck().get(id, seq);
  db.prepare(`UPDATE events SET ${col} = ? WHERE session_id = ? AND seq = ?`).run(value(old), id, seq);
};
const lastSeq = (db: Db, id: string) => db.prepare('SELECT max(seq) FROM events WHERE session_id = ?').pluck().get(id) as number;

interface Row {
  seq: number;
  sim_ms: number;
  wall_ms: number;
  actor: 'ic' | 'examiner' | 'system';
  type: string;
  payload: string;
}

/** Rewrites every hash from `fromSeq` on and moves the head to the end: a forger's best effort without the key. */
function rechain(db: Db, id: string, fromSeq = 0): void {
  const rows = db.prepare('SELECT seq, sim_ms, wall_ms, actor, type, payload FROM events WHERE session_id = ? ORDER BY seq').all(id) as Row[];
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.seq >= fromSeq) {
      const hash = eventHash(prev, { sessionId: id, seq: r.seq, simMs: r.sim_ms, wallMs: r.wall_ms, actor: r.actor, type: r.type, payload: JSON.parse(r.payload) });
      db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE session_id = ? AND seq = ?').run(prev, hash, id, r.seq);
      prev = hash;
    } else prev = db.prepare('SELECT hash FROM events WHERE session_id = ? AND seq = ?').pluck().get(id, r.seq) as string;
  }
  const last = rows.at(-1);
  db.prepare('UPDATE sessions SET head_seq = ?, head_hash = ? WHERE id = ?').run(last?.seq ?? 0, prev, id);
}

/** A copy of the session's snapshot, edited, that only this session points at. */
function editSnapshot(db: Db, id: string): string {
  const json = db.prepare('SELECT json FROM scenarios WHERE key = (SELECT scenario_key FROM sessions WHERE id = ?)').pluck().get(id) as string;
  const edited = json.replace('A config push set the payments URL to a dead host.', 'Nothing was wrong.');
  expect(edited).not.toBe(json);
  const key = sha256(edited);
  db.prepare('INSERT OR IGNORE INTO scenarios (key, json) VALUES (?, ?)').run(key, edited);
  db.prepare('UPDATE sessions SET scenario_key = ? WHERE id = ?').run(key, id);
  return key;
}

/** One character of a base64 signature changed, always to a different one. */
function garbled(sig: string): string {
  return `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Sets a header field in the row and in the genesis payload alike. */
function headerEverywhere(field: string, col: string, value: unknown) {
  return (db: Db, id: string) => {
    db.prepare(`UPDATE sessions SET ${col} = ? WHERE id = ?`).run(value, id);
    const g = JSON.parse(db.prepare('SELECT payload FROM events WHERE session_id = ? AND seq = 0').pluck().get(id) as string) as Record<string, unknown>;
    g[field] = value;
    db.prepare('UPDATE events SET payload = ? WHERE session_id = ? AND seq = 0').run(canonicalJson(g), id);
  };
}

const DB_CASES: DbCase[] = [
  // every header field, in the sessions table only
  { name: 'header trainee', edit: setCol('trainee', () => 'someone else') },
  { name: 'header seed', edit: setCol('seed', (s) => (s as number) + 1) },
  { name: 'header variant (another of the scenario)', edit: setCol('variant', (v) => (v === 'bad-config' ? 'bad-flag' : 'bad-config')) },
  { name: 'header variant (unknown)', edit: setCol('variant', () => 'no-such-variant') },
  { name: 'header difficulty', edit: setCol('difficulty', () => 'easy') },
  { name: 'header mode', edit: setCol('mode', () => 'solo') },
  {
    name: 'header started-at',
    edit: (db, id) => db.prepare("UPDATE sessions SET started_at = '2020-01-01T00:00:00.000Z', started_ms = 1577836800000 WHERE id = ?").run(id),
  },
  { name: 'header scenario id', edit: setCol('scenario_id', () => 'payment-fraud-dns') },
  { name: 'header scenario hash', edit: setCol('scenario_hash', () => 'f'.repeat(64)) },
  { name: 'header app version', edit: setCol('app_version', () => '9.9.9') },
  { name: 'header parent session', edit: setCol('parent_id', () => 'forged-parent') },
  { name: 'header branch point', edit: setCol('branch_at_ms', () => 60_000) },
  { name: 'header time limit', edit: setCol('time_limit_sec', (t) => (t as number) + 600) },
  // the header edited in the row and in its genesis event alike
  { name: 'header and genesis trainee', edit: headerEverywhere('trainee', 'trainee', 'someone else') },
  { name: 'header and genesis seed', edit: headerEverywhere('seed', 'seed', 8) },
  // every event field, on a command in the middle
  { name: 'event payload', edit: setEvent(3, 'payload', (p) => (p as string).replace(/"text":"[^"]*"/, '"text":"sev 1"')) },
  { name: 'event sim time', edit: setEvent(3, 'sim_ms', (t) => (t as number) + 1000) },
  { name: 'event wall time', edit: setEvent(3, 'wall_ms', (t) => (t as number) - 1) },
  { name: 'event actor', edit: setEvent(3, 'actor', () => 'examiner') },
  { name: 'event type', edit: setEvent(3, 'type', () => 'annotate') },
  { name: 'event hash', edit: setEvent(3, 'hash', () => 'e'.repeat(64)) },
  { name: 'event previous hash', edit: setEvent(3, 'prev_hash', () => 'e'.repeat(64)) },
  { name: 'event seq', edit: setEvent(3, 'seq', () => 999) },
  { name: 'genesis payload', edit: setEvent(0, 'payload', (p) => (p as string).replace('"casey"', '"morgan"')) },
  { name: 'genesis wall time', edit: setEvent(0, 'wall_ms', (t) => (t as number) + 1) },
  { name: 'genesis deleted', edit: (db, id) => db.prepare('DELETE FROM events WHERE session_id = ? AND seq = 0').run(id) },
  // deletion, reordering, truncation
  { name: 'one event deleted', edit: (db, id) => db.prepare('DELETE FROM events WHERE session_id = ? AND seq = 4').run(id) },
  {
    name: 'two events swapped',
    edit: (db, id) => {
      db.prepare('UPDATE events SET seq = 100000 WHERE session_id = ? AND seq = 4').run(id);
      db.prepare('UPDATE events SET seq = 4 WHERE session_id = ? AND seq = 5').run(id);
      db.prepare('UPDATE events SET seq = 5 WHERE session_id = ? AND seq = 100000').run(id);
    },
  },
  { name: 'cut short, head as it was', edit: (db, id) => db.prepare('DELETE FROM events WHERE session_id = ? AND seq > ?').run(id, lastSeq(db, id) - 3) },
  {
    name: 'cut short, head fixed up',
    edit: (db, id) => {
      db.prepare('DELETE FROM events WHERE session_id = ? AND seq > ?').run(id, lastSeq(db, id) - 3);
      rechain(db, id, Number.MAX_SAFE_INTEGER);
    },
  },
  {
    name: 'every event deleted, head fixed up to the genesis',
    edit: (db, id) => {
      db.prepare('DELETE FROM events WHERE session_id = ? AND seq > 0').run(id);
      rechain(db, id, Number.MAX_SAFE_INTEGER);
    },
  },
  {
    name: 'every event and the genesis deleted, head emptied',
    edit: (db, id) => {
      db.prepare('DELETE FROM events WHERE session_id = ?').run(id);
      db.prepare('UPDATE sessions SET head_seq = 0, head_hash = ? WHERE id = ?').run(GENESIS_HASH, id);
    },
  },
  { name: 'signature deleted', edit: (db, id) => db.prepare('UPDATE sessions SET head_sig = NULL, head_signer = NULL WHERE id = ?').run(id) },
  { name: 'signature garbled', edit: setCol('head_sig', (s) => garbled(s as string)) },
  // the scenario snapshot
  { name: 'snapshot edited', edit: (db, id) => void editSnapshot(db, id) },
  { name: 'snapshot edited, its hash recomputed', edit: (db, id) => db.prepare('UPDATE sessions SET scenario_hash = ? WHERE id = ?').run(editSnapshot(db, id), id) },
  {
    name: 'snapshot edited, hash recomputed in header and genesis, chain recomputed',
    edit: (db, id) => {
      const key = editSnapshot(db, id);
      headerEverywhere('scenarioHash', 'scenario_hash', key)(db, id);
      rechain(db, id);
    },
  },
  // full forgeries
  {
    name: 'full recompute: a command changed, every hash and the head recomputed',
    edit: (db, id) => {
      setEvent(3, 'payload', (p) => (p as string).replace(/"text":"[^"]*"/, '"text":"sev 1"'))(db, id);
      rechain(db, id);
    },
  },
  {
    name: 'full recompute: header and genesis rewritten, every hash and the head recomputed',
    edit: (db, id) => {
      headerEverywhere('trainee', 'trainee', 'a stronger candidate')(db, id);
      rechain(db, id);
    },
  },
  {
    name: 'downgrade: genesis dropped, chain recomputed from zero, labelled as made before signing',
    edit: (db, id) => {
      db.prepare('DELETE FROM events WHERE session_id = ? AND seq = 0').run(id);
      db.prepare('UPDATE sessions SET legacy = 1 WHERE id = ?').run(id);
      rechain(db, id);
    },
  },
  {
    name: 'derived results and their cache edited (verify still checks the events)',
    edit: (db, id) => {
      db.prepare("UPDATE sessions SET score = 100, outcome = 'resolved' WHERE id = ?").run(id);
      setEvent(2, 'payload', (p) => (p as string).replace(/"text":"[^"]*"/, '"text":"forged"'))(db, id);
    },
  },
];

describe('tamper suite: database edits', () => {
  it(`verify refuses every one of ${DB_CASES.length} edits with exit 3, and passes the untouched recording`, async () => {
    const db = tempDb();
    const store = openStore(db);
    const ids: string[] = [];
    let control: string;
    try {
      control = await record(store, 0);
      for (let i = 0; i < DB_CASES.length; i++) ids.push(await record(store, i + 1));
      expect(store.verify(control).ok).toBe(true);
    } finally {
      store.close();
    }
    const raw = new Database(db);
    try {
      DB_CASES.forEach((c, i) => c.edit(raw, ids[i]!));
    } finally {
      raw.close();
    }
    const all = cli(['verify', '--all', '--json'], { FIREDRILL_DB: db });
    expect(all.code, all.stderr).toBe(3);
    const results = new Map((JSON.parse(all.stdout) as { session: string; ok: boolean; problem: string | null }[]).map((r) => [r.session, r]));
    expect(results.get(control)).toMatchObject({ ok: true });
    const missed = DB_CASES.filter((_, i) => results.get(ids[i]!)?.ok !== false).map((c) => c.name);
    expect(missed, 'edits verify did not catch').toEqual([]);
    // One at a time through the command line, too: exit 3 and what is wrong.
    for (const i of [0, DB_CASES.findIndex((c) => c.name.startsWith('full recompute'))]) {
      const one = cli(['verify', ids[i]!], { FIREDRILL_DB: db });
      expect(one.code, DB_CASES[i]!.name).toBe(3);
      expect(one.stdout).toMatch(/^BROKEN /);
    }
    const good = cli(['verify', control!], { FIREDRILL_DB: db });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/chain intact; signed by \S+ SHA256:\S+, this machine/);
  }, 180_000);
});

// ---------------------------------------------------------------- export-file edits

interface ExportFile {
  format: string;
  version: number;
  session: Record<string, unknown>;
  scenario: { encoding: string; bytes: number; data: string };
  genesis: StoredEvent | null;
  events: StoredEvent[];
  head?: { seq: number; hash: string };
  signature?: { signer: string; sig: string } | null;
}

/** Recomputes the genesis, every hash and the head from the file's contents (no key, so the signature stays as it was). */
function rechainFile(f: ExportFile): ExportFile {
  const id = f.session.id as string;
  let prev = GENESIS_HASH;
  const relink = (e: StoredEvent): StoredEvent => {
    const hash = eventHash(prev, e);
    const out = { ...e, prevHash: prev, hash };
    prev = hash;
    return out;
  };
  const genesis = f.genesis ? relink({ ...f.genesis, sessionId: id }) : null;
  const events = f.events.map((e) => relink({ ...e, sessionId: id }));
  return { ...f, genesis, events, head: { seq: events.at(-1)?.seq ?? 0, hash: prev } };
}

const snapshotOf = (f: ExportFile) => gunzipSync(Buffer.from(f.scenario.data, 'base64')).toString('utf8');
function withSnapshot(f: ExportFile, json: string): ExportFile {
  return { ...f, scenario: { ...f.scenario, bytes: Buffer.byteLength(json), data: gzipSync(json).toString('base64') } };
}
const editedSnapshot = (f: ExportFile) => snapshotOf(f).replace('A config push set the payments URL to a dead host.', 'Nothing was wrong.');

const headerField = (field: string, value: (old: unknown) => unknown) => (f: ExportFile): ExportFile => ({ ...f, session: { ...f.session, [field]: value(f.session[field]) } });
const headerAndGenesis = (field: string, value: unknown) => (f: ExportFile): ExportFile => ({
  ...f,
  session: { ...f.session, [field]: value },
  genesis: { ...f.genesis!, payload: { ...(f.genesis!.payload as object), [field]: value } },
});
const eventField = (i: number, field: keyof StoredEvent, value: (old: unknown) => unknown) => (f: ExportFile): ExportFile => ({
  ...f,
  events: f.events.map((e, j) => (j === i ? { ...e, [field]: value(e[field]) } : e)),
});
const commandText = (text: string) => (p: unknown) => ({ ...(p as object), text });

interface FileCase {
  name: string;
  edit: (f: ExportFile) => ExportFile;
}

const FILE_CASES: FileCase[] = [
  { name: 'header trainee', edit: headerField('trainee', () => 'someone else') },
  { name: 'header seed', edit: headerField('seed', (s) => (s as number) + 1) },
  { name: 'header variant', edit: headerField('variant', (v) => (v === 'bad-config' ? 'bad-flag' : 'bad-config')) },
  { name: 'header variant (unknown)', edit: headerField('variant', () => 'no-such-variant') },
  { name: 'header difficulty', edit: headerField('difficulty', () => 'hard') },
  { name: 'header mode', edit: headerField('mode', () => 'solo') },
  { name: 'header started-at', edit: headerField('startedAt', () => '2020-01-01T00:00:00.000Z') },
  { name: 'header scenario id', edit: headerField('scenarioId', () => 'payment-fraud-dns') },
  { name: 'header scenario hash', edit: headerField('scenarioHash', () => 'f'.repeat(64)) },
  { name: 'header app version', edit: headerField('appVersion', () => '9.9.9') },
  { name: 'header parent session', edit: headerField('parentId', () => 'forged-parent') },
  { name: 'header branch point', edit: headerField('branchAtMs', () => 60_000) },
  { name: 'header time limit', edit: headerField('timeLimitSec', (t) => (t as number) + 600) },
  { name: 'header session id', edit: headerField('id', () => 'FORGEDSESSIONID') },
  { name: 'header and genesis trainee', edit: headerAndGenesis('trainee', 'someone else') },
  { name: 'event payload', edit: eventField(2, 'payload', commandText('sev 1')) },
  { name: 'event sim time', edit: eventField(2, 'simMs', (t) => (t as number) + 1000) },
  { name: 'event wall time', edit: eventField(2, 'wallMs', (t) => (t as number) - 1) },
  { name: 'event actor', edit: eventField(2, 'actor', () => 'examiner') },
  { name: 'event type', edit: eventField(2, 'type', () => 'annotate') },
  { name: 'event hash', edit: eventField(2, 'hash', () => 'e'.repeat(64)) },
  { name: 'event previous hash', edit: eventField(2, 'prevHash', () => 'e'.repeat(64)) },
  { name: 'event seq', edit: eventField(2, 'seq', () => 999) },
  { name: 'event session id', edit: eventField(2, 'sessionId', () => 'other') },
  { name: 'genesis payload', edit: (f) => ({ ...f, genesis: { ...f.genesis!, payload: { ...(f.genesis!.payload as object), trainee: 'morgan' } } }) },
  { name: 'genesis removed', edit: (f) => ({ ...f, genesis: null }) },
  { name: 'one event deleted', edit: (f) => ({ ...f, events: f.events.filter((_, j) => j !== 3) }) },
  { name: 'two events swapped', edit: (f) => ({ ...f, events: f.events.map((e, j) => (j === 3 ? f.events[4]! : j === 4 ? f.events[3]! : e)) }) },
  { name: 'cut short, head as it was', edit: (f) => ({ ...f, events: f.events.slice(0, -3) }) },
  { name: 'cut short, head fixed up', edit: (f) => rechainFile({ ...f, events: f.events.slice(0, -3) }) },
  { name: 'every event deleted, head fixed up', edit: (f) => rechainFile({ ...f, events: [] }) },
  { name: 'head removed', edit: (f) => ({ ...f, head: undefined }) },
  { name: 'signature removed', edit: (f) => ({ ...f, signature: null }) },
  { name: 'signature garbled', edit: (f) => ({ ...f, signature: { ...f.signature!, sig: garbled(f.signature!.sig) } }) },
  { name: 'signer replaced by another key (signature kept)', edit: (f) => ({ ...f, signature: { ...f.signature!, signer: opensshText(generateKeyPairSync('ed25519').publicKey) } }) },
  { name: 'snapshot edited', edit: (f) => withSnapshot(f, editedSnapshot(f)) },
  { name: 'snapshot edited, its hash recomputed', edit: (f) => headerField('scenarioHash', () => sha256(editedSnapshot(f)))(withSnapshot(f, editedSnapshot(f))) },
  {
    name: 'snapshot edited, hash recomputed in header and genesis, chain recomputed',
    edit: (f) => rechainFile(headerAndGenesis('scenarioHash', sha256(editedSnapshot(f)))(withSnapshot(f, editedSnapshot(f)))),
  },
  { name: 'full recompute: a command changed, every hash and the head recomputed', edit: (f) => rechainFile(eventField(2, 'payload', commandText('sev 1'))(f)) },
  { name: 'full recompute: header and genesis rewritten', edit: (f) => rechainFile(headerAndGenesis('trainee', 'a stronger candidate')(f)) },
  {
    name: 'downgrade: written as export format 2 without genesis or signature, chain recomputed from zero',
    edit: (f) => ({ ...rechainFile({ ...f, genesis: null }), version: 2, signature: null }),
  },
];

describe('tamper suite: export-file edits', () => {
  it(`import refuses every one of ${FILE_CASES.length} edits with exit 3 and writes nothing; the untouched file imports`, async () => {
    const db = tempDb();
    const store = openStore(db);
    let id: string;
    try {
      id = await record(store, 0);
    } finally {
      store.close();
    }
    const dir = dirname(db);
    const file = join(dir, 'rec.json');
    expect(cli(['export', id!, '--out', file], { FIREDRILL_DB: db }).code).toBe(0);
    const original = JSON.parse(readFileSync(file, 'utf8')) as ExportFile;
    expect(original.version).toBe(3);

    // Each case through the import command itself (in this process: 41 program starts take minutes on a busy machine) ...
    const results = FILE_CASES.map((c, i) => {
      const edited = join(dir, `edited-${i}.json`);
      writeFileSync(edited, JSON.stringify(c.edit(structuredClone(original))));
      return { name: c.name, ...importHere(edited, join(dir, `fresh-${i}.db`)) };
    });
    const notRefused = results.filter((r) => r.code !== 3 || !/edited-\d+\.json/.test(r.message)).map((r) => `${r.name}: exit ${r.code} ${r.message}`);
    expect(notRefused, 'file edits import did not refuse with exit 3 naming the file').toEqual([]);
    for (let i = 0; i < FILE_CASES.length; i++) {
      const s = openStore(join(dir, `fresh-${i}.db`));
      expect(s.listSessions(), FILE_CASES[i]!.name).toEqual([]);
      s.close();
    }
    // ... and a few through the program, for its exit code and message.
    for (const name of ['event payload', 'full recompute: a command changed, every hash and the head recomputed', 'downgrade: written as export format 2 without genesis or signature, chain recomputed from zero']) {
      const i = FILE_CASES.findIndex((c) => c.name === name);
      const r = cli(['import', join(dir, `edited-${i}.json`)], { FIREDRILL_DB: join(dir, `fresh-cli-${i}.db`) });
      expect(r.code, `${name}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`^firedrill: cannot import \\S*edited-${i}\\.json: `));
    }
    const ok = cli(['import', file], { FIREDRILL_DB: join(dir, 'fresh-ok.db') });
    expect(ok.code, ok.stderr).toBe(0);
  }, 300_000);

  it('a recording signed by a key this installation does not trust: refused, then imported with --allow-untrusted and labelled everywhere', async () => {
    const db = tempDb();
    const store = openStore(db);
    let id: string;
    try {
      id = await record(store, 0);
    } finally {
      store.close();
    }
    const dir = dirname(db);
    const file = join(dir, 'rec.json');
    expect(cli(['export', id!, '--out', file], { FIREDRILL_DB: db }).code).toBe(0);
    // The same recording, signed on another installation.
    const stranger = generateKeyPairSync('ed25519');
    const f = JSON.parse(readFileSync(file, 'utf8')) as ExportFile;
    const signed = { ...f, signature: { signer: opensshText(stranger.publicKey), sig: signHead(stranger.privateKey, { session: id!, seq: f.head!.seq, hash: f.head!.hash }) } };
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify(signed));
    const fresh = join(dir, 'fresh.db');
    const refused = cli(['import', other], { FIREDRILL_DB: fresh });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/other\.json: it is signed by SHA256:\S+, NOT trusted/);

    const taken = cli(['import', other, '--allow-untrusted'], { FIREDRILL_DB: fresh });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/signed by SHA256:\S+, NOT trusted/);
    const v = cli(['verify', id!], { FIREDRILL_DB: fresh });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/NOT trusted/);
    expect(cli(['sessions'], { FIREDRILL_DB: fresh }).stdout).toMatch(/\[untrusted signer SHA256:\S+\]/);
    expect(cli(['report', id!], { FIREDRILL_DB: fresh }).stdout).toMatch(/Recording: event chain verified; signed by SHA256:\S+, NOT trusted/);

    // Trusting the key by name turns the label into that name.
    const pub = join(dir, 'stranger.pub');
    writeFileSync(pub, `${opensshText(stranger.publicKey)} examiner-laptop\n`);
    expect(cli(['keys', 'trust', pub, '--name', 'examiner-laptop']).code).toBe(0);
    expect(cli(['verify', id!], { FIREDRILL_DB: fresh }).stdout).toMatch(/signed by examiner-laptop SHA256:\S+, trusted/);
    expect(cli(['keys', 'remove', 'examiner-laptop']).code).toBe(0);
  }, 120_000);

  it('an unsigned recording (export format 2) imports only with --allow-untrusted, labelled unsigned', async () => {
    const db = tempDb();
    const store = openStore(db);
    let id: string;
    try {
      id = await record(store, 0);
    } finally {
      store.close();
    }
    const dir = dirname(db);
    const file = join(dir, 'rec.json');
    expect(cli(['export', id!, '--out', file], { FIREDRILL_DB: db }).code).toBe(0);
    const f = JSON.parse(readFileSync(file, 'utf8')) as ExportFile;
    const { genesis: _g, signature: _s, ...rest } = rechainFile({ ...f, genesis: null });
    const older = join(dir, 'older.json');
    writeFileSync(older, JSON.stringify({ ...rest, version: 2 }));
    const fresh = join(dir, 'fresh.db');
    const refused = cli(['import', older], { FIREDRILL_DB: fresh });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/older\.json: it is unsigned \(made before signing, export format 2\)/);
    const taken = cli(['import', older, '--allow-untrusted'], { FIREDRILL_DB: fresh });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/unsigned, made before signing/);
    const v = cli(['verify', id!], { FIREDRILL_DB: fresh });
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/unsigned, made before signing/);
    expect(cli(['sessions'], { FIREDRILL_DB: fresh }).stdout).toMatch(/\[unsigned \(made before signing\)\]/);
    expect(cli(['report', id!], { FIREDRILL_DB: fresh }).stdout).toMatch(/unsigned, made before signing/);
  }, 120_000);
});

describe('derived results are never trusted from storage', () => {
  it('sessions, history and report recompute score and outcome; an edited cache or an unknown variant changes nothing shown and never crashes', async () => {
    const db = tempDb();
    const store = openStore(db);
    let id: string;
    let other: string;
    try {
      id = await record(store, 0);
      other = await record(store, 1);
    } finally {
      store.close();
    }
    const listed = () => JSON.parse(cli(['sessions', '--json'], { FIREDRILL_DB: db }).stdout) as { id: string; score: number; outcome: string; sections: unknown[] }[];
    const before = listed().find((r) => r.id === id)!;
    expect(before.score).toBeGreaterThan(0);
    const raw = new Database(db);
    raw.prepare("UPDATE sessions SET score = 100, score_max = 100, outcome = 'resolved', report_json = '{\"sections\":[]}' WHERE id = ?").run(id);
    raw.prepare("UPDATE sessions SET variant = 'no-such-variant' WHERE id = ?").run(other);
    raw.close();
    const after = listed();
    expect(after.find((r) => r.id === id)).toMatchObject({ score: before.score, outcome: before.outcome, sections: before.sections });
    expect(after.find((r) => r.id === other)).toMatchObject({ outcome: 'unreadable', score: null });
    const report = cli(['report', other, '--format', 'json'], { FIREDRILL_DB: db });
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/names variant "no-such-variant", which its scenario does not have/);
    expect(report.stderr).not.toMatch(/unexpected error/);
  }, 120_000);
});

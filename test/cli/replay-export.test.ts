// The replay, check, export/import and cast commands through the real
// program (the bundle), as a user runs them.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { cli, tempDb } from './run-cli.js';

function played(db: string, extra: string[] = []): string {
  const r = cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.strong.txt', '--seed', '6', '--quiet', '--json', ...extra], { FIREDRILL_DB: db });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { session: string }).session;
}

describe('firedrill replay', () => {
  it('needs a terminal for the interactive replay, and says what works without one', () => {
    const db = tempDb();
    const id = played(db);
    const r = cli(['replay', id], { FIREDRILL_DB: db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/interactive replay needs an interactive terminal.*--at MM:SS --headless.*--check/s);
    expect(cli(['replay', id, '--headless'], { FIREDRILL_DB: db }).code).toBe(2);
    const b = cli(['replay', id, '--branch-at', '3:00'], { FIREDRILL_DB: db });
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/branch.*needs an interactive terminal/);
  });

  it('prints one frame at a time, seeking through keyframes', () => {
    const db = tempDb();
    const id = played(db);
    const f = cli(['replay', id, '--at', '06:00', '--headless', '--width', '100', '--height', '30'], { FIREDRILL_DB: db });
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/21:06:00/);
    expect(f.stdout.split('\n').length).toBeLessThanOrEqual(30);
  });

  it('--check: ok when the replay matches the hashes stored during play; the first differing seq when not', () => {
    const db = tempDb();
    const id = played(db);
    const ok = cli(['replay', id, '--check'], { FIREDRILL_DB: db });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok .*matches the candidate's screen after all 22 checked decisions/);
    const j = cli(['replay', id, '--check', '--json'], { FIREDRILL_DB: db });
    expect(JSON.parse(j.stdout)).toMatchObject({ session: id, decisions: 22, checked: 22, ok: true, firstDiff: null });

    const raw = new Database(db);
    const seq = (raw.prepare('SELECT seq FROM view_hashes WHERE session_id = ? ORDER BY seq LIMIT 1 OFFSET 4').pluck().get(id) as number);
    raw.prepare("UPDATE view_hashes SET hash = replace(hash, substr(hash, 1, 1), 'x') WHERE session_id = ? AND seq >= ?").run(id, seq);
    raw.close();
    const bad = cli(['replay', id, '--check'], { FIREDRILL_DB: db });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`DIFFERS ${id}: after event #${seq} \\(\\+\\d+:\\d\\d ".+"\\) the replayed screen is not the one the candidate saw`));
  });

  it('--check on a recording without hashes says there is nothing to compare', () => {
    const db = tempDb();
    const id = played(db);
    const raw = new Database(db);
    raw.prepare('DELETE FROM view_hashes').run();
    raw.close();
    const r = cli(['replay', id, '--check'], { FIREDRILL_DB: db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to compare \(no view hashes were stored/);
  });
});

describe('export and import', () => {
  it('a recording moves to a fresh database: verify and report give the same score; one edited byte is refused', () => {
    const db = tempDb();
    const id = played(db);
    const store = openStore(db);
    store.appendEvent(id, { simMs: 700_000, wallMs: 1, actor: 'examiner', type: 'annotate', payload: { text: 'calm under pressure' } });
    store.close();
    const file = join(dirname(db), 'x.json');
    expect(cli(['export', id, '--out', file], { FIREDRILL_DB: db }).code).toBe(0);
    // Export format 3: the scenario snapshot packed, the genesis event, the events as they were recorded, the signed head.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'firedrill-session', version: 3, scenario: { encoding: 'gzip+base64' }, genesis: { seq: 0 }, signature: { signer: expect.stringMatching(/^ssh-ed25519 /) } });

    const fresh = tempDb();
    const imp = cli(['import', file], { FIREDRILL_DB: fresh });
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/chain verified, signed by \S+ SHA256:\S+, this machine/);
    expect(cli(['verify', id], { FIREDRILL_DB: fresh }).code).toBe(0);
    const score = (d: string) => (JSON.parse(cli(['report', id, '--format', 'json'], { FIREDRILL_DB: d }).stdout) as { score: { total: number } }).score.total;
    expect(score(fresh)).toBe(score(db));
    // the view hashes travel too
    expect(cli(['replay', id, '--check'], { FIREDRILL_DB: fresh }).stdout).toMatch(/^ok .*22 checked decisions/);

    // one byte of one event, in the file
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"text": "sev 2"');
    expect(at).toBeGreaterThan(0);
    const edited = `${text.slice(0, at + 13)}1${text.slice(at + 14)}`; // "sev 2" -> "sev 1"
    expect(edited.length).toBe(text.length);
    const editedFile = join(dirname(db), 'edited.json');
    writeFileSync(editedFile, edited);
    const other = tempDb();
    const refused = cli(['import', editedFile], { FIREDRILL_DB: other });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/cannot import \S*edited\.json: event \d+ does not follow from the one before it/);
    const s = openStore(other);
    expect(s.listSessions()).toEqual([]);
    s.close();
  });

  it('--candidate: the candidate copy withholds examiner notes, the scenario snapshot, variant, seed and score, and cannot be imported', () => {
    const db = tempDb();
    const id = played(db, ['--mode', 'interview']);
    const store = openStore(db);
    const row = store.getSession(id);
    store.appendEvent(id, { simMs: 700_000, wallMs: 1, actor: 'examiner', type: 'annotate', payload: { text: 'SECRET-NOTE hesitant on rollback' } });
    store.close();
    const file = join(dirname(db), 'cand.json');
    const r = cli(['export', id, '--candidate', '--out', file], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/candidate copy .*withheld: examiner notes/);
    const text = readFileSync(file, 'utf8');
    const copy = JSON.parse(text) as { format: string; session: Record<string, unknown>; events: { type: string; seq: number }[]; withheld: string[] };
    expect(copy.format).toBe('firedrill-candidate-copy');
    expect(text).not.toContain('SECRET-NOTE');
    expect(text).not.toContain(row.variant);
    expect(text).not.toContain('rootCause');
    expect(text).not.toContain('A feature flag routed checkout');
    expect(copy.session).not.toHaveProperty('seed');
    expect(copy.session).not.toHaveProperty('score');
    expect(copy.events.some((e) => e.type === 'annotate')).toBe(false);
    expect(copy.events.filter((e) => e.type === 'command')).toHaveLength(22);
    // Numbered in the copy's own chain: no gap shows where the note was.
    expect(copy.events.map((e) => e.seq)).toEqual(copy.events.map((_, i) => i + 1));
    expect(copy.withheld).toContain('examiner notes');
    const imp = cli(['import', file], { FIREDRILL_DB: tempDb() });
    expect(imp.code).toBe(1);
    expect(imp.stderr).toMatch(/is a candidate copy .* cannot be imported or replayed; import the full export instead/);
  });
});

describe('export --format cast', () => {
  it('writes an asciicast v2 file with a marker at each decision (test/system plays it in asciinema)', () => {
    const db = tempDb();
    const id = played(db);
    const file = join(dirname(db), 'x.cast');
    const r = cli(['export', id, '--format', 'cast', '--out', file, '--step', '10', '--speed', '20'], { FIREDRILL_DB: db });
    expect(r.code, r.stderr).toBe(0);
    const [head, ...events] = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(head).toMatchObject({ version: 2, width: 120, height: 40 });
    const evs = events as [number, string, string][];
    expect(evs.filter((e) => e[1] === 'm')).toHaveLength(22);
    expect(evs.filter((e) => e[1] === 'm').map((e) => e[2])).toContain('+1:50 > sev 2');
    const times = evs.map((e) => e[0]);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const outputs = evs.filter((e) => e[1] === 'o');
    expect(outputs.length).toBeGreaterThan(10);
    expect(outputs[0]![2].startsWith('\u001B[H\u001B[2J')).toBe(true);
    expect(outputs.every((o) => o[2].split('\r\n').length <= 40)).toBe(true);
  });
});

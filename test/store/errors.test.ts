import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError, defaultDbPath, openStore } from '../../src/store/index.js';
import { sampleSession, tempDbPath, tempDir } from './helpers.js';

function openError(file: string, opts?: Parameters<typeof openStore>[1]): StoreError {
  try {
    openStore(file, opts).close();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return err as StoreError;
  }
  throw new Error('expected openStore to fail');
}

describe('store errors', () => {
  it('refuses a database written by a newer firedrill', () => {
    const file = tempDbPath();
    openStore(file).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    for (const opts of [{}, { readonly: true }]) {
      const err = openError(file, opts);
      expect(err.code).toBe('newer-schema');
      expect(err.message).toMatch(/newer firedrill/);
      expect(err.message).toContain(file);
    }
  });

  it('reports a non-database file as corrupt', () => {
    const file = join(tempDir(), 'notes.db');
    writeFileSync(file, 'these are my incident notes, not a database\n'.repeat(100));
    const err = openError(file);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/not a firedrill database/);
  });

  it('reports a write lock held too long by another connection as locked', () => {
    const file = tempDbPath();
    const store = openStore(file, { busyTimeoutMs: 100 });
    store.createSession(sampleSession());
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      let err: unknown;
      try {
        store.appendEvent('sess-1', { simMs: 0, wallMs: 0, actor: 'ic', type: 't', payload: null });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StoreError);
      expect(err).toMatchObject({ code: 'locked', message: expect.stringMatching(/locked by another process; try again/) });
      // Reads still work while another process writes (WAL).
      expect(store.getSession('sess-1').id).toBe('sess-1');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(store.appendEvent('sess-1', { simMs: 0, wallMs: 0, actor: 'ic', type: 't', payload: null }).seq).toBe(1);
    store.close();
  });

  it('read-only stores read but refuse writes, and need an existing file', () => {
    const file = tempDbPath();
    const writer = openStore(file);
    writer.createSession(sampleSession());
    const reader = openStore(file, { readonly: true });
    expect(reader.getSession('latest').id).toBe('sess-1');
    let err: unknown;
    try {
      reader.appendEvent('sess-1', { simMs: 0, wallMs: 0, actor: 'ic', type: 't', payload: null });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'readonly' });
    reader.close();
    writer.close();

    expect(openError(join(tempDir(), 'missing.db'), { readonly: true }).code).toBe('not-found');
  });

  it('reports a path that cannot be created as unwritable', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), 'x');
    const underFile = openError(join(dir, 'plain-file', 'firedrill.db'));
    expect(underFile.code).toBe('unwritable');
    expect(underFile.message).toMatch(/FIREDRILL_DB/);

    mkdirSync(join(dir, 'a-directory'));
    expect(openError(join(dir, 'a-directory')).code).toBe('unwritable');
  });
});

describe('defaultDbPath', () => {
  it('prefers FIREDRILL_DB', () => {
    expect(defaultDbPath({ FIREDRILL_DB: '/srv/drills.db' })).toBe('/srv/drills.db');
  });

  it('falls back to the per-user data folder', () => {
    expect(defaultDbPath({})).toMatch(new RegExp(`${sep === '\\' ? '\\\\' : sep}firedrill${sep === '\\' ? '\\\\' : sep}firedrill\\.db$`));
    expect(defaultDbPath({ FIREDRILL_DB: '' })).toBe(defaultDbPath({}));
  });
});

// Shared fixtures for the store tests: throwaway database files and sessions.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { NewSession } from '../../src/store/index.js';

const dirs: string[] = [];

/** A fresh directory under the OS temp dir, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firedrill-store-'));
  dirs.push(dir);
  return dir;
}

export function tempDbPath(name = 'firedrill.db'): string {
  return join(tempDir(), name);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A session header; its scenario hash is the snapshot's, as the app records it. */
export function sampleSession(overrides: Partial<NewSession> = {}): NewSession {
  const scenarioJson = overrides.scenarioJson ?? JSON.stringify({ id: 'db-failover', title: 'Primary database failover' });
  return {
    id: 'sess-1',
    scenarioId: 'db-failover',
    scenarioJson,
    scenarioHash: createHash('sha256').update(scenarioJson).digest('hex'),
    appVersion: '0.1.0',
    seed: 42,
    variant: 'default',
    trainee: 'alex',
    mode: 'solo',
    difficulty: 'normal',
    startedAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  };
}

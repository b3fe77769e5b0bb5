// Where the database lives unless the user says otherwise. FIREDRILL_DB wins
// so tests, CI and the examiner/candidate pair can point at one shared file.
import { join } from 'node:path';
import envPaths from 'env-paths';

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.FIREDRILL_DB;
  if (override !== undefined && override.trim() !== '') return override;
  // suffix '' so the folder is plain "firedrill", not "firedrill-nodejs".
  return join(envPaths('firedrill', { suffix: '' }).data, 'firedrill.db');
}

// Where this installation keeps its signing key and the keys it trusts: the
// user data folder, beside the default database. FIREDRILL_KEYS=DIR moves it
// (tests point it at a temporary folder so they never touch a real home).
import { join } from 'node:path';
import envPaths from 'env-paths';

export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.FIREDRILL_KEYS;
  if (override !== undefined && override.trim() !== '') return override;
  return join(envPaths('firedrill', { suffix: '' }).data, 'keys');
}

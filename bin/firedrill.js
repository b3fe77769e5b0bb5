#!/usr/bin/env node
// Thin launcher: the program itself is the bundle built by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/firedrill.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('firedrill: the program is not built yet; run `npm install` (or `npm run build`) in the repository first.\n');
  process.exit(1);
}
await import(pathToFileURL(bundle).href);

// Bundles the command-line program into one file so startup skips resolving
// hundreds of modules (importing ink unbundled costs ~0.6 s; a bundle ~0.06 s).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { inkFrameCaches } from './ink-frame-caches.mjs';

/** A hash of what the bundle is made of: derived-data caches are keyed by it (src/cli/build-id.ts). */
function buildId() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk('src');
  walk('data');
  hash.update(readFileSync('package-lock.json'));
  return hash.digest('hex').slice(0, 16);
}

// Chunk names carry content hashes: old ones would pile up beside the new.
rmSync('dist', { recursive: true, force: true });

const result = await build({
  entryPoints: { firedrill: 'src/cli/main.ts', 'precompile-scenarios': 'src/cli/precompile-scenarios.ts' },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minify: false,
  sourcemap: 'linked',
  // native addons stay outside the bundle (ssh2 loads its optional crypto addon at run time)
  external: ['better-sqlite3', 'ssh2'],
  plugins: [
    inkFrameCaches,
    {
      // Ink and the text libraries it draws with measure text through src/text/string-width-fast.ts.
      name: 'string-width-fast',
      setup(b) {
        b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer.includes('node_modules') ? { path: join(process.cwd(), 'src/text/string-width-fast.ts') } : undefined));
      },
    },
    {
      // Ink loads React DevTools only when DEV=true; the bundle ships without it.
      name: 'no-devtools',
      setup(b) {
        b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
      },
    },
  ],
  banner: {
    js: "import { createRequire as __fdCreateRequire } from 'node:module'; const require = __fdCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"', __FIREDRILL_BUILD_ID__: JSON.stringify(buildId()) },
  logLevel: 'warning',
  // what each chunk holds: scripts/startup-closure.mjs reads it
  metafile: true,
});
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));

// The bundled scenarios, validated by the program just built (src/cli/scenario-cache.ts).
execFileSync(process.execPath, ['dist/precompile-scenarios.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });

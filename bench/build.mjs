// Bundles the benchmarks (bench/main.ts and the product modules its
// in-process figures measure) into bench/dist/bench.mjs, the way the program
// itself is bundled: the figures time what ships, not a loader's transforms.
// The console figures run the built program, bin/firedrill.js.
import { build } from 'esbuild';

await build({
  entryPoints: { bench: 'bench/main.ts' },
  outdir: 'bench/dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  // dependencies load from node_modules as they are (native addons among them)
  packages: 'external',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

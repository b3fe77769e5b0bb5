// What a command loads before it can draw: the chunks reached by static
// imports from the entry and from one command's chunk, and the sources and
// packages inside them, largest first. Run after `npm run build`:
//   node scripts/startup-closure.mjs [COMMAND-CHUNK-PREFIX ...]   (default: play)
// Every byte listed is read and compiled at startup of that command.
import { readFileSync } from 'node:fs';

const meta = JSON.parse(readFileSync(new URL('../dist/meta.json', import.meta.url), 'utf8'));
const outputs = meta.outputs;
const starts = ['dist/firedrill.mjs', ...(process.argv.length > 2 ? process.argv.slice(2) : ['play']).map((name) => {
  const key = Object.keys(outputs).find((k) => new RegExp(`^dist/chunks/${name}-[A-Z0-9]+\\.mjs$`).test(k));
  if (!key) throw new Error(`no chunk named ${name}-*.mjs in dist/chunks`);
  return key;
})];

const seen = new Set();
const queue = [...starts];
while (queue.length > 0) {
  const key = queue.pop();
  if (seen.has(key)) continue;
  seen.add(key);
  for (const i of outputs[key].imports) if (i.kind === 'import-statement' && outputs[i.path]) queue.push(i.path);
}

let total = 0;
const inputs = new Map();
for (const key of seen) {
  total += outputs[key].bytes;
  for (const [file, { bytesInOutput }] of Object.entries(outputs[key].inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file;
    inputs.set(pkg, (inputs.get(pkg) ?? 0) + bytesInOutput);
  }
}
console.log(`${starts.join(' + ')}: ${seen.size} files, ${(total / 1024).toFixed(0)} KB`);
for (const [name, bytes] of [...inputs].sort((a, b) => b[1] - a[1])) console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KB  ${name}`);

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript
import { inkFrameCaches, patchInkOutput } from '../../scripts/ink-frame-caches.mjs';

// The bundle draws with Ink's Output patched to keep rows and lines from
// frame to frame (scripts/ink-frame-caches.mjs). Here Ink's own Output and
// the patched one are bundled side by side and fed the same frames: every
// frame must give the same text.

interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: ((line: string, index: number) => string)[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (o: { width: number; height: number }) => OutputLike;

async function bundleOutput(dir: string, name: string, plugins: Plugin[]): Promise<OutputClass> {
  const entry = join(dir, `${name}-entry.mjs`);
  // Ink's package exports do not name build/output.js: the entry points at the file itself.
  writeFileSync(entry, `export { default } from ${JSON.stringify(join(process.cwd(), 'node_modules', 'ink', 'build', 'output.js'))};\n`);
  const outfile = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', plugins, logLevel: 'silent' });
  return ((await import(pathToFileURL(outfile).href)) as { default: OutputClass }).default;
}

/** A small seeded generator: the same frames on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['ok', 'ERROR', ' ', '│', '─┐', '漢字', '🔥', 'é', 'x\u0301', '\u001b[31mred\u001b[39m', '\u001b[1mbold\u001b[22m', '\u001b[7m inv \u001b[27m', '10:42:07', '…', '⏎'];
const TRANSFORMERS = [(l: string) => l.toUpperCase(), (l: string, i: number) => `${i}${l}`, (l: string) => `\u001b[2m${l}\u001b[22m`];

type Op = { kind: 'write'; x: number; y: number; text: string; t: number[] } | { kind: 'clip'; clip: { x1?: number; x2?: number; y1?: number; y2?: number } } | { kind: 'unclip' };

function randomFrame(rnd: () => number, width: number, height: number): Op[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const ops: Op[] = [];
  let open = 0;
  for (let n = 0; n < 12 + Math.floor(rnd() * 30); n++) {
    const r = rnd();
    if (r < 0.1) {
      const x1 = Math.floor(rnd() * width);
      const y1 = Math.floor(rnd() * height);
      ops.push({ kind: 'clip', clip: rnd() < 0.3 ? { x1, x2: x1 + Math.floor(rnd() * width) } : { x1, x2: x1 + Math.floor(rnd() * width), y1, y2: y1 + Math.floor(rnd() * height) } });
      open++;
    } else if (r < 0.16 && open > 0) {
      ops.push({ kind: 'unclip' });
      open--;
    } else {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => Array.from({ length: Math.floor(rnd() * 6) }, () => pick(PIECES)).join(''));
      const t = rnd() < 0.2 ? [Math.floor(rnd() * TRANSFORMERS.length)] : [];
      ops.push({ kind: 'write', x: Math.floor(rnd() * (width + 4)) - 2, y: Math.floor(rnd() * (height + 2)) - 1, text: lines.join('\n'), t });
    }
  }
  return ops;
}

function draw(Output: OutputClass, width: number, height: number, ops: Op[]): string {
  const out = new Output({ width, height });
  for (const op of ops) {
    if (op.kind === 'clip') out.clip(op.clip);
    else if (op.kind === 'unclip') out.unclip();
    else out.write(op.x, op.y, op.text, { transformers: op.t.map((i) => TRANSFORMERS[i]!) });
  }
  return out.get().output;
}

describe('the bundled Ink Output', () => {
  it('draws every frame as Ink draws it, frames repeating in part or whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firedrill-ink-output-'));
    const Ink = await bundleOutput(dir, 'ink', []);
    const Patched = await bundleOutput(dir, 'patched', [inkFrameCaches as Plugin]);
    expect(Patched).not.toBe(Ink);
    const rnd = lcg(2026);
    let previous: Op[] = [];
    let compared = 0;
    for (let frame = 0; frame < 400; frame++) {
      const [width, height] = frame % 50 < 40 ? [24, 8] : [40, 12];
      // Half the frames repeat most of the last one (what a screen does between ticks).
      const ops = frame > 0 && rnd() < 0.5 ? [...previous.slice(0, Math.floor(previous.length * 0.8)), ...randomFrame(rnd, width, height).slice(0, 3)] : randomFrame(rnd, width, height);
      expect(draw(Patched, width, height, ops), `frame ${frame}`).toBe(draw(Ink, width, height, ops));
      previous = ops;
      compared++;
    }
    expect(compared).toBe(400);
  });

  it('refuses an Ink whose Output it was not written for', () => {
    expect(() => patchInkOutput('export default class Output {}\n')).toThrow(/not the Ink output.js this patch expects/);
  });
});

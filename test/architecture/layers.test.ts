// The layer rules of DESIGN.md (.dependency-cruiser.cjs): src has no upward
// import between layers and no cycle, and the same rules do catch a planted
// upward import and a planted cycle in a small tree of their own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

/** Runs dependency-cruiser with the project's rules on `src` under `cwd`; returns the violations. */
function violations(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [BIN, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // It exits non-zero when it finds violations; the report is still on stdout.
    out = (e as { stdout?: string }).stdout ?? '';
    if (!out) throw e;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'firedrill-layers-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('layers', () => {
  it('src: no upward import between layers, no cycle', () => {
    expect(violations(ROOT).map(describeViolation)).toEqual([]);
  }, 120_000);

  it('the rules catch an upward import, a database reached from the screen, and a cycle', () => {
    const dir = tree({
      'src/scenario/schema.ts': 'export const SCHEMA = 1;\n',
      'src/view/format.ts': "import { SCHEMA } from '../scenario/schema.js';\nexport const fmt = (n: number) => `${n}/${SCHEMA}`;\n",
      // the sim reaching up into the view model
      'src/sim/placeholders.ts': "import { fmt } from '../view/format.js';\nexport const fill = () => fmt(1);\n",
      'src/store/store.ts': 'export const open = () => 1;\n',
      // the screen opening the database itself
      'src/ui/panel.ts': "import { open } from '../store/store.js';\nexport const panel = () => open();\n",
      // engine ↔ handlers
      'src/sim/engine.ts': "import { handle } from './handlers.js';\nexport class Engine { run() { return handle(this); } }\n",
      'src/sim/handlers.ts': "import type { Engine } from './engine.js';\nexport const handle = (e: Engine) => e;\n",
    });
    const found = violations(dir).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toContain('sim-stays-pure: src/sim/placeholders.ts → src/view/format.ts');
    expect(found).toContain('ui-reaches-the-database-through-session: src/ui/panel.ts → src/store/store.ts');
    expect(found.filter((f) => f.startsWith('no-cycles:')).length).toBeGreaterThan(0);
    expect(found.some((f) => f.startsWith('no-cycles:') && f.includes('src/sim/handlers.ts'))).toBe(true);
  }, 120_000);
});

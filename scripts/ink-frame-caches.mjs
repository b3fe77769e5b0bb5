// An esbuild plugin for the bundle: Ink (6.8, pinned) builds its per-line
// caches (each line's styled characters and widths) afresh for every frame,
// so every frame tokenises every line of the screen again, though most lines
// (borders, the team, the timeline, the prompt's hints) are the same as the
// frame before. Measured on a hosted interview (20 screens at 100x30), that
// tokenising and the garbage it makes were most of the host's CPU. Here the
// caches are kept from frame to frame, in two bounded generations.
// The cached values are only read (Output copies them into its grid), so
// sharing them between frames, and between screens, changes no output.
import { readFile } from 'node:fs/promises';

const FRESH_CACHES = 'caches = new OutputCaches();';
// Every frame also filled its grid with a new blank cell object per cell
// (4,800 at 120x40, ten times a second): cells are only read once placed, so
// one frozen blank serves them all.
const FRESH_BLANK = `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;
/**
 * Entries each generation holds: a 120x40 screen has 40 lines a frame, a
 * host 20 screens. Styled lines are arrays of a cell object per character,
 * so they are kept fewer than widths.
 */
const STYLED_LINES = 300;
const WIDTHS = 20_000;

// Two generations: a full one becomes the old one and a new one starts, and
// a line found in the old one moves to the new one, so the lines every
// frame repeats are never dropped while one-off lines (a log line that has
// scrolled past) age out.
const SHARED_CACHES = `
class GenerationMap {
  constructor(max) { this.max = max; this.now = new Map(); this.old = new Map(); }
  get(key) {
    let value = this.now.get(key);
    if (value === undefined) {
      value = this.old.get(key);
      if (value !== undefined) this.set(key, value);
    }
    return value;
  }
  set(key, value) {
    this.now.set(key, value);
    if (this.now.size >= this.max) { this.old = this.now; this.now = new Map(); }
    return this;
  }
}
const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
const sharedCaches = new OutputCaches();
sharedCaches.styledChars = new GenerationMap(${STYLED_LINES});
sharedCaches.widths = new GenerationMap(${WIDTHS});
sharedCaches.blockWidths = new GenerationMap(${WIDTHS});
function framesCaches() {
  return sharedCaches;
}
`;

export const inkFrameCaches = {
  name: 'ink-frame-caches',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // An Ink that no longer has this line needs the patch looked at again: fail the build rather than ship it unpatched.
      if (!source.includes(FRESH_CACHES) || !source.includes('class OutputCaches') || !source.includes(FRESH_BLANK)) throw new Error(`ink-frame-caches: ${args.path} no longer creates its caches and blank cells as this patch expects`);
      const contents = source.replace(FRESH_CACHES, 'caches = framesCaches();').replace(FRESH_BLANK, 'row.push(BLANK_CELL);').replace(/\nexport default class Output \{/u, `\n${SHARED_CACHES}\nexport default class Output {`);
      if (!contents.includes('function framesCaches')) throw new Error(`ink-frame-caches: could not place the shared caches in ${args.path}`);
      return { contents, loader: 'js' };
    });
  },
};

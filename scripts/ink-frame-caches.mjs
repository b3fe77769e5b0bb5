// An esbuild plugin for the bundle: Ink (6.8, pinned) builds its per-line
// caches (each line's styled characters and widths) afresh for every frame,
// and rebuilds and re-serialises a grid of cells for the whole screen, though
// most rows (borders, the team, the timeline, the prompt's hints) are the
// same as the frame before. Measured on a hosted interview (20 screens at
// 100x30) and on the console at 10x, that work and the garbage it makes were
// most of the CPU spent drawing. Here:
//  - the caches are kept from frame to frame, in two bounded generations;
//  - each row's text is kept too, keyed by what was written on that row
//    (position and text of every write, in order), so an unchanged row is
//    neither rebuilt nor serialised again;
//  - text of plain one-cell characters (most log lines, borders, sparklines)
//    is placed as it is, without tokenising it into styled cells.
// A row's text depends only on the writes that land on it, so building rows
// one at a time from their own writes gives Ink's output exactly
// (test/ui/ink-output-patch.test.ts compares the two on random frames).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The screen's one test of "one cell per character" (src/text/cells.ts), bundled into Ink's output.js. */
const CELLS = fileURLToPath(new URL('../src/text/cells.ts', import.meta.url));

const FRESH_CACHES = 'caches = new OutputCaches();';
/** Ink's own Output.get(), which the patch replaces: a different Ink needs the patch looked at again. */
const INK_GET_SHA256 = '27abe5b4354d8a7bbcdb23e823546fc5925258dedc7c91891b8ff9bff0f42c3d';
const GET_START = '    get() {';
const CLASS_END = '\n}\n//# sourceMappingURL';

/**
 * Entries each generation holds: a 120x40 screen has 40 lines a frame, a
 * host 20 screens. Styled lines are arrays of a cell object per character,
 * so they are kept fewer than widths.
 */
const STYLED_LINES = 300;
const WIDTHS = 20_000;
const ROWS = 2_000;

// Two generations: a full one becomes the old one and a new one starts, and
// a line found in the old one moves to the new one, so the lines every
// frame repeats are never dropped while one-off lines (a log line that has
// scrolled past) age out. Cells are only read once placed, so one frozen
// blank cell fills every grid.
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
// Text of one-cell characters without escape codes (most log lines, borders,
// sparklines) needs no tokenising: each character is a cell without styles.
const plainCells = new Map([[' ', BLANK_CELL]]);
function plainCell(char) {
  let cell = plainCells.get(char);
  if (cell === undefined) plainCells.set(char, (cell = Object.freeze({ type: 'char', value: char, fullWidth: false, styles: BLANK_CELL.styles })));
  return cell;
}
const sharedCaches = new OutputCaches();
sharedCaches.styledChars = new GenerationMap(${STYLED_LINES});
sharedCaches.widths = new GenerationMap(${WIDTHS});
sharedCaches.blockWidths = new GenerationMap(${WIDTHS});
const rowTexts = new GenerationMap(${ROWS});
function framesCaches() {
  return sharedCaches;
}
`;

// Ink's get(), split in two: the writes are first sorted to the rows they
// land on (clipping and transformers as Ink applies them), then each row is
// drawn from its writes, or taken from rowTexts when the same writes drew it
// before. The row key prefixes each text with its length, so no two
// different lists of writes share a key.
const ROW_GET = `    get() {
        const rows = [];
        for (let y = 0; y < this.height; y++) rows.push([]);
        const clips = [];
        for (const operation of this.operations) {
            if (operation.type === 'clip') {
                clips.push(operation.clip);
            }
            if (operation.type === 'unclip') {
                clips.pop();
            }
            if (operation.type === 'write') {
                const { text, transformers } = operation;
                let { x, y } = operation;
                let lines = text.split('\\n');
                const clip = clips.at(-1);
                if (clip) {
                    const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
                    const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
                    if (clipHorizontally) {
                        const width = this.caches.getWidestLine(text);
                        if (x + width < clip.x1 || x > clip.x2) {
                            continue;
                        }
                    }
                    if (clipVertically) {
                        const height = lines.length;
                        if (y + height < clip.y1 || y > clip.y2) {
                            continue;
                        }
                    }
                    if (clipHorizontally) {
                        lines = lines.map(line => {
                            const from = x < clip.x1 ? clip.x1 - x : 0;
                            const width = this.caches.getStringWidth(line);
                            const to = x + width > clip.x2 ? clip.x2 - x : width;
                            return sliceAnsi(line, from, to);
                        });
                        if (x < clip.x1) {
                            x = clip.x1;
                        }
                    }
                    if (clipVertically) {
                        const from = y < clip.y1 ? clip.y1 - y : 0;
                        const height = lines.length;
                        const to = y + height > clip.y2 ? clip.y2 - y : height;
                        lines = lines.slice(from, to);
                        if (y < clip.y1) {
                            y = clip.y1;
                        }
                    }
                }
                let offsetY = 0;
                for (let [index, line] of lines.entries()) {
                    const writes = rows[y + offsetY];
                    if (!writes) {
                        continue;
                    }
                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    writes.push(x, line);
                    offsetY++;
                }
            }
        }
        const texts = [];
        for (const writes of rows) {
            let key = String(this.width);
            for (let i = 0; i < writes.length; i += 2) key += '|' + writes[i] + ':' + writes[i + 1].length + ':' + writes[i + 1];
            let text = rowTexts.get(key);
            if (text === undefined) {
                text = this.drawRow(writes);
                rowTexts.set(key, text);
            }
            texts.push(text);
        }
        return {
            output: texts.join('\\n'),
            height: rows.length,
        };
    }
    drawRow(writes) {
        let plain = true;
        for (let i = 1; i < writes.length && plain; i += 2) plain = isOneCellEach(writes[i]);
        if (plain) {
            // No styles and one cell per character: the row is its characters.
            const chars = [];
            for (let x = 0; x < this.width; x++) chars.push(' ');
            for (let i = 0; i < writes.length; i += 2) {
                const line = writes[i + 1];
                for (let k = 0, offsetX = writes[i]; k < line.length; k++, offsetX++) chars[offsetX] = line[k];
            }
            return chars.filter(item => item !== undefined).join('').trimEnd();
        }
        const currentLine = [];
        for (let x = 0; x < this.width; x++) currentLine.push(BLANK_CELL);
        for (let i = 0; i < writes.length; i += 2) {
            const line = writes[i + 1];
            let offsetX = writes[i];
            if (isOneCellEach(line)) {
                for (let k = 0; k < line.length; k++, offsetX++) currentLine[offsetX] = plainCell(line[k]);
                continue;
            }
            const characters = this.caches.getStyledChars(line);
            for (const character of characters) {
                currentLine[offsetX] = character;
                const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
                if (characterWidth > 1) {
                    for (let index = 1; index < characterWidth; index++) {
                        currentLine[offsetX + index] = {
                            type: 'char',
                            value: '',
                            fullWidth: false,
                            styles: character.styles,
                        };
                    }
                }
                offsetX += characterWidth;
            }
        }
        return styledCharsToString(currentLine.filter(item => item !== undefined)).trimEnd();
    }`;

/** Ink's output.js as the bundle ships it; throws when Ink is not the one this patch was written against. */
export function patchInkOutput(source, path = 'ink/build/output.js') {
  const start = source.indexOf(GET_START);
  const end = source.indexOf(CLASS_END);
  const get = start >= 0 && end > start ? source.slice(start, end) : '';
  // An Ink that changed these lines needs the patch looked at again: fail the build rather than ship it unpatched.
  if (!source.includes(FRESH_CACHES) || !source.includes('class OutputCaches') || createHash('sha256').update(get).digest('hex') !== INK_GET_SHA256) {
    throw new Error(`ink-frame-caches: ${path} is not the Ink output.js this patch expects (its caches or its get() changed)`);
  }
  let contents = (source.slice(0, start) + ROW_GET + source.slice(end))
    .replace(FRESH_CACHES, 'caches = framesCaches();')
    .replace(/\nexport default class Output \{/u, `\n${SHARED_CACHES}\nexport default class Output {`);
  contents = `import { isOneCellEach } from ${JSON.stringify(CELLS)};\n${contents}`;
  if (!contents.includes('function framesCaches')) throw new Error(`ink-frame-caches: could not place the shared caches in ${path}`);
  return contents;
}

export const inkFrameCaches = {
  name: 'ink-frame-caches',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => ({ contents: patchInkOutput(await readFile(args.path, 'utf8'), args.path), loader: 'js' }));
  },
};

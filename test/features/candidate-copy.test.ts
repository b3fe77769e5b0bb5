// A candidate copy withholds for real: it is chained and signed on its own,
// and not one byte of it depends on a withheld examiner note (its text, its
// existence or where it fell), so a guessed note cannot be confirmed from it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { candidateCopy, checkCandidateCopy } from '../../src/session/examiner-redact.js';
import { runScript } from '../../src/session/headless.js';
import { keyRing } from '../../src/signing/index.js';
import { openStore } from '../../src/store/index.js';
import { tempDb } from '../cli/run-cli.js';
import { loadFixture, scriptLines } from '../helpers.js';

const NOTE = 'no hire: froze, never delegated';

describe('candidate copies', () => {
  it('are the same file whatever the examiner noted, and none of the recording’s hashes or numbers are in them', async () => {
    const db = tempDb();
    const store = openStore(db);
    const keys = keyRing();
    try {
      const { session } = await runScript(store, loadFixture('test/fixtures/mini.yaml'), scriptLines('test/fixtures/mini.strong.txt'), { seed: 3, trainee: 'cand', mode: 'interview', difficulty: 'normal' }, () => 1_700_000_000_000);
      const id = session.id;
      // The note sits between the candidate's commands, as an examiner's note would.
      const raw = new Database(db);
      const middle = raw.prepare("SELECT seq FROM events WHERE session_id = ? AND type = 'command' ORDER BY seq LIMIT 1 OFFSET 5").pluck().get(id) as number;
      raw.close();
      const withNote = store.exportSession(id);
      const noted = {
        ...withNote,
        events: [
          ...withNote.events.filter((e) => e.seq <= middle),
          { ...withNote.events[0]!, seq: middle + 1, actor: 'examiner' as const, type: 'annotate', payload: { text: NOTE } },
          ...withNote.events.filter((e) => e.seq > middle).map((e) => ({ ...e, seq: e.seq + 1 })),
        ],
      };
      const guessed = { ...noted, events: noted.events.map((e) => (e.type === 'annotate' ? { ...e, payload: { text: 'hire: calm, delegated early' } } : e)) };
      const own = keys.own();
      const a = JSON.stringify(candidateCopy(noted, own));
      const b = JSON.stringify(candidateCopy(guessed, own));
      const none = JSON.stringify(candidateCopy(withNote, own));
      expect(a).not.toContain(NOTE);
      expect(a).toBe(b);
      expect(a).toBe(none);
      // Nothing from the recording's own chain: not one of its hashes, and the copy's numbering has no gap.
      for (const e of noted.events) expect(a).not.toContain(e.hash);
      const copy = candidateCopy(noted, own);
      expect(copy.events.map((e) => e.seq)).toEqual(copy.events.map((_, i) => i + 1));
      expect(copy.events).toHaveLength(withNote.events.length);
      expect(JSON.stringify(copy.genesis)).not.toMatch(/variant|seed|scenarioHash/);

      // Its own chain and signature hold, and say who signed; an edit to it does not.
      expect(checkCandidateCopy(copy, keys)).toMatchObject({ ok: true, signer: { trust: 'this-machine' } });
      const edited = { ...copy, events: copy.events.map((e, i) => (i === 2 ? { ...e, simMs: e.simMs + 1000 } : e)) };
      expect(checkCandidateCopy(edited, keys)).toMatchObject({ ok: false });
      const cut = { ...copy, events: copy.events.slice(0, -1) };
      expect(checkCandidateCopy(cut, keys)).toMatchObject({ ok: false });
    } finally {
      store.close();
    }
  });
});

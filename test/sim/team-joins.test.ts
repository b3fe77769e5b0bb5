import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playText } from '../helpers.js';
import { edit, lint } from '../scenario/lint/helpers.js';

const FIXTURE = 'test/fixtures/team-joins.yaml';
const text = readFileSync(FIXTURE, 'utf8');
const OPENING = `00:30 ack\n00:40 sev 2\n01:00 escalate ops\n`;

describe('a team whose members all join (joins: all)', () => {
  it('brings in every member who can join, each after their own joinSec', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}06:00 ask ben run config log in 5m\n`);
    const s = session.engine.state;
    expect(s.responders['ana']!.joinedSec).toBe(120);
    expect(s.responders['ben']!.joinedSec).toBe(300);
    expect(s.feed.filter((f) => /joined the incident channel/.test(f.text)).map((f) => f.from)).toEqual(['Ana', 'Ben']);
    expect(s.feed.find((f) => /Ben here as secondary/.test(f.text))?.sec).toBe(305);
    expect(s.tasks[0]).toMatchObject({ who: 'ben', kind: 'diagnostic' });
  });

  it('paging the team again brings nobody twice', async () => {
    const { session } = await playText(FIXTURE, `${OPENING}01:30 escalate ops\n`);
    const s = session.engine.state;
    expect(s.feed.filter((f) => /joined the incident channel/.test(f.text))).toHaveLength(2);
    expect(s.lastAnswer?.text).toMatch(/already paged/);
  });

  it('without joins: all, only the first who can join does, as before', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'team-joins-')), 'first.yaml');
    writeFileSync(file, edit(text, 'members: [ana, ben], joins: all', 'members: [ana, ben]'));
    const { session } = await playText(file, OPENING);
    expect(session.engine.state.responders['ana']!.joinedSec).toBe(120);
    expect(session.engine.state.responders['ben']!.joinedSec).toBeNull();
  });
});

describe('lint and teams that join together', () => {
  it('knows every member of a joins: all team can join', () => {
    expect(lint(text).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('knows the second member of a joins: first team never does, so a message on joined:ben can never be sent', () => {
    const first = edit(text, 'members: [ana, ben], joins: all', 'members: [ana, ben]');
    const found = lint(first).filter((f) => f.path.startsWith('messages.1') && f.severity === 'error');
    expect(found.map((f) => f.message).join('\n')).toMatch(/ben can never join/);
  });
});

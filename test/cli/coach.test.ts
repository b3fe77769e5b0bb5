// The coach through the real program: on by default in solo play at normal,
// in the transcript, the replay check and every report format; off with
// --no-coach, at hard and in an interview; the score the same either way.
import { describe, expect, it } from 'vitest';
import { cli, tempDb } from './run-cli.js';

interface Played {
  session: string;
  score: { total: number; sections: unknown };
  transcript: { at: string; channel: string; from: string; text: string }[];
}

function play(db: string, extra: string[] = []): Played {
  const r = cli(['play', 'test/fixtures/mini.yaml', '--script', 'test/fixtures/mini.weak.txt', '--seed', '4', '--quiet', '--json', ...extra], { FIREDRILL_DB: db });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Played;
}

const coachLines = (p: Played) => p.transcript.filter((t) => t.channel === 'coach');

describe('the coach in firedrill play', () => {
  it('speaks in solo play at normal: in the transcript, the replay check and every report', () => {
    const db = tempDb();
    const p = play(db);
    const lines = coachLines(p);
    expect(lines.map((l) => l.at)).toEqual(['3:32', '6:30', '13:00', '16:00', '20:00']);
    expect(lines.every((l) => l.from === 'coach')).toBe(true);

    const check = cli(['replay', p.session, '--check'], { FIREDRILL_DB: db });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^ok /);
    const frame = cli(['replay', p.session, '--at', '06:40', '--headless', '--width', '120', '--height', '40'], { FIREDRILL_DB: db });
    expect(frame.stdout).toMatch(/coach › That change/);

    const json = JSON.parse(cli(['report', p.session, '--format', 'json'], { FIREDRILL_DB: db }).stdout) as { coach: boolean; coachNudges: { sec: number; at: string; rule: string; text: string }[] };
    expect(json.coach).toBe(true);
    expect(json.coachNudges.map((n) => n.text)).toEqual(lines.map((l) => l.text));
    expect(json.coachNudges.map((n) => n.sec)).toEqual([212, 390, 780, 960, 1200]);
    expect(json.coachNudges[0]!.at).toMatch(/21:03:32/);
    expect(json.coachNudges.map((n) => n.rule)).toEqual(['unacked-page', 'harmful-change', 'idle', 'update-cadence', 'resolve-with-alerts']);
    const md = cli(['report', p.session], { FIREDRILL_DB: db }).stdout;
    expect(md).toContain('## Coach nudges');
    expect(md).toContain(`- 21:20 ${lines.at(-1)!.text}`);
    const html = cli(['report', p.session, '--format', 'html'], { FIREDRILL_DB: db }).stdout;
    expect(html).toContain('<h2 id="coach">Coach nudges</h2>');
    expect(html).toMatch(/<li data-sec="1200" data-rule="resolve-with-alerts">21:20 You resolved while CheckoutErrors was still firing/);
  });

  it('is silent with --no-coach, at hard and in an interview, and the score does not move', () => {
    const db = tempDb();
    const coached = play(db);
    const quiet = play(db, ['--no-coach']);
    expect(coachLines(quiet)).toEqual([]);
    expect(quiet.score).toEqual(coached.score);
    expect(quiet.transcript).toEqual(coached.transcript.filter((t) => t.channel !== 'coach'));
    const md = cli(['report', quiet.session], { FIREDRILL_DB: db }).stdout;
    expect(md).not.toContain('Coach nudges');
    expect(JSON.parse(cli(['report', quiet.session, '--format', 'json'], { FIREDRILL_DB: db }).stdout)).toMatchObject({ coach: false, coachNudges: [] });

    expect(coachLines(play(db, ['--difficulty', 'hard']))).toEqual([]);
    expect(coachLines(play(db, ['--difficulty', 'easy'])).length).toBeGreaterThan(0);
    const interview = play(db, ['--mode', 'interview']);
    expect(coachLines(interview)).toEqual([]);
    expect(interview.transcript.some((t) => /coach/i.test(t.from))).toBe(false);
  });

  it('is in --help', () => {
    expect(cli(['--help']).stdout).toMatch(/--no-coach/);
  });
});

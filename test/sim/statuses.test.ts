import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { Session } from '../../src/session/session.js';
import { openStore } from '../../src/store/index.js';
import { renderFrame, viewSizeFor } from '../../src/ui/render-frame.js';
import { selectView } from '../../src/view/select.js';
import { loadFixture, playText } from '../helpers.js';
import { edit, lint } from '../scenario/lint/helpers.js';

const FIXTURE = 'test/fixtures/statuses.yaml';
const text = readFileSync(FIXTURE, 'utf8');
// onset at 1:00: Idle; `do restore routes` makes it Active; `do confirm peers` lands 30 s later: Established.
const SCRIPT = `01:40 ack\n02:00 do restore routes\n02:30 do confirm peers\n`;

function live(commands: [number, string][], untilSec: number) {
  const session = Session.start(openStore(':memory:'), loadFixture(FIXTURE), { seed: 1, trainee: 't', mode: 'solo', difficulty: 'normal' }, () => 0);
  session.record({ type: 'start' }, 0);
  for (const [sec, t] of commands) session.record({ type: 'command', text: t }, sec * 1000);
  session.engine.advanceTo(untilSec * 1000);
  return session.engine;
}

describe('status series in play', () => {
  it('is in the first state whose condition holds, else the last', async () => {
    const { session } = await playText(FIXTURE, SCRIPT);
    const at = (sec: number) => session.engine.statusAt('bgp', sec);
    expect([at(30), at(60), at(119), at(120), at(179), at(180)]).toEqual(['Established', 'Idle', 'Idle', 'Active', 'Active', 'Established']);
    expect(session.engine.statusAt('nope', 60)).toBeNull();
  });

  it('pages through an alert while in one of its states, and resolves when it leaves them', async () => {
    const { session } = await playText(FIXTURE, SCRIPT);
    const pages = session.engine.state.feed.filter((f) => f.channel === 'page' && f.from === 'alertmanager').map((f) => `${f.sec} ${f.text}`);
    // Idle from 1:00, for 30 s; Active still fires; Established at 3:00 resolves it
    expect(pages).toEqual(['90 CRITICAL BgpSessionDown: BGP session to AS64500 is down', '180 RESOLVED BgpSessionDown']);
  });

  it('fills {{metric:ID}} with the state name', async () => {
    const { session } = await playText(FIXTURE, `01:10 run show routes\n04:00 do restore routes\n04:10 do confirm peers\n05:00 run show routes\n`);
    const outputs = session.engine.state.feed.filter((f) => f.from === '$ show routes').map((f) => f.text);
    expect(outputs).toEqual(['0 prefixes announced; session Idle', '412 prefixes announced; session Established']);
  });

  it('is drawn on its panel as text, alarmed in an alarm state', () => {
    const idle = live([[70, 'dash edge']], 100);
    const view = selectView(idle, viewSizeFor(120, 40), { mode: 'play', interview: false, summary: null });
    const row = view.dashboard.rows.find((r) => r.label === 'session to AS64500')!;
    expect(row).toMatchObject({ panelId: 'edge', value: 'Idle', alarm: true, threshold: 'Idle', scale: { min: 0, max: 2, text: 'Established/Active/Idle' } });
    // the step line: Established (level 0) before onset, Idle (level 2) after
    expect(row.points.slice(-6)).toEqual([0, 2, 2, 2, 2, 2]);
    const frame = renderFrame(view, 120, 40);
    expect(frame).toMatch(/session to AS64500.*Idle !/);

    const fine = live([[80, 'do restore routes'], [90, 'do confirm peers']], 200);
    const after = selectView(fine, viewSizeFor(120, 40), { mode: 'play', interview: false, summary: null }).dashboard.rows.find((r) => r.label === 'session to AS64500')!;
    expect(after).toMatchObject({ value: 'Established', alarm: false });
  });

  it('overview rows keep their order: the status comes after the metrics of earlier panels', () => {
    const view = selectView(live([], 10), viewSizeFor(120, 40), { mode: 'play', interview: false, summary: null });
    expect(view.dashboard.rows.map((r) => r.label)).toEqual(['site traffic', 'session to AS64500']);
  });
});

describe('status series in validate and lint', () => {
  const problems = (t: string) => {
    const r = loadScenarioText(t, 'x.yaml');
    return r.ok ? '' : r.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
  };

  it('validate checks the alert names states the series has, and uses in rather than above or below', () => {
    expect(problems(text)).toBe('');
    expect(problems(edit(text, 'in: [Idle, Active]', 'in: [Idle, Down]'))).toMatch(/alerts\.0\.in\.1: status bgp has no state "Down" \(its states: Idle, Active, Established\)/);
    expect(problems(edit(text, 'in: [Idle, Active]', 'below: 1'))).toMatch(/say which states fire it with in: \[Idle\]/);
    expect(problems(edit(text, '{ name: Active, when: "announcing & !routes-back" }', '{ name: Idle, when: "announcing & !routes-back" }'))).toMatch(/statuses\.0\.values\.1\.name: state "Idle" is named twice/);
    expect(problems(edit(text, 'when: "announcing & !routes-back"', 'when: "announcin & !routes-back"'))).toMatch(/statuses\.0\.values\.1\.when: unknown flag "announcin"/);
  });

  it('lint knows when the alert can fire and which states can show', () => {
    expect(lint(text)).toEqual([]);
    // a state behind one that always holds first is never shown
    const hidden = lint(edit(text, '{ name: Active, when: "announcing & !routes-back" }', '{ name: Active, when: "announcing & !routes-back & onset & !(routes-back | announcing)" }'));
    expect(hidden.map((f) => `${f.path}: ${f.message}`).join('\n')).toMatch(/statuses\.0\.values\.1: state Active of status bgp is never shown/);
    // an alert on a state nothing reaches never fires, and without another page the ack checkpoint is lost
    const never = lint(edit(text, 'in: [Idle, Active]', 'in: [Established]').replace('forSec: 30, summary', 'when: onset & !onset, forSec: 30, summary'));
    const said = never.map((f) => `${f.path}: ${f.message}`).join('\n');
    expect(said).toMatch(/alerts\.0: alert bgp-idle never fires: status bgp is never Established while "onset & !onset" holds/);
    expect(said).toMatch(/rubric\.0\.check: checkpoint ack \(ack\) can never be earned/);
  });
});

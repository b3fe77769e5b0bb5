/**
 * The starting point `firedrill new ID` writes: a small, complete scenario
 * that validates, lints clean and plays, with a comment on every section so
 * an author can grow it into a real one. scenarios/README.md is the full
 * guide.
 */
const SKELETON = `# firedrill scenario skeleton: one service, one fault phase, one mitigation,
# one responder and a short rubric. It validates, lints clean and plays:
#   firedrill validate __ID__.yaml && firedrill lint __ID__.yaml
#   firedrill play __ID__.yaml --script my-strong-run.txt --json
# scenarios/README.md explains every section. Editor completion:
#   firedrill schema --out scenario.schema.json
# then put this line at the very top of the file:
#   # yaml-language-server: $schema=./scenario.schema.json

id: __ID__
title: Search returns errors after a deploy
summary: >-
  Shortly after a routine deploy, the search API starts failing for most
  requests. Find the change, roll it back and keep people informed.
difficulty: normal
source: firedrill skeleton (replace with the postmortem or exercise this is based on)
timeLimitMin: 30
postmortemMin: 10
# Wall-clock frame the sim runs in (shown as times of day).
startsAt: '2026-03-10T21:00:00'
severity: { expected: 2, acceptable: [1, 2] }

# What the IC reads before the clock starts: the system, the team, the runbook.
briefing:
  team: search (escalate search)
  text: |
    You are the incident commander on call. It is Tuesday, 21:00.
    web ──▶ search-api ──▶ index
    Dashboards: dash errors · Logs: logs service=search-api level=error

services:
  - { id: search-api, name: search-api, description: Serves search queries. }

# Root causes chosen by seed. One is enough to start; with two or more, lint
# checks that some diagnostic output tells them apart.
variants:
  - id: bad-deploy
    title: A deploy shipped a broken index client
    rootCause: Release 4.2.0 shipped an index client that times out on every query.
    rootCauseKeywords: [[deploy, release, '4.2'], [index, client, timeout]]

# Fault phases, in order. A phase's id becomes a flag from its time on.
phases:
  - { id: onset, at: '02:00', description: The broken release takes traffic. }

panels:
  - { id: errors, title: search-api 5xx % }

# Metrics: a baseline with noise, changed by effects while their condition holds.
metrics:
  - id: search_5xx
    panel: errors
    label: GET /search
    unit: '%'
    service: search-api
    baseline: 0.4
    noise: 0.1
    noiseSec: 20        # the noise wanders over ~20 s instead of jumping every second
    decimals: 1
    max: 100
    threshold: { above: 5 }
    effects:
      - { when: onset & !rolled-back, set: 70, rampSec: 30 }

# Log templates: lines per second while \`when\` holds; {{field}} is filled from fields.
logs:
  - { id: ok, service: search-api, rate: 2, level: info, message: 'GET /search 200 in {{ms}}ms', fields: { ms: { int: [20, 80] } } }
  - id: timeout
    service: search-api
    when: onset & !rolled-back
    rate: 2
    level: error
    message: 'GET /search 500 index client timeout after 5000ms (release 4.2.0)'

# Alerts page the IC when a metric stays over the line for forSec.
alerts:
  - { id: search-errors, name: SearchErrors, metric: search_5xx, above: 5, forSec: 30, summary: 5xx above 5% on GET /search }

# Diagnostics the IC (or a responder) can run: \`run deploy history\`.
# The first output whose when holds is shown; the last one is the fallback.
diagnostics:
  - id: deploys
    title: Recent deploys
    example: deploy history
    match: ['deploy|release|what changed']
    durationSec: 10
    outputs:
      - when: onset & !rolled-back
        text: 'search-api 4.2.0 deployed at 20:58 (previous 4.1.3).'
        evidence: [deploy-found]
      - text: 'search-api 4.1.3 running; no deploys in the last hour.'

# Actions the IC can take: \`do rollback search-api\`. sets/clears change flags.
actions:
  - id: rollback
    title: Roll back search-api to 4.1.3
    example: rollback search-api
    match: ['roll ?back']
    kind: mitigation
    sets: [rolled-back]
    delaySec: 60
    response: Rolling back to 4.1.3; errors should drop within a minute.

# Evidence the IC sees by filtering logs or opening a panel (diagnostics grant their own).
evidence:
  - { id: error-logs, title: the search-api timeout errors, logs: { service: search-api, level: error }, when: onset & !rolled-back }

teams:
  - { id: search, name: Search, members: [ana] }
people:
  - { id: ana, name: Ana Ruiz, team: search, role: search on-call, joinSec: 60, taskSec: 90 }

stakeholders:
  - id: sam
    name: Sam
    role: Support lead
    questions:
      - { id: eta, at: '06:00', text: Customers say search is broken. What do I tell them?, covers: [[search], [minutes, update, eta]] }

# The goals: impact stops while mitigatedWhen holds; the fault is fixed while fixedWhen holds.
mitigatedWhen: onset & rolled-back
fixedWhen: rolled-back

hints:
  - { text: Look at what changed just before the errors started., cost: 2 }

# Checkpoints; points add up to 100.
rubric:
  - { id: ack, section: detection, title: Acknowledged the page, points: 10, check: { kind: ack, excellentSec: 120, acceptableSec: 600 } }
  - { id: sev, section: severity, title: Declared a severity, points: 10, check: { kind: severity, withinSec: 300 } }
  - { id: update, section: communication, title: First status update, points: 10, check: { kind: first-update, withinSec: 300 } }
  - { id: delegate, section: command, title: Delegated with a name and a time-box, points: 10, check: { kind: delegated } }
  - { id: change, section: investigation, title: Found the deploy, points: 15, check: { kind: evidence, any: [deploy-found] } }
  - { id: hyp, section: investigation, title: Stated a hypothesis first, points: 5, check: { kind: hypothesis-before-mitigation } }
  - { id: mitigate, section: mitigation, title: Rolled back quickly, points: 20, check: { kind: mitigated, excellentSec: 480, acceptableSec: 900 } }
  - { id: rc, section: resolution, title: Stated the root cause, points: 10, check: { kind: rootcause } }
  - { id: pm, section: postmortem, title: Action items cover the concepts, points: 10, check: { kind: postmortem-concepts } }

# Postmortem concepts: an action item of at least "ok" quality meets one when
# the sentence of its action has a phrase from every group. plain: what an item
# meeting it would address, shown in the report when no item did.
postmortem:
  concepts:
    - { id: canary, title: Canary deploys for search-api, plain: releasing a change to a few servers first so a bad one is caught early, type: prevent, all: [[canary, staged, progressive], [deploy, release, rollout]] }
    - { id: alert, title: Alert on search errors, plain: being told quickly when searches start failing, type: detect, all: [[alert, page], [search, 5xx, error]] }

examiner:
  notes: The 20:58 deploy broke the index client; rolling back fixes it.
  strongPlay: Ack, declare SEV-2, update, page search, have Ana check deploys and roll back.
  weakPlay: Debug alone, never update, resolve before the rollback lands.
  expectedMinutes: 12
`;

export function scenarioSkeleton(id: string): string {
  return SKELETON.replaceAll('__ID__', id);
}

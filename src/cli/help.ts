export const USAGE = `firedrill — incident-command training in your terminal

usage: firedrill [COMMAND] [ARGS] [FLAGS]

  play [SCENARIO]                 play interactively (picker when none given)
  play SCENARIO --script FILE     headless scripted play; prints a summary
  list                            the scenarios
  validate PATH...                check scenario files or folders
  lint PATH... [--strict]         solvability: resolution and every checkpoint reachable
  test PATH...                    play each scenario's expectations (scripts and score bounds
                                  per variant) headless; exit 1 when one does not hold
  schema [--out FILE]             the scenario format as JSON Schema (editor completion)
  new ID [--out FILE]             write a commented skeleton scenario ID.yaml
  sessions                        recorded sessions
  replay SESSION [--examiner]     replay in the trainee's screen: space play/pause, +/- speed,
                                  g MM:SS seek, n/p decision, ]/[ marker, /text search
                                  (an interview's examiner notes: once released, or --examiner)
  replay SESSION --at MM:SS --headless   the screen as it was at that sim time
  replay SESSION --check          the replay shows what the candidate saw after every decision?
  replay SESSION --branch-at MM:SS       what-if: a new live session from that point
  host SCENARIO [--listen ADDR:PORT]   host interviews over SSH: candidates join with
                                  ssh -p PORT join@HOST and a join code; the examiner console runs here
  examine SESSION|latest          examiner console (second terminal): live view, hidden truth,
                                  rubric, injections, hints, pause, +10 min, notes [--headless]
  resume SESSION                  continue an interrupted session from its last event
  report SESSION [--format md|html|json] [--out FILE] [--examiner]
                                  an interview's report waits for the examiner's release;
                                  --examiner: the examiner's report, with the scorecard
  verify SESSION|--all            check a recording: header, snapshot, hash chain, head, signature;
                                  says who signed it (exit 3 when any of it does not hold)
  export SESSION --out FILE       one JSON file with everything
  export SESSION --candidate --out FILE  the candidate's copy: examiner notes, scenario snapshot,
                                  variant, seed and score withheld (not importable)
  export SESSION --format cast --out FILE [--speed X] [--step S]  an asciicast for asciinema play
  import FILE [--allow-untrusted] check everything, then load an exported session; an unsigned
                                  recording or an untrusted signer needs --allow-untrusted
  keys [list|trust FILE|KEY --name N|remove NAME]  this installation's signing key; trusted keys

SCENARIO is a scenario id or a path to a .yaml file; SESSION is an id or "latest".

flags: --db PATH (default $FIREDRILL_DB, else the user data folder) --json --no-color --help --version
play:  --seed N --speed X --trainee NAME --mode solo|interview --difficulty easy|normal|hard
       --variant V (with --script: force a root-cause variant; else the seed picks one)
       --postmortem-min N --width W --height H --quiet --no-coach
       (--difficulty defaults to the scenario file's own, with --script too;
       solo play at easy or normal has a coach who nudges in the chat: a page left
       unacknowledged, no update past the cadence, minutes idle, a harmful change, a resolve
       while alerts fire, a time-box nobody followed up. --no-coach turns it off; it is
       never on at hard or in an interview, and never changes the score)
exit codes: 0 ok · 1 refused (invalid input, unknown session, failed check) · 2 usage ·
            3 a broken, cut, unsigned, forged or untrusted recording (verify, import)`;


export const HOST_HELP = `firedrill host — run an interview from the examiner's machine

usage: firedrill host SCENARIO [--listen ADDR:PORT] [--db PATH] [--seed N] [--variant V]
                      [--difficulty easy|normal|hard] [--time-limit MIN] [--codes N]
                      [--host-key PATH] [--headless] [--json]

Starts an SSH server inside firedrill (no system sshd, no shell accounts) and
prints one join code per candidate and the host key's fingerprint. A
candidate runs, in any terminal with a stock OpenSSH client:

    ssh -p PORT join@HOST          (or NAME@HOST to be recorded as NAME)

types the join code, and gets the candidate's play screen and nothing else:
the database, the engine, the scenario and its hidden truth stay on this
machine. This terminal runs the examiner console: the live sessions in a
line at the top (tab or ]/[ switch, j issues another code), the selected
candidate's screen with what they are typing, the rubric, the hidden truth,
injections, hints, pause and +10 min, and the scorecard (r rate, v
recommend, n notes, x release the debrief; see \`firedrill examine --help\`).
The candidate cannot pause or change speed; the examiner owns the clock.

A code works for one candidate: unused, it expires after 30 minutes; once
used it is that candidate's way back in after a dropped connection (the
session resumes where it stands) and stops working when their session ends.
Wrong codes are limited to 5 a minute per address. Commands (ssh HOST ls),
SFTP, agent and X11 forwarding and port forwards are refused.

  --listen ADDR:PORT   where to listen (default ${'127.0.0.1:2222'}; 0.0.0.0:PORT for other machines)
  --codes N            join codes to print at start (default 1; j in the console adds more)
  --seed N             every candidate plays this seed (default: a random seed each)
  --variant V          force a root-cause variant
  --time-limit MIN     the incident's time limit, instead of the scenario's
  --speed X            the clock's speed once a candidate starts it (default 1)
  --host-key PATH      the host key (default: host_ed25519_key in the user data folder,
                       or $FIREDRILL_HOST_KEY); created on first use, mode 0600
  --headless           no console: serve until stopped (Ctrl-C), log to stderr
  --json               print {address, port, fingerprint, codes, join} on stdout at start`;

export const EXAMINE_HELP = `firedrill examine — the examiner console on a recorded or live session

usage: firedrill examine SESSION|latest [--db PATH] [--headless [--width W --height H]]

Attaches to a session in the database: the candidate's screen, the hidden
truth (variant, root cause, strong and weak play, notes), the live rubric,
and the candidate's commands. Keys: 1 a message as any persona (who:
text; a stakeholder, a responder or exec), c a prepared curveball of the
scenario (its number or id), 2 page, 3 the executive joins, h release the next hint, p pause/resume,
+ ten more minutes, n pin a note ([@MM:SS] [#rubric-item] text), ↑↓
scroll the rubric, q quit (the candidate is not affected). The scorecard,
examiner-only: r rates a competency (COMPETENCY SCORE, beside the computed
one), v records a recommendation (strong-hire|hire|no-hire|strong-no-hire:
why), s shows it, x releases the debrief to the candidate once the session
is over (until then their \`report\` and \`replay\` hold back the score, the
notes and what broke). \`report SESSION --examiner\` includes the scorecard.
--headless prints the console once as text.

On one shared machine (a candidate playing \`firedrill play SCENARIO --mode
interview\` against the same database) this is practice: the candidate's
machine holds the answer. For an interview that counts, host it:
\`firedrill host SCENARIO\` keeps the database and the hidden truth on the
examiner's machine.`;

export const KEYS_HELP = `firedrill keys — the key this installation signs recordings with, and the keys it trusts

usage: firedrill keys                          this machine's key: name, SHA256: fingerprint, public key
       firedrill keys list                     this machine's key and every trusted key
       firedrill keys trust FILE|KEY --name N  trust another installation's key (its .pub file or the
                                               "ssh-ed25519 AAAA…" text it shows under firedrill keys)
       firedrill keys remove NAME|FINGERPRINT  stop trusting a key

Every recording starts with a genesis event holding its header (trainee,
seed, variant, difficulty, mode, start, scenario and snapshot hash, version,
parent, time limit); each event's hash covers the one before, and the head of
the chain is signed with this installation's Ed25519 key as the session goes.
verify and import say who signed ("signed by examiner-laptop SHA256:…,
trusted") and exit 3 on a break, a missing head, or a missing or bad
signature. import refuses an unsigned recording (made before signing) or one
signed by a key not trusted here unless given --allow-untrusted; such a
recording is labelled wherever it shows (sessions, report, verify).

The keys live in the user data folder (keys/signing_ed25519, mode 0600, and
keys/signing_ed25519.pub; trusted keys in keys/trusted_keys, one
"NAME ssh-ed25519 AAAA…" a line); FIREDRILL_KEYS=DIR keeps them elsewhere.
The fingerprint is the one \`ssh-keygen -lf keys/signing_ed25519.pub\` prints.`;

/** A command's own help text, for the commands that have one. */
export function commandHelp(command: string | undefined): string | undefined {
  if (command === 'host') return HOST_HELP;
  if (command === 'examine') return EXAMINE_HELP;
  if (command === 'keys') return KEYS_HELP;
  return undefined;
}

export const USAGE = `firedrill — incident-command training in your terminal

usage: firedrill [COMMAND] [ARGS] [FLAGS]

  play [SCENARIO]                 play interactively (picker when none given)
  play SCENARIO --script FILE     headless scripted play; prints a summary
  list                            the scenarios
  validate PATH...                check scenario files or folders
  lint PATH... [--strict]         solvability: resolution and every checkpoint reachable
  schema [--out FILE]             the scenario format as JSON Schema (editor completion)
  new ID [--out FILE]             write a commented skeleton scenario ID.yaml
  sessions                        recorded sessions
  replay SESSION                  replay in the trainee's screen: space play/pause, +/- speed,
                                  g MM:SS seek, n/p decision, ]/[ marker, /text search
  replay SESSION --at MM:SS --headless   the screen as it was at that sim time
  replay SESSION --check          the replay shows what the candidate saw after every decision?
  replay SESSION --branch-at MM:SS       what-if: a new live session from that point
  examine SESSION|latest          examiner console (second terminal): live view, hidden truth,
                                  rubric, injections, hints, pause, +10 min, notes [--headless]
  resume SESSION                  continue an interrupted session from its last event
  report SESSION [--format md|html|json] [--out FILE]
  verify SESSION|--all            check a recording's hash chain
  export SESSION --out FILE       one JSON file with everything
  export SESSION --candidate --out FILE  the candidate's copy: examiner notes, scenario snapshot,
                                  variant, seed and score withheld (not importable)
  export SESSION --format cast --out FILE [--speed X] [--step S]  an asciicast for asciinema play
  import FILE                     verify and load an exported session
  bench [NAME...] [--out FILE]    the performance figures (all, or those starting with NAME);
                                  --details: how each was measured, under its line

SCENARIO is a scenario id or a path to a .yaml file; SESSION is an id or "latest".

flags: --db PATH (default $FIREDRILL_DB, else the user data folder) --json --no-color --help --version
play:  --seed N --speed X --trainee NAME --mode solo|interview --difficulty easy|normal|hard
       --postmortem-min N --width W --height H --quiet
exit codes: 0 ok · 1 refused (invalid input, unknown session, failed check) · 2 usage · 3 broken hash chain`;

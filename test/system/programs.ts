// The system suite (npm run test:system) needs programs that Node does not
// bring. A missing one stops the whole run with the line that installs it:
// nothing here is ever skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What each check needs, found the way the tests call it. */
const PROGRAMS: { name: string; apt: string; present: () => boolean }[] = [
  { name: 'chromium (/usr/bin/chromium, for the HTML report)', apt: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { name: 'asciinema (plays the .cast export)', apt: 'asciinema', present: () => runs('asciinema', ['--version']) },
  { name: 'script (gives asciinema a terminal)', apt: 'bsdutils', present: () => runs('script', ['--version']) },
  { name: 'ssh (the OpenSSH client, for the interview host)', apt: 'openssh-client', present: () => runs('ssh', ['-V']) },
  { name: 'tmux (the candidates\' terminals and the screen captures)', apt: 'tmux', present: () => runs('tmux', ['-V']) },
];

function runs(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

export function missingPrograms(): { name: string; apt: string }[] {
  return PROGRAMS.filter((p) => !p.present());
}

export default function requirePrograms(): void {
  const missing = missingPrograms();
  if (missing.length === 0) return;
  throw new Error(
    `npm run test:system needs ${missing.map((m) => m.name).join(', ')}.\n` +
      `Install: sudo apt-get install -y ${missing.map((m) => m.apt).join(' ')}`,
  );
}

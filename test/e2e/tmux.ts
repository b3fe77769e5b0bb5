import { execFileSync, spawnSync } from 'node:child_process';

/** Drives a program in a real terminal: tmux send-keys in, capture-pane out. */
export class TmuxSession {
  readonly name: string;

  constructor(command: string, opts: { width?: number; height?: number; env?: Record<string, string> } = {}) {
    this.name = `fd-e2e-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
    const env = Object.entries({ TERM: 'xterm-256color', ...opts.env })
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    // keep the pane after the program exits so the final screen can be read
    execFileSync('tmux', ['new-session', '-d', '-s', this.name, '-x', String(opts.width ?? 120), '-y', String(opts.height ?? 40), `env -u CI ${env} ${command}; echo "[exited $?]"; sleep 60`]);
  }

  static available(): boolean {
    return spawnSync('tmux', ['-V']).status === 0;
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...keys]);
  }

  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, '-l', text]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  display(format: string): string {
    return execFileSync('tmux', ['display-message', '-p', '-t', this.name, format], { encoding: 'utf8' }).trim();
  }

  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < until) {
      last = this.screen();
      if (pattern.test(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern} in:\n${last}`);
  }

  kill(): void {
    spawnSync('tmux', ['kill-session', '-t', this.name]);
  }
}

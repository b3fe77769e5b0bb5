// What the store needs to know about keys: this installation's key (to sign,
// made on first use) and who a signer is (this machine, trusted, or not).
import { defaultKeyDir } from './key-dir.js';
import { ensureInstallationKey, readInstallationKey, type InstallationKey } from './installation-key.js';
import { parseOpensshKey } from './openssh.js';
import { readTrustedKeys } from './trusted-keys.js';

export type Trust = 'this-machine' | 'trusted' | 'untrusted';

export interface Signer {
  fingerprint: string;
  /** The trusted name, this machine's key name, or null for a stranger. */
  name: string | null;
  trust: Trust;
}

export interface KeyRing {
  readonly dir: string;
  /** This installation's key, made the first time something is signed. */
  own(): InstallationKey;
  /** This installation's key if one exists; never makes one. */
  ownIfAny(): InstallationKey | null;
  /** Who holds the key written "ssh-ed25519 AAAA…"; null when it is not a key. */
  whoIs(openssh: string): Signer | null;
}

export function keyRing(dir: string = defaultKeyDir()): KeyRing {
  let own: InstallationKey | null = null;
  let trusted: ReturnType<typeof readTrustedKeys> | null = null;
  return {
    dir,
    own: () => (own ??= ensureInstallationKey(dir)),
    ownIfAny: () => (own ??= readInstallationKey(dir)),
    whoIs(openssh) {
      const key = parseOpensshKey(openssh);
      if (!key) return null;
      const mine = own ?? readInstallationKey(dir);
      if (mine) own = mine;
      if (mine && mine.fingerprint === key.fingerprint) return { fingerprint: key.fingerprint, name: mine.name, trust: 'this-machine' };
      trusted ??= readTrustedKeys(dir);
      const t = trusted.find((k) => k.fingerprint === key.fingerprint);
      return t ? { fingerprint: key.fingerprint, name: t.name, trust: 'trusted' } : { fingerprint: key.fingerprint, name: null, trust: 'untrusted' };
    },
  };
}

/** "signed by examiner-laptop SHA256:…, trusted" */
export function describeSigner(s: Signer): string {
  const who = s.name ? `${s.name} ${s.fingerprint}` : s.fingerprint;
  const trust = s.trust === 'this-machine' ? 'this machine' : s.trust === 'trusted' ? 'trusted' : 'NOT trusted (`firedrill keys trust` it if you know whose it is)';
  return `signed by ${who}, ${trust}`;
}

// Signing recordings: this installation's Ed25519 key, the keys it trusts,
// and the statement a signature covers (a session's chain head).
export { defaultKeyDir } from './key-dir.js';
export { KeyError, ensureInstallationKey, readInstallationKey, PRIVATE_FILE, PUBLIC_FILE, type InstallationKey } from './installation-key.js';
export { TRUSTED_FILE, readTrustedKeys, trustKey, untrustKey, validKeyName, type TrustedKey } from './trusted-keys.js';
export { parseOpensshKey, fingerprintOf, opensshText, type ParsedPublicKey } from './openssh.js';
export { headStatement, signHead, headSignatureHolds, type ChainHead } from './head-statement.js';
export { keyRing, describeSigner, type KeyRing, type Signer, type Trust } from './keyring.js';

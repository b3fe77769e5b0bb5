import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Ink renders only the last frame when CI is set, even to an empty value;
// tests must see what a person in a terminal sees.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
process.env.FORCE_COLOR = '0';
// Signing keys in a folder of this test file's own (inherited by the programs
// it spawns), never the user data folder of whoever runs the tests.
process.env.FIREDRILL_KEYS = mkdtempSync(join(tmpdir(), 'firedrill-keys-'));

// Public surface of the event store. Everything else in src/store is internal.
export type {
  Actor,
  NewEvent,
  StoredEvent,
  NewSession,
  SessionRow,
  SessionSummary,
  SessionFinish,
  VerifyResult,
  SessionExport,
  OpenOptions,
  Store,
  LiveClock,
  LiveClockInput,
  ViewHash,
  HeadSignature,
  ImportOptions,
  ImportResult,
  SigningLabel,
} from './types.js';
export { describeCheck } from './recording-check.js';
export { GENESIS_TYPE, HEADER_FIELDS, genesisEvent } from './genesis.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { defaultDbPath } from './default-path.js';
export { openStore } from './store.js';
export type { LeaseHolder, LeaseRules, SessionLeases } from './leases.js';
export { EXPORT_VERSION, exportFileText, exportVersionOf, packExport, unpackExport, type SessionExportFile } from './export-file.js';
export { MAX_IMPORT_BYTES } from './import-check.js';
export { canonicalJson } from './canonical-json.js';
export { GENESIS_HASH, eventHash } from './hash-chain.js';
export { parseBoundedJson } from './json-limits.js';

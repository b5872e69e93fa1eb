/**
 * `mail-elements/mock`: an in-memory, seeded, deterministic `MailBackend` for demos, stories and tests, with fault
 * injection, `.eml` import and MSW handlers serving it over the real HTTP contract.
 */
export { MemoryMailBackend, OAUTH_SCOPES, safeEmlFileName, safeFileName } from './memory-backend.js';
export type { FromEmlOptions, MemoryMailBackendOptions } from './memory-backend.js';
export {
  DEFAULT_SEED_MESSAGES,
  DEFAULT_SEED_NOW,
  LOGO_CONTENT_ID,
  SEED_FOLDERS,
  SEED_IDENTITIES,
  SAMPLE_ACCOUNT,
  SHOWCASE_IDS,
  Rng,
  generateSeed,
  hashSeed,
  mulberry32,
} from './seed.js';
export type { BusinessRecord, SeedData, SeedOptions } from './seed.js';
export { Faults, sleep, takeFault } from './faults.js';
export type { FaultDecision, FaultError, FaultSpec, FaultTarget } from './faults.js';
export { buildRawMessage, parseEml } from './eml.js';
export type { NewAttachment, NewMessage } from './eml.js';
export { createMailHandlers } from './msw.js';
export type { MailHandlersOptions } from './msw.js';

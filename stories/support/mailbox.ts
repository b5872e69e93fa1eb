// The backend state of a story: a fresh in-memory mailbox served over HTTP by MSW at /api/mail, with optional
// latency and failures, so each story shows the state it names (loading, empty, error, large mailbox...).
import {
  MemoryMailBackend,
  createMailHandlers,
  type FaultSpec,
  type MemoryMailBackendOptions,
} from '../../src/mock/index.js';
import type { Operation } from '../../src/core/index.js';

export interface MailboxState extends MemoryMailBackendOptions {
  /** Per-operation latency or failure, as `backend.faults.set(operation, spec)`. */
  faults?: Partial<Record<Operation | '*', FaultSpec>>;
  /** Runs after seeding, to shape the data (mark messages, save settings...). */
  prepare?: (backend: MemoryMailBackend) => void | Promise<void>;
}

interface MswContext {
  msw: { use: (...handlers: ReturnType<typeof createMailHandlers>) => void };
}

/** A `beforeEach` for a story: serves a new mailbox in the given state. */
export function mailbox(state: MailboxState = {}) {
  return async (context: unknown) => {
    const { faults, prepare, ...options } = state;
    const backend = new MemoryMailBackend({ seed: 'story', messages: 2000, ...options });
    await prepare?.(backend);
    for (const [operation, spec] of Object.entries(faults ?? {})) backend.faults.set(operation as Operation, spec!);
    (context as MswContext).msw.use(...createMailHandlers(backend, { baseUrl: '/api/mail' }));
  };
}

/** Latency long enough to look at a loading state. */
export const FOREVER = 1_000_000;

/**
 * A journal of the changes made to a `MemoryMailBackend`: every successful operation that changes the mailbox (flags,
 * moves, folders, drafts, uploads, sends, links, settings, authorizations) is recorded as JSON, and replayed in order
 * onto a fresh backend built with the same options. The seed is deterministic and ids are counters, so the replayed
 * backend ends in the same state. The demo keeps its journal in `sessionStorage`, so that a link made on one page is
 * there on the next.
 */
import type { CallOptions, Operation } from '../core/index.js';
import type { NewMessage } from './eml.js';
import { MemoryMailBackend, type MemoryMailBackendOptions } from './memory-backend.js';

/** The operations that change the backend's state (`prefillDraft` too: a forward's attachments become uploads). */
export const JOURNALED_OPERATIONS = [
  'setFlags',
  'moveMessages',
  'deleteMessages',
  'createFolder',
  'renameFolder',
  'deleteFolder',
  'saveDraft',
  'deleteDraft',
  'prefillDraft',
  'uploadAttachment',
  'sendMessage',
  'saveAccount',
  'saveEndpoint',
  'deleteEndpoint',
  'saveAppSettings',
  'beginAuthorization',
  'completeAuthorization',
  'revokeAuthorization',
  'allowRemoteContent',
  'revokeRemoteContent',
  'setModuleEnabled',
  'saveLinkConfig',
  'deleteLinkConfig',
  'linkMessages',
  'unlinkMessage',
] as const satisfies readonly Operation[];

export type JournaledOperation = (typeof JOURNALED_OPERATIONS)[number];

/**
 * One recorded change: an operation's input, or `deliver`'s `{ message, folderId }` (new mail, `.eml` imports), as
 * JSON (bytes as base64), and the backend's clock when it ran.
 */
export interface JournalEntry {
  op: JournaledOperation | 'deliver';
  input: unknown;
  at: number;
  /** `beginAuthorization` only: the state it handed out, replaced by the new one in later entries. */
  state?: string;
}

export interface JournaledBackendOptions {
  /** Entries recorded earlier, replayed onto the new backend before it is returned. */
  journal?: readonly JournalEntry[];
  /** Called with the whole journal after each recorded change. */
  onChange?: (journal: readonly JournalEntry[]) => void;
}

interface EncodedBytes {
  $bytes: string;
  /** A Blob's type; absent for a `Uint8Array`. */
  type?: string;
  /** A File's name. */
  name?: string;
}

interface Delivery {
  message: NewMessage;
  folderId?: string;
}

type Method = (input: unknown, options?: CallOptions) => Promise<unknown>;

/**
 * A `MemoryMailBackend` built from `options` with `journal` replayed onto it, which records its own changes from then
 * on and hands the grown journal to `onChange`. An entry the new backend refuses (say, enabling the module on a page
 * whose user is not an admin) is left out of its state but kept in the journal.
 */
export async function createJournaledBackend(
  options: MemoryMailBackendOptions = {},
  { journal = [], onChange }: JournaledBackendOptions = {},
): Promise<MemoryMailBackend> {
  const clock = options.clock ?? (() => Date.now());
  let replayedAt: number | undefined;
  // The time the backend last read, recorded with each operation so that the replay reads the same.
  let lastRead = clock();
  const backend = new MemoryMailBackend({ ...options, clock: () => replayedAt ?? (lastRead = clock()) });
  const entries = [...journal];
  const states = new Map<string, string>();
  for (const entry of entries) {
    replayedAt = entry.at;
    await replay(backend, entry, states);
  }
  replayedAt = undefined;
  let saved = Promise.resolve();
  record(
    backend,
    () => lastRead,
    (entry) => {
      // Encoding bytes is asynchronous; the queue keeps the entries in the order the operations ran.
      saved = saved.then(async () => {
        entries.push(await entry);
        onChange?.(entries);
      });
    },
  );
  return backend;
}

async function replay(backend: MemoryMailBackend, entry: JournalEntry, states: Map<string, string>): Promise<void> {
  let json = JSON.stringify(entry.input);
  for (const [recorded, current] of states) json = json.replaceAll(recorded, current);
  try {
    const input = decode(JSON.parse(json));
    if (entry.op === 'deliver') {
      const { message, folderId } = input as Delivery;
      backend.deliver(message, folderId);
      return;
    }
    const output = await method(backend, entry.op)(input);
    if (entry.state) states.set(entry.state, (output as { state: string }).state);
  } catch {
    // Refused by this backend's options: the journal is shared by pages that may be set up differently.
  }
}

function record(
  backend: MemoryMailBackend,
  readTime: () => number,
  push: (entry: Promise<JournalEntry>) => void,
): void {
  for (const op of JOURNALED_OPERATIONS) {
    const original = method(backend, op);
    const recorded: Method = async (input, callOptions) => {
      const output = await original(input, callOptions);
      const at = readTime();
      const state = op === 'beginAuthorization' ? (output as { state: string }).state : undefined;
      push(encode(input).then((json) => ({ op, input: json, at, ...(state ? { state } : {}) })));
      return output;
    };
    Object.defineProperty(backend, op, { value: recorded, configurable: true, writable: true });
  }
  const deliver = backend.deliver.bind(backend);
  const delivered: typeof deliver = (message, folderId) => {
    const summary = deliver(message, folderId);
    const input: Delivery = { message: message ?? {}, ...(folderId ? { folderId } : {}) };
    push(encode(input).then((json) => ({ op: 'deliver', input: json, at: readTime() })));
    return summary;
  };
  Object.defineProperty(backend, 'deliver', { value: delivered, configurable: true, writable: true });
}

function method(backend: MemoryMailBackend, op: JournaledOperation): Method {
  return (backend[op] as Method).bind(backend);
}

/** The input as JSON, with every Blob (an upload's file) and byte array (a delivered attachment) as base64. */
async function encode(value: unknown): Promise<unknown> {
  if (value instanceof Blob) {
    const encoded: EncodedBytes = { $bytes: base64(new Uint8Array(await value.arrayBuffer())), type: value.type };
    if (typeof File !== 'undefined' && value instanceof File) encoded.name = value.name;
    return encoded;
  }
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return { $bytes: base64(new Uint8Array(value)) };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return Promise.all(value.map(encode));
  if (value && typeof value === 'object') {
    const pairs = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await encode(item)]));
    return Object.fromEntries(pairs);
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (!value || typeof value !== 'object') return value;
  if ('$bytes' in value) {
    const { $bytes, type, name } = value as EncodedBytes;
    const bytes = Uint8Array.from(atob($bytes), (c) => c.charCodeAt(0));
    if (type === undefined) return bytes;
    return name === undefined ? new Blob([bytes], { type }) : new File([bytes], name, { type });
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * `MemoryMailBackend`: the whole `MailBackend` contract in memory, seeded and deterministic. It backs the demo, the
 * stories (through MSW and the router) and the contract tests, and holds 100,000 messages with fast paging and search.
 *
 * Indexes: per folder an array sorted ascending by (time, id), so a keyset cursor is a binary search; per message
 * lower-cased search keys; seeded bodies are interned paragraphs (see `TextPool`), so a text search tests each distinct
 * paragraph once. `total` of a filtered listing is counted exactly, once per (folder version, filter), and cached.
 */
import type {
  AccountEndpoint,
  AccountEndpointInput,
  AccountState,
  Address,
  AddressSuggestion,
  AppSettings,
  Attachment,
  AuthorizationStatus,
  Capabilities,
  ConnectionFailure,
  ConnectionTestResult,
  Draft,
  Flags,
  Folder,
  FolderRole,
  LinkContext,
  MailBackend,
  MailboxChange,
  MailboxListener,
  MailServerSettings,
  MailServerSettingsInput,
  Message,
  MessageFilter,
  MessageLink,
  MessageSummary,
  ObjectLinkConfig,
  Operation,
  OperationInput,
  OperationOutput,
  RecordMail,
  SharedMatch,
  SubscribeOptions,
  CallOptions,
  Unsubscribe,
  UploadOptions,
  UploadedAttachment,
} from '../core/index.js';
import {
  DEFAULT_REDIRECT_PATH,
  MailError,
  PAGE_SIZE_DEFAULT,
  abortError,
  domainOf,
  formatAddress,
  htmlToPlainText,
  parseInput,
  orderFolders,
  prefillFromSource,
} from '../core/index.js';
import { buildRawMessage, parseEml, type NewAttachment, type NewMessage } from './eml.js';
import { Faults, sleep } from './faults.js';
import {
  buildSeededBody,
  generateSeed,
  snippetFor,
  textBytes,
  type BusinessRecord,
  type SeedData,
  type SeedOptions,
  type StoredBody,
  type StoredMessage,
  type StoredPart,
  type TextPool,
} from './seed.js';

export interface MemoryMailBackendOptions extends SeedOptions {
  /** Prebuilt data (from `generateSeed`), shared by nothing else afterwards. Overrides seed/messages/now. */
  data?: SeedData;
  /** Latency of every operation, in ms. Default 0. Per-operation latency: `backend.faults`. */
  latencyMs?: number;
  /** The current user may enable the module. Default true. */
  isAdmin?: boolean;
  /** Whether the webmail module starts enabled. Default false. */
  moduleEnabled?: boolean;
  /** The simulated provider consent page. Default `/demo/mock-oauth.html`. */
  consentUrl?: string;
  appSettings?: Partial<AppSettings>;
  /** A mail server account to start with (otherwise unconfigured). */
  account?: MailServerSettingsInput;
  /** The clock for new mail, sends and links. Default `Date.now`; never earlier than the seed's newest mail. */
  clock?: () => number;
}

/** Options of `MemoryMailBackend.fromEml`. */
export interface FromEmlOptions extends Omit<MemoryMailBackendOptions, 'messages' | 'data'> {
  folderId?: string;
}

interface FolderState {
  id: string;
  name: string;
  parentId: string | null;
  role: FolderRole | null;
  /** Sorted ascending by (time, id). */
  list: StoredMessage[];
  /** Bumped on every change of the folder's messages, to invalidate cached totals. */
  version: number;
  unread?: { version: number; count: number };
}

interface Upload {
  meta: UploadedAttachment;
  bytes: Uint8Array;
}

interface PendingAuthorization {
  endpointId: string;
  provider: 'microsoft' | 'google';
  loginHint?: string;
  createdAt: number;
}

interface StoredEndpoint {
  id: string;
  provider: 'microsoft' | 'google';
  name: string;
  clientId: string;
  tenantId?: string;
  clientSecret?: string;
}

interface Cursor {
  t: number;
  i: string;
  /** Sort and filter the cursor was made for. */
  k: string;
}

type In<K extends Operation> = OperationInput<K>;
type Out<K extends Operation> = OperationOutput<K>;

const MiB = 1024 * 1024;
const CAPABILITIES: Capabilities = {
  protocol: 'memory',
  folders: true,
  flags: true,
  threads: true,
  search: 'full',
  liveUpdates: 'push',
  oauth: true,
  links: true,
  maxAttachmentBytes: 25 * MiB,
  maxMessageBytes: 35 * MiB,
};

const STATE_TTL = 10 * 60_000;
const RECENT_SCAN = 3000;
/** More changes than this in one operation are announced as one `resync`. */
const CHANGE_BURST = 200;

export const OAUTH_SCOPES: Readonly<Record<'microsoft' | 'google', readonly string[]>> = {
  microsoft: [
    'https://outlook.office.com/IMAP.AccessAsUser.All',
    'https://outlook.office.com/POP.AccessAsUser.All',
    'https://outlook.office.com/SMTP.Send',
    'offline_access',
  ],
  google: ['https://mail.google.com/', 'openid', 'email', 'profile'],
};

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const notFound = (what: string) => new MailError('not-found', what);
const invalid = (path: (string | number)[], message: string) =>
  new MailError('validation', path.length ? `${path.join('.')}: ${message}` : message, { issues: [{ path, message }] });

const cloneAddress = (a: Address): Address => (a.name ? { name: a.name, address: a.address } : { address: a.address });
const cloneAddresses = (list: readonly Address[]) => list.map(cloneAddress);

function compareKey(m: StoredMessage, time: number, id: string): number {
  return m.time - time || (m.id < id ? -1 : m.id > id ? 1 : 0);
}

/** First index whose (time, id) is >= the key. */
function lowerBound(list: readonly StoredMessage[], time: number, id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKey(list[mid]!, time, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of textBytes(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify(cursor));
}

function decodeCursor(text: string, key: string): Cursor {
  let cursor: Partial<Cursor>;
  try {
    cursor = JSON.parse(fromBase64Url(text)) as Partial<Cursor>;
  } catch {
    throw invalid(['cursor'], 'This cursor is not valid; start again from the first page.');
  }
  if (typeof cursor.t !== 'number' || typeof cursor.i !== 'string' || typeof cursor.k !== 'string') {
    throw invalid(['cursor'], 'This cursor is not valid; start again from the first page.');
  }
  if (cursor.k !== key)
    throw invalid(
      ['cursor'],
      'This cursor belongs to another listing (sort or filters changed); start again from the first page.',
    );
  return cursor as Cursor;
}

function hashKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

function parseDate(value: string): number {
  return Date.parse(value);
}

/** A file name that is safe on every file system: no separators, controls, reserved characters or names. */
export function safeFileName(name: string, fallback = 'file', max = 120): string {
  let safe = name
    .normalize('NFC')
    // Controls, and the invisible and bidirectional marks used to disguise extensions ("invoice\u202Efdp.exe").
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/[/\\<>:"|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (safe.length > max) safe = safe.slice(0, max).trim();
  if (!safe) safe = fallback;
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(safe)) safe = `_${safe}`;
  return safe;
}

/** `2026-01-05 Subject words.eml`: the name a linked mail is saved under. */
export function safeEmlFileName(time: number | string, subject: string): string {
  const date = new Date(time).toISOString().slice(0, 10);
  return `${date} ${safeFileName(subject, 'no subject', 100)}.eml`;
}

const CONTENT_TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  eml: 'message/rfc822',
};

function guessContentType(filename: string): string {
  const extension = filename.slice(filename.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function toBytes(content: Uint8Array | ArrayBuffer | string): Uint8Array {
  return typeof content === 'string'
    ? textBytes(content)
    : content instanceof Uint8Array
      ? content.slice()
      : new Uint8Array(content.slice(0));
}

function randomToken(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return toBase64Url(String.fromCharCode(...bytes)).slice(0, 24);
}

function countIn(
  list: readonly StoredMessage[],
  lo: number,
  hi: number,
  matches: (m: StoredMessage) => boolean,
): number {
  let count = 0;
  for (let i = lo; i < hi; i++) if (matches(list[i]!)) count++;
  return count;
}

/**
 * Messages by a key (thread, Message-ID). Most keys have one message, stored directly: 100,000 Sets would cost more
 * memory and garbage collection than the whole mailbox.
 */
class MultiIndex {
  private readonly map = new Map<string, StoredMessage | StoredMessage[]>();

  add(key: string, m: StoredMessage): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, m);
    else if (Array.isArray(current)) current.push(m);
    else if (current !== m) this.map.set(key, [current, m]);
  }

  delete(key: string, m: StoredMessage): void {
    const current = this.map.get(key);
    if (current === m) this.map.delete(key);
    else if (Array.isArray(current)) {
      const rest = current.filter((other) => other !== m);
      if (rest.length === 1) this.map.set(key, rest[0]!);
      else if (rest.length) this.map.set(key, rest);
      else this.map.delete(key);
    }
  }

  get(key: string): readonly StoredMessage[] {
    const current = this.map.get(key);
    return current === undefined ? [] : Array.isArray(current) ? current : [current];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Filters

interface CompiledFilter {
  /** Stable key of the filter, for cursors and cached totals. */
  key: string;
  /** True when it only restricts the date range (answered by binary search). */
  dateOnly: boolean;
  since?: number;
  before?: number;
  test(m: StoredMessage): boolean;
}

/** Case-insensitive substring search in a body: interned paragraphs are tested once per query. */
function bodyMatcher(pool: TextPool, needle: string): (m: StoredMessage) => boolean {
  const known = new Uint8Array(pool.texts.length); // 0 unknown, 1 no, 2 yes
  return (m) => {
    if (m.lcBody !== undefined) return m.lcBody.includes(needle);
    for (const id of m.segments ?? []) {
      let state = known[id];
      if (state === undefined) return pool.lower[id]!.includes(needle); // interned after this search began
      if (state === 0) known[id] = state = pool.lower[id]!.includes(needle) ? 2 : 1;
      if (state === 2) return true;
    }
    return false;
  };
}

/**
 * `includes`, remembered per string: seeded messages share their sender and recipient keys, so a search tests each
 * correspondent once. Bounded, because delivered messages have keys of their own.
 */
function memoIncludes(needle: string): (haystack: string) => boolean {
  const memo = new Map<string, boolean>();
  return (haystack) => {
    let result = memo.get(haystack);
    if (result === undefined) {
      result = haystack.includes(needle);
      if (memo.size < 10_000) memo.set(haystack, result);
    }
    return result;
  };
}

function compileFilter(filter: MessageFilter, pool: TextPool): CompiledFilter {
  const tests: ((m: StoredMessage) => boolean)[] = [];
  const lower = (value: string | undefined) => (value?.trim() ? value.trim().toLowerCase() : undefined);
  const text = lower(filter.text);
  const from = lower(filter.from);
  const to = lower(filter.to);
  const subject = lower(filter.subject);
  const body = lower(filter.body);
  if (text) {
    const inBody = bodyMatcher(pool, text);
    const inPeople = memoIncludes(text);
    tests.push((m) => m.lcSubject.includes(text) || inPeople(m.lcFrom) || inPeople(m.lcTo) || inBody(m));
  }
  if (from) {
    const inFrom = memoIncludes(from);
    tests.push((m) => inFrom(m.lcFrom));
  }
  if (to) {
    const inTo = memoIncludes(to);
    tests.push((m) => inTo(m.lcTo));
  }
  if (subject) tests.push((m) => m.lcSubject.includes(subject));
  if (body) {
    const inBody = bodyMatcher(pool, body);
    tests.push(inBody);
  }
  if (filter.unseen !== undefined) tests.push((m) => m.flags.seen !== filter.unseen);
  if (filter.flagged !== undefined) tests.push((m) => m.flags.flagged === filter.flagged);
  if (filter.hasAttachment !== undefined) tests.push((m) => m.hasAttachments === filter.hasAttachment);
  if (filter.threadId !== undefined) tests.push((m) => m.threadId === filter.threadId);
  const since = filter.since ? parseDate(filter.since) : undefined;
  const before = filter.before ? parseDate(filter.before) : undefined;
  const key = JSON.stringify([
    text,
    from,
    to,
    subject,
    body,
    filter.unseen,
    filter.flagged,
    filter.hasAttachment,
    filter.threadId,
    since,
    before,
  ]);
  return {
    key,
    dateOnly: tests.length === 0,
    since,
    before,
    test: tests.length === 0 ? () => true : tests.length === 1 ? tests[0]! : (m) => tests.every((t) => t(m)),
  };
}

// ---------------------------------------------------------------------------------------------------------------

export class MemoryMailBackend implements MailBackend {
  /** Latency and failure injection per operation. */
  readonly faults: Faults;
  /** The business records (customers, suppliers) the link elements pick from. */
  readonly records: readonly BusinessRecord[];

  private readonly pool: TextPool;
  private readonly folders = new Map<string, FolderState>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly byMessageId = new MultiIndex();
  private readonly threads = new MultiIndex();
  private readonly links = new Map<string, MessageLink[]>();
  private readonly uploads = new Map<string, Upload>();
  private readonly sends = new Map<string, Out<'sendMessage'>>();
  private readonly listeners = new Set<MailboxListener>();
  private readonly totals = new Map<string, number>();
  private readonly recordMailCache = new Map<string, StoredMessage[]>();
  private readonly identities: Address[];
  private readonly linkConfigs = new Map<string, ObjectLinkConfig>();
  private readonly recordIndex = new Map<string, BusinessRecord>();
  private readonly endpoints = new Map<string, StoredEndpoint>();
  private readonly authorizations = new Map<string, AuthorizationStatus>();
  private readonly pendingStates = new Map<string, PendingAuthorization>();
  private appSettings: AppSettings;
  private account: MailServerSettings | null = null;
  private password: string | undefined;
  private moduleEnabled: boolean;
  private readonly trustedSenders = new Set<string>();
  private readonly isAdmin: boolean;
  private readonly consentUrl: string;
  private readonly clock: () => number;
  private lastTime: number;
  private counter = 0;
  private version = 0;

  constructor(options: MemoryMailBackendOptions = {}) {
    const data = options.data ?? generateSeed(options);
    this.faults = new Faults(options.latencyMs ?? 0);
    this.pool = data.pool;
    this.identities = data.identities;
    this.records = data.records;
    for (const record of data.records) this.recordIndex.set(`${record.objectName}/${record.objectId}`, record);
    for (const config of data.linkConfigs) this.linkConfigs.set(config.objectName, config);
    for (const folder of data.folders) this.folders.set(folder.id, { ...folder, list: [], version: 0 });
    this.isAdmin = options.isAdmin ?? true;
    this.moduleEnabled = options.moduleEnabled ?? false;
    this.consentUrl = options.consentUrl ?? '/demo/mock-oauth.html';
    this.appSettings = { baseUrl: '', redirectPath: DEFAULT_REDIRECT_PATH, ...options.appSettings };
    this.clock = options.clock ?? (() => Date.now());
    this.lastTime = data.now;
    this.indexSeed(data);
    if (options.account) this.storeAccount(options.account);
  }

  /** A backend holding only the given `.eml` files (in the inbox unless `folderId` says otherwise). */
  static async fromEml(
    raws: Iterable<string | ArrayBuffer | Uint8Array | Blob>,
    options: FromEmlOptions = {},
  ): Promise<MemoryMailBackend> {
    const backend = new MemoryMailBackend({ ...options, messages: 0 });
    for (const raw of raws) await backend.importEml(raw, options.folderId);
    return backend;
  }

  private indexSeed(data: SeedData): void {
    const byFolder = new Map<string, StoredMessage[]>();
    for (const m of data.messages) {
      let list = byFolder.get(m.folderId);
      if (!list) byFolder.set(m.folderId, (list = []));
      list.push(m);
      this.messages.set(m.id, m);
      this.indexRelations(m);
    }
    for (const [folderId, list] of byFolder) {
      const folder = this.folders.get(folderId);
      if (!folder) continue;
      folder.list = list.sort((a, b) => compareKey(a, b.time, b.id));
    }
    for (const link of data.links) {
      for (const id of link.messageIds) {
        const m = this.messages.get(id);
        if (m) this.addLink(m, link.objectName, link.objectId, data.now);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // The call wrapper: validation, faults, latency, abort, MailError only

  private async call<K extends Operation, R>(
    op: K,
    input: unknown,
    options: CallOptions | undefined,
    run: (input: In<K>) => R | Promise<R>,
  ): Promise<R> {
    const signal = options?.signal;
    try {
      if (signal?.aborted) throw abortError(signal);
      const parsed = parseInput(op, input);
      const fault = this.faults.take(op);
      await sleep(fault.latencyMs, signal);
      if (signal?.aborted) throw abortError(signal);
      if (fault.error) throw fault.error;
      return await run(parsed);
    } catch (error) {
      throw MailError.from(error);
    }
  }

  /** A time for something happening now: the clock, but never before the newest message. */
  private tick(): number {
    this.lastTime = Math.max(this.clock(), this.lastTime + 1);
    return this.lastTime;
  }

  private nextId(prefix: string): string {
    return `${prefix}-${(++this.counter).toString(36)}`;
  }

  // -------------------------------------------------------------------------------------------------------------
  // capabilities

  getCapabilities(input?: In<'getCapabilities'>, options?: CallOptions): Promise<Out<'getCapabilities'>> {
    return this.call('getCapabilities', input, options, () => ({ ...CAPABILITIES }));
  }

  // -------------------------------------------------------------------------------------------------------------
  // mailbox

  listFolders(input?: In<'listFolders'>, options?: CallOptions): Promise<Out<'listFolders'>> {
    return this.call('listFolders', input, options, () => ({
      items: this.orderedFolders().map((f) => this.folderOut(f)),
    }));
  }

  /** Role folders first in their usual order, then the others by path; parents always before children. */
  private orderedFolders(): FolderState[] {
    return orderFolders(this.folders.values());
  }

  private pathOf(folder: FolderState): string {
    const names = [folder.name];
    let parent = folder.parentId ? this.folders.get(folder.parentId) : undefined;
    while (parent) {
      names.unshift(parent.name);
      parent = parent.parentId ? this.folders.get(parent.parentId) : undefined;
    }
    return names.join('/');
  }

  private folderOut(folder: FolderState): Folder {
    if (folder.unread?.version !== folder.version) {
      let count = 0;
      for (const m of folder.list) if (!m.flags.seen) count++;
      folder.unread = { version: folder.version, count };
    }
    const unread = folder.unread.count;
    return {
      id: folder.id,
      name: folder.name,
      path: this.pathOf(folder),
      delimiter: '/',
      parentId: folder.parentId,
      role: folder.role,
      unread,
      total: folder.list.length,
      selectable: true,
    };
  }

  private folder(id: string): FolderState {
    const folder = this.folders.get(id);
    if (!folder) throw notFound(`There is no folder with id "${id}".`);
    return folder;
  }

  private folderByRole(role: FolderRole): FolderState {
    for (const folder of this.folders.values()) if (folder.role === role) return folder;
    throw new MailError('server', `The mailbox has no ${role} folder.`);
  }

  private message(id: string): StoredMessage {
    const m = this.messages.get(id);
    if (!m) throw notFound(`There is no message with id "${id}"; it may have been moved or deleted.`);
    return m;
  }

  listMessages(input: In<'listMessages'>, options?: CallOptions): Promise<Out<'listMessages'>> {
    return this.call('listMessages', input, options, (request) => this.pageMessages(request));
  }

  private pageMessages(request: In<'listMessages'>): Out<'listMessages'> {
    const folder = this.folder(request.folderId);
    const limit = request.limit ?? PAGE_SIZE_DEFAULT;
    const desc = (request.sort ?? 'date-desc') === 'date-desc';
    const threads = request.threads === true;
    const filter = compileFilter(request, this.pool);
    const cursorKey = hashKey(`${desc ? 'd' : 'a'}|${threads ? 't' : 'm'}|${filter.key}`);
    const list = folder.list;
    // The date range is a slice of the sorted array.
    const rangeLo = filter.since !== undefined ? lowerBound(list, filter.since, '') : 0;
    const rangeHi = filter.before !== undefined ? lowerBound(list, filter.before, '') : list.length;
    let lo = rangeLo;
    let hi = Math.max(rangeLo, rangeHi);
    if (request.cursor) {
      const cursor = decodeCursor(request.cursor, cursorKey);
      const at = lowerBound(list, cursor.t, cursor.i);
      if (desc) hi = Math.min(hi, at);
      else lo = Math.max(lo, at < list.length && compareKey(list[at]!, cursor.t, cursor.i) === 0 ? at + 1 : at);
    }
    const matches = threads
      ? (m: StoredMessage) => filter.test(m) && this.isThreadHead(m, folder, filter)
      : filter.test;
    const found: StoredMessage[] = [];
    // Unscanned part of the range, [restLo, restHi), once the page is full.
    let restLo = lo;
    let restHi = lo;
    if (desc) {
      let i = hi - 1;
      for (; i >= lo && found.length <= limit; i--) if (matches(list[i]!)) found.push(list[i]!);
      restHi = i + 1;
    } else {
      let i = lo;
      for (; i < hi && found.length <= limit; i++) if (matches(list[i]!)) found.push(list[i]!);
      restLo = i;
      restHi = hi;
    }
    const more = found.length > limit;
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    const items = page.map((m) => {
      const summary = this.summary(m);
      if (threads) summary.threadSize = this.threadMembers(m, folder, filter).length;
      return summary;
    });
    const fullRange = !request.cursor;
    const total =
      !threads && filter.dateOnly
        ? Math.max(0, rangeHi - rangeLo)
        : this.countMatches(folder, filter, threads, () =>
            // On a first page the scanned part is already counted; only the rest of the range is scanned again.
            fullRange
              ? found.length + countIn(list, restLo, restHi, matches)
              : countIn(list, rangeLo, Math.max(rangeLo, rangeHi), matches),
          );
    return { items, nextCursor: more && last ? encodeCursor({ t: last.time, i: last.id, k: cursorKey }) : null, total };
  }

  /**
   * Exact number of matches, counted once per folder version and filter: a text search over 100,000 messages costs a
   * full scan on its first page only, and later pages reuse it.
   */
  private countMatches(folder: FolderState, filter: CompiledFilter, threads: boolean, count: () => number): number {
    const key = `${folder.id}|${folder.version}|${threads}|${filter.key}`;
    let total = this.totals.get(key);
    if (total === undefined) {
      total = count();
      if (this.totals.size > 500) this.totals.clear();
      this.totals.set(key, total);
    }
    return total;
  }

  private threadMembers(m: StoredMessage, folder: FolderState, filter: CompiledFilter): StoredMessage[] {
    const members: StoredMessage[] = [];
    for (const other of this.threads.get(m.threadId)) {
      if (other.folderId === folder.id && filter.test(other)) members.push(other);
    }
    return members;
  }

  /** The newest matching message of its thread in this folder stands for the thread. */
  private isThreadHead(m: StoredMessage, folder: FolderState, filter: CompiledFilter): boolean {
    const members = this.threads.get(m.threadId);
    if (members.length <= 1) return true;
    for (const other of members) {
      if (other !== m && other.folderId === folder.id && compareKey(other, m.time, m.id) > 0 && filter.test(other))
        return false;
    }
    return true;
  }

  private summary(m: StoredMessage): MessageSummary {
    return {
      id: m.id,
      folderId: m.folderId,
      messageId: m.messageId,
      threadId: m.threadId,
      from: m.from ? cloneAddress(m.from) : null,
      to: cloneAddresses(m.to),
      cc: cloneAddresses(m.cc),
      subject: m.subject,
      snippet: snippetFor(m, this.pool),
      date: new Date(m.time).toISOString(),
      size: m.size,
      flags: { ...m.flags },
      hasAttachments: m.hasAttachments,
      linked: (this.links.get(m.id)?.length ?? 0) > 0,
    };
  }

  private bodyOf(m: StoredMessage): StoredBody {
    return m.body ?? buildSeededBody(m, this.pool);
  }

  getMessage(input: In<'getMessage'>, options?: CallOptions): Promise<Out<'getMessage'>> {
    return this.call('getMessage', input, options, ({ id }) => this.fullMessage(this.message(id)));
  }

  private fullMessage(m: StoredMessage): Message {
    const body = this.bodyOf(m);
    const attachments: Attachment[] = body.parts.map((part) => ({
      id: part.id,
      filename: part.filename,
      contentType: part.contentType,
      size: part.bytes.length,
      ...(part.contentId ? { contentId: part.contentId } : {}),
      inline: part.inline,
    }));
    return {
      ...this.summary(m),
      bcc: cloneAddresses(m.bcc),
      replyTo: cloneAddresses(m.replyTo),
      ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
      references: [...m.references],
      ...(body.text !== undefined ? { text: body.text } : {}),
      ...(body.html !== undefined ? { html: body.html } : {}),
      attachments,
      headers: this.headersOf(m, body),
    };
  }

  private headersOf(m: StoredMessage, body: StoredBody): { name: string; value: string }[] {
    const list = (items: Address[]) => items.map(formatAddress).join(', ');
    const headers: { name: string; value: string }[] = [];
    if (m.from) headers.push({ name: 'From', value: formatAddress(m.from) });
    if (m.to.length) headers.push({ name: 'To', value: list(m.to) });
    if (m.cc.length) headers.push({ name: 'Cc', value: list(m.cc) });
    if (m.replyTo.length) headers.push({ name: 'Reply-To', value: list(m.replyTo) });
    headers.push(
      { name: 'Subject', value: m.subject },
      { name: 'Date', value: new Date(m.time).toUTCString().replace('GMT', '+0000') },
    );
    headers.push({ name: 'Message-ID', value: m.messageId });
    if (m.inReplyTo) headers.push({ name: 'In-Reply-To', value: m.inReplyTo });
    if (m.references.length) headers.push({ name: 'References', value: m.references.join(' ') });
    headers.push({ name: 'MIME-Version', value: '1.0' });
    const own = new Set(headers.map((h) => h.name.toLowerCase()));
    for (const header of body.extraHeaders) if (!own.has(header.name.toLowerCase())) headers.push({ ...header });
    return headers;
  }

  getAttachment(input: In<'getAttachment'>, options?: CallOptions): Promise<Blob> {
    return this.call('getAttachment', input, options, ({ id, attachmentId }) => {
      const part = this.bodyOf(this.message(id)).parts.find((p) => p.id === attachmentId);
      if (!part) throw notFound(`The message has no attachment "${attachmentId}".`);
      return new Blob([part.bytes.slice()], { type: part.contentType });
    });
  }

  getRawMessage(input: In<'getRawMessage'>, options?: CallOptions): Promise<Blob> {
    return this.call(
      'getRawMessage',
      input,
      options,
      ({ id }) => new Blob([this.rawOf(this.message(id))], { type: 'message/rfc822' }),
    );
  }

  private rawOf(m: StoredMessage): Uint8Array<ArrayBuffer> | string {
    if (m.raw) return m.raw.slice();
    const body = this.bodyOf(m);
    return buildRawMessage({
      ...m,
      text: body.text,
      html: body.html,
      parts: body.parts,
      extraHeaders: body.extraHeaders,
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // actions

  setFlags(input: In<'setFlags'>, options?: CallOptions): Promise<Out<'setFlags'>> {
    return this.call('setFlags', input, options, ({ ids, flags }) => {
      const targets = [...new Set(ids)].map((id) => this.message(id));
      const changes: MailboxChange[] = [];
      for (const m of targets) {
        const next: Flags = { ...m.flags, ...flags };
        if (Object.keys(next).every((key) => next[key as keyof Flags] === m.flags[key as keyof Flags])) continue;
        m.flags = next;
        this.touch(m.folderId);
        changes.push({ type: 'message-updated', folderId: m.folderId, id: m.id, flags: { ...next } });
      }
      this.emitAll(changes);
      return { updated: targets.length };
    });
  }

  moveMessages(input: In<'moveMessages'>, options?: CallOptions): Promise<Out<'moveMessages'>> {
    return this.call('moveMessages', input, options, ({ ids, folderId }) => {
      const target = this.folder(folderId);
      const sources = [...new Set(ids)].map((id) => this.message(id));
      const changes: MailboxChange[] = [];
      const moved = sources.map((m) => ({ from: m.id, to: this.relocate(m, target, changes) }));
      this.emitAll(changes);
      return { moved, deleted: [] };
    });
  }

  deleteMessages(input: In<'deleteMessages'>, options?: CallOptions): Promise<Out<'deleteMessages'>> {
    return this.call('deleteMessages', input, options, ({ ids, permanent }) => {
      const trash = this.folderByRole('trash');
      const targets = [...new Set(ids)].map((id) => this.message(id));
      const changes: MailboxChange[] = [];
      const result: Out<'deleteMessages'> = { moved: [], deleted: [] };
      for (const m of targets) {
        if (permanent || m.folderId === trash.id) {
          this.remove(m, changes);
          result.deleted.push(m.id);
        } else {
          result.moved.push({ from: m.id, to: this.relocate(m, trash, changes) });
        }
      }
      this.emitAll(changes);
      return result;
    });
  }

  createFolder(input: In<'createFolder'>, options?: CallOptions): Promise<Out<'createFolder'>> {
    return this.call('createFolder', input, options, ({ name, parentId }) => {
      const parent = parentId ? this.folder(parentId) : null;
      this.assertNameFree(name.trim(), parent?.id ?? null);
      const folder: FolderState = {
        id: this.nextId('folder'),
        name: name.trim(),
        parentId: parent?.id ?? null,
        role: null,
        list: [],
        version: 0,
      };
      this.folders.set(folder.id, folder);
      this.emit({ type: 'folders-changed' });
      return this.folderOut(folder);
    });
  }

  renameFolder(input: In<'renameFolder'>, options?: CallOptions): Promise<Out<'renameFolder'>> {
    return this.call('renameFolder', input, options, ({ folderId, name }) => {
      const folder = this.folder(folderId);
      if (folder.role) throw new MailError('forbidden', `The ${folder.name} folder cannot be renamed.`);
      if (folder.name !== name.trim()) this.assertNameFree(name.trim(), folder.parentId, folder.id);
      folder.name = name.trim();
      this.emit({ type: 'folders-changed' });
      return this.folderOut(folder);
    });
  }

  private assertNameFree(name: string, parentId: string | null, except?: string): void {
    for (const folder of this.folders.values()) {
      if (folder.parentId === parentId && folder.id !== except && folder.name.toLowerCase() === name.toLowerCase()) {
        throw new MailError('conflict', `A folder named "${folder.name}" already exists here.`, {
          issues: [{ path: ['name'], message: 'A folder with this name already exists here.' }],
        });
      }
    }
  }

  deleteFolder(input: In<'deleteFolder'>, options?: CallOptions): Promise<void> {
    return this.call('deleteFolder', input, options, ({ folderId }) => {
      const folder = this.folder(folderId);
      if (folder.role) throw new MailError('forbidden', `The ${folder.name} folder cannot be deleted.`);
      const doomed = [folder];
      for (let i = 0; i < doomed.length; i++) {
        for (const child of this.folders.values()) if (child.parentId === doomed[i]!.id) doomed.push(child);
      }
      for (const f of doomed) {
        for (const m of [...f.list]) this.remove(m, []);
        this.folders.delete(f.id);
      }
      this.emit({ type: 'folders-changed' });
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // storage primitives (every change of the message set goes through these)

  private touch(folderId: string): void {
    const folder = this.folders.get(folderId);
    if (folder) folder.version++;
    this.version++;
  }

  private insert(m: StoredMessage): void {
    const folder = this.folder(m.folderId);
    folder.list.splice(lowerBound(folder.list, m.time, m.id), 0, m);
    this.messages.set(m.id, m);
    this.indexRelations(m);
    this.touch(folder.id);
  }

  private indexRelations(m: StoredMessage): void {
    this.threads.add(m.threadId, m);
    this.byMessageId.add(m.messageId, m);
  }

  private detach(m: StoredMessage): void {
    const folder = this.folders.get(m.folderId);
    if (folder) {
      const at = lowerBound(folder.list, m.time, m.id);
      if (folder.list[at] === m) folder.list.splice(at, 1);
      this.touch(folder.id);
    }
    this.messages.delete(m.id);
  }

  /** Deletes for good, with its links. */
  private remove(m: StoredMessage, changes: MailboxChange[]): void {
    this.detach(m);
    this.threads.delete(m.threadId, m);
    this.byMessageId.delete(m.messageId, m);
    this.links.delete(m.id);
    changes.push({ type: 'message-removed', folderId: m.folderId, id: m.id });
  }

  /** Moves to another folder under a new id, as IMAP MOVE does; links follow. Returns the new id. */
  private relocate(m: StoredMessage, target: FolderState, changes: MailboxChange[]): string {
    if (m.folderId === target.id) return m.id;
    const oldId = m.id;
    const oldFolder = m.folderId;
    this.detach(m);
    m.id = this.nextId('msg');
    m.folderId = target.id;
    target.list.splice(lowerBound(target.list, m.time, m.id), 0, m);
    this.messages.set(m.id, m);
    this.touch(target.id);
    const links = this.links.get(oldId);
    if (links) {
      this.links.delete(oldId);
      this.links.set(
        m.id,
        links.map((link) => ({ ...link, messageId: m.id })),
      );
    }
    changes.push({ type: 'message-removed', folderId: oldFolder, id: oldId });
    changes.push({ type: 'message-added', folderId: target.id, message: this.summary(m) });
    return m.id;
  }

  // -------------------------------------------------------------------------------------------------------------
  // new mail

  /**
   * Simulates new mail arriving in a folder (default: the inbox): stored, correlated with linked threads, and
   * announced to subscribers. Returns its summary.
   */
  deliver(spec: NewMessage = {}, folderId = 'inbox'): MessageSummary {
    const m = this.storeNew(spec, folderId);
    this.emit({ type: 'message-added', folderId: m.folderId, message: this.summary(m) });
    return this.summary(m);
  }

  /** Adds an `.eml` (text, bytes or Blob) to a folder, keeping its attachments, inline parts and original bytes. */
  async importEml(
    raw: string | ArrayBuffer | Uint8Array | Blob,
    folderId = 'inbox',
    flags?: Partial<Flags>,
  ): Promise<MessageSummary> {
    let spec: NewMessage;
    try {
      spec = await parseEml(raw);
    } catch (error) {
      throw new MailError('validation', 'This file is not a readable e-mail message.', { cause: error });
    }
    return this.deliver({ ...spec, flags: { seen: true, ...flags } }, folderId);
  }

  private storeNew(spec: NewMessage, folderId: string, id = this.nextId('msg')): StoredMessage {
    this.folder(folderId);
    const time = spec.date === undefined ? this.tick() : new Date(spec.date).getTime();
    if (!Number.isFinite(time)) throw invalid(['date'], 'Not a valid date.');
    const from = spec.from === undefined ? { name: 'Ana García', address: 'ana.garcia@acme.example' } : spec.from;
    const to = spec.to ?? [cloneAddress(this.identities[0]!)];
    const cc = spec.cc ?? [];
    const parts = (spec.attachments ?? []).map((a, index) => this.partFrom(a, index));
    const text = spec.text ?? (spec.html === undefined ? '' : undefined);
    const searchable = text ?? htmlToPlainText(spec.html ?? '');
    const subject = (spec.subject ?? '').replace(/[\r\n\0]+/g, ' ');
    const messageId = spec.messageId?.trim() || `<${id}.${time.toString(36)}@mail-elements.example>`;
    const references = spec.references ?? (spec.inReplyTo ? [spec.inReplyTo] : []);
    const m: StoredMessage = {
      id,
      folderId,
      messageId,
      threadId: this.threadFor([...references, ...(spec.inReplyTo ? [spec.inReplyTo] : [])]) ?? `t-${id}`,
      from: from ? cloneAddress(from) : null,
      to: cloneAddresses(to),
      cc: cloneAddresses(cc),
      bcc: cloneAddresses(spec.bcc ?? []),
      replyTo: cloneAddresses(spec.replyTo ?? []),
      subject,
      time,
      size:
        spec.raw?.length ??
        800 +
          textBytes(searchable).length +
          (spec.html?.length ?? 0) +
          parts.reduce((sum, p) => sum + Math.ceil(p.bytes.length * 1.37), 0),
      flags: { seen: false, flagged: false, answered: false, forwarded: false, draft: false, ...spec.flags },
      hasAttachments: parts.some((p) => !p.inline),
      ...(spec.inReplyTo ? { inReplyTo: spec.inReplyTo } : {}),
      references,
      body: { text, html: spec.html, parts, extraHeaders: spec.headers ?? [] },
      lcBody: searchable.toLowerCase(),
      lcFrom: from ? `${from.name ?? ''} ${from.address}`.toLowerCase() : '',
      lcTo: [...to, ...cc]
        .map((a) => `${a.name ?? ''} ${a.address}`)
        .join(' ')
        .toLowerCase(),
      lcSubject: subject.toLowerCase(),
      ...(spec.raw ? { raw: spec.raw.slice() } : {}),
    };
    this.insert(m);
    this.correlate(m);
    return m;
  }

  private partFrom(attachment: NewAttachment, index: number): StoredPart {
    const filename = attachment.filename || `attachment-${index + 1}`;
    return {
      id: `att-${index + 1}`,
      filename,
      contentType: attachment.contentType || guessContentType(filename),
      ...(attachment.contentId ? { contentId: attachment.contentId.replace(/^<|>$/g, '') } : {}),
      inline: attachment.inline ?? false,
      bytes: toBytes(attachment.content),
    };
  }

  /** The thread of the first known message among `ids` (Message-IDs). */
  private threadFor(ids: string[]): string | undefined {
    for (const id of ids) {
      for (const m of this.byMessageId.get(id)) return m.threadId;
    }
    return undefined;
  }

  /** A message answering a linked one is linked to the same records. */
  private correlate(m: StoredMessage): void {
    const refs = new Set([...(m.inReplyTo ? [m.inReplyTo] : []), ...m.references]);
    for (const ref of refs) {
      for (const other of this.byMessageId.get(ref)) {
        for (const link of this.links.get(other.id) ?? [])
          this.addLink(m, link.objectName, link.objectId, this.lastTime);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // live

  subscribe(listener: MailboxListener, options: SubscribeOptions = {}): Promise<Unsubscribe> {
    return this.call('subscribe', {}, options, () => {
      const unsubscribe = () => {
        this.listeners.delete(listener);
        options.signal?.removeEventListener('abort', unsubscribe);
      };
      this.listeners.add(listener);
      options.signal?.addEventListener('abort', unsubscribe, { once: true });
      return unsubscribe;
    });
  }

  private emit(change: MailboxChange): void {
    this.recordMailCache.clear();
    if (!this.listeners.size) return;
    const listeners = [...this.listeners];
    // Asynchronously, like a real push: a listener never runs inside the operation that caused the change.
    queueMicrotask(() => {
      for (const listener of listeners) {
        if (!this.listeners.has(listener)) continue;
        try {
          listener(structuredClone(change));
        } catch (error) {
          console.error('[mail-elements] A mailbox listener threw:', error);
        }
      }
    });
  }

  private emitAll(changes: MailboxChange[]): void {
    if (changes.length > CHANGE_BURST) this.emit({ type: 'resync' });
    else for (const change of changes) this.emit(change);
  }

  // -------------------------------------------------------------------------------------------------------------
  // compose

  listIdentities(input?: In<'listIdentities'>, options?: CallOptions): Promise<Out<'listIdentities'>> {
    return this.call('listIdentities', input, options, () => ({ items: cloneAddresses(this.identities) }));
  }

  suggestAddresses(input: In<'suggestAddresses'>, options?: CallOptions): Promise<Out<'suggestAddresses'>> {
    return this.call('suggestAddresses', input, options, ({ query, limit }) => {
      const q = query.trim().toLowerCase();
      const max = limit ?? 10;
      const seen = new Set<string>();
      const items: AddressSuggestion[] = [];
      const add = (suggestion: AddressSuggestion) => {
        const key = suggestion.address.toLowerCase();
        if (items.length >= max || seen.has(key)) return;
        seen.add(key);
        items.push(suggestion);
      };
      const own = new Set(this.identities.map((a) => a.address.toLowerCase()));
      for (const address of this.recentCorrespondents()) {
        if (!own.has(address.address.toLowerCase()) && prefixMatch(q, address.name, address.address))
          add({ ...cloneAddress(address), source: 'recent' });
      }
      for (const record of this.records) {
        if (record.email && prefixMatch(q, record.title, record.email)) {
          add({
            name: record.title,
            address: record.email,
            source: 'record',
            record: { objectName: record.objectName, objectId: record.objectId, title: record.title },
          });
        }
      }
      for (const identity of this.identities)
        if (prefixMatch(q, identity.name, identity.address)) add({ ...cloneAddress(identity), source: 'identity' });
      return { items };
    });
  }

  /** Addresses of the newest inbox and sent mail, most recent first. */
  private recentCorrespondents(): Address[] {
    const recent: StoredMessage[] = [];
    for (const role of ['inbox', 'sent'] as const) {
      const list = this.folderByRole(role).list;
      recent.push(...list.slice(Math.max(0, list.length - RECENT_SCAN)));
    }
    recent.sort((a, b) => compareKey(b, a.time, a.id));
    const out: Address[] = [];
    const seen = new Set<string>();
    for (const m of recent) {
      for (const address of m.folderId === 'sent' || this.isOwn(m.from) ? [...m.to, ...m.cc] : m.from ? [m.from] : []) {
        const key = address.address.toLowerCase();
        if (!seen.has(key)) {
          seen.add(key);
          out.push(address);
        }
      }
    }
    return out;
  }

  private isOwn(address: Address | null | undefined): boolean {
    return (
      !!address && this.identities.some((identity) => identity.address.toLowerCase() === address.address.toLowerCase())
    );
  }

  saveDraft(input: In<'saveDraft'>, options?: CallOptions): Promise<Out<'saveDraft'>> {
    return this.call('saveDraft', input, options, (draft) => {
      const parts = this.partsFromUploads(draft.attachments, ['attachments']);
      let id: string | undefined;
      const changes: MailboxChange[] = [];
      if (draft.id) {
        const old = this.draftMessage(draft.id);
        this.remove(old, changes);
        id = old.id;
      }
      const m = this.storeDraft(draft, parts, id);
      changes.push({ type: 'message-added', folderId: m.folderId, message: this.summary(m) });
      this.emitAll(changes);
      return { id: m.id, savedAt: new Date(m.time).toISOString() };
    });
  }

  private storeDraft(draft: Draft, parts: StoredPart[], id?: string): StoredMessage {
    const drafts = this.folderByRole('drafts');
    const m = this.storeNew(
      {
        from: draft.from ?? this.identities[0]!,
        to: draft.to,
        cc: draft.cc,
        bcc: draft.bcc,
        subject: draft.subject,
        text: draft.text,
        html: draft.html,
        inReplyTo: draft.inReplyTo,
        references: draft.references ?? [],
        flags: { seen: true, draft: true },
      },
      drafts.id,
      id,
    );
    m.body!.parts = parts;
    m.hasAttachments = parts.some((p) => !p.inline);
    m.draft = structuredClone({ ...draft, id: m.id });
    return m;
  }

  private draftMessage(id: string): StoredMessage {
    const m = this.messages.get(id);
    if (!m?.draft) throw notFound(`There is no draft with id "${id}"; it may have been sent or deleted.`);
    return m;
  }

  private partsFromUploads(attachments: readonly UploadedAttachment[], path: (string | number)[]): StoredPart[] {
    return attachments.map((attachment, index) => {
      const upload = this.uploads.get(attachment.id);
      if (!upload)
        throw invalid(
          [...path, index, 'id'],
          `The file "${attachment.filename}" is no longer available; attach it again.`,
        );
      return {
        id: `att-${index + 1}`,
        filename: attachment.filename || upload.meta.filename,
        contentType: attachment.contentType || upload.meta.contentType,
        ...(attachment.contentId ? { contentId: attachment.contentId } : {}),
        inline: attachment.inline ?? false,
        bytes: upload.bytes,
      };
    });
  }

  getDraft(input: In<'getDraft'>, options?: CallOptions): Promise<Out<'getDraft'>> {
    return this.call('getDraft', input, options, ({ id }) => structuredClone(this.draftMessage(id).draft!));
  }

  deleteDraft(input: In<'deleteDraft'>, options?: CallOptions): Promise<void> {
    return this.call('deleteDraft', input, options, ({ id }) => {
      const changes: MailboxChange[] = [];
      this.remove(this.draftMessage(id), changes);
      this.emitAll(changes);
    });
  }

  prefillDraft(input: In<'prefillDraft'>, options?: CallOptions): Promise<Out<'prefillDraft'>> {
    return this.call('prefillDraft', input, options, ({ id, mode, link, locale }) =>
      this.prefill(this.message(id), mode, link, locale),
    );
  }

  private prefill(
    source: StoredMessage,
    mode: 'reply' | 'reply-all' | 'forward',
    link: LinkContext | undefined,
    locale: string | undefined,
  ): Draft {
    const body = this.bodyOf(source);
    const text = body.text ?? htmlToPlainText(body.html ?? '');
    const rules = prefillFromSource(
      { ...source, date: source.time, text },
      mode,
      (address) => this.isOwn(address),
      locale,
    );
    const draft: Draft = {
      from: this.identityFor(source),
      bcc: [],
      attachments: mode === 'forward' ? body.parts.map((part) => this.uploadFromPart(part)) : [],
      sourceId: source.id,
      sourceMode: mode,
      ...rules,
    };
    const carried = link ?? this.singleLinkOf(source);
    if (carried) draft.link = { objectName: carried.objectName, objectId: carried.objectId };
    return draft;
  }

  /** The identity the source was addressed to, or the main one. */
  private identityFor(source: StoredMessage): Address {
    const addressed = [...source.to, ...source.cc, ...(source.from ? [source.from] : [])];
    const own = this.identities.find((identity) =>
      addressed.some((a) => a.address.toLowerCase() === identity.address.toLowerCase()),
    );
    return cloneAddress(own ?? this.identities[0]!);
  }

  private singleLinkOf(m: StoredMessage): LinkContext | undefined {
    const links = this.links.get(m.id) ?? [];
    return links.length === 1 ? { objectName: links[0]!.objectName, objectId: links[0]!.objectId } : undefined;
  }

  private uploadFromPart(part: StoredPart): UploadedAttachment {
    const meta: UploadedAttachment = {
      id: this.nextId('upload'),
      filename: part.filename.slice(0, 255),
      contentType: part.contentType,
      size: part.bytes.length,
      ...(part.contentId ? { contentId: part.contentId } : {}),
      inline: part.inline,
    };
    this.uploads.set(meta.id, { meta, bytes: part.bytes });
    return { ...meta };
  }

  uploadAttachment(input: In<'uploadAttachment'>, options: UploadOptions = {}): Promise<Out<'uploadAttachment'>> {
    return this.call('uploadAttachment', input, options, async ({ file, filename }) => {
      const total = file.size;
      if (total > CAPABILITIES.maxAttachmentBytes) {
        throw invalid(
          ['file'],
          `The file is ${formatBytes(total)}; attachments can be at most ${formatBytes(CAPABILITIES.maxAttachmentBytes)}.`,
        );
      }
      options.onProgress?.({ loaded: 0, total });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (options.signal?.aborted) throw abortError(options.signal);
      const rawName = filename ?? (typeof File !== 'undefined' && file instanceof File ? file.name : '');
      const name = safeFileName(rawName.split(/[\\/]/).pop() ?? '', 'attachment', 255);
      const meta: UploadedAttachment = {
        id: this.nextId('upload'),
        filename: name,
        contentType: (file.type || guessContentType(name)).replace(/[\r\n\0]/g, '').slice(0, 255),
        size: bytes.length,
      };
      this.uploads.set(meta.id, { meta, bytes });
      options.onProgress?.({ loaded: total, total });
      return { ...meta };
    });
  }

  sendMessage(input: In<'sendMessage'>, options?: CallOptions): Promise<Out<'sendMessage'>> {
    return this.call('sendMessage', input, options, ({ draft, idempotencyKey }) => {
      const previous = idempotencyKey ? this.sends.get(idempotencyKey) : undefined;
      if (previous) return { ...previous };
      const result = this.send(draft);
      if (idempotencyKey) this.sends.set(idempotencyKey, result);
      return { ...result };
    });
  }

  private send(draft: Draft): Out<'sendMessage'> {
    if (!draft.to.length && !draft.cc.length && !draft.bcc.length)
      throw invalid(['draft', 'to'], 'Add at least one recipient.');
    const from = draft.from ?? this.identities[0]!;
    if (!this.isOwn(from))
      throw invalid(['draft', 'from'], `You cannot send as ${from.address}; choose one of your addresses.`);
    const parts = this.partsFromUploads(draft.attachments, ['draft', 'attachments']);
    const size =
      textBytes(draft.text ?? '').length +
      textBytes(draft.html ?? '').length +
      parts.reduce((sum, p) => sum + Math.ceil(p.bytes.length * 1.37), 0);
    if (size > CAPABILITIES.maxMessageBytes) {
      throw invalid(
        ['draft', 'attachments'],
        `The message is ${formatBytes(size)}; the server accepts at most ${formatBytes(CAPABILITIES.maxMessageBytes)}. Remove some attachments.`,
      );
    }
    const changes: MailboxChange[] = [];
    const spec: NewMessage = {
      from,
      to: draft.to,
      cc: draft.cc,
      bcc: draft.bcc,
      subject: draft.subject,
      text: draft.text,
      html: draft.html,
      inReplyTo: draft.inReplyTo,
      references: draft.references ?? (draft.inReplyTo ? [draft.inReplyTo] : []),
    };
    const sentFolder = this.folderByRole('sent');
    const id = this.nextId('msg');
    spec.messageId = `<${id}.${this.lastTime.toString(36)}@${domainOf(from.address)}>`;
    const sent = this.storeNew({ ...spec, flags: { seen: true } }, sentFolder.id, id);
    sent.body!.parts = parts;
    sent.hasAttachments = parts.some((p) => !p.inline);
    changes.push({ type: 'message-added', folderId: sent.folderId, message: this.summary(sent) });
    if (draft.link) this.addLink(sent, draft.link.objectName, draft.link.objectId, sent.time);
    if (draft.id && this.messages.get(draft.id)?.draft) this.remove(this.messages.get(draft.id)!, changes);
    this.markSource(draft, changes);
    this.deliverToSelf(spec, parts, changes);
    this.emitAll(changes);
    return { messageId: sent.messageId, sentId: sent.id, sentAt: new Date(sent.time).toISOString() };
  }

  private markSource(draft: Draft, changes: MailboxChange[]): void {
    const source = draft.sourceId ? this.messages.get(draft.sourceId) : undefined;
    if (!source || !draft.sourceMode) return;
    const flag = draft.sourceMode === 'forward' ? 'forwarded' : 'answered';
    if (source.flags[flag]) return;
    source.flags = { ...source.flags, [flag]: true };
    this.touch(source.folderId);
    changes.push({ type: 'message-updated', folderId: source.folderId, id: source.id, flags: { ...source.flags } });
  }

  /** Mail sent to one's own address arrives in the inbox, as it would on a real server. */
  private deliverToSelf(spec: NewMessage, parts: StoredPart[], changes: MailboxChange[]): void {
    const recipients = [...(spec.to ?? []), ...(spec.cc ?? []), ...(spec.bcc ?? [])];
    if (!recipients.some((a) => this.isOwn(a))) return;
    const copy = this.storeNew({ ...spec, bcc: [] }, this.folderByRole('inbox').id);
    copy.body!.parts = parts;
    copy.hasAttachments = parts.some((p) => !p.inline);
    changes.push({ type: 'message-added', folderId: copy.folderId, message: this.summary(copy) });
  }

  // -------------------------------------------------------------------------------------------------------------
  // account

  getAccount(input?: In<'getAccount'>, options?: CallOptions): Promise<Out<'getAccount'>> {
    return this.call('getAccount', input, options, () => this.accountState());
  }

  private accountState(): AccountState {
    return this.account
      ? { configured: true, settings: { ...structuredClone(this.account), passwordSet: this.password !== undefined } }
      : { configured: false, settings: null };
  }

  saveAccount(input: In<'saveAccount'>, options?: CallOptions): Promise<Out<'saveAccount'>> {
    return this.call('saveAccount', input, options, (settings) => {
      if (settings.auth === 'oauth') {
        if (!settings.oauthEndpointId)
          throw invalid(['oauthEndpointId'], 'Choose the OAuth app that authorizes this mailbox.');
        if (!this.endpoints.has(settings.oauthEndpointId))
          throw invalid(['oauthEndpointId'], 'This OAuth app does not exist any more; choose another one.');
      }
      this.storeAccount(settings);
      return this.accountState();
    });
  }

  private storeAccount(input: MailServerSettingsInput): void {
    const { password, ...settings } = structuredClone(input);
    if (password === null) this.password = undefined;
    else if (password !== undefined) this.password = password;
    this.account = { ...settings, passwordSet: this.password !== undefined };
  }

  /**
   * Deterministic simulated results, chosen by the host name being tested (any label or part of it):
   *   `unreachable` or `timeout` → timeout; `notfound` or a `.invalid` TLD → host-not-found; `refused` → refused;
   *   `badcert` → certificate; `badtls` → tls; `smtpauth-disabled` → smtp-auth-disabled (outgoing);
   *   `protocol-disabled` → protocol-disabled; `oauth-only` with password auth → oauth-required;
   *   `broken` → unknown. Then the credentials: password `wrong` (or none stored) → auth-failed; OAuth auth with an
   *   endpoint that is not authorized → authorize-again. Anything else connects.
   */
  testConnection(input: In<'testConnection'>, options?: CallOptions): Promise<Out<'testConnection'>> {
    return this.call('testConnection', input, options, ({ target, settings }) => {
      const stored = this.account;
      if (!settings && !stored) throw invalid(['settings'], 'Enter the server settings, or save them first.');
      const chosen = settings ?? stored!;
      const password = settings && settings.password !== undefined ? (settings.password ?? undefined) : this.password;
      return this.simulateConnection(target, chosen, password);
    });
  }

  private simulateConnection(
    target: 'incoming' | 'outgoing',
    settings: Omit<MailServerSettings, 'passwordSet'>,
    password: string | undefined,
  ): ConnectionTestResult {
    const server = target === 'incoming' ? settings.incoming : settings.outgoing;
    const host = server.host.toLowerCase();
    const protocol = target === 'incoming' ? settings.incoming.protocol.toUpperCase() : 'SMTP';
    const where = `${server.host}:${server.port}`;
    const fail = (
      failure: ConnectionFailure,
      message: string,
      detail?: string,
      durationMs = 120,
    ): ConnectionTestResult => ({
      target,
      ok: false,
      failure,
      message,
      ...(detail ? { detail } : {}),
      durationMs,
    });
    if (/unreachable|timeout/.test(host))
      return fail(
        'timeout',
        `${where} did not answer within 15 seconds. Check the host name and port, and that a firewall allows the connection.`,
        undefined,
        15000,
      );
    if (/notfound/.test(host) || host.endsWith('.invalid'))
      return fail(
        'host-not-found',
        `The host ${server.host} does not exist. Check the spelling of the server name.`,
        `getaddrinfo ENOTFOUND ${server.host}`,
        30,
      );
    if (/refused/.test(host))
      return fail(
        'refused',
        `${where} refused the connection. Check the port: ${protocol} usually listens on ${target === 'incoming' ? (protocol === 'IMAP' ? '993' : '995') : '587 or 465'}.`,
        `connect ECONNREFUSED ${where}`,
        15,
      );
    if (/badcert/.test(host))
      return fail(
        'certificate',
        `The certificate of ${server.host} is not trusted (self-signed or for another name). Ask your provider for the correct host name.`,
        'unable to verify the first certificate',
        80,
      );
    if (/badtls/.test(host))
      return fail(
        'tls',
        `Could not establish a secure connection to ${where}. Try ${server.security === 'tls' ? 'STARTTLS on port 587/143' : 'SSL/TLS on port 465/993'}.`,
        'wrong version number',
        60,
      );
    if (target === 'outgoing' && /smtpauth-disabled/.test(host))
      return fail(
        'smtp-auth-disabled',
        'SMTP authentication is disabled for this mailbox or tenant. An administrator must enable "Authenticated SMTP" for it.',
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      );
    if (/protocol-disabled/.test(host))
      return fail(
        'protocol-disabled',
        `${protocol} access is disabled for this mailbox. Enable it in the mailbox settings of your provider.`,
        `${protocol} is disabled for this user`,
      );
    if (settings.auth === 'password' && /oauth-only/.test(host))
      return fail(
        'oauth-required',
        'This server does not accept passwords any more. Use OAuth: register an app and authorize the mailbox.',
        'AUTHENTICATE failed: basic authentication is disabled',
      );
    if (/broken/.test(host))
      return fail(
        'unknown',
        `${where} answered something unexpected. Try again later or contact your provider.`,
        '* BYE internal server error',
      );
    if (settings.auth === 'oauth') {
      const status = settings.oauthEndpointId ? this.authorizations.get(settings.oauthEndpointId) : undefined;
      if (status?.state !== 'authorized')
        return fail(
          'authorize-again',
          'The mailbox is not authorized (or the authorization expired). Click "Authorize" on the OAuth app and sign in again.',
        );
    } else if (password === undefined || password === 'wrong') {
      return fail(
        'auth-failed',
        `${server.host} rejected the user name or password for ${settings.userName}. Check both, and whether the account needs an app password.`,
        '535 5.7.8 Authentication credentials invalid',
      );
    }
    const durationMs = 40 + ((host.length * 7) % 200);
    return {
      target,
      ok: true,
      message: `Connected to ${where} (${protocol}) and signed in as ${settings.userName}.`,
      durationMs,
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // oauth

  listEndpoints(input?: In<'listEndpoints'>, options?: CallOptions): Promise<Out<'listEndpoints'>> {
    return this.call('listEndpoints', input, options, () => ({
      items: [...this.endpoints.values()].map((e) => this.endpointOut(e)),
    }));
  }

  private redirectUri(): string {
    return `${this.appSettings.baseUrl.replace(/\/+$/, '')}${this.appSettings.redirectPath}`;
  }

  private endpointOut(endpoint: StoredEndpoint): AccountEndpoint {
    return {
      id: endpoint.id,
      provider: endpoint.provider,
      name: endpoint.name,
      clientId: endpoint.clientId,
      ...(endpoint.tenantId !== undefined ? { tenantId: endpoint.tenantId } : {}),
      clientSecretSet: endpoint.clientSecret !== undefined,
      redirectUri: this.redirectUri(),
      scopes: [...OAUTH_SCOPES[endpoint.provider]],
    };
  }

  private endpoint(id: string): StoredEndpoint {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) throw notFound(`There is no OAuth app with id "${id}".`);
    return endpoint;
  }

  saveEndpoint(input: In<'saveEndpoint'>, options?: CallOptions): Promise<Out<'saveEndpoint'>> {
    return this.call('saveEndpoint', input, options, (value: AccountEndpointInput) => {
      const existing = value.id ? this.endpoint(value.id) : undefined;
      const secret = value.clientSecret === undefined ? existing?.clientSecret : (value.clientSecret ?? undefined);
      const changedApp =
        existing &&
        (existing.clientId !== value.clientId ||
          existing.tenantId !== value.tenantId ||
          existing.provider !== value.provider);
      const endpoint: StoredEndpoint = {
        id: existing?.id ?? this.nextId('endpoint'),
        provider: value.provider,
        name: value.name,
        clientId: value.clientId,
        ...(value.tenantId !== undefined ? { tenantId: value.tenantId } : {}),
        ...(secret !== undefined ? { clientSecret: secret } : {}),
      };
      this.endpoints.set(endpoint.id, endpoint);
      // Tokens belong to one app registration: a different app means authorizing again.
      if (!existing || changedApp)
        this.authorizations.set(endpoint.id, { endpointId: endpoint.id, state: 'not-authorized' });
      return this.endpointOut(endpoint);
    });
  }

  deleteEndpoint(input: In<'deleteEndpoint'>, options?: CallOptions): Promise<void> {
    return this.call('deleteEndpoint', input, options, ({ endpointId }) => {
      this.endpoint(endpointId);
      this.endpoints.delete(endpointId);
      this.authorizations.delete(endpointId);
      for (const [state, pending] of this.pendingStates)
        if (pending.endpointId === endpointId) this.pendingStates.delete(state);
    });
  }

  getAppSettings(input?: In<'getAppSettings'>, options?: CallOptions): Promise<Out<'getAppSettings'>> {
    return this.call('getAppSettings', input, options, () => ({ ...this.appSettings }));
  }

  saveAppSettings(input: In<'saveAppSettings'>, options?: CallOptions): Promise<Out<'saveAppSettings'>> {
    return this.call('saveAppSettings', input, options, (settings) => {
      this.appSettings = { baseUrl: settings.baseUrl.replace(/\/+$/, ''), redirectPath: settings.redirectPath };
      return { ...this.appSettings };
    });
  }

  beginAuthorization(input: In<'beginAuthorization'>, options?: CallOptions): Promise<Out<'beginAuthorization'>> {
    return this.call('beginAuthorization', input, options, ({ endpointId, loginHint }) => {
      const endpoint = this.endpoint(endpointId);
      const state = randomToken();
      this.pendingStates.set(state, {
        endpointId,
        provider: endpoint.provider,
        ...(loginHint ? { loginHint } : {}),
        createdAt: this.clock(),
      });
      const query = new URLSearchParams({
        provider: endpoint.provider,
        client_id: endpoint.clientId,
        redirect_uri: this.redirectUri(),
        state,
      });
      if (loginHint) query.set('login_hint', loginHint);
      query.set('scope', OAUTH_SCOPES[endpoint.provider].join(' '));
      return { url: `${this.consentUrl}?${query.toString()}`, state };
    });
  }

  completeAuthorization(
    input: In<'completeAuthorization'>,
    options?: CallOptions,
  ): Promise<Out<'completeAuthorization'>> {
    return this.call('completeAuthorization', input, options, ({ state, code, error, errorDescription }) => {
      const pending = this.pendingStates.get(state);
      // Single use: whatever happens next, this state is spent.
      this.pendingStates.delete(state);
      if (!pending || this.clock() - pending.createdAt > STATE_TTL || !this.endpoints.has(pending.endpointId)) {
        throw invalid(
          ['state'],
          'This sign-in response is unknown, expired or was already used. Start the authorization again.',
        );
      }
      const endpoint = this.endpoint(pending.endpointId);
      const status = this.authorizationOutcome(endpoint, pending, state, code, error, errorDescription);
      this.authorizations.set(endpoint.id, status);
      return { ...status };
    });
  }

  private authorizationOutcome(
    endpoint: StoredEndpoint,
    pending: PendingAuthorization,
    state: string,
    code?: string,
    error?: string,
    description?: string,
  ): AuthorizationStatus {
    const failed = (lastErrorCode: string, lastError: string): AuthorizationStatus => ({
      endpointId: endpoint.id,
      state: 'error',
      lastErrorCode,
      lastError,
    });
    if (error) return failed(error, description ?? OAUTH_ERRORS[error] ?? `The provider answered "${error}".`);
    if (code !== `mock-code:${state}`)
      return failed('invalid_grant', 'The authorization code is invalid or expired. Start the authorization again.');
    if (endpoint.clientSecret === undefined)
      return failed(
        'invalid_client',
        'The provider rejected the app: the client secret is missing. Enter it and authorize again.',
      );
    return {
      endpointId: endpoint.id,
      state: 'authorized',
      account: pending.loginHint ?? this.account?.email ?? this.identities[0]!.address,
      expiresAt: new Date(this.clock() + 3_600_000).toISOString(),
    };
  }

  getAuthorizationStatus(
    input: In<'getAuthorizationStatus'>,
    options?: CallOptions,
  ): Promise<Out<'getAuthorizationStatus'>> {
    return this.call('getAuthorizationStatus', input, options, ({ endpointId }) => {
      this.endpoint(endpointId);
      return { ...(this.authorizations.get(endpointId) ?? { endpointId, state: 'not-authorized' as const }) };
    });
  }

  revokeAuthorization(input: In<'revokeAuthorization'>, options?: CallOptions): Promise<Out<'revokeAuthorization'>> {
    return this.call('revokeAuthorization', input, options, ({ endpointId }) => {
      this.endpoint(endpointId);
      const status: AuthorizationStatus = { endpointId, state: 'not-authorized' };
      this.authorizations.set(endpointId, status);
      return { ...status };
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // privacy

  getRemoteContentPolicy(
    input?: In<'getRemoteContentPolicy'>,
    options?: CallOptions,
  ): Promise<Out<'getRemoteContentPolicy'>> {
    return this.call('getRemoteContentPolicy', input, options, () => this.remoteContentPolicy());
  }

  allowRemoteContent(input: In<'allowRemoteContent'>, options?: CallOptions): Promise<Out<'allowRemoteContent'>> {
    return this.call('allowRemoteContent', input, options, ({ sender }) => {
      this.trustedSenders.add(sender);
      return this.remoteContentPolicy();
    });
  }

  revokeRemoteContent(input: In<'revokeRemoteContent'>, options?: CallOptions): Promise<Out<'revokeRemoteContent'>> {
    return this.call('revokeRemoteContent', input, options, ({ sender }) => {
      this.trustedSenders.delete(sender);
      return this.remoteContentPolicy();
    });
  }

  private remoteContentPolicy(): Out<'getRemoteContentPolicy'> {
    return { allowedSenders: [...this.trustedSenders].sort() };
  }

  // -------------------------------------------------------------------------------------------------------------
  // module

  getModuleStatus(input?: In<'getModuleStatus'>, options?: CallOptions): Promise<Out<'getModuleStatus'>> {
    return this.call('getModuleStatus', input, options, () => this.moduleStatus());
  }

  private moduleStatus(): Out<'getModuleStatus'> {
    return {
      enabled: this.moduleEnabled,
      canManage: this.isAdmin,
      unread: this.folderOut(this.folderByRole('inbox')).unread,
    };
  }

  setModuleEnabled(input: In<'setModuleEnabled'>, options?: CallOptions): Promise<Out<'setModuleEnabled'>> {
    return this.call('setModuleEnabled', input, options, ({ enabled }) => {
      if (!this.isAdmin)
        throw new MailError('forbidden', 'Only an administrator can enable or disable the webmail module.');
      this.moduleEnabled = enabled;
      return this.moduleStatus();
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // links

  listLinkConfigs(input?: In<'listLinkConfigs'>, options?: CallOptions): Promise<Out<'listLinkConfigs'>> {
    return this.call('listLinkConfigs', input, options, () => ({
      items: [...this.linkConfigs.values()].map((c) => structuredClone(c)),
    }));
  }

  saveLinkConfig(input: In<'saveLinkConfig'>, options?: CallOptions): Promise<Out<'saveLinkConfig'>> {
    return this.call('saveLinkConfig', input, options, (config) => {
      const stored = { ...structuredClone(config), ignoredDomains: [...new Set(config.ignoredDomains)] };
      this.linkConfigs.set(config.objectName, stored);
      this.recordMailCache.clear();
      return structuredClone(stored);
    });
  }

  deleteLinkConfig(input: In<'deleteLinkConfig'>, options?: CallOptions): Promise<void> {
    return this.call('deleteLinkConfig', input, options, ({ objectName }) => {
      if (!this.linkConfigs.delete(objectName)) throw notFound(`There is no link configuration for "${objectName}".`);
      this.recordMailCache.clear();
    });
  }

  previewLinkConfig(input: In<'previewLinkConfig'>, options?: CallOptions): Promise<Out<'previewLinkConfig'>> {
    return this.call('previewLinkConfig', input, options, (config) => {
      const records = this.records.filter((r) => r.objectName === config.objectName && r.email);
      const addresses = new Set<string>();
      const domains = new Set<string>();
      const ignored = new Set(config.ignoredDomains);
      for (const record of records) {
        const email = record.email!.toLowerCase();
        if (config.filterByDomain && !ignored.has(domainOf(email))) domains.add(domainOf(email));
        else addresses.add(email);
      }
      const involves = participantMatcher((a) => addresses.has(a) || domains.has(domainOf(a)));
      let mails = 0;
      for (const m of this.searchable()) if (involves(m)) mails++;
      return { records: records.length, mails, shared: this.sharedMatches(config) };
    });
  }

  /** What each record of every configuration (with `draft` in place of its saved one) matches on. */
  private matchKeys(draft?: ObjectLinkConfig): { record: BusinessRecord; key: MatchKey }[] {
    const configs = new Map(this.linkConfigs);
    if (draft) configs.set(draft.objectName, draft);
    const out: { record: BusinessRecord; key: MatchKey }[] = [];
    for (const record of this.records) {
      const config = configs.get(record.objectName);
      const key = config ? matchKeyOf(record, config) : null;
      if (key) out.push({ record, key });
    }
    return out;
  }

  /** Addresses and domains that more than one record matches, at least one of them of `config`'s object. */
  private sharedMatches(config: ObjectLinkConfig): SharedMatch[] {
    const keys = this.matchKeys(config);
    const groups = new Map<string, BusinessRecord[]>();
    for (const { key } of keys) {
      if (groups.has(key.on)) continue;
      const members = keys.filter((other) => matchKeysOverlap(key, other.key)).map((other) => other.record);
      groups.set(key.on, members);
    }
    return [...groups]
      .filter(([, records]) => records.length > 1 && records.some((r) => r.objectName === config.objectName))
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .slice(0, 20)
      .map(([on, records]) => ({ on, records: records.map((r) => ({ ...r })) }));
  }

  /** Other records whose address or domain matches the same mails as `record`'s. */
  private sharedWith(record: BusinessRecord): BusinessRecord[] {
    const keys = this.matchKeys();
    const own = keys.find((k) => k.record === record)?.key;
    if (!own) return [];
    return keys
      .filter((other) => other.record !== record && matchKeysOverlap(own, other.key))
      .slice(0, 50)
      .map((other) => ({ ...other.record }));
  }

  searchRecords(input: In<'searchRecords'>, options?: CallOptions): Promise<Out<'searchRecords'>> {
    return this.call('searchRecords', input, options, ({ objectName, query, limit }) => {
      const q = query.trim().toLowerCase();
      const items = this.records
        .filter(
          (r) =>
            (!objectName || r.objectName === objectName) &&
            (!q ||
              r.title.toLowerCase().includes(q) ||
              r.objectId.toLowerCase().includes(q) ||
              (r.email?.toLowerCase().includes(q) ?? false)),
        )
        .slice(0, limit ?? 20)
        .map((r) => ({ ...r }));
      return { items };
    });
  }

  /** Every message outside Trash and Junk. */
  private *searchable(): Generator<StoredMessage> {
    for (const folder of this.folders.values()) {
      if (folder.role === 'trash' || folder.role === 'junk') continue;
      yield* folder.list;
    }
  }

  listRecordMails(input: In<'listRecordMails'>, options?: CallOptions): Promise<Out<'listRecordMails'>> {
    return this.call('listRecordMails', input, options, (request) => {
      const record = this.recordIndex.get(`${request.objectName}/${request.objectId}`);
      const config = this.linkConfigs.get(request.objectName);
      if (!config)
        return {
          configured: false,
          record: record ? { ...record } : null,
          matchedOn: null,
          items: [],
          nextCursor: null,
          total: 0,
        };
      if (!record) throw notFound(`There is no ${request.objectName} record "${request.objectId}".`);
      const email = record.email?.toLowerCase() ?? null;
      const byDomain = !!email && config.filterByDomain && !config.ignoredDomains.includes(domainOf(email));
      const matchedOn = email ? (byDomain ? domainOf(email) : email) : null;
      const all = this.recordMails(record, matchedOn, byDomain, request.text);
      const limit = request.limit ?? PAGE_SIZE_DEFAULT;
      const key = hashKey(`${record.objectName}/${record.objectId}|${request.text ?? ''}`);
      let start = 0;
      if (request.cursor) {
        const cursor = decodeCursor(request.cursor, key);
        // Newest first: skip everything at or after the cursor.
        while (start < all.length && compareKey(all[start]!, cursor.t, cursor.i) >= 0) start++;
      }
      const page = all.slice(start, start + limit);
      const last = page[page.length - 1];
      const items: RecordMail[] = page.map((m) => ({
        ...this.summary(m),
        direction: this.isOwn(m.from) ? 'sent' : 'received',
        linkedToRecord: this.isLinkedTo(m, record),
      }));
      const more = start + limit < all.length;
      return {
        configured: true,
        record: { ...record },
        matchedOn,
        sharedWith: this.sharedWith(record),
        items,
        nextCursor: more && last ? encodeCursor({ t: last.time, i: last.id, k: key }) : null,
        total: all.length,
      };
    });
  }

  private isLinkedTo(m: StoredMessage, record: BusinessRecord): boolean {
    return (this.links.get(m.id) ?? []).some(
      (l) => l.objectName === record.objectName && l.objectId === record.objectId,
    );
  }

  /** The record's mails, newest first; cached until the mailbox or a link changes. */
  private recordMails(
    record: BusinessRecord,
    matchedOn: string | null,
    byDomain: boolean,
    text?: string,
  ): StoredMessage[] {
    const cacheKey = `${this.version}|${record.objectName}/${record.objectId}|${matchedOn}|${byDomain}|${text ?? ''}`;
    const cached = this.recordMailCache.get(cacheKey);
    if (cached) return cached;
    const filter = text?.trim() ? compileFilter({ text }, this.pool) : undefined;
    const linked = new Set<string>();
    for (const [id, links] of this.links) {
      if (links.some((l) => l.objectName === record.objectName && l.objectId === record.objectId)) linked.add(id);
    }
    const involves =
      matchedOn === null
        ? () => false
        : participantMatcher((a) => (byDomain ? domainOf(a) === matchedOn : a === matchedOn));
    const out: StoredMessage[] = [];
    for (const m of this.searchable()) {
      if ((linked.has(m.id) || involves(m)) && (!filter || filter.test(m))) out.push(m);
    }
    out.sort((a, b) => compareKey(b, a.time, a.id));
    if (this.recordMailCache.size > 50) this.recordMailCache.clear();
    this.recordMailCache.set(cacheKey, out);
    return out;
  }

  linkMessages(input: In<'linkMessages'>, options?: CallOptions): Promise<Out<'linkMessages'>> {
    return this.call('linkMessages', input, options, ({ ids, objectName, objectId }) => {
      if (!this.linkConfigs.has(objectName))
        throw notFound(`There is no link configuration for "${objectName}"; configure it first.`);
      const targets = [...new Set(ids)].map((id) => this.message(id));
      const at = this.tick();
      const items = targets.map((m) => ({ ...this.addLink(m, objectName, objectId, at) }));
      this.emitAll(
        targets.map((m) => ({
          type: 'message-updated' as const,
          folderId: m.folderId,
          id: m.id,
          flags: { ...m.flags },
        })),
      );
      return { items };
    });
  }

  /** Records a link (once per message and record) with a safe, unique .eml file name. */
  private addLink(m: StoredMessage, objectName: string, objectId: string, at: number): MessageLink {
    const list = this.links.get(m.id) ?? [];
    const existing = list.find((l) => l.objectName === objectName && l.objectId === objectId);
    if (existing) return existing;
    const taken = new Set<string>();
    for (const links of this.links.values())
      for (const l of links) if (l.objectName === objectName && l.objectId === objectId) taken.add(l.fileName);
    let fileName = safeEmlFileName(m.time, m.subject);
    for (let n = 2; taken.has(fileName); n++) fileName = fileName.replace(/(?: \(\d+\))?\.eml$/, ` (${n}).eml`);
    const link: MessageLink = { messageId: m.id, objectName, objectId, fileName, linkedAt: new Date(at).toISOString() };
    list.push(link);
    this.links.set(m.id, list);
    this.version++;
    this.recordMailCache.clear();
    return link;
  }

  unlinkMessage(input: In<'unlinkMessage'>, options?: CallOptions): Promise<void> {
    return this.call('unlinkMessage', input, options, ({ id, objectName, objectId }) => {
      const m = this.message(id);
      const list = (this.links.get(id) ?? []).filter((l) => !(l.objectName === objectName && l.objectId === objectId));
      if (list.length) this.links.set(id, list);
      else this.links.delete(id);
      this.version++;
      this.recordMailCache.clear();
      this.emit({ type: 'message-updated', folderId: m.folderId, id: m.id, flags: { ...m.flags } });
    });
  }

  listMessageLinks(input: In<'listMessageLinks'>, options?: CallOptions): Promise<Out<'listMessageLinks'>> {
    return this.call('listMessageLinks', input, options, ({ id }) => {
      this.message(id);
      return { items: (this.links.get(id) ?? []).map((l) => ({ ...l })) };
    });
  }
}

/** What one record matches on: its whole address, or its domain when its configuration filters by domain. */
interface MatchKey {
  on: string;
  byDomain: boolean;
}

function matchKeyOf(record: BusinessRecord, config: ObjectLinkConfig): MatchKey | null {
  const email = record.email?.toLowerCase();
  if (!email) return null;
  const domain = domainOf(email);
  const byDomain = config.filterByDomain && !config.ignoredDomains.includes(domain);
  return { on: byDomain ? domain : email, byDomain };
}

/** Whether two records match some of the same mails: same key, or an address inside the other's domain. */
function matchKeysOverlap(a: MatchKey, b: MatchKey): boolean {
  if (a.on === b.on) return true;
  if (a.byDomain && !b.byDomain) return domainOf(b.on) === a.on;
  if (b.byDomain && !a.byDomain) return domainOf(a.on) === b.on;
  return false;
}

/**
 * Whether any sender or recipient address passes `test` (given lower case). Results are remembered per address
 * string, which seeded messages share, so scanning every message stays cheap.
 */
function participantMatcher(test: (address: string) => boolean): (m: StoredMessage) => boolean {
  const memo = new Map<string, boolean>();
  const passes = (address: string) => {
    let result = memo.get(address);
    if (result === undefined) memo.set(address, (result = test(address.toLowerCase())));
    return result;
  };
  const any = (list: readonly Address[]) => {
    for (const a of list) if (passes(a.address)) return true;
    return false;
  };
  return (m) => (m.from !== null && passes(m.from.address)) || any(m.to) || any(m.cc) || any(m.bcc);
}

function prefixMatch(q: string, name: string | undefined, address: string): boolean {
  if (!q) return true;
  const lowerAddress = address.toLowerCase();
  if (lowerAddress.startsWith(q) || lowerAddress.slice(lowerAddress.indexOf('@') + 1).startsWith(q)) return true;
  const lowerName = (name ?? '').toLowerCase();
  return lowerName.startsWith(q) || lowerName.split(/[\s.,()-]+/).some((word) => word.startsWith(q));
}

const OAUTH_ERRORS: Record<string, string> = {
  access_denied: 'The sign-in was cancelled, or consent to the requested permissions was refused.',
  AADSTS50011:
    'The redirect URL sent does not match the ones registered for the app. Add the redirect URL shown here to the app registration.',
  redirect_uri_mismatch:
    'The redirect URL sent does not match the ones registered for the app. Add the redirect URL shown here to the app registration.',
  invalid_client: 'The provider does not recognise the client id or secret. Check both.',
  consent_required: 'An administrator must grant consent to this app for the organisation.',
};

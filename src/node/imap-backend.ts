/**
 * `ImapMailBackend`: `MailBackend` against a real IMAP server (imapflow) with SMTP for sending (nodemailer), for one
 * user of the host. Settings, OAuth endpoints and tokens, link configurations and the linked-mail index live in the
 * `SettingsStore`; a POP3 account is served by `Pop3Mailbox` behind the same interface.
 *
 * Ids: a folder's id is its IMAP path; a message's id is `<uidvalidity>:<uid>:<path>`, so an id whose folder was
 * recreated (new UIDVALIDITY) is simply not found, and a list cursor from before is refused as `validation`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FetchMessageObject, FetchQueryObject, ImapFlow, ListResponse, SearchObject } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import PostalMime from 'postal-mime';
import {
  abortError,
  domainOf,
  formatAddress,
  htmlToPlainText,
  isEmailAddress,
  MailError,
  PAGE_SIZE_DEFAULT,
  parseInput,
  orderFolders,
  prefillFromSource,
  type Address,
  type AddressSuggestion,
  type CallOptions,
  type Capabilities,
  type ConnectionTestResult,
  type Draft,
  type Folder,
  type FolderRole,
  type MailBackend,
  type MailboxChange,
  type MailboxListener,
  type MailServerSettings,
  type MailServerSettingsInput,
  type MessageLink,
  type MessageSummary,
  type ObjectLinkConfig,
  type Operation,
  type OperationInput as In,
  type OperationOutput as Out,
  type RecordMail,
  type RecordRef,
  type SubscribeOptions,
  type Unsubscribe,
  type UploadedAttachment,
  type UploadOptions,
} from '../core/index.js';
import {
  AccountAccess,
  connectImap,
  createImapClient,
  createSmtpTransport,
  ImapPool,
  type ConnectionOptions,
} from './connection.js';
import { removeFile, resolveLinkFolder, safeFileName, writeNewFile } from './links.js';
import type { OAuthBroker } from './oauth.js';
import {
  dateOf,
  downloadPart,
  fetchSummaries,
  flagsOf,
  formatId,
  fullMessage,
  hasAttachments,
  summaryOf,
  SUMMARY_QUERY,
  tooLarge,
  type MessageRef as ParsedId,
} from './message.js';
import { Pop3Mailbox } from './pop3.js';
import { UploadStore, uploadOut } from './uploads.js';
import { GLOBAL_USER, type SettingsStore } from './store.js';
import {
  canThread,
  groupByThread,
  threadByHeaders,
  threadsOf,
  type ThreadHeaders,
  type ThreadView,
} from './threads.js';
import {
  cleanAddress,
  cleanAddresses,
  connectionError,
  decodeToken,
  encodeToken,
  invalid,
  isAuthFailure,
  notFound,
  oneLine,
  uidSets,
} from './util.js';

/** Business records of the host, for record pickers and a record's mails. */
export interface RecordSource {
  search(objectName: string | undefined, query: string, limit: number): RecordRef[] | Promise<RecordRef[]>;
  get(objectName: string, objectId: string): RecordRef | null | Promise<RecordRef | null>;
}

export interface ImapMailBackendOptions extends ConnectionOptions {
  store: SettingsStore;
  broker: OAuthBroker;
  /** The host's user this backend serves. */
  userId: string;
  /** The user may enable or disable the module. */
  isAdmin?: boolean;
  records?: RecordSource;
  /** Linked .eml folders are placed under this directory; unset, configured paths are used as they are. */
  linkBaseDir?: string;
  /** Largest upload, in bytes. Default: 25 MiB. */
  maxAttachmentBytes?: number;
  /** Largest message sent, in bytes. Default: 35 MiB. */
  maxMessageBytes?: number;
  /** Unlinking also removes the saved .eml file. Default: false (the file stays). */
  deleteLinkedFiles?: boolean;
  /** Largest attachment served, in bytes. Default: 50 MiB. */
  maxDownloadBytes?: number;
  /** Where uploads wait for their draft, each backend in a private folder of its own. Default: the system's temp. */
  uploadDir?: string;
  /**
   * Use the server's `THREAD=REFERENCES` when it has it (default). With false, conversations are always threaded here
   * from the messages' headers, as they are for a server without it.
   */
  serverThreading?: boolean;
  /** UIDs per FETCH command when many messages are read at once (threading from headers, filters). Default: 500. */
  fetchBatchSize?: number;
}

/** UIDs per FETCH command by default. */
const FETCH_BATCH = 500;
/** Folders whose threading headers are kept, so a conversation view fetches only new mail's headers. */
const THREAD_CACHE_FOLDERS = 8;

const DOWNLOAD_LIMIT = 50 * 1024 * 1024;

interface RecordCursor {
  /** Date (ms) and id of the last mail of the page before. */
  t: number;
  i: string;
  /** Which record and search the cursor belongs to. */
  k: string;
}

interface RecordHit {
  ref: ParsedId;
  role: (typeof RECORD_ROLES)[number];
  id: string;
  time: number;
}

/** The folders a record's mails are looked for in. */
const RECORD_ROLES = ['inbox', 'sent', 'archive'] as const;

interface CursorToken {
  v: string;
  u: number;
  s: 'date-desc' | 'date-asc';
}

const SPECIAL_USE: Record<string, FolderRole> = {
  '\\Inbox': 'inbox',
  '\\Drafts': 'drafts',
  '\\Sent': 'sent',
  '\\Archive': 'archive',
  '\\Junk': 'junk',
  '\\Trash': 'trash',
  '\\All': 'all',
  '\\Flagged': 'flagged',
};
const META_HEADERS = { link: 'X-Mail-Elements-Link', source: 'X-Mail-Elements-Source' };

export class ImapMailBackend implements MailBackend {
  private readonly store: SettingsStore;
  private readonly broker: OAuthBroker;
  private readonly userId: string;
  private readonly isAdmin: boolean;
  private readonly records: RecordSource | undefined;
  private readonly access: AccountAccess;
  private readonly options: ImapMailBackendOptions;
  private pool: ImapPool | undefined;
  private poolKey = '';
  private pop3: Pop3Mailbox | undefined;
  private readonly uploads: UploadStore;
  private readonly listeners = new Set<MailboxListener>();
  private watcher: { started: Promise<void>; stop: () => void } | undefined;
  /** Threading headers by folder (path and UIDVALIDITY), then by UID. */
  private readonly threadHeaders = new Map<string, Map<number, ThreadHeaders>>();
  /** Calls running now, and who waits until there are none (`closeWhenIdle`). */
  private running = 0;
  private readonly idle: (() => void)[] = [];

  constructor(options: ImapMailBackendOptions) {
    this.options = options;
    this.store = options.store;
    this.broker = options.broker;
    this.userId = options.userId;
    this.isAdmin = options.isAdmin ?? false;
    this.records = options.records;
    this.access = new AccountAccess(this.store, this.broker, this.userId);
    this.uploads = new UploadStore(options.uploadDir);
  }

  /** Closes every connection of this backend. */
  async close(): Promise<void> {
    this.stopWatcher();
    this.uploads.close();
    await this.pool?.close();
    this.pool = undefined;
  }

  /** Closes once the calls running now have finished: a backend dropped while a request still uses it. */
  async closeWhenIdle(): Promise<void> {
    while (this.running > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.close();
  }

  // --- plumbing
  private async call<K extends Operation, R>(
    op: K,
    input: unknown,
    options: CallOptions | undefined,
    run: (input: In<K>) => R | Promise<R>,
  ): Promise<R> {
    const signal = options?.signal;
    this.running++;
    try {
      if (signal?.aborted) throw abortError(signal);
      const parsed = parseInput(op, input ?? {}) as In<K>;
      const result = await run(parsed);
      if (signal?.aborted) throw abortError(signal);
      return result;
    } catch (error) {
      if (error instanceof MailError) throw error;
      if (signal?.aborted) throw abortError(signal);
      throw MailError.from(error);
    } finally {
      if (--this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private settings(): MailServerSettings {
    return this.access.settings();
  }

  private isPop3(): boolean {
    return this.access.stored()?.incoming.protocol === 'pop3';
  }

  private pop(): Pop3Mailbox {
    this.pop3 ??= new Pop3Mailbox(this.access, this.options);
    return this.pop3;
  }

  private requireImap(what: string): void {
    if (this.isPop3()) throw new MailError('unsupported', `A POP3 account has no ${what}: only the inbox exists.`);
  }

  /** Runs `run` on a pooled connection; the pool is rebuilt when the account's settings change. */
  private async imap<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
    this.settings();
    const key = this.access.settingsKey();
    if (!this.pool || this.poolKey !== key) {
      const old = this.pool;
      this.pool = new ImapPool(this.access, this.options);
      this.poolKey = key;
      void old?.close();
    }
    try {
      return await this.pool.use(run);
    } catch (error) {
      throw imapError(error);
    }
  }

  // --- capabilities and folders
  getCapabilities(input?: In<'getCapabilities'>, options?: CallOptions): Promise<Out<'getCapabilities'>> {
    return this.call('getCapabilities', input, options, async () => {
      const pop3 = this.isPop3();
      return {
        protocol: pop3 ? 'pop3' : 'imap',
        folders: !pop3,
        flags: !pop3,
        threads: !pop3,
        search: pop3 ? 'basic' : 'full',
        liveUpdates: pop3 ? 'poll' : 'push',
        oauth: true,
        links: true,
        maxAttachmentBytes: this.options.maxAttachmentBytes ?? 25 * 1024 * 1024,
        maxMessageBytes: this.options.maxMessageBytes ?? 35 * 1024 * 1024,
      } satisfies Capabilities;
    });
  }

  listFolders(input?: In<'listFolders'>, options?: CallOptions): Promise<Out<'listFolders'>> {
    return this.call('listFolders', input, options, async () => {
      if (this.isPop3()) return { items: [await this.pop().inboxFolder()] };
      return { items: await this.imap((client) => this.folders(client)) };
    });
  }

  private async folders(client: ImapFlow): Promise<Folder[]> {
    const list = await client.list({ statusQuery: { messages: true, unseen: true } });
    const byPath = new Map(list.map((entry) => [entry.path, entry]));
    const out = (entry: ListResponse): Folder => ({
      id: entry.path,
      name: oneLine(entry.name, 255) ?? entry.path,
      path: entry.path,
      delimiter: entry.delimiter ?? '/',
      parentId: entry.parentPath && byPath.has(entry.parentPath) ? entry.parentPath : null,
      role: roleOf(entry),
      unread: Math.min(entry.status?.unseen ?? 0, entry.status?.messages ?? 0),
      total: entry.status?.messages ?? 0,
      selectable: !entry.flags.has('\\Noselect') && !entry.flags.has('\\NonExistent'),
    });
    return orderFolders(list.map(out));
  }

  private async folderByRole(client: ImapFlow, role: FolderRole): Promise<ListResponse> {
    const list = await client.list();
    const found = list.find((entry) => roleOf(entry) === role);
    if (!found) throw new MailError('not-found', `This mailbox has no ${role} folder.`);
    return found;
  }

  private async folderEntry(client: ImapFlow, id: string): Promise<ListResponse> {
    const found = (await client.list()).find((entry) => entry.path === id);
    if (!found) throw notFound('There is no such folder.');
    return found;
  }

  createFolder(input: In<'createFolder'>, options?: CallOptions): Promise<Out<'createFolder'>> {
    return this.call('createFolder', input, options, ({ name, parentId }) => {
      this.requireImap('folders');
      return this.imap(async (client) => {
        const list = await client.list();
        let path = name;
        if (parentId) {
          const parent = list.find((entry) => entry.path === parentId);
          if (!parent) throw notFound('There is no such parent folder.');
          path = `${parent.path}${parent.delimiter ?? '/'}${name}`;
        }
        if (list.some((entry) => entry.path.toLowerCase() === path.toLowerCase())) {
          throw new MailError('conflict', `A folder named "${name}" already exists here.`, {
            issues: [{ path: ['name'], message: 'Already exists.' }],
          });
        }
        await client.mailboxCreate(path);
        await client.mailboxSubscribe(path).catch(() => undefined);
        return this.findFolder(client, path);
      });
    });
  }

  private async findFolder(client: ImapFlow, path: string): Promise<Folder> {
    const folder = (await this.folders(client)).find((candidate) => candidate.id === path);
    if (!folder) throw notFound('The folder disappeared.');
    return folder;
  }

  renameFolder(input: In<'renameFolder'>, options?: CallOptions): Promise<Out<'renameFolder'>> {
    return this.call('renameFolder', input, options, ({ folderId, name }) => {
      this.requireImap('folders');
      return this.imap(async (client) => {
        const entry = await this.folderEntry(client, folderId);
        if (roleOf(entry)) throw new MailError('forbidden', 'A system folder cannot be renamed.');
        const delimiter = entry.delimiter ?? '/';
        const path = entry.parentPath ? `${entry.parentPath}${delimiter}${name}` : name;
        if (
          path !== entry.path &&
          (await client.list()).some((other) => other.path.toLowerCase() === path.toLowerCase())
        ) {
          throw new MailError('conflict', `A folder named "${name}" already exists here.`, {
            issues: [{ path: ['name'], message: 'Already exists.' }],
          });
        }
        if (path !== entry.path) await client.mailboxRename(entry.path, path);
        return this.findFolder(client, path);
      });
    });
  }

  deleteFolder(input: In<'deleteFolder'>, options?: CallOptions): Promise<void> {
    return this.call('deleteFolder', input, options, ({ folderId }) => {
      this.requireImap('folders');
      return this.imap(async (client) => {
        const list = await client.list();
        const entry = list.find((candidate) => candidate.path === folderId);
        if (!entry) throw notFound('There is no such folder.');
        if (roleOf(entry)) throw new MailError('forbidden', 'A system folder cannot be deleted.');
        const prefix = entry.path + (entry.delimiter ?? '/');
        const descendants = list
          .filter((other) => other.path.startsWith(prefix))
          .sort((a, b) => b.path.length - a.path.length);
        for (const child of [...descendants, entry]) await client.mailboxDelete(child.path);
      });
    });
  }

  // --- listing
  listMessages(input: In<'listMessages'>, options?: CallOptions): Promise<Out<'listMessages'>> {
    return this.call('listMessages', input, options, (request) => {
      if (this.isPop3()) return this.pop().listMessages(request, (id) => this.linkedKeys().has(id));
      return this.imap(async (client) => {
        const lock = await lockFolder(client, request.folderId, true, 'There is no such folder.');
        try {
          const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : 0);
          const sort = request.sort ?? 'date-desc';
          const cursor = request.cursor ? decodeToken(request.cursor, isCursor) : undefined;
          if (cursor && (cursor.v !== uidValidity || cursor.s !== sort)) {
            throw invalid(['cursor'], 'The folder changed on the server: load the list again.');
          }
          let uids = await this.searchUids(client, request);
          let threading: ThreadView | undefined;
          if (request.threads || request.threadId !== undefined) {
            const threads =
              this.options.serverThreading !== false && canThread(client)
                ? await threadsOf(client)
                : await this.threadsByHeaders(client, request.folderId, uidValidity);
            threading = groupByThread(uids, threads, uidValidity, {
              ...(request.threadId !== undefined ? { threadId: request.threadId } : {}),
              heads: request.threads === true,
            });
            uids = threading.uids;
          }
          if (sort === 'date-desc') uids.reverse();
          const total = uids.length;
          if (cursor) uids = uids.filter((uid) => (sort === 'date-desc' ? uid < cursor.u : uid > cursor.u));
          const limit = request.limit ?? PAGE_SIZE_DEFAULT;
          const page = uids.slice(0, limit);
          let items = await this.summaries(client, request.folderId, uidValidity, page);
          if (threading) {
            const info = threading.info;
            items = items.map((item) => {
              const thread = info.get(parseId(item.id).uid);
              if (!thread) return item;
              return {
                ...item,
                threadId: thread.threadId,
                ...(request.threads ? { threadSize: thread.threadSize } : {}),
              };
            });
          }
          const last = page.at(-1);
          const nextCursor =
            uids.length > limit && last !== undefined
              ? encodeToken({ v: uidValidity, u: last, s: sort } satisfies CursorToken)
              : null;
          return { items, nextCursor, total };
        } finally {
          lock.release();
        }
      });
    });
  }

  /** FETCH for many UIDs of the open folder, in batches (`fetchBatchSize`) of consecutive runs. */
  private async *fetchBatched(
    client: ImapFlow,
    uids: readonly number[],
    query: FetchQueryObject,
  ): AsyncGenerator<FetchMessageObject> {
    for (const set of uidSets(uids, this.options.fetchBatchSize ?? FETCH_BATCH))
      yield* client.fetch(set, query, { uid: true });
  }

  /**
   * The open folder threaded from its messages' headers (a server without THREAD=REFERENCES). Headers never change
   * for a UID, so each message's are fetched once and kept for the folder's UIDVALIDITY; with none kept yet, the whole
   * folder is fetched as `1:*`, otherwise the missing UIDs in batches.
   */
  private async threadsByHeaders(client: ImapFlow, path: string, uidValidity: string): Promise<number[][]> {
    const key = `${uidValidity}:${path}`;
    const known = this.threadHeaders.get(key) ?? new Map<number, ThreadHeaders>();
    this.threadHeaders.delete(key);
    if (this.threadHeaders.size >= THREAD_CACHE_FOLDERS)
      this.threadHeaders.delete(this.threadHeaders.keys().next().value!);
    this.threadHeaders.set(key, known);
    const all = new Set((await client.search({ all: true }, { uid: true })) || []);
    for (const uid of known.keys()) if (!all.has(uid)) known.delete(uid);
    const missing = [...all].filter((uid) => !known.has(uid));
    if (missing.length) {
      const query = { uid: true, envelope: true, headers: ['references'] };
      const messages = known.size
        ? this.fetchBatched(client, missing, query)
        : client.fetch('1:*', query, { uid: true });
      for await (const message of messages) {
        const references = message.headers?.toString('utf8').replace(/^references:/i, '');
        known.set(message.uid, {
          uid: message.uid,
          messageId: message.envelope?.messageId,
          inReplyTo: message.envelope?.inReplyTo,
          references,
          subject: message.envelope?.subject,
        });
      }
    }
    return threadByHeaders([...known.values()]);
  }

  /** The UIDs of the open folder matching the filters, ascending. Strings travel as IMAP literals (data only). */
  private async searchUids(client: ImapFlow, request: In<'listMessages'>): Promise<number[]> {
    const query: SearchObject = {};
    const and: SearchObject[] = [];
    if (request.text)
      and.push({
        or: [
          { from: request.text },
          { to: request.text },
          { cc: request.text },
          { subject: request.text },
          { body: request.text },
        ],
      });
    if (request.from) query.from = request.from;
    if (request.to) query.to = request.to;
    if (request.subject) query.subject = request.subject;
    if (request.body) query.body = request.body;
    if (request.unseen !== undefined) query.seen = !request.unseen;
    if (request.flagged !== undefined) query.flagged = request.flagged;
    const since = request.since ? new Date(request.since) : undefined;
    const before = request.before ? new Date(request.before) : undefined;
    // IMAP dates are whole days: search a day wider and filter exactly below.
    if (since) query.sentSince = new Date(since.getTime() - 86_400_000);
    if (before) query.sentBefore = new Date(before.getTime() + 86_400_000);
    if (request.hasAttachment) query.header = { 'content-type': 'multipart' };
    const search: SearchObject = and.length
      ? { ...query, ...and[0] }
      : Object.keys(query).length
        ? query
        : { all: true };
    const found = await client.search(search, { uid: true });
    let uids = (found || []).sort((a, b) => a - b);
    if (uids.length && (since || before || request.hasAttachment !== undefined)) {
      const keep = new Set<number>();
      for await (const message of this.fetchBatched(client, uids, {
        uid: true,
        envelope: true,
        bodyStructure: true,
        internalDate: true,
      })) {
        const date = dateOf(message).getTime();
        if (since && date < since.getTime()) continue;
        if (before && date >= before.getTime()) continue;
        if (request.hasAttachment !== undefined && hasAttachments(message.bodyStructure) !== request.hasAttachment)
          continue;
        keep.add(message.uid);
      }
      uids = uids.filter((uid) => keep.has(uid));
    }
    return uids;
  }

  private async summaries(
    client: ImapFlow,
    folderId: string,
    uidValidity: string,
    uids: number[],
  ): Promise<MessageSummary[]> {
    return fetchSummaries(client, folderId, uidValidity, uids, uids.length ? this.linkedKeys() : new Set());
  }

  /** The keys (Message-ID, else message id) of the user's linked mails: shared, never changed by callers. */
  private linkedKeys(): ReadonlySet<string> {
    return this.store.memo(`linked\u0000${this.userId}`, () => {
      const rows = this.store.sql('SELECT DISTINCT message_key FROM links WHERE user_id = ?').all(this.userId) as {
        message_key: string;
      }[];
      return new Set(rows.map((row) => row.message_key));
    });
  }

  // --- one message
  /** Opens the message's folder and runs `run` with its UID, or answers not-found. */
  private withMessage<T>(
    id: string,
    run: (client: ImapFlow, ref: ParsedId) => Promise<T>,
    readOnly = true,
  ): Promise<T> {
    const ref = parseId(id);
    return this.imap(async (client) => {
      const lock = await lockFolder(client, ref.path, readOnly, 'There is no such message.', ref.uid);
      try {
        if (String(client.mailbox ? client.mailbox.uidValidity : '') !== ref.uidValidity)
          throw notFound('There is no such message.');
        return await run(client, ref);
      } finally {
        lock.release();
      }
    });
  }

  private async source(client: ImapFlow, ref: ParsedId): Promise<{ source: Buffer; message: FetchMessageObject }> {
    const message = await client.fetchOne(String(ref.uid), { ...SUMMARY_QUERY, source: true }, { uid: true });
    if (!message || !message.source) throw notFound('There is no such message.');
    return { source: message.source, message };
  }

  getMessage(input: In<'getMessage'>, options?: CallOptions): Promise<Out<'getMessage'>> {
    return this.call('getMessage', input, options, ({ id }) => {
      if (this.isPop3()) return this.pop().getMessage(id, this.linkedKeys());
      return this.withMessage(id, async (client, ref) => {
        const { source, message } = await this.source(client, ref);
        const summary = summaryOf(message, ref.path, ref.uidValidity, this.linkedKeys());
        return fullMessage(summary, source, message.bodyStructure);
      });
    });
  }

  getAttachment(input: In<'getAttachment'>, options?: CallOptions): Promise<Blob> {
    return this.call('getAttachment', input, options, async ({ id, attachmentId }) => {
      const limit = this.options.maxDownloadBytes ?? DOWNLOAD_LIMIT;
      const section = /^p(\d+(?:\.\d+)*)$/.exec(attachmentId)?.[1];
      if (section && !this.isPop3())
        return this.withMessage(id, (client, ref) => downloadPart(client, ref.uid, section, limit));
      // Attachments numbered in order (POP3, or a structure postal-mime reads differently): parse the source.
      const index = /^a(\d+)$/.exec(attachmentId);
      if (!index) throw notFound('There is no such attachment.');
      const source = this.isPop3()
        ? await this.pop().raw(id)
        : await this.withMessage(id, async (client, ref) => (await this.source(client, ref)).source);
      const parsed = await PostalMime.parse(source, { attachmentEncoding: 'arraybuffer' });
      const part = parsed.attachments[Number(index[1])];
      if (!part) throw notFound('There is no such attachment.');
      const bytes = typeof part.content === 'string' ? Buffer.from(part.content) : new Uint8Array(part.content);
      if (bytes.byteLength > limit) throw tooLarge(limit);
      return new File([bytes], part.filename || 'attachment', { type: part.mimeType || 'application/octet-stream' });
    });
  }

  getRawMessage(input: In<'getRawMessage'>, options?: CallOptions): Promise<Blob> {
    return this.call('getRawMessage', input, options, async ({ id }) => {
      const source = this.isPop3()
        ? await this.pop().raw(id)
        : await this.withMessage(id, async (client, ref) => (await this.source(client, ref)).source);
      return new Blob([new Uint8Array(source)], { type: 'message/rfc822' });
    });
  }

  // --- actions
  private groupByFolder(ids: readonly string[]): Map<string, ParsedId[]> {
    const groups = new Map<string, ParsedId[]>();
    for (const id of ids) {
      const ref = parseId(id);
      const list = groups.get(ref.path) ?? [];
      list.push(ref);
      groups.set(ref.path, list);
    }
    return groups;
  }

  /** Opens each folder of `ids` and runs `run` with the UIDs that still exist there. */
  private async perFolder(
    ids: readonly string[],
    run: (client: ImapFlow, path: string, refs: ParsedId[]) => Promise<void>,
  ): Promise<void> {
    const groups = this.groupByFolder(ids);
    await this.imap(async (client) => {
      for (const [path, refs] of groups) {
        const lock = await lockFolder(client, path, false, 'There is no such folder.');
        try {
          const validity = String(client.mailbox ? client.mailbox.uidValidity : '');
          const current = refs.filter((ref) => ref.uidValidity === validity);
          const existing = current.length
            ? await client.search({ uid: current.map((r) => r.uid).join(',') }, { uid: true })
            : [];
          const present = new Set(existing || []);
          const found = current.filter((ref) => present.has(ref.uid));
          if (found.length !== refs.length) throw notFound('Some of these messages no longer exist.');
          await run(client, path, found);
        } finally {
          lock.release();
        }
      }
    });
  }

  setFlags(input: In<'setFlags'>, options?: CallOptions): Promise<Out<'setFlags'>> {
    return this.call('setFlags', input, options, async ({ ids, flags }) => {
      this.requireImap('flags');
      const add: string[] = [];
      const remove: string[] = [];
      const names: Record<string, string> = {
        seen: '\\Seen',
        flagged: '\\Flagged',
        answered: '\\Answered',
        forwarded: '$Forwarded',
      };
      for (const [key, value] of Object.entries(flags)) {
        if (value === undefined || !names[key]) continue;
        (value ? add : remove).push(names[key]!);
      }
      let updated = 0;
      await this.perFolder(ids, async (client, _path, refs) => {
        const range = refs.map((ref) => ref.uid).join(',');
        if (add.length) await client.messageFlagsAdd(range, add, { uid: true });
        if (remove.length) await client.messageFlagsRemove(range, remove, { uid: true });
        updated += refs.length;
      });
      return { updated };
    });
  }

  moveMessages(input: In<'moveMessages'>, options?: CallOptions): Promise<Out<'moveMessages'>> {
    return this.call('moveMessages', input, options, async ({ ids, folderId }) => {
      this.requireImap('folders');
      await this.imap((client) => this.folderEntry(client, folderId));
      return { moved: await this.move(ids, folderId), deleted: [] };
    });
  }

  private async move(ids: readonly string[], target: string): Promise<{ from: string; to: string }[]> {
    const moved: { from: string; to: string }[] = [];
    await this.perFolder(ids, async (client, path, refs) => {
      const result = await client.messageMove(refs.map((ref) => ref.uid).join(','), target, { uid: true });
      if (!result) throw new MailError('server', 'The server did not move the messages.');
      const validity = String(result.uidValidity ?? '');
      for (const ref of refs) {
        const to = result.uidMap?.get(ref.uid);
        moved.push({
          from: formatId(ref),
          to: to ? formatId({ uidValidity: validity, uid: to, path: target }) : formatId(ref),
        });
      }
      void path;
    });
    return moved;
  }

  deleteMessages(input: In<'deleteMessages'>, options?: CallOptions): Promise<Out<'deleteMessages'>> {
    return this.call('deleteMessages', input, options, async ({ ids, permanent }) => {
      if (this.isPop3()) return this.pop().deleteMessages(ids);
      const trash = await this.imap((client) => this.folderByRole(client, 'trash'));
      const groups = this.groupByFolder(ids);
      const moved: { from: string; to: string }[] = [];
      const deleted: string[] = [];
      for (const [path, refs] of groups) {
        const group = refs.map(formatId);
        if (permanent || path === trash.path) {
          await this.perFolder(group, async (client, _p, found) => {
            await client.messageDelete(found.map((ref) => ref.uid).join(','), { uid: true });
          });
          deleted.push(...group);
        } else moved.push(...(await this.move(group, trash.path)));
      }
      return { moved, deleted };
    });
  }

  // --- compose
  listIdentities(input?: In<'listIdentities'>, options?: CallOptions): Promise<Out<'listIdentities'>> {
    return this.call('listIdentities', input, options, () => ({ items: this.identities() }));
  }

  private identities(): Address[] {
    const settings = this.settings();
    return [
      settings.displayName ? { name: settings.displayName, address: settings.email } : { address: settings.email },
    ];
  }

  private isOwn(address: Address | null | undefined): boolean {
    return !!address && this.identities().some((own) => own.address.toLowerCase() === address.address.toLowerCase());
  }

  suggestAddresses(input: In<'suggestAddresses'>, options?: CallOptions): Promise<Out<'suggestAddresses'>> {
    return this.call('suggestAddresses', input, options, async ({ query, limit }) => {
      const q = query.trim().toLowerCase();
      const max = limit ?? 10;
      const items: AddressSuggestion[] = [];
      const seen = new Set<string>();
      const matches = (a: { name?: string; address: string }) =>
        !q ||
        a.address.toLowerCase().startsWith(q) ||
        (a.name ?? '')
          .toLowerCase()
          .split(/\s+/)
          .some((w) => w.startsWith(q));
      const add = (suggestion: AddressSuggestion) => {
        const key = suggestion.address.toLowerCase();
        if (items.length >= max || seen.has(key) || !matches(suggestion)) return;
        seen.add(key);
        items.push(suggestion);
      };
      for (const address of await this.recentCorrespondents())
        if (!this.isOwn(address)) add({ ...address, source: 'recent' });
      for (const record of (await this.records?.search(undefined, query, 20)) ?? []) {
        if (record.email && isEmailAddress(record.email)) {
          add({
            name: record.title,
            address: record.email,
            source: 'record',
            record: { objectName: record.objectName, objectId: record.objectId, title: record.title },
          });
        }
      }
      for (const identity of this.identities()) add({ ...identity, source: 'identity' });
      return { items };
    });
  }

  private async recentCorrespondents(): Promise<Address[]> {
    if (this.isPop3()) return [];
    return this.imap(async (client) => {
      const out: Address[] = [];
      for (const role of ['inbox', 'sent'] as const) {
        const folder = await this.folderByRole(client, role).catch(() => undefined);
        if (!folder) continue;
        const lock = await lockFolder(client, folder.path, true, 'The folder disappeared.');
        try {
          const exists = client.mailbox ? client.mailbox.exists : 0;
          if (!exists) continue;
          const range = `${Math.max(1, exists - 199)}:*`;
          const messages = await client.fetchAll(range, { envelope: true });
          for (const message of messages.reverse()) {
            const envelope = message.envelope;
            const list = role === 'sent' ? [...(envelope?.to ?? []), ...(envelope?.cc ?? [])] : (envelope?.from ?? []);
            out.push(...cleanAddresses(list));
          }
        } finally {
          lock.release();
        }
      }
      return out;
    });
  }

  saveDraft(input: In<'saveDraft'>, options?: CallOptions): Promise<Out<'saveDraft'>> {
    return this.call('saveDraft', input, options, async (draft) => {
      this.requireImap('drafts folder');
      const raw = await this.compose(draft, {
        forDraft: true,
        messageId: `<${randomUUID()}@${domainOf(this.settings().email)}>`,
      });
      const savedAt = new Date();
      const id = await this.imap(async (client) => {
        const drafts = await this.folderByRole(client, 'drafts');
        const appended = await client.append(drafts.path, raw, ['\\Draft', '\\Seen'], savedAt);
        if (!appended || !appended.uid) throw new MailError('server', 'The server did not store the draft.');
        return formatId({ uidValidity: String(appended.uidValidity), uid: appended.uid, path: drafts.path });
      });
      if (draft.id) await this.removeDraft(draft.id).catch(() => undefined);
      return { id, savedAt: savedAt.toISOString() };
    });
  }

  private async removeDraft(id: string): Promise<void> {
    const ref = parseId(id);
    const drafts = await this.imap((client) => this.folderByRole(client, 'drafts'));
    if (ref.path !== drafts.path) throw notFound('There is no such draft.');
    await this.perFolder([id], async (client, _path, refs) => {
      await client.messageDelete(refs.map((r) => r.uid).join(','), { uid: true });
    });
  }

  getDraft(input: In<'getDraft'>, options?: CallOptions): Promise<Out<'getDraft'>> {
    return this.call('getDraft', input, options, async ({ id }) => {
      this.requireImap('drafts folder');
      const drafts = await this.imap((client) => this.folderByRole(client, 'drafts'));
      if (parseId(id).path !== drafts.path) throw notFound('There is no such draft.');
      const source = await this.withMessage(id, async (client, ref) => (await this.source(client, ref)).source);
      return this.draftFrom(id, source);
    });
  }

  private async draftFrom(id: string, source: Buffer): Promise<Draft> {
    const parsed = await PostalMime.parse(source, { attachmentEncoding: 'arraybuffer' });
    const header = (name: string) => parsed.headers.find((h) => h.key === name.toLowerCase())?.value;
    const attachments = parsed.attachments.map((part) =>
      this.storeUpload(
        part.filename || 'attachment',
        part.mimeType || 'application/octet-stream',
        typeof part.content === 'string' ? Buffer.from(part.content) : new Uint8Array(part.content),
        part.contentId?.replace(/^<|>$/g, ''),
        part.disposition === 'inline',
      ),
    );
    const draft: Draft = {
      id,
      to: cleanAddresses(parsed.to),
      cc: cleanAddresses(parsed.cc),
      bcc: cleanAddresses(parsed.bcc),
      subject: oneLine(parsed.subject) ?? '',
      attachments,
    };
    const from = cleanAddress(parsed.from);
    if (from) draft.from = from;
    if (parsed.text !== undefined) draft.text = parsed.text.replace(/\r\n/g, '\n').replace(/\n$/, '');
    if (parsed.html !== undefined) draft.html = parsed.html;
    if (parsed.inReplyTo) draft.inReplyTo = oneLine(parsed.inReplyTo);
    if (parsed.references) draft.references = parsed.references.split(/\s+/).filter(Boolean);
    const link = header(META_HEADERS.link);
    if (link) {
      try {
        const value = JSON.parse(Buffer.from(link, 'base64url').toString('utf8')) as {
          objectName: string;
          objectId: string;
        };
        draft.link = { objectName: String(value.objectName), objectId: String(value.objectId) };
      } catch {
        // an unreadable meta header is ignored
      }
    }
    const sourceMeta = header(META_HEADERS.source);
    const match = sourceMeta ? /^(reply|reply-all|forward) (.+)$/.exec(sourceMeta) : null;
    if (match) {
      draft.sourceMode = match[1] as Draft['sourceMode'];
      draft.sourceId = match[2]!;
    }
    return draft;
  }

  deleteDraft(input: In<'deleteDraft'>, options?: CallOptions): Promise<void> {
    return this.call('deleteDraft', input, options, ({ id }) => {
      this.requireImap('drafts folder');
      return this.removeDraft(id);
    });
  }

  prefillDraft(input: In<'prefillDraft'>, options?: CallOptions): Promise<Out<'prefillDraft'>> {
    return this.call('prefillDraft', input, options, async ({ id, mode, link, locale }) => {
      const source = await this.getMessage({ id }, {});
      const text = source.text ?? htmlToPlainText(source.html ?? '');
      const addressed = [...source.to, ...source.cc, ...(source.from ? [source.from] : [])];
      const identity =
        this.identities().find((own) => addressed.some((a) => a.address.toLowerCase() === own.address.toLowerCase())) ??
        this.identities()[0]!;
      const draft: Draft = {
        from: identity,
        bcc: [],
        attachments: mode === 'forward' ? await this.forwardedAttachments(id) : [],
        sourceId: source.id,
        sourceMode: mode,
        ...prefillFromSource({ ...source, text }, mode, (address) => this.isOwn(address), locale),
      };
      if (link) draft.link = { objectName: link.objectName, objectId: link.objectId };
      else {
        const links = source.messageId ? this.linksOf(source.messageId) : [];
        if (links.length === 1) draft.link = { objectName: links[0]!.objectName, objectId: links[0]!.objectId };
      }
      return draft;
    });
  }

  /** The original's attachments and inline parts, stored as uploads of the forwarding draft. */
  private async forwardedAttachments(id: string): Promise<Draft['attachments']> {
    const raw = this.isPop3()
      ? await this.pop().raw(id)
      : await this.withMessage(id, async (client, ref) => (await this.source(client, ref)).source);
    const parsed = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
    return parsed.attachments.map((part) =>
      this.storeUpload(
        part.filename || 'attachment',
        part.mimeType || 'application/octet-stream',
        typeof part.content === 'string' ? Buffer.from(part.content) : new Uint8Array(part.content),
        part.contentId?.replace(/^<|>$/g, ''),
        part.disposition === 'inline',
      ),
    );
  }

  private storeUpload(
    filename: string,
    contentType: string,
    bytes: Uint8Array,
    contentId?: string,
    inline?: boolean,
  ): UploadedAttachment {
    return uploadOut(this.uploads.fromBytes({ filename, contentType, contentId, inline }, bytes));
  }

  uploadAttachment(input: In<'uploadAttachment'>, options: UploadOptions = {}): Promise<Out<'uploadAttachment'>> {
    return this.call('uploadAttachment', input, options, async ({ file, filename }) => {
      const max = this.options.maxAttachmentBytes ?? 25 * 1024 * 1024;
      if (file.size > max) throw invalid(['file'], `The file is larger than ${max} bytes.`);
      const name = filename ?? (file instanceof File ? file.name : '') ?? 'attachment';
      const meta = { filename: name || 'attachment', contentType: file.type || 'application/octet-stream' };
      const upload = await this.uploads.fromStream(meta, file.stream(), max);
      options.onProgress?.({ loaded: upload.size, total: upload.size });
      return uploadOut(upload);
    });
  }

  /** The RFC 5322 message for a draft. Every header value is checked data; nodemailer encodes it. */
  private async compose(draft: Draft, options: { forDraft: boolean; messageId: string; date?: Date }): Promise<Buffer> {
    const from = draft.from ?? this.identities()[0]!;
    // Every upload is looked up before any file is opened, so a missing one leaves no stream behind.
    const uploads = draft.attachments.map((attachment, index) => {
      const upload = this.uploads.get(attachment.id);
      if (!upload) throw invalid(['attachments', index], 'This attachment is no longer available: attach it again.');
      return upload;
    });
    const streams = uploads.map((upload) => this.uploads.content(upload));
    try {
      const attachments = uploads.map((upload, index) => ({
        filename: upload.filename,
        content: streams[index]!,
        contentType: upload.contentType,
        ...(upload.contentId ? { cid: upload.contentId } : {}),
        ...(upload.inline ? { contentDisposition: 'inline' as const } : {}),
      }));
      const headers: Record<string, string> = {};
      if (options.forDraft && draft.link)
        headers[META_HEADERS.link] = Buffer.from(JSON.stringify(draft.link)).toString('base64url');
      if (options.forDraft && draft.sourceId && draft.sourceMode)
        headers[META_HEADERS.source] = `${draft.sourceMode} ${draft.sourceId}`;
      const mail = new MailComposer({
        from: formatAddress(from),
        to: draft.to.map(formatAddress),
        cc: draft.cc.map(formatAddress),
        bcc: draft.bcc.map(formatAddress),
        subject: draft.subject,
        text: draft.text,
        html: draft.html,
        attachments,
        messageId: options.messageId,
        date: options.date ?? new Date(),
        inReplyTo: draft.inReplyTo,
        references: draft.references,
        headers,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      const node = mail.compile();
      (node as unknown as { keepBcc: boolean }).keepBcc = options.forDraft;
      return await node.build();
    } finally {
      // Read to the end they are closed already; after a failure this closes the files still open.
      for (const stream of streams) stream.destroy();
    }
  }

  sendMessage(input: In<'sendMessage'>, options?: CallOptions): Promise<Out<'sendMessage'>> {
    return this.call('sendMessage', input, options, async ({ draft, idempotencyKey }) => {
      if (!draft.to.length && !draft.cc.length && !draft.bcc.length)
        throw invalid(['draft', 'to'], 'Add at least one recipient.');
      const from = draft.from ?? this.identities()[0]!;
      if (!this.isOwn(from))
        throw invalid(['draft', 'from'], `You cannot send as ${from.address}; choose one of your addresses.`);
      const settings = this.settings();
      let messageId = `<${randomUUID()}@${domainOf(settings.email)}>`;
      if (idempotencyKey) {
        const row = this.store
          .sql('SELECT message_id, result FROM sends WHERE user_id = ? AND idem_key = ?')
          .get(this.userId, idempotencyKey) as { message_id: string; result: string | null } | undefined;
        if (row?.result) return JSON.parse(row.result) as Out<'sendMessage'>;
        // A retry of a send that failed half-way keeps its Message-ID, so the recipient can recognise it.
        if (row) messageId = row.message_id;
        else
          this.store
            .sql('INSERT INTO sends (user_id, idem_key, message_id, created) VALUES (?, ?, ?, ?)')
            .run(this.userId, idempotencyKey, messageId, Date.now());
      }
      const date = new Date();
      const raw = await this.compose({ ...draft, from }, { forDraft: false, messageId, date });
      const max = this.options.maxMessageBytes ?? 35 * 1024 * 1024;
      if (raw.byteLength > max)
        throw invalid(
          ['draft', 'attachments'],
          `The message is ${raw.byteLength} bytes; the limit is ${max}. Remove some attachments.`,
        );
      const recipients = [...draft.to, ...draft.cc, ...draft.bcc].map((a) => a.address);
      await this.smtp(settings, (transport) =>
        transport.sendMail({ envelope: { from: from.address, to: recipients }, raw }),
      );
      let sentId: string | undefined;
      if (!this.isPop3()) {
        sentId = await this.imap(async (client) => {
          const sent = await this.folderByRole(client, 'sent');
          const appended = await client.append(sent.path, raw, ['\\Seen'], date);
          return appended && appended.uid
            ? formatId({ uidValidity: String(appended.uidValidity), uid: appended.uid, path: sent.path })
            : undefined;
        }).catch(() => undefined);
        if (draft.id) await this.removeDraft(draft.id).catch(() => undefined);
        if (draft.sourceId) {
          const flag = draft.sourceMode === 'forward' ? { forwarded: true } : { answered: true };
          await this.setFlags({ ids: [draft.sourceId], flags: flag }).catch(() => undefined);
        }
      }
      if (draft.link)
        this.addLinkRecord(messageId, sentId ?? messageId, draft.link.objectName, draft.link.objectId, '');
      const result = { messageId, ...(sentId ? { sentId } : {}), sentAt: date.toISOString() };
      if (idempotencyKey)
        this.store
          .sql('UPDATE sends SET result = ? WHERE user_id = ? AND idem_key = ?')
          .run(JSON.stringify(result), this.userId, idempotencyKey);
      return result;
    });
  }

  /** Runs `run` with an SMTP transport; a refused OAuth token is refreshed once, then `unauthorized`. */
  private async smtp<T>(
    settings: MailServerSettings,
    run: (transport: ReturnType<typeof createSmtpTransport>) => Promise<T>,
    password?: string | null,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const transport = createSmtpTransport(
        settings,
        await this.access.credentials(settings, attempt > 0, password),
        this.options,
      );
      try {
        return await run(transport);
      } catch (error) {
        if (isAuthFailure(error)) {
          if (settings.auth === 'oauth' && attempt === 0) continue;
          throw new MailError('unauthorized', 'The outgoing server refused the credentials.', { cause: error });
        }
        const e = error as { responseCode?: number; response?: string };
        if (e.responseCode && e.responseCode >= 500) {
          throw new MailError(
            'validation',
            `The outgoing server refused the message: ${oneLine(e.response, 300) ?? e.responseCode}`,
            { cause: error },
          );
        }
        throw connectionError(error);
      } finally {
        transport.close();
      }
    }
  }

  // --- live updates
  subscribe(listener: MailboxListener, options: SubscribeOptions = {}): Promise<Unsubscribe> {
    return this.call('subscribe', {}, options, async () => {
      if (this.isPop3()) throw new MailError('unsupported', 'A POP3 account has no live updates; poll instead.');
      this.listeners.add(listener);
      try {
        await this.startWatcher();
      } catch (error) {
        this.listeners.delete(listener);
        throw error instanceof MailError ? error : imapError(error);
      }
      let active = true;
      const unsubscribe = () => {
        if (!active) return;
        active = false;
        this.listeners.delete(listener);
        if (!this.listeners.size) this.stopWatcher();
      };
      options.signal?.addEventListener('abort', unsubscribe, { once: true });
      return unsubscribe;
    });
  }

  private emit(change: MailboxChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // one listener's failure is not another's
      }
    }
  }

  /** One IDLE connection on the inbox per backend, shared by all subscribers; reconnects with backoff. */
  private startWatcher(): Promise<void> {
    if (this.watcher) return this.watcher.started;
    let stopped = false;
    let failures = 0;
    let current: ImapFlow | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const quit = (client: ImapFlow) => void client.logout().catch(() => client.close());
    const open = async (): Promise<ImapFlow> => {
      const client = await connectImap(this.access, this.options, {
        disableAutoIdle: false,
        autoIdleDelay: 100,
        maxIdleTime: 60_000,
      } as never);
      const inbox = await this.folderByRole(client, 'inbox');
      await client.mailboxOpen(inbox.path, { readOnly: true });
      let uidNext = client.mailbox ? client.mailbox.uidNext : 1;
      const validity = String(client.mailbox ? client.mailbox.uidValidity : '');
      let busy = Promise.resolve();
      client.on('exists', () => {
        busy = busy
          .then(async () => {
            const uids = ((await client.search({ uid: `${uidNext}:*` }, { uid: true })) || [])
              .filter((uid) => uid >= uidNext)
              .sort((a, b) => a - b);
            for (const message of await this.summaries(client, inbox.path, validity, uids)) {
              uidNext = Math.max(uidNext, parseId(message.id).uid + 1);
              this.emit({ type: 'message-added', folderId: inbox.path, message });
            }
          })
          .catch(() => this.emit({ type: 'resync', folderId: inbox.path }));
      });
      client.on('expunge', () => this.emit({ type: 'resync', folderId: inbox.path }));
      client.on('flags', (event: { uid?: number; flags: Set<string> }) => {
        if (event.uid)
          this.emit({
            type: 'message-updated',
            folderId: inbox.path,
            id: formatId({ uidValidity: validity, uid: event.uid, path: inbox.path }),
            flags: flagsOf(event.flags),
          });
      });
      client.on('close', () => {
        if (stopped) return;
        failures++;
        retry = setTimeout(
          () => {
            if (stopped) return;
            open().then(
              (next) => {
                // Stopped while connecting: this connection is nobody's.
                if (stopped) return quit(next);
                failures = 0;
                current = next;
                this.emit({ type: 'resync', folderId: inbox.path });
              },
              () => client.emit('close'),
            );
          },
          Math.min(30_000, 250 * 2 ** failures),
        );
      });
      void client.idle().catch(() => undefined);
      return client;
    };
    const stop = () => {
      stopped = true;
      clearTimeout(retry);
      if (current) quit(current);
      current = undefined;
    };
    const started = open().then(
      (client) => {
        if (stopped) return quit(client);
        current = client;
      },
      (error: unknown) => {
        if (this.watcher?.stop === stop) this.watcher = undefined;
        throw error;
      },
    );
    this.watcher = { started, stop };
    return started;
  }

  private stopWatcher(): void {
    const watcher = this.watcher;
    this.watcher = undefined;
    watcher?.stop();
  }

  // --- account
  private accountState(): Out<'getAccount'> {
    const settings = this.access.stored();
    return settings ? { configured: true, settings } : { configured: false, settings: null };
  }

  getAccount(input?: In<'getAccount'>, options?: CallOptions): Promise<Out<'getAccount'>> {
    return this.call('getAccount', input, options, () => this.accountState());
  }

  saveAccount(input: In<'saveAccount'>, options?: CallOptions): Promise<Out<'saveAccount'>> {
    return this.call('saveAccount', input, options, (settings) => {
      const { password, ...rest } = settings;
      this.store.set(this.userId, 'account', rest);
      if (password !== undefined) this.store.setSecret(this.userId, 'account:password', password);
      this.pop3 = undefined;
      return this.accountState();
    });
  }

  testConnection(input: In<'testConnection'>, options?: CallOptions): Promise<Out<'testConnection'>> {
    return this.call('testConnection', input, options, async ({ target, settings: candidate }) => {
      const started = Date.now();
      const stored = this.store.get<Omit<MailServerSettings, 'passwordSet'>>(this.userId, 'account');
      const settings = candidate
        ? ({ ...withoutPassword(candidate), passwordSet: true } as MailServerSettings)
        : stored
          ? { ...stored, passwordSet: true }
          : undefined;
      if (!settings) throw new MailError('validation', 'Save the mail server settings first.');
      const password = candidate?.password;
      const result = (
        ok: boolean,
        message: string,
        failure?: ConnectionTestResult['failure'],
        detail?: string,
      ): ConnectionTestResult => ({
        target,
        ok,
        message,
        durationMs: Date.now() - started,
        ...(failure ? { failure } : {}),
        ...(detail ? { detail: detail.slice(0, 500) } : {}),
      });
      try {
        if (target === 'outgoing') {
          await this.smtp(settings, (transport) => transport.verify(), password);
          return result(true, `Connected to ${settings.outgoing.host} and signed in.`);
        }
        if (settings.incoming.protocol === 'pop3') {
          await new Pop3Mailbox(this.access, this.options).test(settings, password);
        } else {
          const credentials = await this.access.credentials(settings, false, password);
          const client = createImapClient(settings, credentials, this.options);
          client.on('error', () => undefined);
          try {
            await client.connect();
          } finally {
            await client.logout().catch(() => client.close());
          }
        }
        return result(true, `Connected to ${settings.incoming.host} and signed in.`);
      } catch (error) {
        const [failure, message] = describeFailure(error, settings, target);
        return result(false, message, failure, error instanceof Error ? error.message : undefined);
      }
    });
  }

  // --- oauth
  listEndpoints(input?: In<'listEndpoints'>, options?: CallOptions): Promise<Out<'listEndpoints'>> {
    return this.call('listEndpoints', input, options, () => ({ items: this.broker.listEndpoints() }));
  }
  saveEndpoint(input: In<'saveEndpoint'>, options?: CallOptions): Promise<Out<'saveEndpoint'>> {
    return this.call('saveEndpoint', input, options, (endpoint) => this.broker.saveEndpoint(endpoint));
  }
  deleteEndpoint(input: In<'deleteEndpoint'>, options?: CallOptions): Promise<void> {
    return this.call('deleteEndpoint', input, options, ({ endpointId }) => this.broker.deleteEndpoint(endpointId));
  }
  getAppSettings(input?: In<'getAppSettings'>, options?: CallOptions): Promise<Out<'getAppSettings'>> {
    return this.call('getAppSettings', input, options, () => this.broker.getAppSettings());
  }
  saveAppSettings(input: In<'saveAppSettings'>, options?: CallOptions): Promise<Out<'saveAppSettings'>> {
    return this.call('saveAppSettings', input, options, (settings) => this.broker.saveAppSettings(settings));
  }
  beginAuthorization(input: In<'beginAuthorization'>, options?: CallOptions): Promise<Out<'beginAuthorization'>> {
    return this.call('beginAuthorization', input, options, ({ endpointId, loginHint }) =>
      this.broker.begin(this.userId, endpointId, loginHint),
    );
  }
  completeAuthorization(
    input: In<'completeAuthorization'>,
    options?: CallOptions,
  ): Promise<Out<'completeAuthorization'>> {
    return this.call('completeAuthorization', input, options, (request) => this.broker.complete(this.userId, request));
  }
  getAuthorizationStatus(
    input: In<'getAuthorizationStatus'>,
    options?: CallOptions,
  ): Promise<Out<'getAuthorizationStatus'>> {
    return this.call('getAuthorizationStatus', input, options, ({ endpointId }) =>
      this.broker.status(this.userId, endpointId),
    );
  }
  revokeAuthorization(input: In<'revokeAuthorization'>, options?: CallOptions): Promise<Out<'revokeAuthorization'>> {
    return this.call('revokeAuthorization', input, options, ({ endpointId }) =>
      this.broker.revoke(this.userId, endpointId),
    );
  }

  // --- privacy
  private policy(): Out<'getRemoteContentPolicy'> {
    const rows = this.store
      .sql('SELECT sender FROM trusted_senders WHERE user_id = ? ORDER BY rowid')
      .all(this.userId) as { sender: string }[];
    return { allowedSenders: rows.map((row) => row.sender) };
  }
  getRemoteContentPolicy(
    input?: In<'getRemoteContentPolicy'>,
    options?: CallOptions,
  ): Promise<Out<'getRemoteContentPolicy'>> {
    return this.call('getRemoteContentPolicy', input, options, () => this.policy());
  }
  allowRemoteContent(input: In<'allowRemoteContent'>, options?: CallOptions): Promise<Out<'allowRemoteContent'>> {
    return this.call('allowRemoteContent', input, options, ({ sender }) => {
      this.store.sql('INSERT OR IGNORE INTO trusted_senders (user_id, sender) VALUES (?, ?)').run(this.userId, sender);
      return this.policy();
    });
  }
  revokeRemoteContent(input: In<'revokeRemoteContent'>, options?: CallOptions): Promise<Out<'revokeRemoteContent'>> {
    return this.call('revokeRemoteContent', input, options, ({ sender }) => {
      this.store.sql('DELETE FROM trusted_senders WHERE user_id = ? AND sender = ?').run(this.userId, sender);
      return this.policy();
    });
  }

  // --- module
  private async moduleStatus(): Promise<Out<'getModuleStatus'>> {
    let unread = 0;
    if (this.store.get(this.userId, 'account')) {
      unread = this.isPop3()
        ? 0
        : await this.imap(async (client) => {
            const inbox = await this.folderByRole(client, 'inbox');
            const status = await client.status(inbox.path, { unseen: true });
            return (status && status.unseen) || 0;
          }).catch(() => 0);
    }
    return { enabled: this.store.get<boolean>(GLOBAL_USER, 'moduleEnabled') ?? false, canManage: this.isAdmin, unread };
  }
  getModuleStatus(input?: In<'getModuleStatus'>, options?: CallOptions): Promise<Out<'getModuleStatus'>> {
    return this.call('getModuleStatus', input, options, () => this.moduleStatus());
  }
  setModuleEnabled(input: In<'setModuleEnabled'>, options?: CallOptions): Promise<Out<'setModuleEnabled'>> {
    return this.call('setModuleEnabled', input, options, ({ enabled }) => {
      if (!this.isAdmin)
        throw new MailError('forbidden', 'Only an administrator can enable or disable the webmail module.');
      this.store.set(GLOBAL_USER, 'moduleEnabled', enabled);
      return this.moduleStatus();
    });
  }

  // --- links
  private linkConfig(objectName: string): ObjectLinkConfig | undefined {
    const row = this.store
      .sql('SELECT data FROM link_configs WHERE user_id = ? AND object_name = ?')
      .get(GLOBAL_USER, objectName) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as ObjectLinkConfig) : undefined;
  }
  listLinkConfigs(input?: In<'listLinkConfigs'>, options?: CallOptions): Promise<Out<'listLinkConfigs'>> {
    return this.call('listLinkConfigs', input, options, () => {
      const rows = this.store
        .sql('SELECT data FROM link_configs WHERE user_id = ? ORDER BY object_name')
        .all(GLOBAL_USER) as { data: string }[];
      return { items: rows.map((row) => JSON.parse(row.data) as ObjectLinkConfig) };
    });
  }
  saveLinkConfig(input: In<'saveLinkConfig'>, options?: CallOptions): Promise<Out<'saveLinkConfig'>> {
    return this.call('saveLinkConfig', input, options, (config) => {
      this.store
        .sql(
          'INSERT INTO link_configs (user_id, object_name, data) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data',
        )
        .run(GLOBAL_USER, config.objectName, JSON.stringify(config));
      return config;
    });
  }
  deleteLinkConfig(input: In<'deleteLinkConfig'>, options?: CallOptions): Promise<void> {
    return this.call('deleteLinkConfig', input, options, ({ objectName }) => {
      if (!this.linkConfig(objectName)) throw notFound('There is no such link configuration.');
      this.store.sql('DELETE FROM link_configs WHERE user_id = ? AND object_name = ?').run(GLOBAL_USER, objectName);
    });
  }
  previewLinkConfig(input: In<'previewLinkConfig'>, options?: CallOptions): Promise<Out<'previewLinkConfig'>> {
    return this.call('previewLinkConfig', input, options, async (config) => {
      const records = ((await this.records?.search(config.objectName, '', 50)) ?? []).filter((r) => r.email);
      let mails = 0;
      for (const record of records.slice(0, 20)) mails += (await this.recordHits(record, config, undefined)).length;
      return { records: records.length, mails };
    });
  }
  searchRecords(input: In<'searchRecords'>, options?: CallOptions): Promise<Out<'searchRecords'>> {
    return this.call('searchRecords', input, options, async ({ objectName, query, limit }) => ({
      items: ((await this.records?.search(objectName, query, limit ?? 20)) ?? []).slice(0, limit ?? 20),
    }));
  }

  /**
   * Where the mails that involve a record are (its address, or its domain when the configuration says so) in the
   * inbox, Sent and Archive: folder, UID and date only, newest first, ties broken by id. Cheap enough to run for every
   * page; the summaries are fetched for the page alone.
   */
  private async recordHits(
    record: RecordRef,
    config: ObjectLinkConfig,
    text: string | undefined,
  ): Promise<RecordHit[]> {
    const email = record.email?.toLowerCase();
    if (!email || this.isPop3()) return [];
    const byDomain = config.filterByDomain && !config.ignoredDomains.includes(domainOf(email));
    const needle = byDomain ? `@${domainOf(email)}` : email;
    return this.imap(async (client) => {
      const hits: RecordHit[] = [];
      for (const role of RECORD_ROLES) {
        const folder = await this.folderByRole(client, role).catch(() => undefined);
        if (!folder) continue;
        const lock = await lockFolder(client, folder.path, true, 'The folder disappeared.');
        try {
          const query: SearchObject = { or: [{ from: needle }, { to: needle }, { cc: needle }] };
          if (text) query.text = text;
          const uids = (await client.search(query, { uid: true })) || [];
          if (!uids.length) continue;
          const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : '');
          for await (const message of this.fetchBatched(client, uids, {
            uid: true,
            envelope: true,
            internalDate: true,
          })) {
            const ref = { uidValidity, uid: message.uid, path: folder.path };
            hits.push({ ref, role, id: formatId(ref), time: dateOf(message).getTime() });
          }
        } finally {
          lock.release();
        }
      }
      return hits.sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    });
  }

  /** The record mails of `hits`, in their order. */
  private async recordMails(record: RecordRef, hits: readonly RecordHit[]): Promise<RecordMail[]> {
    const linked = this.linkedKeys();
    const own = this.links(record.objectName, record.objectId);
    const byId = new Map<string, MessageSummary>();
    const byFolder = new Map<string, RecordHit[]>();
    for (const hit of hits) byFolder.set(hit.ref.path, [...(byFolder.get(hit.ref.path) ?? []), hit]);
    await this.imap(async (client) => {
      for (const [path, group] of byFolder) {
        const lock = await lockFolder(client, path, true, 'The folder disappeared.');
        try {
          const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : '');
          const current = group.filter((hit) => hit.ref.uidValidity === uidValidity).map((hit) => hit.ref.uid);
          for (const summary of await fetchSummaries(client, path, uidValidity, current, linked))
            byId.set(summary.id, summary);
        } finally {
          lock.release();
        }
      }
    });
    return hits.flatMap((hit) => {
      const summary = byId.get(hit.id);
      if (!summary) return [];
      const key = summary.messageId ?? summary.id;
      return [
        {
          ...summary,
          direction: hit.role === 'sent' || this.isOwn(summary.from) ? 'sent' : 'received',
          linkedToRecord: own.has(key),
          linked: linked.has(key),
        } satisfies RecordMail,
      ];
    });
  }

  listRecordMails(input: In<'listRecordMails'>, options?: CallOptions): Promise<Out<'listRecordMails'>> {
    return this.call('listRecordMails', input, options, async (request) => {
      const record = (await this.records?.get(request.objectName, request.objectId)) ?? null;
      const config = this.linkConfig(request.objectName);
      if (!config) return { configured: false, record, matchedOn: null, items: [], nextCursor: null, total: 0 };
      if (!record) throw notFound(`There is no ${request.objectName} record "${request.objectId}".`);
      const email = record.email?.toLowerCase() ?? null;
      const byDomain = !!email && config.filterByDomain && !config.ignoredDomains.includes(domainOf(email));
      // A cursor is the last mail shown (date and id) and belongs to one record and search: new mail does not shift
      // the pages after it, and a cursor of another list is refused.
      const key = createHash('sha256')
        .update(`${request.objectName}\u0000${request.objectId}\u0000${request.text ?? ''}`)
        .digest('base64url')
        .slice(0, 16);
      const cursor = request.cursor ? decodeToken(request.cursor, isRecordCursor) : undefined;
      if (cursor && cursor.k !== key) throw invalid(['cursor'], 'This cursor belongs to another list: load it again.');
      const hits = await this.recordHits(record, config, request.text);
      const after = cursor
        ? hits.filter((hit) => hit.time < cursor.t || (hit.time === cursor.t && hit.id < cursor.i))
        : hits;
      const limit = request.limit ?? PAGE_SIZE_DEFAULT;
      const page = after.slice(0, limit);
      const last = page.at(-1);
      return {
        configured: true,
        record,
        matchedOn: email ? (byDomain ? domainOf(email) : email) : null,
        items: await this.recordMails(record, page),
        nextCursor:
          after.length > limit && last
            ? encodeToken({ t: last.time, i: last.id, k: key } satisfies RecordCursor)
            : null,
        total: hits.length,
      };
    });
  }

  private links(objectName: string, objectId: string): Set<string> {
    const rows = this.store
      .sql('SELECT message_key FROM links WHERE user_id = ? AND object_name = ? AND object_id = ?')
      .all(this.userId, objectName, objectId) as { message_key: string }[];
    return new Set(rows.map((row) => row.message_key));
  }

  private linksOf(key: string): MessageLink[] {
    const rows = this.store
      .sql('SELECT * FROM links WHERE user_id = ? AND message_key = ? ORDER BY linked_at')
      .all(this.userId, key) as {
      message_id: string;
      object_name: string;
      object_id: string;
      file_name: string;
      linked_at: string;
    }[];
    return rows.map((row) => ({
      messageId: row.message_id,
      objectName: row.object_name,
      objectId: row.object_id,
      fileName: row.file_name,
      linkedAt: row.linked_at,
    }));
  }

  private addLinkRecord(key: string, id: string, objectName: string, objectId: string, fileName: string): void {
    this.store
      .sql(
        'INSERT OR REPLACE INTO links (user_id, message_key, message_id, object_name, object_id, file_name, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(this.userId, key, id, objectName, objectId, fileName, new Date().toISOString());
  }

  linkMessages(input: In<'linkMessages'>, options?: CallOptions): Promise<Out<'linkMessages'>> {
    return this.call('linkMessages', input, options, async ({ ids, objectName, objectId }) => {
      const config = this.linkConfig(objectName);
      if (!config) throw invalid(['objectName'], `There is no link configuration for ${objectName}.`);
      const folder = resolveLinkFolder(config.folderPath, this.options.linkBaseDir);
      const items: MessageLink[] = [];
      for (const id of ids) {
        const message = await this.getMessage({ id });
        const raw = this.isPop3()
          ? await this.pop().raw(id)
          : await this.withMessage(id, async (client, ref) => (await this.source(client, ref)).source);
        const key = message.messageId ?? message.id;
        const existing = this.linksOf(key).find((link) => link.objectName === objectName && link.objectId === objectId);
        if (existing) {
          items.push(existing);
          continue;
        }
        const name =
          safeFileName(`${message.date.slice(0, 10)} ${message.subject || 'message'}`.slice(0, 100)) + '.eml';
        const fileName = writeNewFile(folder, name, raw);
        this.addLinkRecord(key, message.id, objectName, objectId, fileName);
        items.push(...this.linksOf(key).filter((link) => link.objectName === objectName && link.objectId === objectId));
      }
      return { items };
    });
  }

  unlinkMessage(input: In<'unlinkMessage'>, options?: CallOptions): Promise<void> {
    return this.call('unlinkMessage', input, options, async ({ id, objectName, objectId }) => {
      const message = await this.getMessage({ id });
      const key = message.messageId ?? message.id;
      const link = this.linksOf(key).find((l) => l.objectName === objectName && l.objectId === objectId);
      if (!link) throw notFound('This message is not linked to that record.');
      this.store
        .sql('DELETE FROM links WHERE user_id = ? AND message_key = ? AND object_name = ? AND object_id = ?')
        .run(this.userId, key, objectName, objectId);
      const config = this.linkConfig(objectName);
      if (config && link.fileName && this.options.deleteLinkedFiles)
        removeFile(resolveLinkFolder(config.folderPath, this.options.linkBaseDir), link.fileName);
    });
  }

  listMessageLinks(input: In<'listMessageLinks'>, options?: CallOptions): Promise<Out<'listMessageLinks'>> {
    return this.call('listMessageLinks', input, options, async ({ id }) => {
      const message = await this.getMessage({ id });
      return { items: this.linksOf(message.messageId ?? message.id) };
    });
  }
}

// --- helpers
export function parseId(id: string): ParsedId {
  const match = /^(\d+):(\d+):(.+)$/s.exec(id);
  if (!match) throw notFound('There is no such message.');
  return { uidValidity: match[1]!, uid: Number(match[2]), path: match[3]! };
}

function isRecordCursor(value: unknown): value is RecordCursor {
  const v = value as RecordCursor;
  return (
    typeof v === 'object' && v !== null && Number.isFinite(v.t) && typeof v.i === 'string' && typeof v.k === 'string'
  );
}

function isCursor(value: unknown): value is CursorToken {
  const v = value as CursorToken;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.v === 'string' &&
    Number.isInteger(v.u) &&
    (v.s === 'date-desc' || v.s === 'date-asc')
  );
}

/**
 * Opens a folder for one operation. A folder the server refuses to open (missing, or a container only) is `notFound`
 * with `missing` as its message; a broken connection stays a connection error. A pooled connection that already has
 * the folder open is brought up to date first (NOOP): the server tells it of new and removed mail only after a
 * command, so a SEARCH or FETCH would otherwise answer from the folder as it was. With `uid`, the operation is on that
 * one message, and a connection that already knows it skips the NOOP.
 */
async function lockFolder(
  client: ImapFlow,
  path: string,
  readOnly: boolean,
  missing: string,
  uid?: number,
): Promise<{ release(): void }> {
  const open = client.mailbox;
  // One message this connection already knows of needs no news (a removed one is simply not found).
  const reused =
    !!open && open.path === path && !!open.readOnly === readOnly && !(uid !== undefined && uid < (open.uidNext ?? 0));
  let lock;
  try {
    lock = await client.getMailboxLock(path, { readOnly });
  } catch (error) {
    const e = error as { responseStatus?: string; mailboxMissing?: boolean };
    if (e?.mailboxMissing || e?.responseStatus === 'NO' || e?.responseStatus === 'BAD') throw notFound(missing);
    throw error;
  }
  if (reused) {
    try {
      await client.noop();
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  return lock;
}

function roleOf(entry: ListResponse): FolderRole | null {
  if (entry.path.toUpperCase() === 'INBOX') return 'inbox';
  return (entry.specialUse && SPECIAL_USE[entry.specialUse]) || null;
}

function withoutPassword(input: MailServerSettingsInput): Omit<MailServerSettingsInput, 'password'> {
  const { password: _password, ...rest } = input;
  return rest;
}

function imapError(error: unknown): MailError {
  if (error instanceof MailError) return error;
  const e = error as { serverResponseCode?: string; responseText?: string; message?: string };
  if (e?.serverResponseCode === 'NONEXISTENT') return notFound('There is no such folder.');
  if (e?.serverResponseCode === 'ALREADYEXISTS')
    return new MailError('conflict', 'A folder with this name already exists.');
  if (e?.serverResponseCode === 'CANNOT')
    return new MailError('validation', oneLine(e.responseText, 300) ?? 'The server cannot do this.');
  return connectionError(error);
}

function describeFailure(
  error: unknown,
  settings: MailServerSettings,
  target: 'incoming' | 'outgoing',
): [ConnectionTestResult['failure'], string] {
  const host = target === 'incoming' ? settings.incoming.host : settings.outgoing.host;
  const e = (error ?? {}) as { code?: string; message?: string };
  const text = `${e.code ?? ''} ${e.message ?? ''}`;
  if (error instanceof MailError && error.code === 'unauthorized') {
    return settings.auth === 'oauth'
      ? ['authorize-again', 'The OAuth authorization was refused: authorize the mailbox again.']
      : ['auth-failed', 'The server refused the user name or password. Check them and try again.'];
  }
  if (isAuthFailure(error))
    return ['auth-failed', 'The server refused the user name or password. Check them and try again.'];
  if (/ENOTFOUND|EAI_AGAIN/.test(text))
    return ['host-not-found', `The host ${host} was not found. Check the server name.`];
  if (/ECONNREFUSED/.test(text))
    return ['refused', `${host} refused the connection. Check the port and the security setting.`];
  if (/CERT|self[- ]signed|UNABLE_TO_VERIFY/i.test(text))
    return ['certificate', `The certificate of ${host} is not trusted.`];
  if (/TLS|SSL|wrong version/i.test(text))
    return [
      'tls',
      `The secure connection to ${host} failed. Check the security setting (TLS or STARTTLS) and the port.`,
    ];
  if (/TIMEOUT|timed? ?out/i.test(text))
    return ['timeout', `${host} did not answer in time. Check the host, the port and any firewall.`];
  return ['unknown', `The connection to ${host} failed.`];
}

/**
 * A POP3 account (node-pop3): only the inbox, ids from UIDL, a cursor that is the last UIDL seen, no flags and no
 * folders (capabilities say so; those operations answer `unsupported`). XOAUTH2 goes as a raw `AUTH XOAUTH2`.
 */
import { createHash } from 'node:crypto';
import Pop3Command from 'node-pop3';
import PostalMime from 'postal-mime';
import {
  MailError,
  PAGE_SIZE_DEFAULT,
  snippetOf,
  type Folder,
  type MailServerSettings,
  type Message,
  type MessageSummary,
  type OperationInput as In,
  type OperationOutput as Out,
} from '../core/index.js';
import { tlsFor, type AccountAccess, type ConnectionOptions, type Credentials } from './connection.js';
import { fullMessage, htmlHeadToText } from './message.js';
import {
  cleanAddress,
  cleanAddresses,
  connectionError,
  decodeToken,
  encodeToken,
  isAuthFailure,
  notFound,
  oneLine,
} from './util.js';

type Session = InstanceType<typeof Pop3Command>;

const INBOX = 'INBOX';
const PREFIX = 'pop:';
/** Body lines read with TOP for a list row: the headers and enough of the first text part for a snippet. */
const PREVIEW_LINES = 40;
/**
 * List rows remembered by mailbox and UIDL (a POP3 message never changes, so a row is read from the server once). A
 * UIDL is unique only within one mailbox, so the key names the mailbox too.
 */
const MAX_CACHED_ROWS = 5000;

/** What a list row keeps of a message; `linked` is worked out per listing. */
type Row = Omit<MessageSummary, 'linked'>;

export class Pop3Mailbox {
  private readonly rows = new Map<string, Row>();

  constructor(
    private readonly access: AccountAccess,
    private readonly options: ConnectionOptions,
  ) {}

  private async open(settings: MailServerSettings, credentials: Credentials): Promise<Session> {
    const { host, port, security } = settings.incoming;
    if (security === 'starttls') {
      throw new MailError(
        'unsupported',
        'POP3 with STARTTLS is not supported here: use implicit TLS (usually port 995).',
      );
    }
    const session = new Pop3Command({
      host,
      port,
      tls: security === 'tls',
      tlsOptions: tlsFor(host, this.options.tls),
      timeout: this.options.socketTimeoutMs ?? 60_000,
      user: credentials.user,
      password: credentials.pass ?? '',
    });
    if (credentials.accessToken) {
      await session.connect();
      const sasl = Buffer.from(`user=${credentials.user}\x01auth=Bearer ${credentials.accessToken}\x01\x01`).toString(
        'base64',
      );
      await session.command('AUTH', `XOAUTH2 ${sasl}`);
      session._PASSInfo = 'XOAUTH2';
    } else {
      await session.UIDL();
    }
    return session;
  }

  /**
   * A session with the stored credentials; a refused OAuth token is refreshed once. `mailbox` names the mailbox the
   * session reads (the account's settings and the user signed in), for the row cache.
   */
  private async use<T>(run: (session: Session, mailbox: string) => Promise<T>): Promise<T> {
    const settings = this.access.settings();
    for (let attempt = 0; ; attempt++) {
      let session: Session | undefined;
      let mailbox: string;
      try {
        const credentials = await this.access.credentials(settings, attempt > 0);
        mailbox = createHash('sha256')
          .update(`${this.access.settingsKey()}\u0000${credentials.user}`)
          .digest('base64url');
        session = await this.open(settings, credentials);
      } catch (error) {
        if (isAuthFailure(error) || /-ERR/.test(String((error as Error)?.message))) {
          if (settings.auth === 'oauth' && attempt === 0) continue;
          throw new MailError('unauthorized', 'The POP3 server refused the credentials.', { cause: error });
        }
        throw connectionError(error);
      }
      try {
        const result = await run(session, mailbox);
        await session.QUIT();
        return result;
      } catch (error) {
        await session.QUIT().catch(() => undefined);
        throw error instanceof MailError ? error : connectionError(error);
      }
    }
  }

  async test(settings: MailServerSettings, password?: string | null): Promise<void> {
    const session = await this.open(settings, await this.access.credentials(settings, false, password));
    await session.QUIT();
  }

  private static async uidls(session: Session): Promise<{ number: number; uidl: string }[]> {
    const list = (await session.UIDL()) as string[][];
    return list.map(([number, uidl]) => ({ number: Number(number), uidl: String(uidl) }));
  }

  async inboxFolder(): Promise<Folder> {
    const total = await this.use(async (session) => (await Pop3Mailbox.uidls(session)).length);
    return {
      id: INBOX,
      name: 'Inbox',
      path: INBOX,
      delimiter: '/',
      parentId: null,
      role: 'inbox',
      unread: 0,
      total,
      selectable: true,
    };
  }

  private static row(uidl: string, size: number, parsed: Awaited<ReturnType<typeof PostalMime.parse>>): Row {
    const messageId = oneLine(parsed.messageId);
    const date = parsed.date ? new Date(parsed.date) : new Date(0);
    const contentType = parsed.headers.find((header) => header.key === 'content-type')?.value ?? '';
    return {
      id: PREFIX + uidl,
      folderId: INBOX,
      ...(messageId ? { messageId } : {}),
      from: cleanAddress(parsed.from),
      to: cleanAddresses(parsed.to),
      cc: cleanAddresses(parsed.cc),
      subject: oneLine(parsed.subject) ?? '',
      snippet:
        parsed.text !== undefined ? snippetOf(parsed.text) : parsed.html ? snippetOf(htmlHeadToText(parsed.html)) : '',
      date: (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString(),
      size,
      flags: { seen: false, flagged: false, answered: false, forwarded: false, draft: false },
      hasAttachments:
        /^multipart\/mixed/i.test(contentType) || parsed.attachments.some((part) => part.disposition === 'attachment'),
    };
  }

  private static summary(row: Row, linked: (id: string) => boolean): MessageSummary {
    return { ...row, linked: linked(row.messageId ?? '') || linked(row.id) };
  }

  /**
   * The list row of one message: the headers and the first lines of its body (TOP), parsed, so the row has its
   * snippet; read from the server once per mailbox and UIDL.
   */
  private async listRow(
    session: Session,
    mailbox: string,
    entry: { number: number; uidl: string },
    size: number,
  ): Promise<Row> {
    const key = `${mailbox}\u0000${entry.uidl}`;
    const cached = this.rows.get(key);
    if (cached) return cached;
    const head = await session.TOP(entry.number, PREVIEW_LINES);
    const row = Pop3Mailbox.row(entry.uidl, size, await PostalMime.parse(head));
    if (this.rows.size >= MAX_CACHED_ROWS) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(key, row);
    return row;
  }

  async listMessages(request: In<'listMessages'>, linked: (id: string) => boolean): Promise<Out<'listMessages'>> {
    if (request.folderId !== INBOX) throw notFound('A POP3 account has only the inbox.');
    if (request.threads || request.threadId !== undefined) {
      throw new MailError('unsupported', 'A POP3 account cannot group messages into conversations.');
    }
    if (request.unseen !== undefined || request.flagged !== undefined) {
      throw new MailError('unsupported', 'A POP3 account keeps no read or flagged state.');
    }
    const sort = request.sort ?? 'date-desc';
    const cursor = request.cursor
      ? decodeToken(request.cursor, (v): v is { u: string } => typeof (v as { u?: unknown })?.u === 'string')
      : undefined;
    return this.use(async (session, mailbox) => {
      let all = await Pop3Mailbox.uidls(session);
      if (sort === 'date-desc') all.reverse();
      const filtering = !!(
        request.text ||
        request.from ||
        request.to ||
        request.subject ||
        request.since ||
        request.before ||
        request.hasAttachment !== undefined
      );
      if (cursor) {
        const index = all.findIndex((entry) => entry.uidl === cursor.u);
        if (index < 0)
          throw new MailError('validation', 'The inbox changed on the server: load the list again.', {
            issues: [{ path: ['cursor'], message: 'Stale cursor.' }],
          });
        all = all.slice(index + 1);
      }
      const limit = request.limit ?? PAGE_SIZE_DEFAULT;
      const sizes = await Pop3Mailbox.sizes(session);
      const items: MessageSummary[] = [];
      let last: string | undefined;
      for (const entry of all) {
        if (items.length >= limit) break;
        const summary = Pop3Mailbox.summary(
          await this.listRow(session, mailbox, entry, sizes.get(entry.number) ?? 0),
          linked,
        );
        last = entry.uidl;
        if (filtering && !matches(summary, request)) continue;
        items.push(summary);
      }
      const more = last !== undefined && all.findIndex((entry) => entry.uidl === last) < all.length - 1;
      return {
        items,
        nextCursor: more ? encodeToken({ u: last }) : null,
        ...(filtering ? {} : { total: all.length + (cursor ? 0 : 0) }),
      };
    });
  }

  /** Message sizes in octets by message number (LIST). */
  private static async sizes(session: Session): Promise<Map<number, number>> {
    const list = (await session.LIST()) as string[][];
    return new Map(list.map(([number, size]) => [Number(number), Number(size)]));
  }

  async raw(id: string): Promise<Buffer> {
    if (!id.startsWith(PREFIX)) throw notFound('There is no such message.');
    const uidl = id.slice(PREFIX.length);
    return this.use(async (session) => {
      const entry = (await Pop3Mailbox.uidls(session)).find((candidate) => candidate.uidl === uidl);
      if (!entry) throw notFound('There is no such message.');
      return Buffer.from(await session.RETR(entry.number), 'utf8');
    });
  }

  async getMessage(id: string, linked: ReadonlySet<string>): Promise<Message> {
    const raw = await this.raw(id);
    const parsed = await PostalMime.parse(raw);
    const summary = Pop3Mailbox.summary(Pop3Mailbox.row(id.slice(PREFIX.length), raw.length, parsed), (key) =>
      linked.has(key),
    );
    return fullMessage(summary, raw);
  }

  async deleteMessages(ids: readonly string[]): Promise<Out<'deleteMessages'>> {
    return this.use(async (session) => {
      const all = await Pop3Mailbox.uidls(session);
      const deleted: string[] = [];
      for (const id of ids) {
        const entry = all.find((candidate) => PREFIX + candidate.uidl === id);
        if (!entry) throw notFound('Some of these messages no longer exist.');
        await session.DELE(entry.number);
        deleted.push(id);
      }
      return { moved: [], deleted };
    });
  }
}

function matches(m: MessageSummary, request: In<'listMessages'>): boolean {
  const has = (value: string, needle: string | undefined) =>
    !needle || value.toLowerCase().includes(needle.toLowerCase());
  const from = `${m.from?.name ?? ''} ${m.from?.address ?? ''}`;
  const to = m.to.map((a) => `${a.name ?? ''} ${a.address}`).join(' ');
  const time = Date.parse(m.date);
  return (
    has(from, request.from) &&
    has(to, request.to) &&
    has(m.subject, request.subject) &&
    (!request.text || has(`${from} ${to} ${m.subject}`, request.text)) &&
    (!request.since || time >= Date.parse(request.since)) &&
    (!request.before || time < Date.parse(request.before)) &&
    (request.hasAttachment === undefined || m.hasAttachments === request.hasAttachment)
  );
}

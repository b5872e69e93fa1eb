// ImapMailBackend against real Dovecot: list snippets from part previews, attachments fetched by IMAP section with a
// download limit, conversations by THREAD=REFERENCES, and a record's mails paged by a keyset cursor.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import PostalMime from 'postal-mime';
import type { MessageSummary, ObjectLinkConfig } from '../../src/core/index.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UploadStore } from '../../src/node/uploads.js';
import { deliverRaw, mailServers, newMailbox, tempDir, type ServersState, rejects } from './support.js';
import { createFixture, providerControl, type Fixture, type FixtureOptions } from './test-server.js';

const servers = await mailServers();
const skip = servers === null ? 'MAIL_SERVERS=skip' : false;
const USER = { id: 'local', admin: true };

/** A raw message; `headers` come first, so a test can add threading headers or a transfer encoding. */
function raw(subject: string, body: string, headers: Record<string, string> = {}): string {
  return [
    'From: "Ana Pérez" <ana@customer.example>',
    'To: someone@example.test',
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${randomBytes(8).toString('hex')}@test.example>`,
    'MIME-Version: 1.0',
    ...Object.entries({ 'Content-Type': 'text/plain; charset=utf-8', ...headers }).map(([k, v]) => `${k}: ${v}`),
    '',
    body,
    '',
  ].join('\r\n');
}

describe('ImapMailBackend with Dovecot', { skip }, () => {
  const s = servers as ServersState;
  const fixtures: Fixture[] = [];
  const fixture = async (options?: FixtureOptions) => {
    const created = await createFixture(s, options);
    fixtures.push(created);
    return created;
  };
  after(async () => {
    await Promise.all(fixtures.map((f) => f.server.close()));
    await providerControl(s, { tokenTtl: 3600 });
  });

  describe('list snippets', () => {
    it('previews the text part of every kind of message without marking anything read', async () => {
      const f = await fixture();
      const backend = f.server.backendFor(USER);
      const unread = async () => (await backend.listFolders()).items.find((folder) => folder.role === 'inbox')!.unread;
      const before = await unread();
      assert.ok(before > 0, 'the seeded inbox has unread mail');
      const page = await backend.listMessages({ folderId: 'INBOX', limit: 200 });
      assert.equal(await unread(), before, 'listing read nothing');
      assert.equal(page.items.length, 130);
      for (const item of page.items) {
        const message = await backend.getMessage({ id: item.id });
        assert.ok(item.snippet.length > 0, `a snippet for "${item.subject}"`);
        assert.equal(item.snippet, message.snippet, `the snippet of "${item.subject}"`);
      }
    });

    it('undoes quoted-printable and legacy charsets, and looks past the head of an HTML message', async () => {
      const f = await fixture({ empty: true });
      const backend = f.server.backendFor(USER);
      deliverRaw(
        s,
        f.mailbox.user,
        raw('Latin', "Caf=E9 cr=E8me, s'=\r\nil vous pla=EEt.", {
          'Content-Type': 'text/plain; charset=iso-8859-1',
          'Content-Transfer-Encoding': 'quoted-printable',
        }),
      );
      const style = `<style>${'p { color: #123456; }\n'.repeat(150)}</style>`;
      deliverRaw(
        s,
        f.mailbox.user,
        raw('Styled', `<html><head>${style}</head><body><p>Hello &amp; welcome</p></body></html>`, {
          'Content-Type': 'text/html; charset=utf-8',
        }),
      );
      const items = (await backend.listMessages({ folderId: 'INBOX' })).items;
      assert.deepEqual(
        items.map((item) => [item.subject, item.snippet]),
        [
          ['Styled', 'Hello & welcome'],
          ['Latin', "Café crème, s'il vous plaît."],
        ],
      );
    });
  });

  describe('pooled connections', () => {
    it('see mail that arrived after they opened the folder, for a listing and for one message', async () => {
      const f = await fixture({ empty: true });
      const backend = f.server.backendFor(USER);
      assert.equal((await backend.listMessages({ folderId: 'INBOX' })).total, 0, 'the folder is open and empty');
      const added = new Promise<MessageSummary>((resolve) => {
        void backend.subscribe((change) => {
          if (change.type === 'message-added') resolve(change.message);
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      deliverRaw(s, f.mailbox.user, raw('Just in', 'Fresh from the wire.'));
      const pushed = await added;
      assert.equal(pushed.snippet, 'Fresh from the wire.');
      assert.equal((await backend.getMessage({ id: pushed.id })).subject, 'Just in');
      deliverRaw(s, f.mailbox.user, raw('Then this', 'Second.'));
      const listed = await backend.listMessages({ folderId: 'INBOX' });
      assert.deepEqual(
        listed.items.map((item) => item.subject),
        ['Then this', 'Just in'],
      );
    });
  });

  describe('attachments', () => {
    it('fetches each attachment by its IMAP section, byte for byte, and refuses one over the limit', async () => {
      const limit = 20_000;
      const f = await fixture({ maxDownloadBytes: limit });
      const backend = f.server.backendFor(USER);
      const withFiles = (await backend.listMessages({ folderId: 'INBOX', hasAttachment: true, limit: 200 })).items;
      let served = 0;
      let refused = 0;
      for (const summary of withFiles) {
        const message = await backend.getMessage({ id: summary.id });
        const source = new Uint8Array(await (await backend.getRawMessage({ id: summary.id })).arrayBuffer());
        const parsed = await PostalMime.parse(source, { attachmentEncoding: 'arraybuffer' });
        assert.equal(message.attachments.length, parsed.attachments.length);
        for (const [index, attachment] of message.attachments.entries()) {
          assert.match(attachment.id, /^p\d+(\.\d+)*$/, 'an IMAP section');
          const expected = Buffer.from(parsed.attachments[index]!.content as ArrayBuffer);
          if (expected.byteLength > limit) {
            const error = await rejects(
              backend.getAttachment({ id: message.id, attachmentId: attachment.id }),
              'unsupported',
            );
            assert.match(error.message, /download limit/);
            refused++;
            continue;
          }
          const blob = await backend.getAttachment({ id: message.id, attachmentId: attachment.id });
          assert.equal(blob.size, attachment.size);
          assert.ok(Buffer.from(await blob.arrayBuffer()).equals(expected), `the bytes of ${attachment.filename}`);
          assert.equal(blob.type, attachment.contentType);
          served++;
        }
      }
      assert.ok(served > 0 && refused > 0, `served ${served}, refused ${refused}`);
      const first = withFiles[0]!.id;
      await rejects(backend.getAttachment({ id: first, attachmentId: 'p9' }), 'not-found');
      await rejects(backend.getAttachment({ id: first, attachmentId: 'p1.9.9' }), 'not-found');
      await rejects(backend.getAttachment({ id: first, attachmentId: 'x1' }), 'not-found');
    });
  });

  describe('conversations', () => {
    for (const serverThreading of [true, false]) {
      const how = serverThreading ? 'by THREAD=REFERENCES' : 'from headers (a server without THREAD)';
      it(`groups ${how}, newest message first, and lists one conversation by its id`, async () => {
        await conversationsGrouped(serverThreading);
      });
    }

    /** Every conversation of the inbox, as the sorted Message-IDs of its members. */
    const conversations = async (f: Fixture) => {
      const backend = f.server.backendFor(USER);
      const page = await backend.listMessages({ folderId: 'INBOX', threads: true, limit: 200 });
      const groups = await Promise.all(
        page.items.map(async (head) => {
          const members = await backend.listMessages({ folderId: 'INBOX', threadId: head.threadId!, limit: 200 });
          return members.items.map((item) => item.messageId ?? item.subject).sort();
        }),
      );
      return groups.map((group) => group.join(' | ')).sort();
    };

    it('threads from headers as the server does: the same conversations in the seeded inbox', async () => {
      const byServer = await fixture();
      const byHeaders = await fixture({ serverThreading: false });
      const expected = await conversations(byServer);
      assert.ok(
        expected.some((group) => group.includes(' | ')),
        'the seeded inbox has conversations',
      );
      assert.deepEqual(await conversations(byHeaders), expected);
    });

    it('fetches the headers of the whole folder at once, then of new mail in batches of UIDs', async (t) => {
      const byServer = await fixture();
      const byHeaders = await fixture({ serverThreading: false, fetchBatchSize: 7 });
      const headerFetches: string[] = [];
      const fetch = ImapFlow.prototype.fetch;
      t.mock.method(ImapFlow.prototype, 'fetch', function (this: ImapFlow, ...args: Parameters<typeof fetch>) {
        if (args[1].headers) headerFetches.push(String(args[0]));
        return fetch.apply(this, args);
      });
      assert.deepEqual(await conversations(byHeaders), await conversations(byServer));
      assert.deepEqual(headerFetches.splice(0), ['1:*'], 'nothing known yet: one FETCH for the folder');
      // 20 new messages (UIDs 131 to 150), half of them replies in the seeded conversations.
      const seeded = (await byServer.server.backendFor(USER).listMessages({ folderId: 'INBOX', limit: 200 })).items;
      for (let index = 0; index < 20; index++) {
        const parent = index % 2 === 0 ? seeded[index]!.messageId : undefined;
        const message = raw(`New mail ${index}`, 'New.', parent ? { 'In-Reply-To': parent, References: parent } : {});
        for (const f of [byServer, byHeaders]) deliverRaw(s, f.mailbox.user, message);
      }
      assert.deepEqual(await conversations(byHeaders), await conversations(byServer));
      assert.deepEqual(headerFetches, ['131:137', '138:144', '145:150']);
    });

    async function conversationsGrouped(serverThreading: boolean): Promise<void> {
      const f = await fixture({ empty: true, serverThreading });
      const backend = f.server.backendFor(USER);
      assert.equal((await backend.getCapabilities()).threads, true);
      const start = raw('Quarterly plan', 'First.', { 'Message-ID': '<plan-1@test.example>' });
      const reply = raw('Re: Quarterly plan', 'Second.', {
        'Message-ID': '<plan-2@test.example>',
        'In-Reply-To': '<plan-1@test.example>',
        References: '<plan-1@test.example>',
      });
      const other = raw('Lunch on Friday?', 'Elsewhere.');
      const last = raw('Re: Re: Quarterly plan', 'Third.', {
        'Message-ID': '<plan-3@test.example>',
        'In-Reply-To': '<plan-2@test.example>',
        References: '<plan-1@test.example> <plan-2@test.example>',
      });
      for (const message of [start, reply, other, last])
        deliverRaw(s, f.mailbox.user, message.replace(/^Message-ID: .*\r\n(?=[\s\S]*^Message-ID:)/m, ''));
      const threads = await backend.listMessages({ folderId: 'INBOX', threads: true });
      assert.deepEqual(
        threads.items.map((item) => [item.subject, item.threadSize]),
        [
          ['Re: Re: Quarterly plan', 3],
          ['Lunch on Friday?', 1],
        ],
      );
      assert.equal(threads.total, 2);
      const [plan, lunch] = threads.items;
      assert.notEqual(plan!.threadId, lunch!.threadId);
      const conversation = await backend.listMessages({ folderId: 'INBOX', threadId: plan!.threadId! });
      assert.deepEqual(
        conversation.items.map((item) => item.subject),
        ['Re: Re: Quarterly plan', 'Re: Quarterly plan', 'Quarterly plan'],
      );
      assert.ok(conversation.items.every((item) => item.threadId === plan!.threadId));
      // Paged by thread heads: no thread twice, none lost.
      const first = await backend.listMessages({ folderId: 'INBOX', threads: true, limit: 1 });
      const second = await backend.listMessages({
        folderId: 'INBOX',
        threads: true,
        limit: 1,
        cursor: first.nextCursor!,
      });
      assert.deepEqual(
        [...first.items, ...second.items].map((item) => item.threadId),
        [plan!.threadId, lunch!.threadId],
      );
      assert.equal(second.nextCursor, null);
      // Filters apply to the members: the conversation counts only what matches.
      const filtered = await backend.listMessages({ folderId: 'INBOX', threads: true, body: 'First' });
      assert.deepEqual(
        filtered.items.map((item) => [item.subject, item.threadSize, item.threadId]),
        [['Quarterly plan', 1, plan!.threadId]],
      );
    }

    it('says a POP3 account cannot group conversations', async () => {
      const f = await fixture({ protocol: 'pop3', empty: true });
      const backend = f.server.backendFor(USER);
      assert.equal((await backend.getCapabilities()).threads, false);
      await rejects(backend.listMessages({ folderId: 'INBOX', threads: true }), 'unsupported');
    });
  });

  describe('POP3', () => {
    const doveadm = (...args: string[]) => execFileSync('doveadm', ['-c', s.config, ...args], { encoding: 'utf8' });

    it('lists no row of the mailbox it read before the account changed to another', async () => {
      const f = await fixture({ protocol: 'pop3', empty: true });
      const backend = f.server.backendFor(USER);
      deliverRaw(s, f.mailbox.user, raw('In the first mailbox', 'First.'));
      const first = (await backend.listMessages({ folderId: 'INBOX' })).items;
      assert.deepEqual(
        first.map((item) => item.subject),
        ['In the first mailbox'],
      );
      const other = await newMailbox(s, { empty: true });
      deliverRaw(s, other.user, raw('In the second mailbox', 'Second.'));
      // The first mailbox's UIDVALIDITY, so both have the same UIDLs: a UIDL is unique only within one mailbox.
      const uidValidity = doveadm('-f', 'flow', 'mailbox', 'status', '-u', f.mailbox.user, 'uidvalidity', 'INBOX');
      doveadm('mailbox', 'update', '-u', other.user, '--uid-validity', uidValidity.replace(/\D/g, ''), 'INBOX');
      // The same user changes the account elsewhere (here: as a non-administrator, which is another backend).
      await f.server.backendFor({ id: USER.id }).saveAccount({
        preset: 'custom',
        incoming: { protocol: 'pop3', host: s.host, port: s.ports.pop3s, security: 'tls' },
        outgoing: { host: s.host, port: s.ports.submission, security: 'starttls' },
        userName: other.user,
        email: other.user,
        displayName: 'Other User',
        auth: 'password',
        oauthEndpointId: null,
        password: other.password,
      });
      const second = (await backend.listMessages({ folderId: 'INBOX' })).items;
      assert.deepEqual(
        second.map((item) => item.id),
        first.map((item) => item.id),
        'the same UIDL in both mailboxes',
      );
      assert.deepEqual(
        second.map((item) => item.subject),
        ['In the second mailbox'],
      );
    });
  });

  describe('uploads', () => {
    /** Every file under `dir`, however deep. */
    const filesIn = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name));

    it('keeps uploads on disk until sent, refuses an oversized one with a field issue, and cleans up', async () => {
      const uploadDir = tempDir('me-uploads-');
      const f = await fixture({ uploadDir });
      const backend = f.server.backendFor(USER);
      const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.bin');
      const refused = await rejects(backend.uploadAttachment({ file: big }), 'validation');
      assert.equal(refused.status, 400);
      assert.deepEqual(
        refused.issues.map((issue) => issue.path),
        [['file']],
      );
      assert.deepEqual(filesIn(uploadDir), [], 'nothing kept of a refused upload');
      const bytes = randomBytes(300_000);
      const upload = await backend.uploadAttachment({ file: new File([bytes], 'report.bin') });
      const [stored] = filesIn(uploadDir);
      assert.ok(stored, 'the upload waits on disk');
      assert.deepEqual(readFileSync(stored), bytes);
      assert.equal(statSync(stored).mode & 0o777, 0o600);
      const draft = await backend.saveDraft({
        to: [{ address: f.mailbox.user }],
        cc: [],
        bcc: [],
        subject: 'With an attachment from disk',
        text: 'See attached.',
        attachments: [upload],
      });
      const saved = await backend.getDraft({ id: draft.id });
      const source = await PostalMime.parse(await (await backend.getRawMessage({ id: draft.id })).arrayBuffer());
      assert.equal(saved.attachments.length, 1);
      assert.deepEqual(Buffer.from(source.attachments[0]!.content as ArrayBuffer), bytes);
      await backend.close();
      assert.deepEqual(filesIn(uploadDir), [], 'closing the backend removes its uploads');
    });

    it(
      'leaves no file open when a send names an attachment that is no longer there',
      {
        skip: !existsSync('/proc/self/fd') && 'no /proc/self/fd to count open files',
      },
      async () => {
        const f = await fixture({ empty: true });
        const backend = f.server.backendFor(USER);
        const upload = await backend.uploadAttachment({ file: new File([randomBytes(1000)], 'kept.bin') });
        const expired = { ...upload, id: 'up-expired' };
        const draft = {
          to: [{ address: f.mailbox.user }],
          cc: [],
          bcc: [],
          subject: 'Two files, one gone',
          text: 'See attached.',
          attachments: [upload, upload, expired],
        };
        const openFiles = async () => {
          // A file stream opens its file a moment after it is made.
          await new Promise((resolve) => setTimeout(resolve, 100));
          return readdirSync('/proc/self/fd').length;
        };
        const before = await openFiles();
        for (let attempt = 0; attempt < 20; attempt++) {
          const error = await rejects(backend.sendMessage({ draft }), 'validation');
          assert.deepEqual(error.issues[0]?.path, ['attachments', 2]);
        }
        const leaked = (await openFiles()) - before;
        assert.ok(leaked < 5, `${leaked} more files open after 20 refused sends`);
      },
    );

    it('stops a streamed upload at the limit and leaves no file behind', async () => {
      const uploadDir = tempDir('me-uploads-');
      const store = new UploadStore(uploadDir);
      const chunk = new Uint8Array(64 * 1024);
      let sent = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const error = await rejects(
        store.fromStream({ filename: 'x.bin', contentType: 'application/octet-stream' }, endless, 1024 * 1024),
        'validation',
      );
      assert.deepEqual(error.issues[0]?.path, ['file']);
      assert.ok(sent < 4 * 1024 * 1024, `reading stopped near the limit (${sent} bytes read)`);
      assert.deepEqual(filesIn(uploadDir), []);
      store.close();
    });
  });

  describe("a record's mails", () => {
    const config: ObjectLinkConfig = {
      objectName: 'customers',
      primaryKey: 'id',
      emailField: 'email',
      filterByDomain: true,
      ignoredDomains: ['gmail.com'],
      folderPath: '/var/mail-links/customers',
    };

    it('pages by a cursor that new mail does not shift, and refuses a cursor of another list', async () => {
      const f = await fixture();
      const backend = f.server.backendFor(USER);
      await backend.saveLinkConfig(config);
      let best = { objectId: '', total: 0, email: '' };
      for (const record of f.mailbox.records) {
        const page = await backend.listRecordMails({ objectName: 'customers', objectId: record.objectId, limit: 1 });
        if ((page.total ?? 0) > best.total)
          best = { objectId: record.objectId, total: page.total!, email: record.email! };
      }
      assert.ok(best.total >= 4, `a record with several mails (${best.total})`);
      const request = { objectName: 'customers', objectId: best.objectId };
      const all = (await backend.listRecordMails({ ...request, limit: 200 })).items.map((m) => m.id);
      assert.equal(all.length, best.total);
      const paged: string[] = [];
      let cursor: string | undefined;
      let afterTwo: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await backend.listRecordMails({ ...request, limit: 2, ...(cursor ? { cursor } : {}) });
        paged.push(...page.items.map((m) => m.id));
        cursor = page.nextCursor ?? undefined;
        if (pages === 0) afterTwo = cursor;
        if (!cursor) break;
      }
      assert.deepEqual(paged, all, 'every mail once, newest first');
      // New mail from the record arrives: the next page after the first is what it was.
      deliverRaw(
        s,
        f.mailbox.user,
        raw('Fresh news', 'New.').replace('ana@customer.example', best.email).replace('Ana Pérez', 'Record'),
      );
      const next = await backend.listRecordMails({ ...request, limit: 2, cursor: afterTwo! });
      assert.deepEqual(
        next.items.map((m) => m.id),
        all.slice(2, 4),
      );
      assert.equal(next.total, best.total + 1);
      const other = f.mailbox.records.find((record) => record.objectId !== best.objectId)!;
      await rejects(
        backend.listRecordMails({ objectName: 'customers', objectId: other.objectId, cursor: afterTwo! }),
        'validation',
      );
      await rejects(backend.listRecordMails({ ...request, text: 'x', cursor: afterTwo! }), 'validation');
      await rejects(backend.listRecordMails({ ...request, cursor: 'not-a-cursor' }), 'validation');
    });
  });
});

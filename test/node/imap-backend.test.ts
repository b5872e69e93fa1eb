// ImapMailBackend against real Dovecot: list snippets from part previews, attachments fetched by IMAP section with a
// download limit, conversations by THREAD=REFERENCES, and a record's mails paged by a keyset cursor.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { MailError, type MessageSummary, type ObjectLinkConfig } from '../../src/core/index.js';
import { deliverRaw, mailServers, type ServersState } from './support.js';
import { createFixture, providerControl, type Fixture, type FixtureOptions } from './test-server.js';

const servers = await mailServers();
const skip = servers === null ? 'MAIL_SERVERS=skip' : false;
const USER = { id: 'local', admin: true };

async function rejects(promise: Promise<unknown>, code: string): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MailError, `expected a MailError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

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
    it('groups by THREAD=REFERENCES, newest message first, and lists one conversation by its id', async () => {
      const f = await fixture({ empty: true });
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
    });

    it('says a POP3 account cannot group conversations', async () => {
      const f = await fixture({ protocol: 'pop3', empty: true });
      const backend = f.server.backendFor(USER);
      assert.equal((await backend.getCapabilities()).threads, false);
      await rejects(backend.listMessages({ folderId: 'INBOX', threads: true }), 'unsupported');
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

/**
 * One contract for every `MailBackend`: the in-memory mock called directly, `HttpMailBackend` over the router in a
 * service worker, and (later) the Node server with real mail servers. Each implementation supplies a harness; the
 * expectations are written once, here.
 */
import { expect } from '@open-wc/testing';
import {
  Capabilities,
  Folder,
  isSenderTrusted,
  MailError,
  Message,
  MessageSummary,
  type Folder as FolderType,
  type MailBackend,
  type MailErrorCode,
  type MailServerSettingsInput,
  type MessageSummary as Summary,
  type ObjectLinkConfig,
} from '../../src/core/index.js';
import type { ContractHarness, HarnessFactory } from './harness.js';

/** Awaits a promise that must reject with a `MailError` of `code`, and returns the error. */
export async function rejectsWith(promise: Promise<unknown>, code: MailErrorCode): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    expect(error, `expected a MailError, got ${String(error)}`).to.be.instanceOf(MailError);
    expect((error as MailError).code, (error as MailError).message).to.equal(code);
    return error as MailError;
  }
  throw new Error(`expected a rejection with code ${code}, but it resolved`);
}

async function roleFolder(backend: MailBackend, role: string): Promise<FolderType> {
  const folder = (await backend.listFolders()).items.find((candidate) => candidate.role === role);
  if (!folder) throw new Error(`no ${role} folder`);
  return folder;
}

async function allMessages(backend: MailBackend, folderId: string, limit = 200): Promise<Summary[]> {
  const items: Summary[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await backend.listMessages({ folderId, limit, cursor });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('paging never ended');
}

const everyoneOf = (draft: { to: { address: string }[]; cc: { address: string }[] }) =>
  [...draft.to, ...draft.cc].map((a) => a.address.toLowerCase());

const settings = (password?: string | null): MailServerSettingsInput => ({
  preset: 'custom',
  incoming: { protocol: 'imap', host: 'imap.acme.example', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.acme.example', port: 587, security: 'starttls' },
  userName: 'ana@acme.example',
  email: 'ana@acme.example',
  displayName: 'Ana García',
  auth: 'password',
  oauthEndpointId: null,
  ...(password === undefined ? {} : { password }),
});

export function describeMailBackendContract(name: string, factory: HarnessFactory): void {
  describe(`MailBackend contract: ${name}`, function () {
    this.timeout(20_000);
    let harness: ContractHarness;
    let backend: MailBackend;
    let inbox: FolderType;

    beforeEach(async () => {
      harness = await factory();
      backend = harness.backend;
      inbox = await roleFolder(backend, 'inbox');
    });
    afterEach(async () => {
      await harness.teardown?.();
    });

    describe('capabilities and folders', () => {
      it('describes its capabilities', async () => {
        expect(Capabilities.safeParse(await backend.getCapabilities()).success).to.equal(true);
      });

      it('lists folders with roles, valid counts and parents before children', async () => {
        const folders = (await backend.listFolders()).items;
        for (const folder of folders) {
          expect(Folder.safeParse(folder).success, folder.id).to.equal(true);
          expect(folder.unread).to.be.at.most(folder.total);
        }
        const roles = folders.map((folder) => folder.role);
        for (const role of ['inbox', 'drafts', 'sent', 'trash']) expect(roles).to.include(role);
        const seen = new Set<string>();
        for (const folder of folders) {
          if (folder.parentId) expect(seen.has(folder.parentId), `${folder.id} after its parent`).to.equal(true);
          seen.add(folder.id);
        }
      });

      it('creates, renames and deletes a folder, and refuses duplicates and role folders', async () => {
        const created = await backend.createFolder({ name: 'Contract tests' });
        expect(created.name).to.equal('Contract tests');
        expect((await backend.listFolders()).items.map((folder) => folder.id)).to.include(created.id);
        await rejectsWith(backend.createFolder({ name: 'Contract tests' }), 'conflict');
        const child = await backend.createFolder({ name: 'Child', parentId: created.id });
        expect(child.parentId).to.equal(created.id);
        const renamed = await backend.renameFolder({ folderId: created.id, name: 'Renamed tests' });
        expect(renamed.name).to.equal('Renamed tests');
        const afterRename = (await backend.listFolders()).items;
        const movedChild = afterRename.find((folder) => folder.name === 'Child');
        expect(movedChild?.parentId).to.equal(renamed.id);
        await backend.deleteFolder({ folderId: renamed.id });
        const afterDelete = (await backend.listFolders()).items.map((folder) => folder.id);
        expect(afterDelete).not.to.include(renamed.id);
        await rejectsWith(backend.deleteFolder({ folderId: inbox.id }), 'forbidden');
      });

      it('rejects bad folder names and unknown folders', async () => {
        const error = await rejectsWith(backend.createFolder({ name: 'a/b' }), 'validation');
        expect(error.issues[0]?.path).to.deep.equal(['name']);
        await rejectsWith(backend.createFolder({ name: '  ' }), 'validation');
        await rejectsWith(backend.listMessages({ folderId: 'no-such-folder-x' }), 'not-found');
        await rejectsWith(backend.deleteFolder({ folderId: 'no-such-folder-x' }), 'not-found');
      });
    });

    describe('listing by cursor', () => {
      it('pages a folder newest first with no gaps or repeats', async () => {
        const first = await backend.listMessages({ folderId: inbox.id });
        expect(first.items.length).to.be.within(1, 50);
        expect(first.nextCursor).to.be.a('string');
        for (const item of first.items) expect(MessageSummary.safeParse(item).success, item.id).to.equal(true);
        const all = await allMessages(backend, inbox.id, 37);
        const ids = all.map((item) => item.id);
        expect(new Set(ids).size).to.equal(ids.length);
        expect(all.length).to.equal(inbox.total);
        for (let index = 1; index < all.length; index++) {
          expect(all[index - 1]!.date >= all[index]!.date, `sorted at ${index}`).to.equal(true);
        }
      });

      it('sorts oldest first on request', async () => {
        const newest = await backend.listMessages({ folderId: inbox.id, limit: 5 });
        const oldest = await backend.listMessages({ folderId: inbox.id, limit: 5, sort: 'date-asc' });
        expect(oldest.items[0]!.date <= newest.items[0]!.date).to.equal(true);
        for (let index = 1; index < oldest.items.length; index++) {
          expect(oldest.items[index - 1]!.date <= oldest.items[index]!.date).to.equal(true);
        }
      });

      it('keeps its place while new mail arrives and old mail is deleted', async () => {
        const before = await allMessages(backend, inbox.id, 200);
        const first = await backend.listMessages({ folderId: inbox.id, limit: 20 });
        await harness.deliver({ subject: 'Arrived during paging 1', from: { address: 'new1@acme.example' } });
        await harness.deliver({ subject: 'Arrived during paging 2', from: { address: 'new2@acme.example' } });
        await backend.deleteMessages({ ids: [first.items[3]!.id] });
        const second = await backend.listMessages({ folderId: inbox.id, limit: 20, cursor: first.nextCursor! });
        expect(second.items.map((item) => item.id)).to.deep.equal(before.slice(20, 40).map((item) => item.id));
        const fresh = await backend.listMessages({ folderId: inbox.id, limit: 2 });
        expect(fresh.items.map((item) => item.subject)).to.have.members([
          'Arrived during paging 1',
          'Arrived during paging 2',
        ]);
      });

      it('rejects bad page sizes and unreadable cursors as validation errors', async () => {
        const tooMany = await rejectsWith(backend.listMessages({ folderId: inbox.id, limit: 201 }), 'validation');
        expect(tooMany.issues[0]?.path).to.deep.equal(['limit']);
        await rejectsWith(backend.listMessages({ folderId: inbox.id, limit: 0 }), 'validation');
        await rejectsWith(backend.listMessages({ folderId: inbox.id, cursor: 'not-a-cursor' }), 'validation');
      });
    });

    describe('filters', () => {
      let sample: Summary[];
      beforeEach(async () => {
        sample = await allMessages(backend, inbox.id, 200);
      });

      const check = async (filter: Parameters<MailBackend['listMessages']>[0], predicate: (m: Summary) => boolean) => {
        const page = await backend.listMessages({ ...filter, limit: 200 });
        const expected = sample.filter(predicate);
        expect(page.items.length, 'some match').to.be.greaterThan(0);
        expect(page.items.map((item) => item.id)).to.deep.equal(expected.slice(0, 200).map((item) => item.id));
        if (page.total !== undefined) expect(page.total).to.equal(expected.length);
      };

      it('filters unread, flagged and with attachments', async () => {
        await check({ folderId: inbox.id, unseen: true }, (m) => !m.flags.seen);
        await check({ folderId: inbox.id, flagged: true }, (m) => m.flags.flagged);
        await check({ folderId: inbox.id, hasAttachment: true }, (m) => m.hasAttachments);
      });

      it('filters by sender and subject, case-insensitively', async () => {
        const target = sample.find((m) => m.from && m.subject.length > 6)!;
        const fromPart = target.from!.address.split('@')[0]!.toUpperCase();
        await check({ folderId: inbox.id, from: fromPart }, (m) =>
          `${m.from?.name ?? ''} ${m.from?.address ?? ''}`.toLowerCase().includes(fromPart.toLowerCase()),
        );
        const word = target.subject.split(/\s+/).find((part) => part.length > 4) ?? target.subject;
        await check({ folderId: inbox.id, subject: word.toLowerCase() }, (m) =>
          m.subject.toLowerCase().includes(word.toLowerCase()),
        );
      });

      it('filters by date range, since inclusive and before exclusive', async () => {
        const middle = sample[Math.floor(sample.length / 2)]!;
        const day = middle.date.slice(0, 10);
        const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        await check({ folderId: inbox.id, since: `${day}T00:00:00Z`, before: `${next}T00:00:00Z` }, (m) => {
          const time = Date.parse(m.date);
          return time >= Date.parse(`${day}T00:00:00Z`) && time < Date.parse(`${next}T00:00:00Z`);
        });
      });

      it('combines filters and finds text anywhere', async () => {
        const target = sample.find((m) => m.from)!;
        const text = target.from!.address;
        const page = await backend.listMessages({ folderId: inbox.id, text, limit: 200 });
        expect(page.items.map((item) => item.id)).to.include(target.id);
        const both = await backend.listMessages({ folderId: inbox.id, unseen: true, flagged: true, limit: 200 });
        for (const item of both.items) expect(!item.flags.seen && item.flags.flagged).to.equal(true);
      });

      it('refuses line breaks in filters', async () => {
        const error = await rejectsWith(backend.listMessages({ folderId: inbox.id, text: 'a\r\nb' }), 'validation');
        expect(error.issues[0]?.path).to.deep.equal(['text']);
      });
    });

    describe('messages', () => {
      it('gets a whole message that agrees with its summary', async () => {
        const [summary] = (await backend.listMessages({ folderId: inbox.id, limit: 1 })).items;
        const message = await backend.getMessage({ id: summary!.id });
        expect(Message.safeParse(message).success).to.equal(true);
        expect(message.id).to.equal(summary!.id);
        expect(message.subject).to.equal(summary!.subject);
        expect(message.text !== undefined || message.html !== undefined).to.equal(true);
        await rejectsWith(backend.getMessage({ id: 'no-such-message-x' }), 'not-found');
      });

      it('returns attachment bytes and the raw message', async () => {
        const withFiles = (await backend.listMessages({ folderId: inbox.id, hasAttachment: true, limit: 1 })).items[0]!;
        const message = await backend.getMessage({ id: withFiles.id });
        const attachment = message.attachments[0]!;
        const bytes = await backend.getAttachment({ id: message.id, attachmentId: attachment.id });
        expect(bytes).to.be.instanceOf(Blob);
        expect(bytes.size).to.equal(attachment.size);
        const raw = await (await backend.getRawMessage({ id: message.id })).text();
        expect(raw).to.match(/^Subject: /im);
        await rejectsWith(backend.getAttachment({ id: message.id, attachmentId: 'no-such-part' }), 'not-found');
      });
    });

    describe('actions', () => {
      it('marks read and unread, and the folder count follows', async () => {
        const unread = (await backend.listMessages({ folderId: inbox.id, unseen: true, limit: 2 })).items;
        const result = await backend.setFlags({ ids: unread.map((m) => m.id), flags: { seen: true } });
        expect(result.updated).to.equal(unread.length);
        const after = await roleFolder(backend, 'inbox');
        expect(after.unread).to.equal(inbox.unread - unread.length);
        const message = await backend.getMessage({ id: unread[0]!.id });
        expect(message.flags.seen).to.equal(true);
        await backend.setFlags({ ids: [unread[0]!.id], flags: { seen: false, flagged: true } });
        const again = await backend.getMessage({ id: unread[0]!.id });
        expect(again.flags.seen).to.equal(false);
        expect(again.flags.flagged).to.equal(true);
        await rejectsWith(backend.setFlags({ ids: [], flags: { seen: true } }), 'validation');
      });

      it('moves messages to another folder, mapping old ids to new', async () => {
        const archive = await roleFolder(backend, 'archive');
        const [a, b] = (await backend.listMessages({ folderId: inbox.id, limit: 2 })).items;
        const result = await backend.moveMessages({ ids: [a!.id, b!.id], folderId: archive.id });
        expect(result.moved.map((pair) => pair.from)).to.have.members([a!.id, b!.id]);
        const inArchive = await allMessages(backend, archive.id);
        for (const pair of result.moved) expect(inArchive.map((m) => m.id)).to.include(pair.to);
        const inInbox = await allMessages(backend, inbox.id);
        expect(inInbox.map((m) => m.id)).not.to.include(a!.id);
        expect((await roleFolder(backend, 'inbox')).total).to.equal(inbox.total - 2);
        await rejectsWith(backend.moveMessages({ ids: [a!.id], folderId: 'no-such-folder-x' }), 'not-found');
      });

      it('deletes to Trash, then for good from Trash', async () => {
        const trash = await roleFolder(backend, 'trash');
        const [victim] = (await backend.listMessages({ folderId: inbox.id, limit: 1 })).items;
        const toTrash = await backend.deleteMessages({ ids: [victim!.id] });
        expect(toTrash.moved).to.have.length(1);
        const trashed = toTrash.moved[0]!.to;
        expect((await allMessages(backend, trash.id)).map((m) => m.id)).to.include(trashed);
        const forGood = await backend.deleteMessages({ ids: [trashed] });
        expect(forGood.deleted).to.deep.equal([trashed]);
        await rejectsWith(backend.getMessage({ id: trashed }), 'not-found');
      });
    });

    describe('compose', () => {
      it('lists identities and suggests addresses', async () => {
        const identities = (await backend.listIdentities()).items;
        expect(identities.length).to.be.greaterThan(0);
        const [summary] = (await backend.listMessages({ folderId: inbox.id, limit: 1 })).items;
        const prefix = summary!.from!.address.slice(0, 3);
        const suggestions = (await backend.suggestAddresses({ query: prefix })).items;
        expect(suggestions.some((item) => item.address.toLowerCase().startsWith(prefix.toLowerCase()))).to.equal(true);
      });

      it('saves, replaces, reads and deletes a draft', async () => {
        const drafts = await roleFolder(backend, 'drafts');
        const draft = {
          to: [{ name: 'Bob', address: 'bob@acme.example' }],
          cc: [],
          bcc: [],
          subject: 'Contract draft',
          text: 'First version',
          attachments: [],
        };
        const saved = await backend.saveDraft(draft);
        const replaced = await backend.saveDraft({ ...draft, id: saved.id, text: 'Second version' });
        const read = await backend.getDraft({ id: replaced.id });
        expect(read.text).to.equal('Second version');
        expect(read.to).to.deep.equal(draft.to);
        const inDrafts = (await allMessages(backend, drafts.id)).filter((m) => m.subject === 'Contract draft');
        expect(inDrafts).to.have.length(1);
        await backend.deleteDraft({ id: replaced.id });
        await rejectsWith(backend.getDraft({ id: replaced.id }), 'not-found');
      });

      it('refuses header injection and invalid addresses in drafts, naming the field', async () => {
        const base = { to: [{ address: 'bob@acme.example' }], cc: [], bcc: [], subject: 'ok', attachments: [] };
        const injected = await rejectsWith(
          backend.saveDraft({ ...base, subject: 'Hi\r\nBcc: victim@evil.example' }),
          'validation',
        );
        expect(injected.issues[0]?.path).to.deep.equal(['subject']);
        const badAddress = await rejectsWith(
          backend.saveDraft({ ...base, to: [{ address: 'not an address' }] }),
          'validation',
        );
        expect(badAddress.issues[0]?.path).to.deep.equal(['to', 0, 'address']);
        const badName = await rejectsWith(
          backend.saveDraft({ ...base, to: [{ name: 'Bob\nBcc: x@evil.example', address: 'bob@acme.example' }] }),
          'validation',
        );
        expect(badName.issues[0]?.path).to.deep.equal(['to', 0, 'name']);
      });

      it('prefills a reply once-prefixed, threaded and addressed to the sender', async () => {
        const [summary] = (await backend.listMessages({ folderId: inbox.id, limit: 1 })).items;
        const original = await backend.getMessage({ id: summary!.id });
        const reply = await backend.prefillDraft({ id: original.id, mode: 'reply' });
        expect(reply.subject).to.match(/^Re: /);
        expect(reply.subject).not.to.match(/^Re: (Re|RE|AW|RV): /);
        expect(reply.to.map((a) => a.address)).to.deep.equal(
          (original.replyTo.length ? original.replyTo : [original.from!]).map((a) => a.address),
        );
        if (original.messageId) {
          expect(reply.inReplyTo).to.equal(original.messageId);
          expect(reply.references).to.include(original.messageId);
        }
        const forward = await backend.prefillDraft({
          id: original.id,
          mode: 'forward',
          link: { objectName: 'customers', objectId: '1' },
        });
        expect(forward.subject).to.match(/^Fwd: /);
        expect(forward.to).to.deep.equal([]);
        expect(forward.link).to.deep.equal({ objectName: 'customers', objectId: '1' });
      });

      it('leaves the user out of reply-all', async () => {
        const identities = new Set((await backend.listIdentities()).items.map((a) => a.address.toLowerCase()));
        const me = (await backend.listIdentities()).items[0]!;
        await harness.deliver({
          subject: 'Team plan',
          from: { name: 'Bob', address: 'bob@acme.example' },
          to: [me, { address: 'carol@acme.example' }, { address: 'BOB@acme.example' }],
          text: 'Plan attached.',
        });
        const many = (await backend.listMessages({ folderId: inbox.id, subject: 'Team plan' })).items[0]!;
        const draft = await backend.prefillDraft({ id: many.id, mode: 'reply-all' });
        expect(draft.to.map((a) => a.address.toLowerCase())).to.include('bob@acme.example');
        expect(everyoneOf(draft)).to.include('carol@acme.example');
        const everyone = everyoneOf(draft);
        for (const address of everyone) expect(identities.has(address), address).to.equal(false);
        expect(new Set(everyone).size).to.equal(everyone.length);
      });

      it('sends: refuses no recipients, files a copy in Sent, removes the draft, and sends once per key', async () => {
        const sent = await roleFolder(backend, 'sent');
        const draft = { to: [], cc: [], bcc: [], subject: 'Contract send', text: 'Hello', attachments: [] };
        await rejectsWith(backend.sendMessage({ draft }), 'validation');
        const saved = await backend.saveDraft({ ...draft, to: [{ address: 'bob@acme.example' }] });
        const full = { ...draft, id: saved.id, to: [{ address: 'bob@acme.example' }] };
        const result = await backend.sendMessage({ draft: full, idempotencyKey: 'contract-key-1' });
        expect(result.messageId).to.match(/^<.+@.+>$/);
        await rejectsWith(backend.getDraft({ id: saved.id }), 'not-found');
        const again = await backend.sendMessage({ draft: full, idempotencyKey: 'contract-key-1' });
        expect(again.messageId).to.equal(result.messageId);
        const copies = (await allMessages(backend, sent.id)).filter((m) => m.subject === 'Contract send');
        expect(copies).to.have.length(1);
      });

      it('uploads an attachment within the size limit and refuses a larger one', async () => {
        const capabilities = await backend.getCapabilities();
        const progress: number[] = [];
        const uploaded = await backend.uploadAttachment(
          { file: new Blob(['hello world'], { type: 'text/plain' }), filename: 'hello.txt' },
          { onProgress: ({ loaded }) => progress.push(loaded) },
        );
        expect(uploaded.size).to.equal(11);
        expect(uploaded.filename).to.equal('hello.txt');
        expect(progress.at(-1)).to.equal(11);
        const tooBig = new Blob([new Uint8Array(capabilities.maxAttachmentBytes + 1)]);
        await rejectsWith(backend.uploadAttachment({ file: tooBig, filename: 'big.bin' }), 'validation');
      });
    });

    describe('live updates', () => {
      it('tells a subscriber about new mail until it unsubscribes', async () => {
        const changes: string[] = [];
        let resolveFirst: () => void = () => {};
        const first = new Promise<void>((resolve) => (resolveFirst = resolve));
        const unsubscribe = await backend.subscribe((change) => {
          if (change.type === 'message-added') {
            changes.push(change.message.subject);
            resolveFirst();
          }
        });
        await harness.deliver({ subject: 'Live one', from: { address: 'live@acme.example' } });
        await Promise.race([first, new Promise((_, reject) => setTimeout(() => reject(new Error('no event')), 5000))]);
        unsubscribe();
        await harness.deliver({ subject: 'After unsubscribe', from: { address: 'live@acme.example' } });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(changes).to.deep.equal(['Live one']);
      });
    });

    describe('account settings', () => {
      it('keeps the password write-only: set, kept when absent, cleared by null', async () => {
        const canary = 'CANARY-pw-7f3a9';
        const saved = await backend.saveAccount(settings(canary));
        expect(saved.settings?.passwordSet).to.equal(true);
        expect(JSON.stringify(saved)).not.to.include(canary);
        const read = await backend.getAccount();
        expect(JSON.stringify(read)).not.to.include(canary);
        expect(read.settings?.passwordSet).to.equal(true);
        expect((await backend.saveAccount(settings())).settings?.passwordSet).to.equal(true);
        expect((await backend.saveAccount(settings(null))).settings?.passwordSet).to.equal(false);
      });

      it('names the bad field of an account', async () => {
        const bad = settings('x');
        const port = await rejectsWith(
          backend.saveAccount({ ...bad, incoming: { ...bad.incoming, port: 70000 } }),
          'validation',
        );
        expect(port.issues[0]?.path).to.deep.equal(['incoming', 'port']);
        const host = await rejectsWith(
          backend.saveAccount({ ...bad, outgoing: { ...bad.outgoing, host: 'bad host!' } }),
          'validation',
        );
        expect(host.issues[0]?.path).to.deep.equal(['outgoing', 'host']);
        const email = await rejectsWith(backend.saveAccount({ ...bad, email: 'nobody' }), 'validation');
        expect(email.issues[0]?.path).to.deep.equal(['email']);
      });

      it('tests incoming and outgoing separately', async () => {
        await backend.saveAccount(settings('secret'));
        for (const target of ['incoming', 'outgoing'] as const) {
          const result = await backend.testConnection({ target });
          expect(result.target).to.equal(target);
          expect(result.message).to.be.a('string').and.not.equal('');
        }
      });
    });

    describe('OAuth endpoints', () => {
      it('keeps the client secret write-only and computes the redirect URL', async () => {
        const canary = 'CANARY-secret-51c2';
        await backend.saveAppSettings({
          baseUrl: 'https://erp.acme.example/app',
          redirectPath: '/Webhooks/MailToken.aspx',
        });
        const saved = await backend.saveEndpoint({
          provider: 'microsoft',
          name: 'Contoso 365',
          clientId: '11111111-2222-3333-4444-555555555555',
          tenantId: 'organizations',
          clientSecret: canary,
        });
        expect(saved.clientSecretSet).to.equal(true);
        expect(saved.redirectUri).to.equal('https://erp.acme.example/app/Webhooks/MailToken.aspx');
        expect(saved.scopes.join(' ')).to.include('https://outlook.office.com/IMAP.AccessAsUser.All');
        const list = await backend.listEndpoints();
        expect(JSON.stringify(list)).not.to.include(canary);
        const kept = await backend.saveEndpoint({ ...saved, clientSecret: undefined });
        expect(kept.clientSecretSet).to.equal(true);
        const cleared = await backend.saveEndpoint({ ...saved, clientSecret: null });
        expect(cleared.clientSecretSet).to.equal(false);
        await backend.deleteEndpoint({ endpointId: saved.id });
        expect((await backend.listEndpoints()).items.map((e) => e.id)).not.to.include(saved.id);
      });

      it('requires a tenant for Microsoft and refuses one for Google', async () => {
        const microsoft = await rejectsWith(
          backend.saveEndpoint({ provider: 'microsoft', name: 'M', clientId: 'abc' }),
          'validation',
        );
        expect(microsoft.issues[0]?.path).to.deep.equal(['tenantId']);
        const google = await rejectsWith(
          backend.saveEndpoint({ provider: 'google', name: 'G', clientId: 'abc', tenantId: 'common' }),
          'validation',
        );
        expect(google.issues[0]?.path).to.deep.equal(['tenantId']);
        const badUrl = await rejectsWith(
          backend.saveAppSettings({ baseUrl: 'javascript:alert(1)', redirectPath: '/cb' }),
          'validation',
        );
        expect(badUrl.issues[0]?.path).to.deep.equal(['baseUrl']);
      });

      it('authorizes with a single-use state', async () => {
        const endpoint = await backend.saveEndpoint({
          provider: 'google',
          name: 'Acme Workspace',
          clientId: 'client-123.apps.googleusercontent.com',
          clientSecret: 's3cret',
        });
        const start = await backend.beginAuthorization({ endpointId: endpoint.id, loginHint: 'ana@acme.example' });
        expect(start.url).to.be.a('string');
        expect(start.state.length).to.be.greaterThan(15);
        await rejectsWith(backend.completeAuthorization({ state: 'forged-state', code: 'x' }), 'validation');
        if (!harness.consent) return;
        const answer = await harness.consent(start.url, true);
        const status = await backend.completeAuthorization(answer);
        expect(status.state).to.equal('authorized');
        await rejectsWith(backend.completeAuthorization(answer), 'validation');
        const revoked = await backend.revokeAuthorization({ endpointId: endpoint.id });
        expect(revoked.state).to.equal('not-authorized');
      });
    });

    describe('remote content policy', () => {
      it('trusts a sender or a domain until revoked, and refuses anything else', async () => {
        expect((await backend.getRemoteContentPolicy()).allowedSenders).to.deep.equal([]);
        await backend.allowRemoteContent({ sender: 'news@shop.example' });
        const policy = await backend.allowRemoteContent({ sender: '@acme.example' });
        expect(policy.allowedSenders).to.have.members(['news@shop.example', '@acme.example']);
        expect(isSenderTrusted(policy, 'Ana@ACME.example')).to.equal(true);
        expect(isSenderTrusted(policy, 'news@other.example')).to.equal(false);
        const revoked = await backend.revokeRemoteContent({ sender: 'news@shop.example' });
        expect(revoked.allowedSenders).to.deep.equal(['@acme.example']);
        for (const sender of ['News@Shop.example', 'shop.example', '@', 'a@b\r\nX: y', '']) {
          await rejectsWith(backend.allowRemoteContent({ sender }), 'validation');
        }
      });
    });

    describe('module', () => {
      it('is off by default and can be enabled by an administrator', async () => {
        const status = await backend.getModuleStatus();
        expect(status.enabled).to.equal(false);
        expect(status.unread).to.equal(inbox.unread);
        if (!status.canManage) return;
        expect((await backend.setModuleEnabled({ enabled: true })).enabled).to.equal(true);
        expect((await backend.getModuleStatus()).enabled).to.equal(true);
      });
    });

    describe('links to records', () => {
      const config = (objectName: string): ObjectLinkConfig => ({
        objectName,
        primaryKey: 'id',
        emailField: 'email',
        filterByDomain: false,
        ignoredDomains: ['gmail.com'],
        folderPath: '/var/mail-links/customers',
      });

      it('validates and stores link configurations', async () => {
        const relative = await rejectsWith(
          backend.saveLinkConfig({ ...config('customers'), folderPath: 'relative/path' }),
          'validation',
        );
        expect(relative.issues[0]?.path).to.deep.equal(['folderPath']);
        await rejectsWith(backend.saveLinkConfig({ ...config('customers'), folderPath: '/var/../etc' }), 'validation');
        await backend.saveLinkConfig(config('customers'));
        expect((await backend.listLinkConfigs()).items.map((c) => c.objectName)).to.include('customers');
        await backend.deleteLinkConfig({ objectName: 'customers' });
        expect((await backend.listLinkConfigs()).items.map((c) => c.objectName)).not.to.include('customers');
      });

      it("lists a record's mails, links one and unlinks it", async () => {
        const records = (await backend.searchRecords({ objectName: 'customers', query: '' })).items;
        expect(records.length).to.be.greaterThan(0);
        const existing = (await backend.listLinkConfigs()).items.map((c) => c.objectName);
        if (existing.includes('customers')) await backend.deleteLinkConfig({ objectName: 'customers' });
        const unconfigured = await backend.listRecordMails({ objectName: 'customers', objectId: records[0]!.objectId });
        expect(unconfigured.configured).to.equal(false);
        await backend.saveLinkConfig(config('customers'));
        let found: { id: string; mails: Summary[] } | undefined;
        for (const record of records) {
          const page = await backend.listRecordMails({ objectName: 'customers', objectId: record.objectId });
          if (page.items.length) {
            found = { id: record.objectId, mails: page.items };
            expect(page.matchedOn).to.equal(record.email?.toLowerCase());
            break;
          }
        }
        expect(found, 'a record with mails').to.not.equal(undefined);
        const mail = found!.mails[0]!;
        const links = await backend.linkMessages({ ids: [mail.id], objectName: 'customers', objectId: found!.id });
        expect(links.items[0]!.fileName).to.match(/\.eml$/);
        expect(links.items[0]!.fileName).not.to.match(/[\\/]/);
        const page = await backend.listRecordMails({ objectName: 'customers', objectId: found!.id });
        expect(page.items.find((m) => m.id === mail.id)?.linkedToRecord).to.equal(true);
        expect((await backend.listMessageLinks({ id: mail.id })).items).to.have.length(1);
        await backend.unlinkMessage({ id: mail.id, objectName: 'customers', objectId: found!.id });
        expect((await backend.listMessageLinks({ id: mail.id })).items).to.have.length(0);
      });
    });

    describe('cancellation', () => {
      it('rejects with aborted when the signal is already aborted', async () => {
        const controller = new AbortController();
        controller.abort();
        await rejectsWith(backend.listFolders({}, { signal: controller.signal }), 'aborted');
        await rejectsWith(backend.listMessages({ folderId: inbox.id }, { signal: controller.signal }), 'aborted');
      });
    });
  });
}

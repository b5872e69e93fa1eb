import { expect } from '@open-wc/testing';
import { MailError } from '../core/index.js';
import {
  MemoryMailBackend,
  SHOWCASE_IDS,
  LOGO_CONTENT_ID,
  generateSeed,
  safeEmlFileName,
  safeFileName,
} from './index.js';

async function rejection(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(MailError);
    return error as MailError;
  }
  throw new Error('Expected a rejection.');
}

async function text(blob: Blob): Promise<string> {
  return new TextDecoder().decode(await blob.arrayBuffer());
}

describe('mock/seed', () => {
  it('gives byte-identical data for the same seed and different data for another', async () => {
    // Another seed generated in between must not change what the same seed gives.
    const a = new MemoryMailBackend({ seed: 'demo', messages: 300 });
    const c = new MemoryMailBackend({ seed: 'other', messages: 300 });
    const b = new MemoryMailBackend({ seed: 'demo', messages: 300 });
    const pageA = await a.listMessages({ folderId: 'inbox', limit: 200 });
    const pageB = await b.listMessages({ folderId: 'inbox', limit: 200 });
    const pageC = await c.listMessages({ folderId: 'inbox', limit: 200 });
    expect(JSON.stringify(pageA)).to.equal(JSON.stringify(pageB));
    expect(JSON.stringify(pageA)).not.to.equal(JSON.stringify(pageC));
    const seeded = pageA.items.filter((m) => m.id.startsWith('inbox-') && !m.id.includes('-h')).slice(10, 20);
    for (const m of seeded) {
      expect(await text(await a.getRawMessage({ id: m.id }))).to.equal(await text(await b.getRawMessage({ id: m.id })));
    }
  });

  // How fast is measured by `npm run bench` (mock.seed.100k, mock.page.100k, mock.search.100k), not here.
  it('holds 100,000 messages and pages and searches them', async function () {
    this.timeout(30_000);
    const backend = new MemoryMailBackend({ data: generateSeed({ messages: 100_000 }) });
    const first = await backend.listMessages({ folderId: 'inbox' });
    const search = await backend.listMessages({ folderId: 'inbox', text: 'factura' });
    const none = await backend.listMessages({ folderId: 'inbox', text: 'no-such-words-anywhere' });
    expect(first.total).to.equal(100_000);
    expect(first.items).to.have.length(50);
    expect(search.items).to.have.length(50);
    expect(search.total).to.be.greaterThan(50);
    expect(none.items).to.have.length(0);
    expect(none.total).to.equal(0);
  });

  it('contains hostile messages for the sanitizer to defuse', async () => {
    const backend = new MemoryMailBackend({ messages: 100 });
    const html = (
      await Promise.all(
        [SHOWCASE_IDS.hostileScript, SHOWCASE_IDS.hostileCss, SHOWCASE_IDS.hostileSvg, SHOWCASE_IDS.hostileForm].map(
          (id) => backend.getMessage({ id }),
        ),
      )
    )
      .map((m) => m.html ?? '')
      .join('\n');
    for (const needle of [
      '<script',
      'onerror=',
      'javascript:',
      '@import url(https://evil.example',
      'background:url(',
      '<animate',
      'http-equiv="refresh"',
      '<form',
    ]) {
      expect(html).to.include(needle);
    }
  });

  it('has inline cid images, attachments of several types, threads, and English and Spanish mail', async () => {
    const backend = new MemoryMailBackend();
    const inline = await backend.getMessage({ id: SHOWCASE_IDS.inlineImage });
    expect(inline.html).to.include(`cid:${LOGO_CONTENT_ID}`);
    const logo = inline.attachments.find((a) => a.contentId === LOGO_CONTENT_ID)!;
    expect(logo.inline).to.equal(true);
    const png = new Uint8Array(
      await (await backend.getAttachment({ id: inline.id, attachmentId: logo.id })).arrayBuffer(),
    );
    expect([...png.slice(0, 4)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);
    expect(png.length).to.equal(logo.size);

    const files = await backend.getMessage({ id: SHOWCASE_IDS.attachments });
    expect(files.attachments.map((a) => a.filename.split('.').pop())).to.have.members([
      'pdf',
      'xlsx',
      'docx',
      'png',
      'zip',
    ]);
    const pdf = await backend.getAttachment({ id: files.id, attachmentId: files.attachments[0]!.id });
    expect((await text(pdf)).startsWith('%PDF-1.4')).to.equal(true);

    const threaded = await backend.listMessages({ folderId: 'inbox', threads: true, limit: 200 });
    expect(threaded.items.some((m) => (m.threadSize ?? 0) > 1)).to.equal(true);
    const reply = (await backend.listMessages({ folderId: 'inbox', subject: 're:', limit: 1 })).items[0]!;
    const full = await backend.getMessage({ id: reply.id });
    expect(full.inReplyTo).to.be.a('string');
    expect(full.references.length).to.be.greaterThan(0);

    expect((await backend.listMessages({ folderId: 'inbox', subject: 'factura' })).total).to.be.greaterThan(0);
    expect((await backend.listMessages({ folderId: 'inbox', subject: 'invoice' })).total).to.be.greaterThan(0);
    const folders = (await backend.listFolders()).items;
    expect(folders.find((f) => f.id === 'projects-acme')).to.include({ path: 'Projects/Acme', parentId: 'projects' });
    expect(folders.map((f) => f.role)).to.include.members(['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash']);
  });
});

describe('mock/MemoryMailBackend', () => {
  it('validates direct calls like the router', async () => {
    const backend = new MemoryMailBackend({ messages: 0 });
    const error = await rejection(backend.listMessages({ folderId: 'inbox', limit: 500 }));
    expect(error.code).to.equal('validation');
    expect(error.issuesAt('limit')).to.have.length(1);
    expect((await rejection(backend.getMessage({ id: 'nope' }))).code).to.equal('not-found');
  });

  it('pages without gaps or repeats while mail arrives and is deleted', async () => {
    const backend = new MemoryMailBackend({ messages: 500 });
    const before = (await backend.listMessages({ folderId: 'inbox', limit: 200 })).total!;
    const seen: string[] = [];
    let cursor: string | undefined;
    let round = 0;
    const deleted = new Set<string>();
    do {
      const page = await backend.listMessages({ folderId: 'inbox', limit: 37, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
      backend.deliver({ subject: `Arrived during paging ${round++}` });
      // Delete one message not yet listed.
      const ahead = (await backend.listMessages({ folderId: 'inbox', limit: 1, sort: 'date-asc' })).items[0];
      if (ahead && !seen.includes(ahead.id) && cursor) {
        await backend.deleteMessages({ ids: [ahead.id], permanent: true });
        deleted.add(ahead.id);
      }
    } while (cursor);
    expect(new Set(seen).size).to.equal(seen.length);
    expect(seen.length + deleted.size).to.equal(before);
  });

  it('moves under new ids, keeps counts exact and announces changes', async () => {
    const backend = new MemoryMailBackend({ messages: 100 });
    const changes: string[] = [];
    const stop = await backend.subscribe((change) => changes.push(change.type));
    const inboxBefore = (await backend.listFolders()).items.find((f) => f.id === 'inbox')!;
    const [first] = (await backend.listMessages({ folderId: 'inbox', unseen: true, limit: 1 })).items;
    const result = await backend.moveMessages({ ids: [first!.id], folderId: 'archive' });
    expect(result.moved[0]!.from).to.equal(first!.id);
    expect(result.moved[0]!.to).not.to.equal(first!.id);
    const inboxAfter = (await backend.listFolders()).items.find((f) => f.id === 'inbox')!;
    expect(inboxAfter.total).to.equal(inboxBefore.total - 1);
    expect(inboxAfter.unread).to.equal(inboxBefore.unread - 1);
    await Promise.resolve();
    expect(changes).to.deep.equal(['message-removed', 'message-added']);
    stop();
  });

  it('saves drafts and sends once per idempotency key', async () => {
    const backend = new MemoryMailBackend({ messages: 50 });
    const draft = {
      to: [{ address: 'ana@acme.example' }],
      cc: [],
      bcc: [],
      subject: 'Hola',
      text: 'Qué tal',
      attachments: [],
    };
    const saved = await backend.saveDraft(draft);
    expect((await backend.getDraft({ id: saved.id })).subject).to.equal('Hola');
    const sentBefore = (await backend.listMessages({ folderId: 'sent' })).total!;
    const first = await backend.sendMessage({ draft: { ...draft, id: saved.id }, idempotencyKey: 'k1' });
    const again = await backend.sendMessage({ draft: { ...draft, id: saved.id }, idempotencyKey: 'k1' });
    expect(again).to.deep.equal(first);
    expect((await backend.listMessages({ folderId: 'sent' })).total).to.equal(sentBefore + 1);
    expect((await rejection(backend.getDraft({ id: saved.id }))).code).to.equal('not-found');
    const noOne = await rejection(backend.sendMessage({ draft: { ...draft, to: [] } }));
    expect(noOne.issuesAt('draft', 'to')).to.have.length(1);
  });
});

describe('mock/eml', () => {
  it('round-trips getRawMessage through importEml', async () => {
    const backend = new MemoryMailBackend({ messages: 50 });
    for (const id of [SHOWCASE_IDS.attachments, SHOWCASE_IDS.inlineImage, SHOWCASE_IDS.spanish]) {
      const original = await backend.getMessage({ id });
      const imported = await backend.importEml(await backend.getRawMessage({ id }), 'archive');
      const copy = await backend.getMessage({ id: imported.id });
      expect(copy.subject).to.equal(original.subject);
      expect(copy.from).to.deep.equal(original.from);
      expect(copy.messageId).to.equal(original.messageId);
      expect(copy.text?.trim()).to.equal(original.text?.trim());
      expect(copy.attachments.map((a) => [a.filename, a.size, a.contentId, a.inline])).to.deep.equal(
        original.attachments.map((a) => [a.filename, a.size, a.contentId, a.inline]),
      );
    }
  });

  it('seeds a backend from .eml files', async () => {
    const raw = [
      'From: "José Pérez" <jose@contoso.test>',
      'To: dana.ortiz@example.com',
      'Subject: =?UTF-8?B?UHJlc3VwdWVzdG8gYcOxbyBuYXZpZGFk?=',
      'Date: Mon, 05 Jan 2026 10:00:00 +0000',
      'Message-ID: <x1@contoso.test>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hola',
    ].join('\r\n');
    const backend = await MemoryMailBackend.fromEml([raw]);
    const page = await backend.listMessages({ folderId: 'inbox' });
    expect(page.items).to.have.length(1);
    expect(page.items[0]).to.deep.include({ subject: 'Presupuesto año navidad', date: '2026-01-05T10:00:00.000Z' });
    expect(await text(await backend.getRawMessage({ id: page.items[0]!.id }))).to.equal(raw);
  });
});

describe('mock/faults', () => {
  it('adds latency, fails a number of times, and clears', async () => {
    const backend = new MemoryMailBackend({ messages: 0 });
    backend.faults.set('listFolders', { latencyMs: 120 });
    const start = performance.now();
    await backend.listFolders();
    expect(performance.now() - start).to.be.at.least(100);
    backend.faults.set('getCapabilities', { error: 'rate-limited', times: 2, retryAfter: 5 });
    const limited = await rejection(backend.getCapabilities());
    expect(limited.code).to.equal('rate-limited');
    expect(limited.retryAfter).to.equal(5);
    expect((await rejection(backend.getCapabilities())).code).to.equal('rate-limited');
    expect((await backend.getCapabilities()).protocol).to.equal('memory');
    backend.faults.set('*', { error: 'unauthorized' });
    expect((await rejection(backend.listIdentities())).code).to.equal('unauthorized');
    backend.faults.set('*', { error: 'offline' });
    expect(backend.faults.takeOffline('listFolders')).to.deep.equal({ latencyMs: 120 });
    expect((await rejection(backend.listIdentities())).code).to.equal('network');
    backend.faults.clear();
    expect((await backend.listIdentities()).items).to.have.length(2);
  });

  it('rejects with aborted when the signal aborts during the latency', async () => {
    const backend = new MemoryMailBackend({ messages: 0, latencyMs: 1000 });
    const controller = new AbortController();
    const pending = backend.listFolders(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await rejection(pending)).code).to.equal('aborted');
  });
});

describe('mock/oauth', () => {
  async function endpoint(backend: MemoryMailBackend) {
    await backend.saveAppSettings({ baseUrl: 'https://app.example/', redirectPath: '/Webhooks/MailToken.aspx' });
    return backend.saveEndpoint({
      provider: 'microsoft',
      name: 'Contoso 365',
      clientId: '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d',
      tenantId: 'contoso.test',
      clientSecret: 's3cret',
    });
  }

  it('authorizes with a single-use state and never returns the secret', async () => {
    const backend = new MemoryMailBackend({ messages: 0 });
    const saved = await endpoint(backend);
    expect(saved).to.include({ clientSecretSet: true, redirectUri: 'https://app.example/Webhooks/MailToken.aspx' });
    expect(JSON.stringify(saved)).not.to.include('s3cret');
    expect(saved.scopes).to.include('https://outlook.office.com/SMTP.Send');
    const start = await backend.beginAuthorization({ endpointId: saved.id, loginHint: 'dana@contoso.test' });
    const url = new URL(start.url, 'https://app.example');
    expect(url.pathname).to.equal('/demo/mock-oauth.html');
    expect(url.searchParams.get('state')).to.equal(start.state);
    expect(url.searchParams.get('login_hint')).to.equal('dana@contoso.test');
    const status = await backend.completeAuthorization({ state: start.state, code: `mock-code:${start.state}` });
    expect(status).to.include({ state: 'authorized', account: 'dana@contoso.test' });
    const reused = await rejection(
      backend.completeAuthorization({ state: start.state, code: `mock-code:${start.state}` }),
    );
    expect(reused.code).to.equal('validation');
    expect(reused.issuesAt('state')).to.have.length(1);
  });

  it('records provider errors', async () => {
    const backend = new MemoryMailBackend({ messages: 0 });
    const saved = await endpoint(backend);
    const start = await backend.beginAuthorization({ endpointId: saved.id });
    const status = await backend.completeAuthorization({ state: start.state, error: 'AADSTS50011' });
    expect(status).to.include({ state: 'error', lastErrorCode: 'AADSTS50011' });
    expect(status.lastError).to.match(/redirect/i);
    expect(await backend.getAuthorizationStatus({ endpointId: saved.id })).to.deep.equal(status);
  });
});

describe('mock/links', () => {
  it('links answers to linked mail to the same record', async () => {
    const backend = new MemoryMailBackend({ messages: 200 });
    const original = backend.deliver({
      from: { name: 'John Smith', address: 'john.smith@acme.example' },
      subject: 'Pedido 42',
    });
    const [link] = (await backend.linkMessages({ ids: [original.id], objectName: 'customers', objectId: 'C001' }))
      .items;
    expect(link!.fileName).to.match(/^\d{4}-\d{2}-\d{2} Pedido 42\.eml$/);
    const answer = backend.deliver({ subject: 'Re: Pedido 42', inReplyTo: original.messageId! });
    expect(answer.linked).to.equal(true);
    expect((await backend.listMessageLinks({ id: answer.id })).items[0]).to.include({
      objectName: 'customers',
      objectId: 'C001',
    });
    const sent = await backend.sendMessage({
      draft: {
        to: [{ address: 'john.smith@acme.example' }],
        cc: [],
        bcc: [],
        subject: 'Re: Pedido 42',
        attachments: [],
        inReplyTo: answer.messageId!,
      },
    });
    expect((await backend.listMessageLinks({ id: sent.sentId! })).items).to.have.length(1);
    const mails = await backend.listRecordMails({ objectName: 'customers', objectId: 'C001' });
    expect(mails).to.include({ configured: true, matchedOn: 'acme.example' });
    expect(mails.items[0]).to.include({ id: sent.sentId, direction: 'sent', linkedToRecord: true });
    expect((await backend.listRecordMails({ objectName: 'suppliers', objectId: 'S001' })).configured).to.equal(false);
  });

  it('names the records that match the same mails, across configurations', async () => {
    const backend = new MemoryMailBackend({ seed: 'elements', messages: 120 });
    const customers = (await backend.listLinkConfigs()).items[0]!;
    const preview = await backend.previewLinkConfig(customers);
    const acme = preview.shared?.find((group) => group.on === 'acme.example');
    expect(acme?.records.map((r) => r.objectId)).to.have.members(['C001', 'C002', 'C003', 'C004']);
    expect(preview.shared?.some((group) => group.on === 'gmail.com')).to.equal(false);
    const c001 = await backend.listRecordMails({ objectName: 'customers', objectId: 'C001' });
    expect(c001.sharedWith?.map((r) => r.objectId)).to.have.members(['C002', 'C003', 'C004']);
    // Suppliers by domain without ignored domains: the Gmail suppliers match a Gmail customer's address too.
    const suppliers = { ...customers, objectName: 'suppliers', ignoredDomains: [] };
    const draft = await backend.previewLinkConfig(suppliers);
    const gmail = draft.shared?.find((group) => group.on === 'gmail.com');
    expect(gmail?.records.map((r) => r.objectId)).to.include.members(['S015', 'S016', 'C027']);
    await backend.saveLinkConfig(suppliers);
    const c027 = await backend.listRecordMails({ objectName: 'customers', objectId: 'C027' });
    expect(c027.sharedWith?.map((r) => `${r.objectName}/${r.objectId}`)).to.have.members([
      'suppliers/S015',
      'suppliers/S016',
    ]);
  });

  it('makes safe .eml file names', () => {
    const name = safeEmlFileName('2026-01-05T10:00:00Z', 'Re: ../../etc/passwd\u0000 <x>:*?|"\\ \u202e ');
    expect(name.startsWith('2026-01-05 ')).to.equal(true);
    // eslint-disable-next-line no-control-regex -- checking that control characters are gone
    expect(name).not.to.match(/[/\\<>:"|?*\u0000-\u001f]/);
    expect(safeEmlFileName(0, '')).to.equal('1970-01-01 no subject.eml');
    expect(safeFileName('CON')).to.equal('_CON');
    expect(safeFileName('nul.txt')).to.equal('_nul.txt');
    expect(safeFileName('...')).to.equal('file');
  });
});

import { expect } from '@open-wc/testing';
import type { MemoryMailBackend } from './index.js';
import { createJournaledBackend, type JournalEntry } from './journal.js';

const OPTIONS = { seed: 'journal', messages: 200 };

/** What a user sees of a backend: folders, every folder's messages, drafts, links, settings, authorizations. */
async function snapshot(backend: MemoryMailBackend, endpointId: string): Promise<string> {
  const folders = await backend.listFolders();
  const lists = await Promise.all(
    folders.items.map((folder) => backend.listMessages({ folderId: folder.id, limit: 200 })),
  );
  return JSON.stringify({
    folders,
    lists,
    acme: await backend.listRecordMails({ objectName: 'customers', objectId: 'C001' }),
    settings: await backend.getAppSettings(),
    module: await backend.getModuleStatus(),
    endpoints: await backend.listEndpoints(),
    authorization: await backend.getAuthorizationStatus({ endpointId }),
    remote: await backend.getRemoteContentPolicy(),
  });
}

/** Changes everything a demo visitor can change, through the backend's public operations. */
async function useMailbox(
  backend: MemoryMailBackend,
): Promise<{ endpointId: string; draftId: string; deliveredId: string }> {
  const inbox = await backend.listMessages({ folderId: 'inbox', limit: 5 });
  const [first, second, third] = inbox.items.map((m) => m.id);
  await backend.setFlags({ ids: [first!], flags: { seen: true, flagged: true } });
  const folder = await backend.createFolder({ name: 'Proyecto Journal', parentId: null });
  await backend.moveMessages({ ids: [second!], folderId: folder.id });
  await backend.deleteMessages({ ids: [third!] });
  await backend.linkMessages({ ids: [first!], objectName: 'customers', objectId: 'C001' });
  const upload = await backend.uploadAttachment({
    file: new File(['hello, journal'], 'note.txt', { type: 'text/plain' }),
  });
  const draft = await backend.saveDraft({
    to: [{ address: 'ana@acme.example' }],
    cc: [],
    bcc: [],
    subject: 'Presupuesto',
    text: 'Adjunto.',
    attachments: [upload],
  });
  await backend.sendMessage({
    draft: { to: [{ address: 'bob@acme.example' }], cc: [], bcc: [], subject: 'Sent', attachments: [] },
  });
  await backend.setModuleEnabled({ enabled: true });
  await backend.saveAppSettings({ baseUrl: 'https://app.example/', redirectPath: '/oauth' });
  const endpoint = await backend.saveEndpoint({
    provider: 'google',
    name: 'Workspace',
    clientId: '123-abc.apps.googleusercontent.com',
    clientSecret: 's3cret',
  });
  const start = await backend.beginAuthorization({ endpointId: endpoint.id });
  await backend.completeAuthorization({ state: start.state, code: `mock-code:${start.state}` });
  await backend.allowRemoteContent({ sender: 'news@shop.example' });
  const delivered = backend.deliver({
    subject: 'New mail while the page was open',
    date: new Date('2026-12-01T10:00:00Z'),
    attachments: [
      { filename: 'data.bin', contentType: 'application/octet-stream', content: new Uint8Array([0, 1, 255]) },
    ],
  });
  return { endpointId: endpoint.id, draftId: draft.id, deliveredId: delivered.id };
}

describe('mock/journal', () => {
  it('replays the recorded changes onto a fresh backend, which ends in the same state', async () => {
    let journal: readonly JournalEntry[] = [];
    const original = await createJournaledBackend(OPTIONS, { onChange: (entries) => (journal = entries) });
    const { endpointId, draftId, deliveredId } = await useMailbox(original);
    await until(() => journal.length === 15);
    // Stored as text (sessionStorage), read back on the next page.
    const stored = JSON.parse(JSON.stringify(journal)) as JournalEntry[];

    const restored = await createJournaledBackend(OPTIONS, { journal: stored });

    expect(await snapshot(restored, endpointId)).to.equal(await snapshot(original, endpointId));
    expect((await restored.getAuthorizationStatus({ endpointId })).state).to.equal('authorized');
    const draft = await restored.getDraft({ id: draftId });
    expect(draft.attachments.map((a) => a.filename)).to.deep.equal(['note.txt']);
    const raw = async (backend: MemoryMailBackend) => (await backend.getRawMessage({ id: deliveredId })).text();
    expect(await raw(restored)).to.equal(await raw(original));
    const linked = await restored.listRecordMails({ objectName: 'customers', objectId: 'C001' });
    expect(linked.items.some((m) => m.linkedToRecord)).to.equal(true);
  });

  it('keeps recording after a replay, so the journal grows across pages', async () => {
    let journal: readonly JournalEntry[] = [];
    const first = await createJournaledBackend(OPTIONS, { onChange: (entries) => (journal = entries) });
    await first.createFolder({ name: 'Uno', parentId: null });
    await until(() => journal.length === 1);
    const second = await createJournaledBackend(OPTIONS, {
      journal,
      onChange: (entries) => (journal = entries),
    });
    await second.createFolder({ name: 'Dos', parentId: null });
    await until(() => journal.length === 2);
    const third = await createJournaledBackend(OPTIONS, { journal });
    const names = (await third.listFolders()).items.map((f) => f.name);
    expect(names).to.include.members(['Uno', 'Dos']);
  });

  it('records only what succeeded and skips what the new backend refuses', async () => {
    let journal: readonly JournalEntry[] = [];
    const admin = await createJournaledBackend(OPTIONS, { onChange: (entries) => (journal = entries) });
    await admin.createFolder({ name: 'Inbox', parentId: null }).catch(() => undefined);
    await admin.setModuleEnabled({ enabled: true });
    await admin.createFolder({ name: 'Proyectos', parentId: null });
    await until(() => journal.length === 2);
    expect(journal.map((entry) => entry.op)).to.deep.equal(['setModuleEnabled', 'createFolder']);

    const notAdmin = await createJournaledBackend({ ...OPTIONS, isAdmin: false }, { journal });
    expect((await notAdmin.getModuleStatus()).enabled).to.equal(false);
    expect((await notAdmin.listFolders()).items.map((f) => f.name)).to.include('Proyectos');
  });
});

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error('Timed out waiting for the journal.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

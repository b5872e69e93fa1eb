// Secrets are write-only: a password and a client secret saved through the router never come back in any response
// body of any route, error answers included.
import { expect } from '@open-wc/testing';
import { OPERATIONS, encodeRequest, routes, type Operation, type RouteSpec } from '../src/core/index.js';
import { MemoryMailBackend } from '../src/mock/index.js';
import { createMailRouter } from '../src/server/index.js';

const PASSWORD = 'CANARY-password-4b1d';
const SECRET = 'CANARY-client-secret-9e77';
const BASE = 'http://mail.test/api';

describe('write-only secrets', () => {
  it('never returns a saved password or client secret from any route', async () => {
    const backend = new MemoryMailBackend({ seed: 'secrets', messages: 60 });
    const router = createMailRouter(backend, { basePath: '/api', onError: () => {} });
    const bodies: string[] = [];

    const send = async (operation: Operation, input: Record<string, unknown>) => {
      const route: RouteSpec = routes[operation];
      const { path, query, body } = encodeRequest(route, input);
      const url = `${BASE}${path}${query.size ? `?${query}` : ''}`;
      const request = route.upload
        ? (() => {
            const form = new FormData();
            form.append('file', input.file as Blob, String(input.filename ?? 'file.txt'));
            return new Request(url, { method: route.method, body: form });
          })()
        : new Request(url, {
            method: route.method,
            headers: body ? { 'content-type': 'application/json' } : {},
            body: body ? JSON.stringify(body) : undefined,
          });
      if (route.body === 'events') {
        const controller = new AbortController();
        const response = await router.fetch(new Request(request, { signal: controller.signal }));
        const reader = response.body!.getReader();
        const first = await reader.read();
        bodies.push(new TextDecoder().decode(first.value));
        controller.abort();
        await reader.cancel().catch(() => {});
        return response;
      }
      const response = await router.fetch(request);
      bodies.push(await response.clone().text());
      return response;
    };

    const account = {
      preset: 'custom',
      incoming: { protocol: 'imap', host: 'imap.acme.example', port: 993, security: 'tls' },
      outgoing: { host: 'smtp.acme.example', port: 587, security: 'starttls' },
      userName: 'dana',
      email: 'dana.ortiz@example.com',
      displayName: 'Dana',
      auth: 'password',
      oauthEndpointId: null,
    };
    expect((await send('saveAccount', { ...account, password: PASSWORD })).status).to.equal(200);
    const endpoint = await (
      await send('saveEndpoint', {
        provider: 'microsoft',
        name: 'Contoso',
        clientId: '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d',
        tenantId: 'common',
        clientSecret: SECRET,
      })
    ).json();
    // Bad input that carries the secrets must not echo them either.
    expect((await send('saveAccount', { ...account, password: PASSWORD, email: 'broken' })).status).to.equal(400);
    expect(
      (await send('saveEndpoint', { provider: 'microsoft', name: 'X', clientId: 'a b', clientSecret: SECRET })).status,
    ).to.equal(400);

    const folders = (await backend.listFolders()).items;
    const message = (await backend.listMessages({ folderId: 'inbox', hasAttachment: true, limit: 1 })).items[0]!;
    const full = await backend.getMessage({ id: message.id });
    const samples: Partial<Record<Operation, Record<string, unknown>>> = {
      listMessages: { folderId: 'inbox' },
      getMessage: { id: message.id },
      getAttachment: { id: message.id, attachmentId: full.attachments[0]!.id },
      getRawMessage: { id: message.id },
      setFlags: { ids: [message.id], flags: { flagged: true } },
      moveMessages: { ids: [message.id], folderId: 'archive' },
      deleteMessages: { ids: ['no-such'] },
      createFolder: { name: 'Canary folder' },
      renameFolder: { folderId: folders.find((f) => !f.role)!.id, name: 'Renamed' },
      deleteFolder: { folderId: 'no-such' },
      suggestAddresses: { query: 'a' },
      saveDraft: { to: [{ address: 'a@acme.example' }], cc: [], bcc: [], subject: 's', attachments: [] },
      getDraft: { id: 'no-such' },
      deleteDraft: { id: 'no-such' },
      prefillDraft: { id: message.id, mode: 'reply' },
      uploadAttachment: { file: new Blob(['x']), filename: 'x.txt' },
      sendMessage: {
        draft: { to: [{ address: 'a@acme.example' }], cc: [], bcc: [], subject: 's', text: 't', attachments: [] },
      },
      testConnection: { target: 'incoming' },
      deleteEndpoint: { endpointId: 'no-such' },
      saveAppSettings: { baseUrl: 'https://erp.acme.example', redirectPath: '/cb' },
      beginAuthorization: { endpointId: endpoint.id },
      completeAuthorization: { state: 'forged', code: 'x' },
      getAuthorizationStatus: { endpointId: endpoint.id },
      revokeAuthorization: { endpointId: endpoint.id },
      setModuleEnabled: { enabled: true },
      allowRemoteContent: { sender: '@acme.example' },
      revokeRemoteContent: { sender: '@acme.example' },
      saveLinkConfig: {
        objectName: 'suppliers',
        primaryKey: 'id',
        emailField: 'email',
        filterByDomain: false,
        ignoredDomains: [],
        folderPath: '/srv/links',
      },
      deleteLinkConfig: { objectName: 'nothing' },
      previewLinkConfig: {
        objectName: 'suppliers',
        primaryKey: 'id',
        emailField: 'email',
        filterByDomain: false,
        ignoredDomains: [],
        folderPath: '/srv/links',
      },
      searchRecords: { query: 'a' },
      listRecordMails: { objectName: 'customers', objectId: 'C001' },
      linkMessages: { ids: [message.id], objectName: 'customers', objectId: 'C001' },
      unlinkMessage: { id: message.id, objectName: 'customers', objectId: 'C001' },
      listMessageLinks: { id: message.id },
    };
    const saveAccountAgain = { ...account };
    for (const operation of OPERATIONS) {
      const input =
        operation === 'saveAccount'
          ? saveAccountAgain
          : operation === 'saveEndpoint'
            ? { ...endpoint }
            : (samples[operation] ?? {});
      const response = await send(operation, input);
      expect(response.status, `${operation}: ${bodies.at(-1)}`).to.be.below(500);
    }
    // Every route was called, and nothing that came back holds a secret.
    expect(bodies.length).to.be.at.least(OPERATIONS.length + 4);
    for (const body of bodies) {
      expect(body).not.to.include(PASSWORD);
      expect(body).not.to.include(SECRET);
    }
    const account2 = await backend.getAccount();
    expect(account2.settings?.passwordSet).to.equal(true);
  });
});

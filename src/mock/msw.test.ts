import { expect } from '@open-wc/testing';
import { getResponse } from 'msw';
import { MemoryMailBackend, createMailHandlers } from './index.js';

describe('mock/msw', () => {
  const baseUrl = 'https://mail.example/api/mail';

  it('serves the backend through the router, and turns an offline fault into a network error', async () => {
    const backend = new MemoryMailBackend({ messages: 100 });
    const handlers = createMailHandlers(backend, { baseUrl });
    const ok = await getResponse(handlers, new Request(`${baseUrl}/folders/inbox/messages?limit=5&unseen=true`));
    expect(ok?.status).to.equal(200);
    const page = (await ok!.json()) as { items: unknown[]; total: number };
    expect(page.items.length).to.be.at.most(5);

    backend.faults.set('listFolders', { error: 'offline', times: 1 });
    const offline = await getResponse(handlers, new Request(`${baseUrl}/folders`));
    expect(offline?.type).to.equal('error');
    const after = await getResponse(handlers, new Request(`${baseUrl}/folders`));
    expect(after?.status).to.equal(200);

    backend.faults.set('getMessage', { error: 'unauthorized' });
    const denied = await getResponse(handlers, new Request(`${baseUrl}/messages/inbox-1`));
    expect(denied?.status).to.equal(401);
    expect(((await denied!.json()) as { code: string }).code).to.equal('unauthorized');
  });
});

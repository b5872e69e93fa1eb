// The contract, against HttpMailBackend speaking HTTP to the router over the in-memory backend, served by a real
// service worker (MSW). Requests that no handler answers are errors.
import { HttpMailBackend } from '../../src/client/index.js';
import { MemoryMailBackend } from '../../src/mock/index.js';
import { startMockWorker } from '../../src/mock/browser.js';
import { describeMailBackendContract } from './contract-suite.js';
import { mockConsent } from './mock-consent.js';

describeMailBackendContract('HttpMailBackend over MSW', async () => {
  const memory = new MemoryMailBackend({ seed: 'contract', messages: 300 });
  await startMockWorker({ backend: memory, baseUrl: '/api/mail', onUnhandledRequest: 'error' });
  return {
    backend: new HttpMailBackend({ baseUrl: '/api/mail', retries: 0 }),
    deliver: async (message, folderId) => void memory.deliver(message, folderId),
    consent: mockConsent,
  };
});

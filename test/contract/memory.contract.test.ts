// The contract, against the in-memory backend called directly.
import { MemoryMailBackend } from '../../src/mock/index.js';
import { describeMailBackendContract } from './contract-suite.js';
import { mockConsent } from './mock-consent.js';

describeMailBackendContract('MemoryMailBackend', async () => {
  const backend = new MemoryMailBackend({ seed: 'contract', messages: 300 });
  return {
    backend,
    deliver: async (message, folderId) => void backend.deliver(message, folderId),
    consent: mockConsent,
  };
});

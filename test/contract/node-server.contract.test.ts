// The contract, against HttpMailBackend speaking HTTP to the Node server (createMailServer) with a real Dovecot behind
// it: once with a password account and once with an OAuth (XOAUTH2) account authorized through the real code flow.
// The page reaches the server through the test runner's proxy (scripts/mail-servers/wtr-proxy.mjs).
import { HttpMailBackend } from '../../src/client/index.js';
import type { CompleteAuthorizationRequest } from '../../src/core/index.js';
import { describeMailBackendContract } from './contract-suite.js';
import type { Arrival } from './harness.js';

const API = '/api/node-mail';
const TEST = '/api/node-test';

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(TEST + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const csrf = () => /(?:^|; )me_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';

const { skip } = (await fetch(`${TEST}/status`).then((r) => r.json())) as { skip: boolean; available: boolean };

if (skip) {
  console.info('[mail-elements] SKIPPED: the Node server contract (MAIL_SERVERS=skip).');
  describe('MailBackend contract over the Node server and Dovecot', () => {
    it.skip('SKIPPED: MAIL_SERVERS=skip', () => {});
  });
}

for (const auth of skip ? [] : (['password', 'oauth'] as const)) {
  describeMailBackendContract(`HttpMailBackend over the Node server and Dovecot (${auth})`, async () => {
    await post('/reset', { auth });
    // The first request sets the session and CSRF cookies of the new server.
    await fetch(`${API}/capabilities`);
    return {
      backend: new HttpMailBackend({ baseUrl: API, retries: 0, headers: () => ({ 'X-CSRF-Token': csrf() }) }),
      deliver: async (message: Arrival, folderId?: string) =>
        void (await post('/deliver', { ...message, folder: folderId })),
      consent: (url: string, allow: boolean) => post<CompleteAuthorizationRequest>('/consent', { url, allow }),
    };
  });
}

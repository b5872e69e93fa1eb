// The Node server against real Dovecot, relay and OAuth provider (started by scripts/mail-servers): OAuth flow and
// refresh, POP3, send-then-read, IDLE to SSE, CSRF, security headers, settings encryption and hostile input.
import assert from 'node:assert/strict';
import { readFileSync, statSync, symlinkSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as z from 'zod/mini';
import { MailError, routes, type Operation } from '../../src/core/index.js';
import { resolveLinkFolder, safeFileName, writeNewFile } from '../../src/node/index.js';
import { mailServers, tempDir, type ServersState, rejects } from './support.js';
import { API_BASE, consent, createFixture, providerControl, type Fixture } from './test-server.js';

const servers = await mailServers();
const skip = servers === null ? 'MAIL_SERVERS=skip' : false;
const USER = { id: 'local', admin: true };

/** An HTTP client with the session and CSRF cookies of one browser. */
function browser(base: string) {
  let cookies: Record<string, string> = {};
  const request = async (path: string, init: RequestInit & { csrf?: boolean } = {}) => {
    const headers = new Headers(init.headers);
    headers.set(
      'cookie',
      Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    );
    if (init.csrf !== false && cookies.me_csrf) headers.set('x-csrf-token', cookies.me_csrf);
    const response = await fetch(base + path, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      cookies = { ...cookies, [pair!.slice(0, index)]: pair!.slice(index + 1) };
    }
    return response;
  };
  return {
    request,
    json: (path: string, method: string, body: unknown, csrf = true) =>
      request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), csrf }),
  };
}

describe('Node server with real mail servers', { skip }, () => {
  const s = servers as ServersState;
  const fixtures: Fixture[] = [];
  const fixture = async (...args: Parameters<typeof createFixture> extends [unknown, ...infer R] ? R : never) => {
    const created = await createFixture(s, ...args);
    fixtures.push(created);
    return created;
  };
  after(async () => {
    await Promise.all(fixtures.map((f) => f.server.close()));
    await providerControl(s, { tokenTtl: 3600 });
  });

  describe('OAuth 2.0', () => {
    it('runs the code flow with PKCE S256 and reads the mailbox over XOAUTH2', async () => {
      const f = await fixture({ auth: 'oauth' });
      const backend = f.server.backendFor(USER);
      const status = await backend.getAuthorizationStatus({ endpointId: f.endpointId! });
      assert.equal(status.state, 'authorized');
      assert.equal(status.account, f.mailbox.user);
      const start = await backend.beginAuthorization({ endpointId: f.endpointId!, loginHint: f.mailbox.user });
      const url = new URL(start.url);
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      assert.match(url.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.equal(url.searchParams.get('redirect_uri'), 'https://mail-app.example.test/Webhooks/MailToken.aspx');
      assert.equal(url.searchParams.get('access_type'), 'offline');
      assert.equal(url.searchParams.get('prompt'), 'consent');
      const folders = await backend.listFolders();
      assert.ok(folders.items.some((folder) => folder.role === 'inbox' && folder.total > 100));
    });

    it('refuses a reused state, a forged state and a state of another user', async () => {
      const f = await fixture({ auth: 'oauth' });
      const backend = f.server.backendFor(USER);
      const start = await backend.beginAuthorization({ endpointId: f.endpointId!, loginHint: f.mailbox.user });
      const answer = await consent(start.url, true);
      const other = f.server.backendFor({ id: 'someone-else' });
      await rejects(other.completeAuthorization(answer), 'validation');
      // The other user's attempt spent the state: the rightful user must start again.
      await rejects(backend.completeAuthorization(answer), 'validation');
      const second = await backend.beginAuthorization({ endpointId: f.endpointId!, loginHint: f.mailbox.user });
      const ok = await backend.completeAuthorization(await consent(second.url, true));
      assert.equal(ok.state, 'authorized');
      await rejects(
        backend.completeAuthorization(await consent(second.url, true).catch(() => ({ state: second.state }))),
        'validation',
      );
      await rejects(backend.completeAuthorization({ state: 'forged-state-0123456789', code: 'x' }), 'validation');
    });

    it('fails the exchange when the verifier does not match the challenge', async () => {
      const f = await fixture({ auth: 'oauth' });
      const backend = f.server.backendFor(USER);
      const start = await backend.beginAuthorization({ endpointId: f.endpointId!, loginHint: f.mailbox.user });
      f.server.store.db
        .prepare('UPDATE oauth_states SET verifier_sealed = ? WHERE state = ?')
        .run(f.server.store.seal('x'.repeat(43)), start.state);
      const status = await backend.completeAuthorization(await consent(start.url, true));
      assert.equal(status.state, 'error');
      assert.ok(status.lastErrorCode, 'the provider error code is kept');
    });

    it('refreshes with rotation, persisting the new refresh token; the old one is refused by the provider', async () => {
      const f = await fixture({ auth: 'oauth' });
      const before = f.server.store.getSecret('local', `token:${f.endpointId}:refresh`);
      const first = await f.server.broker.accessToken('local', f.endpointId!, true);
      const after = f.server.store.getSecret('local', `token:${f.endpointId}:refresh`);
      assert.ok(first.token);
      assert.notEqual(after, before);
      const reuse = await fetch(`http://${s.host}:${s.ports.oauth}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: before!,
          client_id: 'mail-elements-test.apps.googleusercontent.com',
          client_secret: 'test-client-secret',
        }),
      });
      assert.equal(reuse.status, 400);
      assert.equal(((await reuse.json()) as { error: string }).error, 'invalid_grant');
    });

    it('refreshes an expired token once on an authentication failure, then answers unauthorized', async () => {
      await providerControl(s, { tokenTtl: 2 });
      try {
        const f = await fixture({ auth: 'oauth' });
        const backend = f.server.backendFor(USER);
        await new Promise((resolve) => setTimeout(resolve, 2500));
        // Expired: the broker refreshes (margin) and Dovecot accepts the new token.
        assert.ok((await backend.listFolders()).items.length > 0);
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await providerControl(s, { revokeUser: f.mailbox.user });
        // Open connections stay signed in; a new one needs a token.
        await backend.close();
        await rejects(backend.listFolders(), 'unauthorized');
        const status = await backend.getAuthorizationStatus({ endpointId: f.endpointId! });
        assert.equal(status.state, 'expired');
        assert.equal(status.lastErrorCode, 'invalid_grant');
      } finally {
        await providerControl(s, { tokenTtl: 3600 });
      }
    });

    it('never returns the client secret, and stores secrets encrypted', async () => {
      const f = await fixture({ auth: 'oauth' });
      const backend = f.server.backendFor(USER);
      const text = JSON.stringify([
        await backend.listEndpoints(),
        await backend.getAccount(),
        await backend.getAuthorizationStatus({ endpointId: f.endpointId! }),
      ]);
      assert.ok(!text.includes('test-client-secret'));
      const pw = await fixture();
      const db = readFileSync(join(pw.server.store.db.name));
      assert.ok(!db.includes(Buffer.from(pw.mailbox.password)), 'the password is not in the SQLite file');
      const key = statSync(join(pw.server.store.db.name, '..', 'secret.key'));
      assert.equal(key.mode & 0o777, 0o600);
    });
  });

  describe('sending and reading', () => {
    it('sends through the server; the mail arrives over IMAP and over POP3, with a copy in Sent', async () => {
      const sender = await fixture();
      const receiverImap = await fixture({ empty: true });
      const subject = `Hello ${Date.now()}`;
      const result = await sender.server.backendFor(USER).sendMessage({
        draft: {
          to: [{ address: receiverImap.mailbox.user }],
          cc: [],
          bcc: [],
          subject,
          text: 'Over the wire',
          attachments: [],
        },
        idempotencyKey: 'k1',
      });
      assert.match(result.messageId, /^<.+@example\.test>$/);
      const imap = receiverImap.server.backendFor(USER);
      let found;
      for (let i = 0; i < 30 && !found; i++) {
        found = (await imap.listMessages({ folderId: 'INBOX', subject })).items[0];
        if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(found, 'arrived over IMAP');
      assert.equal(found.messageId, result.messageId);
      const full = await imap.getMessage({ id: found.id });
      assert.equal(full.text?.trim(), 'Over the wire');
      // The same mailbox over POP3.
      const pop = await fixture({ empty: true, protocol: 'pop3' });
      pop.server.store.set('local', 'account', {
        ...pop.server.store.get('local', 'account')!,
        userName: receiverImap.mailbox.user,
        email: receiverImap.mailbox.user,
      });
      pop.server.store.setSecret('local', 'account:password', receiverImap.mailbox.password);
      const pop3 = pop.server.backendFor(USER);
      const page = await pop3.listMessages({ folderId: 'INBOX' });
      assert.equal(page.items[0]?.subject, subject);
      assert.equal((await pop3.getMessage({ id: page.items[0]!.id })).text?.trim(), 'Over the wire');
      // Sent once per key, one copy in Sent.
      const again = await sender.server.backendFor(USER).sendMessage({
        draft: {
          to: [{ address: receiverImap.mailbox.user }],
          cc: [],
          bcc: [],
          subject,
          text: 'Over the wire',
          attachments: [],
        },
        idempotencyKey: 'k1',
      });
      assert.equal(again.messageId, result.messageId);
      const sent = await sender.server.backendFor(USER).listMessages({ folderId: 'Sent', subject });
      assert.equal(sent.items.length, 1);
    });

    it('sends over XOAUTH2 too', async () => {
      const f = await fixture({ auth: 'oauth', empty: true });
      const result = await f.server.backendFor(USER).sendMessage({
        draft: { to: [{ address: f.mailbox.user }], cc: [], bcc: [], subject: 'To myself', text: 'x', attachments: [] },
      });
      assert.ok(result.sentId);
    });
  });

  describe('POP3 accounts', () => {
    it('lists the inbox by UIDL cursor, says what it cannot do, and deletes', async () => {
      const f = await fixture({ protocol: 'pop3' });
      const backend = f.server.backendFor(USER);
      const capabilities = await backend.getCapabilities();
      assert.equal(capabilities.protocol, 'pop3');
      assert.equal(capabilities.folders, false);
      assert.equal(capabilities.flags, false);
      const folders = (await backend.listFolders()).items;
      assert.deepEqual(
        folders.map((folder) => folder.role),
        ['inbox'],
      );
      const first = await backend.listMessages({ folderId: 'INBOX', limit: 10 });
      assert.equal(first.items.length, 10);
      const second = await backend.listMessages({ folderId: 'INBOX', limit: 10, cursor: first.nextCursor! });
      assert.equal(new Set([...first.items, ...second.items].map((m) => m.id)).size, 20);
      await rejects(backend.setFlags({ ids: [first.items[0]!.id], flags: { seen: true } }), 'unsupported');
      await rejects(backend.createFolder({ name: 'X' }), 'unsupported');
      await rejects(backend.listMessages({ folderId: 'INBOX', unseen: true }), 'unsupported');
      const removed = await backend.deleteMessages({ ids: [first.items[0]!.id] });
      assert.deepEqual(removed.deleted, [first.items[0]!.id]);
      await rejects(backend.getMessage({ id: first.items[0]!.id }), 'not-found');
    });

    it('fills list rows from the first lines of each mail (TOP), read once per UIDL', async () => {
      const f = await fixture({ protocol: 'pop3' });
      const backend = f.server.backendFor(USER);
      const page = await backend.listMessages({ folderId: 'INBOX', limit: 30 });
      assert.equal(page.items.length, 30);
      for (const item of page.items) {
        const message = await backend.getMessage({ id: item.id });
        assert.ok(item.snippet.length > 0, `a snippet for "${item.subject}"`);
        assert.equal(item.snippet, message.snippet, `the snippet of "${item.subject}"`);
        assert.equal(item.hasAttachments, message.hasAttachments, `attachments of "${item.subject}"`);
        assert.ok(item.size >= message.size * 0.9 && item.size > 0, `the size of "${item.subject}"`);
      }
      // A second listing reads no message again: the rows come from the UIDL cache, equal to the first.
      const again = await backend.listMessages({ folderId: 'INBOX', limit: 30 });
      assert.deepEqual(again.items, page.items);
    });

    it('signs in to POP3 with XOAUTH2', async () => {
      const f = await fixture({ protocol: 'pop3', auth: 'oauth' });
      const page = await f.server.backendFor(USER).listMessages({ folderId: 'INBOX', limit: 5 });
      assert.equal(page.items.length, 5);
    });
  });

  describe('HTTP', () => {
    let f: Fixture;
    let base: string;
    before(async () => {
      f = await fixture();
      base = await f.server.listen(0);
    });

    it('pushes new mail to an SSE client within 2 seconds (IDLE)', async () => {
      const client = browser(base);
      const controller = new AbortController();
      const response = await client.request(`${API_BASE}/events`, { signal: controller.signal });
      assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      await reader.read(); // ": connected"
      const started = Date.now();
      const { deliverRaw, emlOf } = await import('./support.js');
      deliverRaw(
        s,
        f.mailbox.user,
        emlOf({ subject: 'Pushed', from: { address: 'push@acme.example' } }, f.mailbox.user),
      );
      let text = '';
      while (!text.includes('Pushed')) text += decoder.decode((await reader.read()).value);
      const elapsed = Date.now() - started;
      controller.abort();
      assert.ok(elapsed < 2000, `arrived after ${elapsed} ms`);
      assert.match(text, /"type":"message-added"/);
    });

    it('requires the CSRF token on state-changing requests and sets safe cookies', async () => {
      const client = browser(base);
      const first = await client.request(`${API_BASE}/capabilities`);
      assert.equal(first.status, 200);
      const cookies = first.headers.getSetCookie().join('\n');
      assert.match(cookies, /me_sid=[^;]+; HttpOnly; Path=\/; SameSite=Lax/);
      assert.equal(first.headers.get('x-content-type-options'), 'nosniff');
      const without = await client.json(`${API_BASE}/folders`, 'POST', { name: 'Nope' }, false);
      assert.equal(without.status, 403);
      const withToken = await client.json(`${API_BASE}/folders`, 'POST', { name: 'Yes' });
      assert.equal(withToken.status, 200);
    });

    it('answers exactly what the contract allows with output validation off, as in production', async () => {
      const off = await fixture({ auth: 'oauth', validateOutput: false });
      const client = browser(await off.server.listen(0));
      const get = async (operation: Operation, path: string) => {
        const response = await client.request(API_BASE + path);
        assert.equal(response.status, 200, path);
        const answer = (await response.json()) as unknown;
        // What validation would have sent: the same, so nothing unvalidated or unknown leaves the reference server.
        assert.deepEqual((routes[operation].output as z.ZodMiniType).parse(answer), answer, path);
        return answer;
      };
      await get('getCapabilities', '/capabilities');
      await get('getAccount', '/account');
      await get('listEndpoints', '/oauth/endpoints');
      await get('listFolders', '/folders');
      const page = (await get('listMessages', '/folders/INBOX/messages?limit=50')) as { items: { id: string }[] };
      assert.ok(page.items.length > 0);
      for (const { id } of page.items.slice(0, 5)) await get('getMessage', `/messages/${encodeURIComponent(id)}`);
    });

    it('validates answers unless NODE_ENV is production, when validateOutput is not given', async () => {
      const environment = process.env.NODE_ENV;
      const setEnvironment = (value: string | undefined) => {
        if (value === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = value;
      };
      const extraKeyFrom = async (mode: string | undefined) => {
        setEnvironment(mode);
        const created = await fixture({ empty: true }).finally(() => setEnvironment(environment));
        const backend = created.server.backendFor(USER);
        const capabilities = backend.getCapabilities.bind(backend);
        backend.getCapabilities = async (...args) => ({ ...(await capabilities(...args)), extra: 'X' });
        const response = await browser(await created.server.listen(0)).request(`${API_BASE}/capabilities`);
        return ((await response.json()) as { extra?: string }).extra;
      };
      assert.equal(await extraKeyFrom(undefined), undefined, 'stripped by validation');
      assert.equal(await extraKeyFrom('production'), 'X', 'sent as made');
    });

    it('serves the OAuth callback with no-referrer and a strict CSP, and refuses a bad state', async () => {
      const response = await fetch(`${base}/Webhooks/MailToken.aspx?state=forged&code=x`);
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'nonce-/);
      const html = await response.text();
      assert.match(html, /Authorization failed/);
      assert.ok(!html.includes('<script>'), 'only nonce scripts');
    });

    it('answers hostile and malformed requests with 4xx problems, never 500', async () => {
      const client = browser(base);
      await client.request(`${API_BASE}/capabilities`);
      const cases: [string, string, unknown][] = [
        [`${API_BASE}/folders`, 'POST', { name: 'a\r\nb' }],
        [`${API_BASE}/folders`, 'POST', { name: 'x', parentId: '\u0000' }],
        [`${API_BASE}/folders`, 'POST', 'not json'],
        [
          `${API_BASE}/drafts`,
          'POST',
          { to: [{ address: 'a@b.example' }], cc: [], bcc: [], subject: 'x\r\nBcc: e@evil.example', attachments: [] },
        ],
        [
          `${API_BASE}/drafts`,
          'POST',
          { to: [{ address: 'a@b.example\r\nRCPT TO:<x@y>' }], cc: [], bcc: [], subject: 'x', attachments: [] },
        ],
        [`${API_BASE}/send`, 'POST', { draft: { to: [], cc: [], bcc: [], subject: 's', attachments: [] } }],
        [`${API_BASE}/messages/flags`, 'POST', { ids: ['1:1:INBOX\r\nA1 LOGOUT'], flags: { seen: true } }],
        [`${API_BASE}/messages/move`, 'POST', { ids: ['garbage'], folderId: 'INBOX' }],
        [
          `${API_BASE}/links/configs/customers`,
          'PUT',
          {
            objectName: 'customers',
            primaryKey: 'id',
            emailField: 'e',
            filterByDomain: false,
            ignoredDomains: [],
            folderPath: '/var/../etc',
          },
        ],
        [
          `${API_BASE}/links/configs/customers`,
          'PUT',
          {
            objectName: 'customers',
            primaryKey: 'id',
            emailField: 'e',
            filterByDomain: false,
            ignoredDomains: [],
            folderPath: 'C:\\..\\Windows',
          },
        ],
        [`${API_BASE}/account`, 'PUT', { nonsense: true }],
        [`${API_BASE}/oauth/complete`, 'POST', { state: 'x\r\ny' }],
      ];
      for (const [path, method, body] of cases) {
        const response = await client.request(path, {
          method,
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
        assert.ok(
          response.status >= 400 && response.status < 500,
          `${method} ${path} ${JSON.stringify(body)} -> ${response.status}`,
        );
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      }
      const search = await client.request(
        `${API_BASE}/folders/INBOX/messages?text=${encodeURIComponent('a\r\nA1 LOGOUT')}`,
      );
      assert.equal(search.status, 400);
      const badFolder = await client.request(
        `${API_BASE}/folders/${encodeURIComponent('x\r\nA1 DELETE INBOX')}/messages`,
      );
      assert.ok(badFolder.status === 400 || badFolder.status === 404, String(badFolder.status));
      // The mailbox survived all of it.
      assert.ok((await client.request(`${API_BASE}/folders`)).ok);
    });

    it('refuses an oversized upload', async () => {
      const client = browser(base);
      await client.request(`${API_BASE}/capabilities`);
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]), 'big.bin');
      const response = await client.request(`${API_BASE}/uploads`, { method: 'POST', body: form });
      assert.equal(response.status, 413);
    });
  });
});

describe('linked mail files', () => {
  it('reduces names to a safe terminal name', () => {
    for (const hostile of [
      '../../etc/passwd',
      '/abs/path',
      'C:\\Windows\\system.ini',
      'a\u0000b',
      'CON',
      'nul.txt',
      '..',
      '.hidden',
      'x'.repeat(500),
    ]) {
      const name = safeFileName(hostile);
      // eslint-disable-next-line no-control-regex -- NUL is one of the characters that must be gone
      assert.ok(!/[\\/\u0000]/.test(name), name);
      assert.ok(!/^\./.test(name), name);
      assert.ok(!/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name), name);
      assert.ok([...name].length <= 120);
    }
  });

  it('keeps configured folders inside the base directory and follows no symlink out', () => {
    const base = tempDir('me-links-');
    const outside = tempDir('me-outside-');
    assert.ok(resolveLinkFolder('/customers/acme', base).startsWith(base));
    assert.ok(resolveLinkFolder('C:\\customers', base).startsWith(base));
    assert.throws(() => resolveLinkFolder('/a/../../etc', base), MailError);
    assert.throws(() => resolveLinkFolder('/a\u0000b', base), MailError);
    mkdirSync(join(base, 'evil-parent'), { recursive: true });
    symlinkSync(outside, join(base, 'evil-parent', 'link'));
    assert.throws(
      () => resolveLinkFolder('/evil-parent/link', base),
      (error: MailError) => error.code === 'forbidden',
    );
    assert.deepEqual(readdirSync(outside), []);
  });

  it('never overwrites and never writes through a planted symlink', () => {
    const folder = tempDir('me-files-');
    const outside = tempDir('me-outside-');
    assert.equal(writeNewFile(folder, 'a.eml', Buffer.from('one')), 'a.eml');
    assert.equal(writeNewFile(folder, 'a.eml', Buffer.from('two')), 'a-2.eml');
    assert.equal(readFileSync(join(folder, 'a.eml'), 'utf8'), 'one');
    symlinkSync(join(outside, 'target.eml'), join(folder, 'b.eml'));
    assert.equal(writeNewFile(folder, 'b.eml', Buffer.from('three')), 'b-2.eml');
    assert.equal(existsSync(join(outside, 'target.eml')), false);
    assert.throws(() => writeNewFile(folder, '../escape.eml', Buffer.from('x')), MailError);
  });
});

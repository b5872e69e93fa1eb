/**
 * A test wrapper around `createMailServer`: each `reset` makes a fresh Dovecot user with the seeded mailbox and a
 * fresh server (new SQLite file), configured with a password account or an OAuth (XOAUTH2) account authorized
 * through the real flow against the local provider. Also serves test-only endpoints under `/api/node-test/` for the
 * browser contract suite (reset, deliver, consent). Loopback only; never part of the package.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createMailServer, type MailServer } from '../../src/node/index.js';
import type { ProviderUrls } from '../../src/node/index.js';
import {
  certOf,
  deliverRaw,
  emlOf,
  mailServers,
  newMailbox,
  OAUTH_CLIENT,
  recordSource,
  tempDir,
  type ServersState,
  type TestMailbox,
} from './support.js';

export const API_BASE = '/api/node-mail';
const TEST_BASE = '/api/node-test';

export interface Fixture {
  servers: ServersState;
  mailbox: TestMailbox;
  server: MailServer;
  auth: 'password' | 'oauth';
  endpointId?: string;
}

export function localProvider(servers: ServersState): ProviderUrls {
  const base = `http://${servers.host}:${servers.ports.oauth}`;
  return { authorizeUrl: () => `${base}/authorize`, tokenUrl: () => `${base}/token` };
}

export async function providerControl(servers: ServersState, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`http://${servers.host}:${servers.ports.oauth}/__control`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`provider control failed: ${response.status}`);
}

/** Plays the provider's consent page: follows nothing, reads the redirect it answers with. */
export async function consent(url: string, allow: boolean): Promise<{ state: string; code?: string; error?: string }> {
  const state = new URL(url).searchParams.get('state') ?? '';
  if (!allow) return { state, error: 'access_denied' };
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (!location) throw new Error(`the provider did not redirect (${response.status})`);
  const back = new URL(location);
  const code = back.searchParams.get('code') ?? undefined;
  const error = back.searchParams.get('error') ?? undefined;
  return { state: back.searchParams.get('state') ?? state, ...(code ? { code } : {}), ...(error ? { error } : {}) };
}

export interface FixtureOptions {
  auth?: 'password' | 'oauth';
  protocol?: 'imap' | 'pop3';
  empty?: boolean;
  /** The public URL of this server, for redirect URLs. */
  baseUrl?: string;
  basePath?: string;
  maxDownloadBytes?: number;
  /** false: conversations threaded from headers, as for a server without THREAD=REFERENCES. */
  serverThreading?: boolean;
  /** UIDs per IMAP FETCH command. */
  fetchBatchSize?: number;
  uploadDir?: string;
  /** The server's `validateOutput` (unset: its default). */
  validateOutput?: boolean;
}

/** A fresh mailbox and a fresh server configured for it. */
export async function createFixture(servers: ServersState, options: FixtureOptions = {}): Promise<Fixture> {
  const mailbox = await newMailbox(servers, { empty: options.empty });
  const dataDir = tempDir('me-data-');
  const server = createMailServer({
    dataDir,
    basePath: options.basePath ?? API_BASE,
    baseUrl: options.baseUrl ?? 'https://mail-app.example.test',
    records: recordSource(mailbox.records),
    oauth: { providers: { google: localProvider(servers), microsoft: localProvider(servers) } },
    tls: { ca: certOf(servers) },
    connectTimeoutMs: 3000,
    linkBaseDir: join(dataDir, 'links'),
    maxAttachmentBytes: 5 * 1024 * 1024,
    ...(options.maxDownloadBytes ? { maxDownloadBytes: options.maxDownloadBytes } : {}),
    ...(options.serverThreading !== undefined ? { serverThreading: options.serverThreading } : {}),
    ...(options.fetchBatchSize ? { fetchBatchSize: options.fetchBatchSize } : {}),
    ...(options.uploadDir ? { uploadDir: options.uploadDir } : {}),
    ...(options.validateOutput !== undefined ? { validateOutput: options.validateOutput } : {}),
    secureCookies: false,
  });
  const user = { id: 'local', admin: true };
  const backend = server.backendFor(user);
  const auth = options.auth ?? 'password';
  const protocol = options.protocol ?? 'imap';
  let endpointId: string | undefined;
  if (auth === 'oauth') {
    await backend.saveAppSettings({
      baseUrl: options.baseUrl ?? 'https://mail-app.example.test',
      redirectPath: '/Webhooks/MailToken.aspx',
    });
    const endpoint = await backend.saveEndpoint({
      provider: 'google',
      name: 'Test provider',
      clientId: OAUTH_CLIENT.clientId,
      clientSecret: OAUTH_CLIENT.clientSecret,
    });
    endpointId = endpoint.id;
    const start = await backend.beginAuthorization({ endpointId, loginHint: mailbox.user });
    const status = await backend.completeAuthorization(await consent(start.url, true));
    if (status.state !== 'authorized')
      throw new Error(`OAuth setup failed: ${status.lastErrorCode} ${status.lastError}`);
  }
  await backend.saveAccount({
    preset: 'custom',
    incoming:
      protocol === 'pop3'
        ? { protocol: 'pop3', host: servers.host, port: servers.ports.pop3s, security: 'tls' }
        : { protocol: 'imap', host: servers.host, port: servers.ports.imaps, security: 'tls' },
    outgoing: { host: servers.host, port: servers.ports.submission, security: 'starttls' },
    userName: mailbox.user,
    email: mailbox.user,
    displayName: 'Test User',
    auth,
    oauthEndpointId: endpointId ?? null,
    ...(auth === 'password' ? { password: mailbox.password } : {}),
  });
  return { servers, mailbox, server, auth, ...(endpointId ? { endpointId } : {}) };
}

/** The wrapper for the browser suite: one HTTP server whose mail server is replaced on every reset. */
export async function startTestServer(
  port = Number(process.env.NODE_MAIL_TEST_PORT ?? 0),
): Promise<{ url: string; close(): Promise<void> }> {
  const servers = await mailServers().catch((error: Error) => {
    console.error(`[mail-elements] the mail servers could not be started: ${error.message}`);
    return undefined;
  });
  let current: Fixture | undefined;
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const readBody = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  const http = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      try {
        if (url.pathname === `${TEST_BASE}/status`) {
          return json(response, 200, { skip: servers === null, available: !!servers });
        }
        if (url.pathname.startsWith(TEST_BASE)) {
          if (!servers)
            return json(response, 503, { error: 'The mail servers are not available: see the test server log.' });
          const body = request.method === 'POST' ? await readBody(request) : {};
          if (url.pathname === `${TEST_BASE}/reset`) {
            const old = current;
            current = undefined;
            await old?.server.close();
            current = await createFixture(servers, {
              auth: body.auth === 'oauth' ? 'oauth' : 'password',
              baseUrl: String(body.baseUrl ?? 'https://mail-app.example.test'),
            });
            await providerControl(servers, {
              registerClient: { clientId: 'client-123.apps.googleusercontent.com', clientSecret: 's3cret' },
            });
            return json(response, 200, { user: current.mailbox.user, auth: current.auth });
          }
          if (url.pathname === `${TEST_BASE}/deliver` && current) {
            const message = body as unknown as Parameters<typeof emlOf>[0] & { folder?: string };
            deliverRaw(servers, current.mailbox.user, emlOf(message, current.mailbox.user), message.folder ?? 'INBOX');
            return json(response, 200, {});
          }
          if (url.pathname === `${TEST_BASE}/consent`) {
            return json(response, 200, await consent(String(body.url), body.allow === true));
          }
          return json(response, 404, { error: 'no such test route' });
        }
        if (!current) return json(response, 503, { error: 'reset first' });
        await current.server.handle(request, response);
      } catch (error) {
        console.error('[mail-elements] test server:', error);
        if (!response.headersSent) json(response, 500, { error: String((error as Error)?.message ?? error) });
      }
    })();
  });
  http.requestTimeout = 0;
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const address = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await current?.server.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { url, close } = await startTestServer();
  console.info(`[mail-elements] test mail server on ${url}`);
  process.send?.({ url });
  const stop = () => void close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

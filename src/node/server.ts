/**
 * `createMailServer(options)`: the mail API (`createMailRouter` over one `ImapMailBackend` per user) on Node's HTTP
 * server, with the OAuth callback page, a cookie session with CSRF protection, a hook for the host's own user
 * identity, and security headers.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { MailError, type AuthorizationStatus } from '../core/index.js';
import { answerAsText, createMailRouter, jsonTextOf, type MailRouter } from '../server/index.js';
import { ImapMailBackend, type RecordSource } from './imap-backend.js';
import type { ConnectionOptions } from './connection.js';
import { OAuthBroker, type OAuthBrokerOptions } from './oauth.js';
import { SettingsStore } from './store.js';
import { removeAbandonedUploadFolders } from './uploads.js';

export interface MailUser {
  /** A stable id of the host's user; mail accounts belong to it. */
  id: string;
  /** May enable or disable the module. */
  admin?: boolean;
}

export interface MailServerOptions extends ConnectionOptions {
  /** Where the SQLite file and the key file live. */
  dataDir: string;
  /** Where the API is mounted. Default: `/api/mail`. */
  basePath?: string;
  /**
   * Who is asking, from the request (the host's own session, a header set by its proxy...). `null` answers 401.
   * Default: one local administrator, for a single-user server on a trusted machine.
   */
  identify?: (request: IncomingMessage) => MailUser | null | Promise<MailUser | null>;
  records?: RecordSource;
  /** OAuth provider URLs (tests point them at a local provider). */
  oauth?: OAuthBrokerOptions;
  linkBaseDir?: string;
  deleteLinkedFiles?: boolean;
  /** Answers requests outside the API and the callback (static pages); unset, they get 404. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
  /** The application's public base URL, used for OAuth redirect URLs until an administrator saves another. */
  baseUrl?: string;
  /** Send cookies with `Secure` (default: true unless the application base URL is http). */
  secureCookies?: boolean;
  /** Largest upload in bytes (default 25 MiB). */
  maxAttachmentBytes?: number;
  /** Largest attachment served, in bytes (default 50 MiB). */
  maxDownloadBytes?: number;
  /**
   * Where uploaded attachments wait for their draft (each user's backend in a private folder). Default: temp. Folders
   * left there by a server that crashed are removed at start.
   */
  uploadDir?: string;
  /** Use the server's THREAD=REFERENCES when it has it (default true); false threads from headers here. */
  serverThreading?: boolean;
  /** UIDs per IMAP FETCH command when many messages are read at once (default 500). */
  fetchBatchSize?: number;
  /**
   * Validate every API answer against the contract before it leaves (the router's `validateOutput`). Default: true,
   * except when `NODE_ENV` is `production`: the backend's answers are checked against the contract by the test suites,
   * and on a list of 50 messages validating costs more than encoding the JSON. Requests are always validated.
   */
  validateOutput?: boolean;
}

export interface MailServer {
  /** The request listener, to mount on an existing server. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Starts a server of its own; resolves with its URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** The backend of one user (for hosts and tests). */
  backendFor(user: MailUser): ImapMailBackend;
  readonly store: SettingsStore;
  readonly broker: OAuthBroker;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'me_sid';
const CSRF_COOKIE = 'me_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** CSRF tokens remembered (one HMAC per session rather than per request). */
const MAX_CSRF_TOKENS = 10_000;

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
};

export function createMailServer(options: MailServerOptions): MailServer {
  const store = new SettingsStore({ dataDir: options.dataDir });
  const broker = new OAuthBroker(store, { ...options.oauth, defaultBaseUrl: options.baseUrl });
  const basePath = (options.basePath ?? '/api/mail').replace(/\/+$/, '');
  const identify = options.identify ?? (() => ({ id: 'local', admin: true }));
  const csrfKey = randomBytes(32);
  const validateOutput = options.validateOutput ?? process.env.NODE_ENV !== 'production';
  const users = new Map<string, { backend: ImapMailBackend; router: MailRouter; used: number }>();
  let server: Server | undefined;
  removeAbandonedUploadFolders(options.uploadDir);

  const entryFor = (user: MailUser) => {
    const key = `${user.id}\u0000${user.admin ? 1 : 0}`;
    let entry = users.get(key);
    if (!entry) {
      const backend = new ImapMailBackend({
        ...options,
        store,
        broker,
        userId: user.id,
        isAdmin: user.admin ?? false,
      });
      entry = {
        backend,
        router: createMailRouter(backend, { basePath, maxUploadBytes: options.maxAttachmentBytes, validateOutput }),
        used: Date.now(),
      };
      users.set(key, entry);
      if (users.size > 1000) {
        const oldest = [...users.entries()].sort((a, b) => a[1].used - b[1].used)[0]!;
        users.delete(oldest[0]);
        void oldest[1].backend.closeWhenIdle();
      }
    }
    entry.used = Date.now();
    return entry;
  };

  const csrfTokens = new Map<string, string>();
  const csrfFor = (sid: string) => {
    let token = csrfTokens.get(sid);
    if (token === undefined) {
      token = createHmac('sha256', csrfKey).update(sid).digest('base64url');
      if (csrfTokens.size >= MAX_CSRF_TOKENS) csrfTokens.clear();
      csrfTokens.set(sid, token);
    }
    return token;
  };

  /** The session id from the cookie, or a new one set on the response. */
  const session = (request: IncomingMessage, response: ServerResponse, baseUrl: string): string => {
    const cookies = parseCookies(request.headers.cookie);
    let sid = cookies[SESSION_COOKIE];
    const secure = options.secureCookies ?? !/^http:/.test(baseUrl || 'http:');
    const flags = `Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
    if (!sid || !/^[A-Za-z0-9_-]{32,64}$/.test(sid)) {
      sid = randomBytes(24).toString('base64url');
      appendHeader(response, 'Set-Cookie', `${SESSION_COOKIE}=${sid}; HttpOnly; ${flags}`);
    }
    if (cookies[CSRF_COOKIE] !== csrfFor(sid))
      appendHeader(response, 'Set-Cookie', `${CSRF_COOKIE}=${csrfFor(sid)}; ${flags}`);
    return sid;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const { baseUrl, redirectPath: callbackPath } = broker.getAppSettings();
      const sid = session(request, response, baseUrl);
      if (url.pathname === callbackPath && request.method === 'GET') {
        return await callback(request, response, url);
      }
      if (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`)) {
        if (UNSAFE.has(request.method ?? 'GET')) {
          const token = String(request.headers[CSRF_HEADER] ?? '');
          const expected = csrfFor(sid);
          if (token.length !== expected.length || !timingSafeEqual(Buffer.from(token), Buffer.from(expected))) {
            return sendProblem(
              response,
              new MailError('forbidden', 'The CSRF token is missing or wrong: reload the page.'),
            );
          }
        }
        const user = await identify(request);
        if (!user) return sendProblem(response, new MailError('unauthorized', 'Sign in first.'));
        const { router } = entryFor(user);
        return await sendFetchResponse(response, await router.fetch(answerAsText(toFetchRequest(request, response))));
      }
      if (options.fallback) return await options.fallback(request, response);
      sendProblem(response, new MailError('not-found', 'There is no such page.'));
    } catch (error) {
      console.error('[mail-elements] request failed:', error);
      if (!response.headersSent)
        sendProblem(response, new MailError('server', 'The server could not complete the request.'));
      else response.destroy();
    }
  };

  /** The provider's redirect: finish the flow, then a page that tells the opener and closes. */
  const callback = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    response.setHeader('Referrer-Policy', 'no-referrer');
    const user = await identify(request);
    let status: AuthorizationStatus | { state: 'error'; lastError: string };
    if (!user) status = { state: 'error', lastError: 'Sign in first.' };
    else {
      const param = (name: string) => url.searchParams.get(name) ?? undefined;
      try {
        status = await entryFor(user).backend.completeAuthorization({
          state: param('state') ?? '',
          code: param('code'),
          error: param('error'),
          errorDescription: param('error_description'),
        });
      } catch (error) {
        status = { state: 'error', lastError: MailError.from(error).message };
      }
    }
    const nonce = randomBytes(16).toString('base64');
    const payload = JSON.stringify({ type: 'mail-oauth-complete', status }).replace(/</g, '\\u003c');
    const ok = status.state === 'authorized';
    const message = ok
      ? 'The mailbox is authorized. You can close this window.'
      : `Authorization failed: ${'lastError' in status ? (status.lastError ?? '') : ''}`;
    response.writeHead(ok ? 200 : 400, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    });
    response.end(
      `<!doctype html><meta charset="utf-8"><title>Mail authorization</title><p id="m">${escapeHtml(message)}</p>` +
        `<script nonce="${nonce}">(function(){var d=${payload};` +
        `if(window.opener){window.opener.postMessage(d,location.origin);setTimeout(function(){window.close()},300)}` +
        `})();</script>`,
    );
  };

  return {
    handle,
    store,
    broker,
    backendFor: (user) => entryFor(user).backend,
    async listen(port = 0, host = '127.0.0.1') {
      server = createServer((request, response) => void handle(request, response));
      server.requestTimeout = 0; // SSE streams stay open
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    },
    async close() {
      await Promise.all([...users.values()].map((entry) => entry.backend.close()));
      users.clear();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      store.close();
    },
  };
}

/** A Fetch `Request` for an incoming Node request; aborted when the client goes away. */
export function toFetchRequest(request: IncomingMessage, response: ServerResponse): Request {
  const controller = new AbortController();
  // Only a client that leaves before the answer is complete aborts the work (an event stream ends that way).
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const headers: [string, string][] = [];
  for (const name in request.headers) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.push([name, value]);
    else if (value) for (const item of value) headers.push([name, item]);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`), {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/** Writes a Fetch `Response`, streaming its body (event streams flush every chunk). */
export async function sendFetchResponse(response: ServerResponse, fetched: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  fetched.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = fetched.headers.getSetCookie();
  if (cookies.length) appendHeader(response, 'Set-Cookie', ...cookies);
  const json = jsonTextOf(fetched);
  if (json !== undefined) {
    // The router's own JSON answers go out as the text they were made from, with their length, in one write (the
    // request was marked with `answerAsText`, so they have no body stream at all).
    headers['content-length'] = String(Buffer.byteLength(json));
    response.writeHead(fetched.status, headers);
    response.end(json);
    return;
  }
  if (!fetched.body) {
    response.writeHead(fetched.status, headers);
    response.end();
    return;
  }
  if (/^application\/(problem\+)?json/i.test(fetched.headers.get('content-type') ?? '')) {
    // A JSON answer goes out with its length in one write, rather than as chunks after separately flushed headers:
    // under load the extra writes cost more than the copy. Files and event streams are streamed below.
    const body = Buffer.from(await fetched.arrayBuffer());
    headers['content-length'] = String(body.byteLength);
    response.writeHead(fetched.status, headers);
    response.end(body);
    return;
  }
  response.writeHead(fetched.status, headers);
  response.flushHeaders();
  const reader = fetched.body.getReader();
  response.on('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!response.write(value)) await new Promise((resolve) => response.once('drain', resolve));
    }
  } catch {
    // the client went away
  }
  response.end();
}

function sendProblem(response: ServerResponse, error: MailError): void {
  response.writeHead(error.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(error.toProblem()));
}

function appendHeader(response: ServerResponse, name: string, ...values: string[]): void {
  const current = response.getHeader(name);
  const list = current === undefined ? [] : Array.isArray(current) ? current : [String(current)];
  response.setHeader(name, [...list, ...values]);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) out[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

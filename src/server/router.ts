/**
 * `createMailRouter(backend)`: any `MailBackend` served over HTTP as the route table describes, as a Fetch-API
 * handler (`Request -> Response`). It only uses Fetch-API globals, so the same router runs inside an MSW service
 * worker handler and on Node's HTTP server.
 *
 * Every request is validated with the contract's schemas before the backend sees it, and every answer is validated
 * (and stripped of unknown keys) before the client sees it, unless the host turns that off for a backend it trusts
 * (`validateOutput: false`). Every failure is `application/problem+json`.
 */
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import {
  decodeRequest,
  MailError,
  OPERATIONS,
  parseInput,
  routes,
  type CallOptions,
  type HttpMethod,
  type MailBackend,
  type Operation,
  type RouteSpec,
} from '../core/index.js';
import { readJsonBody, readUploadBody } from './body.js';
import { eventStreamResponse } from './events.js';
import { blobResponse, jsonResponse, noContentResponse, problemResponse } from './responses.js';

export interface MailRouterOptions {
  /** Where the routes are mounted, like `/api/mail`. Default: `''` (the root). */
  basePath?: string;
  /** The largest JSON body accepted, in bytes; larger ones get 413. Default: 1 MiB. */
  maxBodyBytes?: number;
  /** The largest upload accepted, in bytes. Default: the backend's `maxAttachmentBytes` capability, else 25 MiB. */
  maxUploadBytes?: number;
  /**
   * Called with every unexpected error (a backend throwing something other than a `MailError`, an invalid backend
   * result, a `server` MailError) for the host's logs. The client only ever sees a generic message for these.
   * Default: `console.error` with a `[mail-elements]` prefix.
   */
  onError?: (error: unknown, request: Request) => void;
  /** How often the event stream sends a keep-alive comment, in milliseconds; 0 for never. Default: 15000. */
  heartbeatMs?: number;
  /**
   * Validate every answer against the contract and strip unknown keys before it leaves. Default: true. Only turn it
   * off for a backend whose answers are known to match the contract exactly (the reference Node server does in
   * production): on a list of 50 messages it costs more than encoding the JSON. Requests are always validated, and
   * `HttpMailBackend` validates answers on the client either way.
   */
  validateOutput?: boolean;
}

export interface MailRouter {
  /** Answers one request. Never rejects: every failure becomes a problem response. */
  fetch(request: Request): Promise<Response>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
const DEFAULT_HEARTBEAT_MS = 15_000;
const GENERIC_SERVER_MESSAGE = 'The server could not complete the request.';

type BackendCall = (input: unknown, options: CallOptions) => Promise<unknown>;

export function createMailRouter(backend: MailBackend, options: MailRouterOptions = {}): MailRouter {
  const basePath = normaliseBasePath(options.basePath ?? '');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const validateOutput = options.validateOutput ?? true;
  const uploadLimit = lazyUploadLimit(backend, options.maxUploadBytes);

  const report = (error: unknown, request: Request) => {
    try {
      (options.onError ?? logError)(error, request);
    } catch {
      // A failing logger must not turn a handled error into an unhandled one.
    }
  };

  /**
   * The problem for any failure. A `MailError` travels as it is, except `server` ones: those are often a wrapped
   * exception (`MailError.from`) whose text may hold internals or secrets, so they are logged and answered with a
   * generic message, like anything that is not a `MailError` at all.
   */
  const failure = (error: unknown, request: Request): Response => {
    if (error instanceof MailError && error.code !== 'server') return problemResponse(error);
    report(error, request);
    return problemResponse(new MailError('server', GENERIC_SERVER_MESSAGE));
  };

  const readInput = async (operation: Operation, request: Request, params: Record<string, string>) => {
    const route: RouteSpec = routes[operation];
    const query = new URL(request.url).searchParams;
    let body: unknown;
    if (route.upload) body = await readUploadBody(request, await uploadLimit());
    else if (route.method !== 'GET' && route.method !== 'DELETE') body = await readJsonBody(request, maxBodyBytes);
    return parseInput(operation, decodeRequest(route, params, query, body));
  };

  /**
   * Validates (and strips) what the backend returned; with output validation off, only downloads are checked (that
   * costs nothing). An invalid result is the backend's bug, never leaked.
   */
  const respond = (operation: Operation, result: unknown, request: Request): Response => {
    const route: RouteSpec = routes[operation];
    if (route.body === 'none') return noContentResponse();
    let data = result;
    if (validateOutput || route.body === 'blob') {
      const parsed = (route.output as z.ZodMiniType).safeParse(result);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
        report(new MailError('server', `${operation} returned an invalid result at: ${fields}.`), request);
        return problemResponse(new MailError('server', GENERIC_SERVER_MESSAGE));
      }
      data = parsed.data;
    }
    if (route.body === 'blob') return blobResponse(data as Blob, downloadName(operation, data as Blob));
    return jsonResponse(data, 200, request);
  };

  const handle = async (operation: Operation, request: Request, params: Record<string, string>) => {
    try {
      const input = await readInput(operation, request, params);
      if (routes[operation].body === 'events') {
        return await eventStreamResponse(backend, request, { heartbeatMs, report: (error) => report(error, request) });
      }
      const call = backend[operation] as BackendCall;
      const result = await call.call(backend, input, { signal: request.signal });
      return respond(operation, result, request);
    } catch (error) {
      return failure(error, request);
    }
  };

  const app = new Hono({ strict: true });
  for (const operation of OPERATIONS) {
    const route: RouteSpec = routes[operation];
    app.on(route.method, basePath + route.path, (context) =>
      handle(operation, context.req.raw, context.req.param() as Record<string, string>),
    );
  }
  app.notFound((context) => unmatched(context.req.raw, basePath));
  app.onError((error, context) => failure(error, context.req.raw));

  return {
    async fetch(request: Request): Promise<Response> {
      try {
        return await app.fetch(request);
      } catch (error) {
        return failure(error, request);
      }
    },
  };
}

function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The upload limit, asked of the backend's capabilities once, on the first upload. */
function lazyUploadLimit(backend: MailBackend, configured: number | undefined): () => Promise<number> {
  let limit: Promise<number> | undefined;
  return () => {
    if (configured !== undefined) return Promise.resolve(configured);
    limit ??= backend.getCapabilities().then(
      (capabilities) =>
        capabilities.maxAttachmentBytes > 0 ? capabilities.maxAttachmentBytes : DEFAULT_MAX_UPLOAD_BYTES,
      () => DEFAULT_MAX_UPLOAD_BYTES,
    );
    return limit;
  };
}

/** The name a download gets: the blob's own name when it is a File, else one that says what it is. */
function downloadName(operation: Operation, blob: Blob): string {
  if (typeof File !== 'undefined' && blob instanceof File && blob.name) return blob.name;
  return operation === 'getRawMessage' ? 'message.eml' : 'attachment';
}

/** Route patterns as regular expressions over the raw (still encoded) path, to tell 405 from 404. */
const PATTERNS = OPERATIONS.map((operation) => {
  const route: RouteSpec = routes[operation];
  const source = route.path.replace(/:[A-Za-z]+/g, '[^/]+');
  return { method: route.method, pattern: new RegExp(`^${source}$`) };
});

/** No route for this method and path: 405 with `Allow` when the path exists for other methods, else 404. */
function unmatched(request: Request, basePath: string): Response {
  const pathname = new URL(request.url).pathname;
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : undefined;
  const allowed = new Set<HttpMethod | 'HEAD'>();
  if (path !== undefined) {
    for (const { method, pattern } of PATTERNS) {
      if (!pattern.test(path)) continue;
      allowed.add(method);
      if (method === 'GET') allowed.add('HEAD');
    }
  }
  if (allowed.size === 0) return problemResponse(new MailError('not-found', 'There is no such route.'));
  const error = new MailError('validation', `The method ${request.method} is not allowed here.`, { status: 405 });
  return problemResponse(error, { Allow: [...allowed].join(', ') });
}

function logError(error: unknown, request: Request): void {
  // The path only: query strings can carry search terms and OAuth codes.
  console.error(`[mail-elements] ${request.method} ${new URL(request.url).pathname} failed:`, error);
}

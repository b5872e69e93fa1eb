/**
 * MSW handlers that serve a `MemoryMailBackend` over the real HTTP contract: every request goes through
 * `createMailRouter`, exactly as on the Node server. An `'offline'` fault becomes a real network failure.
 *
 *   const backend = new MemoryMailBackend();
 *   setupWorker(...createMailHandlers(backend, { baseUrl: '/api/mail' })).start();
 */
import { HttpResponse, http } from 'msw';
import type { Operation } from '../core/index.js';
import { OPERATIONS, routes } from '../core/index.js';
import { createMailRouter } from '../server/index.js';
import { isInjected, sleep } from './faults.js';
import type { MemoryMailBackend } from './memory-backend.js';

export interface MailHandlersOptions {
  /** Where the API lives: a path (`/api/mail`) or an absolute URL. Default `/api/mail`. */
  baseUrl?: string;
}

interface CompiledRoute {
  op: Operation;
  method: string;
  pattern: RegExp;
}

/** The operation a request is for, so faults can act before the router runs. */
function routeMatcher(): (method: string, path: string) => Operation | undefined {
  const compiled: CompiledRoute[] = OPERATIONS.map((op) => ({
    op,
    method: routes[op].method,
    pattern: new RegExp(`^${routes[op].path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}$`),
  }));
  // Static segments win over parameters (`/drafts/prefill` before `/drafts/:id`), as in the router.
  compiled.sort((a, b) => Number(a.pattern.source.includes('[^/]+')) - Number(b.pattern.source.includes('[^/]+')));
  return (method, path) => compiled.find((route) => route.method === method && route.pattern.test(path))?.op;
}

export function createMailHandlers(backend: MemoryMailBackend, options: MailHandlersOptions = {}) {
  const baseUrl = (options.baseUrl ?? '/api/mail').replace(/\/+$/, '');
  const basePath = /^https?:/i.test(baseUrl) ? new URL(baseUrl).pathname.replace(/\/+$/, '') : baseUrl;
  // Injected faults are the point of a story or test; anything else the router meets is worth a console line.
  const router = createMailRouter(backend, {
    basePath,
    onError: (error, request) => {
      if (!isInjected(error)) console.error(`[mail-elements] mock ${request.method} ${request.url} failed:`, error);
    },
  });
  const match = routeMatcher();
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const path = new URL(request.url).pathname.slice(basePath.length);
      const op = match(request.method, path);
      const offline = op ? backend.faults.takeOffline(op) : null;
      if (offline) {
        await sleep(offline.latencyMs, request.signal).catch(() => undefined);
        return HttpResponse.error();
      }
      return router.fetch(request);
    }),
  ];
}

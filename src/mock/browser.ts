/**
 * `mail-elements/mock/browser`: serves a `MemoryMailBackend` over HTTP from a service worker (MSW), so the demo,
 * Storybook and tests speak exactly the HTTP that production does. The worker script is msw's
 * `mockServiceWorker.js`, served at the site root.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MemoryMailBackend, type MemoryMailBackendOptions } from './memory-backend.js';
import { createMailHandlers } from './msw.js';

export interface MockWorkerOptions extends MemoryMailBackendOptions {
  /** Where the mock API answers. Default `/api/mail`. */
  baseUrl?: string;
  /** A backend to serve instead of a new seeded one. */
  backend?: MemoryMailBackend;
  /**
   * What to do with requests no handler answers: `bypass` (default) lets them through; `error` fails those that
   * would leave the page's own server (another origin) or that are meant for the API, and lets the page's own files
   * through; `warn` prints them.
   */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error';
  /** The URL of msw's worker script. Default `/mockServiceWorker.js`. */
  workerUrl?: string;
}

export interface MockWorker {
  backend: MemoryMailBackend;
  worker: SetupWorker;
  /** Serves another backend from now on (a fresh mailbox for each test or story). */
  use(backend: MemoryMailBackend): void;
  stop(): void;
}

let running: MockWorker | undefined;

type UnhandledCallback = (args: { frame: { data?: unknown }; defaults: { warn(): void; error(): void } }) => void;

/** `error` for requests that would reach a network or a missing API route; the page's own files pass. */
function unhandledStrategy(
  strategy: 'bypass' | 'warn' | 'error',
  baseUrl: string,
): 'bypass' | 'warn' | UnhandledCallback {
  if (strategy !== 'error') return strategy;
  const api = new URL(baseUrl, location.href);
  return ({ frame, defaults }) => {
    const request = (frame.data as { request?: Request } | undefined)?.request;
    if (!request) return defaults.error();
    const url = new URL(request.url);
    if (url.origin !== location.origin || url.pathname.startsWith(api.pathname)) defaults.error();
  };
}

/** Starts (or reuses) the service worker and serves the backend at `baseUrl`. */
export async function startMockWorker(options: MockWorkerOptions = {}): Promise<MockWorker> {
  const baseUrl = options.baseUrl ?? '/api/mail';
  const backend = options.backend ?? new MemoryMailBackend(options);
  if (running) {
    running.use(backend);
    return running;
  }
  const worker = setupWorker(...createMailHandlers(backend, { baseUrl }));
  await worker.start({
    quiet: true,
    onUnhandledFrame: unhandledStrategy(options.onUnhandledRequest ?? 'bypass', baseUrl),
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
  });
  const handle: MockWorker = {
    backend,
    worker,
    use(next) {
      handle.backend = next;
      worker.resetHandlers(...createMailHandlers(next, { baseUrl }));
    },
    stop() {
      worker.stop();
      running = undefined;
    },
  };
  running = handle;
  return handle;
}

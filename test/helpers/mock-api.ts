// Element tests speak real HTTP to a fresh in-memory mailbox served by a service worker. Requests that no handler
// answers fail the test instead of reaching a network.
import { MemoryMailBackend, type MemoryMailBackendOptions } from '../../src/mock/index.js';
import { startMockWorker } from '../../src/mock/browser.js';

export const API = '/api/mail';

/** A fresh seeded mailbox behind `/api/mail` for this test. */
export async function useMockApi(options: MemoryMailBackendOptions = {}): Promise<MemoryMailBackend> {
  const backend = new MemoryMailBackend({ seed: 'elements', messages: 120, ...options });
  await startMockWorker({ backend, baseUrl: API, onUnhandledRequest: 'error' });
  return backend;
}

/** Resolves when `predicate` holds, polling every 10 ms; fails after `timeout` ms. */
export async function until(predicate: () => boolean, timeout = 4000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The element's shadow-root nodes matching `selector`. */
export function shadowAll<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...(element.shadowRoot?.querySelectorAll<T>(selector) ?? [])] as T[];
}

export function shadow<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
  return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

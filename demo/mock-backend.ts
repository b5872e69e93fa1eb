// The demo pages' backend: the built-in mock (a service worker answering /api/mail), then the elements, loaded
// exactly as a customer page would load them once its API answers. Kept apart from the shell so that the page of
// `mail-elements-server`, which speaks to a real server, does not bundle the mock.
import { startMockWorker, type MockWorker, type MockWorkerOptions } from '../src/mock/browser.js';
import type { DemoShell } from './shell.js';

const ready = {
  en: (messages: number, ms: number) => `Mock backend: ${messages.toLocaleString('en')} messages, ready in ${ms} ms`,
  es: (messages: number, ms: number) =>
    `Backend simulado: ${messages.toLocaleString('es')} mensajes, listo en ${ms} ms`,
};

/**
 * Starts the mock backend with the page's `options`, where the URL's `?messages=` and `?seed=` win, says so in the
 * shell's status line, then registers the elements.
 */
export async function startDemoBackend(
  shell: DemoShell,
  options: Omit<MockWorkerOptions, 'baseUrl'> = {},
): Promise<MockWorker> {
  const started = performance.now();
  const asked = Number(shell.params.get('messages') ?? Number.NaN);
  const messages = Number.isInteger(asked) && asked >= 0 ? asked : (options.messages ?? 2000);
  const seed = shell.params.get('seed') ?? options.seed ?? '1';
  const worker = await startMockWorker({ ...options, baseUrl: '/api/mail', messages, seed });
  shell.status(ready[shell.lang](messages, Math.round(performance.now() - started)));
  await import('../src/index.js');
  return worker;
}

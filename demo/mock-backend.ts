// The demo pages' backend: the built-in mock (a service worker answering /api/mail), then the elements, loaded
// exactly as a customer page would load them once its API answers. Kept apart from the shell so that the page of
// `mail-elements-server`, which speaks to a real server, does not bundle the mock.
//
// Each page starts its own mock, so the changes a visitor makes (links, sent mail, drafts, folders, settings) are
// kept as a journal in `sessionStorage`, one per seed and size, and replayed on the next page: a mail linked in the
// webmail is in the customer's side bar. The shell's "Reset demo data" forgets them.
import { http, HttpResponse } from 'msw';
import { startMockWorker, type MockWorker, type MockWorkerOptions } from '../src/mock/browser.js';
import { createJournaledBackend, type JournalEntry } from '../src/mock/journal.js';
import { DEMO_STORAGE_PREFIX, type DemoShell } from './shell.js';

const ready = {
  en: (messages: number, ms: number) => `Mock backend: ${messages.toLocaleString('en')} messages, ready in ${ms} ms`,
  es: (messages: number, ms: number) =>
    `Backend simulado: ${messages.toLocaleString('es')} mensajes, listo en ${ms} ms`,
};

/**
 * Starts the mock backend with the page's `options`, where the URL's `?messages=` and `?seed=` win, with the changes
 * made on earlier pages of the same mailbox, says so in the shell's status line, then registers the elements.
 */
export async function startDemoBackend(
  shell: DemoShell,
  options: Omit<MockWorkerOptions, 'baseUrl' | 'backend'> = {},
): Promise<MockWorker> {
  const started = performance.now();
  const asked = Number(shell.params.get('messages') ?? Number.NaN);
  const messages = Number.isInteger(asked) && asked >= 0 ? asked : (options.messages ?? 2000);
  const seed = shell.params.get('seed') ?? options.seed ?? '1';
  const key = `${DEMO_STORAGE_PREFIX}${seed}:${messages}`;
  const backend = await createJournaledBackend(
    { ...options, messages, seed },
    { journal: readJournal(key), onChange: (journal) => saveJournal(key, journal) },
  );
  const worker = await startMockWorker({ ...options, baseUrl: '/api/mail', backend });
  worker.worker.use(...newsletterImages());
  shell.status(ready[shell.lang](messages, Math.round(performance.now() - started)));
  await import('../src/index.js');
  return worker;
}

/** The picture of a seeded newsletter image: a coloured panel with a few shapes, its colour chosen by its name. */
function picture(name: string): string {
  const hue = [...name].reduce((sum, char) => sum + char.charCodeAt(0) * 37, 0) % 360;
  const [width, height] = name.startsWith('header') ? [560, 120] : [120, 80];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="hsl(${hue} 55% 45%)"/>
<circle cx="${width - 40}" cy="20" r="${height / 2}" fill="hsl(${hue} 60% 60%)"/>
<rect x="12" y="${height - 24}" width="${width / 3}" height="10" rx="5" fill="hsl(${hue} 40% 80%)"/></svg>`;
}

const PIXEL = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));

/**
 * The seeded newsletters' remote images (cdn.newsletter.example) and open-tracking pixel (track.newsletter.example),
 * answered by the service worker: they stay remote to the reader, blocked until "Show once" or "Always show", and
 * then load instead of failing. The hostile mails' evil.example stays unreachable, as it should.
 */
function newsletterImages() {
  return [
    http.get('https://cdn.newsletter.example/img/:name', ({ params }) =>
      HttpResponse.text(picture(String(params.name)), { headers: { 'content-type': 'image/svg+xml' } }),
    ),
    http.get('https://track.newsletter.example/*', () =>
      HttpResponse.arrayBuffer(PIXEL.buffer, { headers: { 'content-type': 'image/gif' } }),
    ),
  ];
}

function readJournal(key: string): JournalEntry[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(stored) ? (stored as JournalEntry[]) : [];
  } catch {
    return [];
  }
}

function saveJournal(key: string, journal: readonly JournalEntry[]): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(journal));
  } catch (error) {
    // Full (large attachments) or unavailable: this page keeps working, the next one starts from the seed.
    sessionStorage.removeItem(key);
    console.warn('[mail-elements demo] The demo changes could not be kept for the next page.', error);
  }
}

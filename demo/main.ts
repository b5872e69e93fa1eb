// The demo host application: it starts the built-in mock backend (a service worker answering /api/mail), then
// loads the elements exactly as a customer page would. URL parameters: messages, seed, lang, theme, live, eml (a
// message to open, fetched from that URL); a .eml file dropped onto the page opens too.
import { startMockWorker } from '../src/mock/browser.js';
import { acceptEmlDrops, openEmlFromUrl } from './open-eml.js';

const params = new URLSearchParams(location.search);
const messages = Number(params.get('messages') ?? 3000);
const seed = params.get('seed') ?? '1';
const lang = params.get('lang');
const theme = params.get('theme');
if (lang) document.documentElement.lang = lang;
if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;

const status = document.querySelector('#demo-status');
const started = performance.now();
const count = Number.isFinite(messages) ? messages : 3000;
const worker = await startMockWorker({ baseUrl: '/api/mail', messages: count, seed });
if (status) {
  status.textContent = `Mock backend: ${count.toLocaleString()} messages, seed ${seed}, ready in ${Math.round(performance.now() - started)} ms`;
}
await import('../src/index.js');

// `?live=<seconds>`: new mail arrives every so often, to see live updates.
const live = Number(params.get('live'));
if (live > 0) {
  let n = 0;
  setInterval(
    () => worker.backend.deliver({ subject: `Live message ${++n}`, text: 'Delivered by the demo.' }),
    live * 1000,
  );
}

// Language and theme switches: the same as ?lang= and ?theme=, kept in the URL.
for (const [id, key] of [
  ['demo-lang', 'lang'],
  ['demo-theme', 'theme'],
] as const) {
  const select = document.querySelector<HTMLSelectElement>(`#${id}`);
  if (!select) continue;
  select.value = params.get(key) ?? (key === 'lang' ? 'en' : '');
  select.addEventListener('change', () => {
    if (select.value) params.set(key, select.value);
    else params.delete(key);
    location.search = params.toString();
  });
}

// Any message: `?eml=<url>` or a .eml file dropped onto the page is imported into the mock and opened.
const inbox = document.querySelector('mail-inbox');
const show = (id: string) => {
  if (inbox) inbox.message = id;
};
const report = (error: Error) => {
  if (status) status.textContent = error.message;
};
acceptEmlDrops(document.body, worker.backend, (summary) => show(summary.id), report);
const eml = params.get('eml');
if (eml) openEmlFromUrl(eml, worker.backend).then((summary) => show(summary.id), report);

document.addEventListener('mail-new-mail', (event) => {
  if (status) status.textContent = `${event.detail.messages.length} new message(s)`;
});

// The demo host application: it starts the built-in mock backend (a service worker answering /api/mail), then
// loads the elements exactly as a customer page would. URL parameters: messages, seed, lang, theme, live.
import { startMockWorker } from '../src/mock/browser.js';

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

document.addEventListener('mail-new-mail', (event) => {
  if (status) status.textContent = `${event.detail.messages.length} new message(s)`;
});

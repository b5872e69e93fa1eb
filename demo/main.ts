// The demo host application: it starts the built-in mock backend (a service worker answering /api/mail), then
// loads the elements exactly as a customer page would. URL parameters: messages, seed, lang, theme.
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
await startMockWorker({ baseUrl: '/api/mail', messages: Number.isFinite(messages) ? messages : 3000, seed });
if (status) {
  status.textContent = `Mock backend: ${messages.toLocaleString()} messages, seed ${seed}, ready in ${Math.round(performance.now() - started)} ms`;
}
await import('../src/index.js');

const tree = document.querySelector('mail-folder-tree');
const list = document.querySelector('mail-message-list');
tree?.addEventListener('mail-folder-select', (event) => {
  if (list) list.folder = event.detail.folder.id;
});

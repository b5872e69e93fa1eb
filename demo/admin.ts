// The demo's administration page: application address, OAuth apps for Microsoft and Google, the mail account and
// the toolbar button, on the built-in mock backend. The mock's consent page redirects to /demo/oauth-callback.html,
// which completes the flow through this page's mock (it calls this window's fetch, which the service worker answers).
// URL parameters: lang, theme, seed, admin=false (a user who may not enable the module), enabled=1 (module on).
import { startMockWorker } from '../src/mock/browser.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
const theme = params.get('theme');
if (lang) document.documentElement.lang = lang;
// The demo's own page text (the elements translate themselves).
if (lang?.startsWith('es')) {
  const text: Record<string, string> = {
    '#admin-title': 'Administración del correo',
    '#admin-intro': 'Indique la dirección de la aplicación, registre las aplicaciones OAuth y conecte el buzón.',
    '#nav-admin': 'Administración del correo',
    '#nav-webmail': 'Correo web',
  };
  for (const [selector, value] of Object.entries(text)) {
    const node = document.querySelector(selector);
    if (node) node.textContent = value;
  }
}
if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;

const status = document.querySelector('#demo-status');
const { backend } = await startMockWorker({
  baseUrl: '/api/mail',
  messages: 300,
  seed: params.get('seed') ?? '1',
  isAdmin: params.get('admin') !== 'false',
  moduleEnabled: params.get('enabled') === '1',
  appSettings: { redirectPath: '/demo/oauth-callback.html' },
});
if (status) status.textContent = lang?.startsWith('es') ? 'Backend simulado listo' : 'Mock backend ready';
await import('../src/index.js');

// Opening the inbox is the host's business: here, the demo's webmail page.
document.addEventListener('mail-open-inbox', (event) => {
  if (status)
    status.textContent = lang?.startsWith('es')
      ? `Abriendo la bandeja de entrada (${event.detail.unread} sin leer)`
      : `Opening the inbox (${event.detail.unread} unread)`;
});
// For a look from the console: `mailDemo.backend.faults.set('testConnection', { latencyMs: 2000 })`.
Object.assign(window, { mailDemo: { backend } });

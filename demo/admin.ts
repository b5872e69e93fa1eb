// The demo's administration page: application address, OAuth apps for Microsoft and Google, the mail account and
// the toolbar button, on the built-in mock backend. The mock's consent page redirects to /demo/oauth-callback.html,
// which completes the flow through this page's mock (it calls this window's fetch, which the service worker answers).
// URL parameters: lang, theme (see shell.ts), seed, admin=false (a user who may not enable the module), enabled=1
// (module on).
import { startDemoBackend } from './mock-backend.js';
import { mountShell, pageWords } from './shell.js';

const shell = mountShell({ page: 'admin' });
const words = pageWords(shell, {
  en: {
    title: 'Mail administration',
    intro: 'Set the application address, register the OAuth apps, then connect the mailbox.',
    opening: (unread: number) => `Opening the inbox (${unread} unread)`,
  },
  es: {
    title: 'Administración del correo',
    intro: 'Indique la dirección de la aplicación, registre las aplicaciones OAuth y conecte el buzón.',
    opening: (unread: number) => `Abriendo la bandeja de entrada (${unread} sin leer)`,
  },
});
const { backend } = await startDemoBackend(shell, {
  messages: 3000,
  isAdmin: shell.params.get('admin') !== 'false',
  moduleEnabled: shell.params.get('enabled') === '1',
  appSettings: { redirectPath: '/demo/oauth-callback.html' },
});

// Opening the inbox is the host's business: here, the demo's webmail page.
document.addEventListener('mail-open-inbox', (event) => shell.status(words.opening(event.detail.unread)));
// For a look from the console: `mailDemo.backend.faults.set('testConnection', { latencyMs: 2000 })`.
Object.assign(window, { mailDemo: { backend } });

// The page `mail-elements-server` serves: the elements wired to the real server through HttpMailBackend (no MSW),
// with the server's CSRF token sent on every request. `?page=settings` shows the account form; otherwise the inbox.
// `?lang=es` and `?theme=dark|light` as on every demo page (see shell.ts).
import { HttpMailBackend } from '../src/client/index.js';
import { mountShell } from './shell.js';

const page = new URLSearchParams(location.search).get('page');
mountShell({ page: page === 'settings' ? 'settings' : 'webmail', variant: 'server' });
await import('../src/index.js');

const csrf = () => /(?:^|; )me_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
const backend = new HttpMailBackend({ baseUrl: '/api/mail', headers: () => ({ 'X-CSRF-Token': csrf() }) });
const provider = document.getElementById('provider') as HTMLElement & { backend: unknown };
provider.backend = backend;

const main = document.getElementById('main')!;
const account = await backend.getAccount().catch(() => ({ configured: false }));
main.append(document.createElement(page === 'settings' || !account.configured ? 'mail-settings' : 'mail-inbox'));

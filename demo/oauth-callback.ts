// The demo's OAuth redirect page. A real deployment needs only <mail-backend-provider base-url="/api/mail"> around
// <mail-oauth-callback>: its server holds the pending state. The demo's backend lives in the page that started the
// flow (the mock runs in that page's service-worker client), so in a popup this page calls the API through the
// opener's fetch. Opened without an opener (the same-window fallback), it starts a fresh mock, which does not know
// the state and says so.
import { HttpMailBackend } from '../src/client/index.js';
import { startMockWorker } from '../src/mock/browser.js';

// The popup speaks the opener's language and wears its theme (the redirect URL carries neither).
const params = new URLSearchParams(location.search);
const openerRoot = (): HTMLElement | undefined => {
  try {
    return (window.opener as Window | null)?.document.documentElement;
  } catch {
    return undefined;
  }
};
const lang = params.get('lang') ?? openerRoot()?.lang;
const theme = params.get('theme') ?? openerRoot()?.dataset.theme;
if (lang) document.documentElement.lang = lang;
if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;

function openerFetch(): typeof fetch | undefined {
  try {
    const opener = window.opener as (Window & typeof globalThis) | null;
    return opener && opener.location.origin === location.origin ? opener.fetch.bind(opener) : undefined;
  } catch {
    return undefined;
  }
}

const viaOpener = openerFetch();
if (!viaOpener) await startMockWorker({ baseUrl: '/api/mail', messages: 0 });
// Set before the element is defined, so that its first run already has the backend.
const callback = document.querySelector('mail-oauth-callback')!;
callback.backend = new HttpMailBackend({ baseUrl: '/api/mail', ...(viaOpener ? { fetch: viaOpener } : {}) });
await import('../src/index.js');

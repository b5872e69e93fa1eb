// The demo's start page, the webmail, as a host application shows it. URL parameters: messages (default 3000),
// seed, lang, theme (see shell.ts), live (new mail every so many seconds), eml (a message to open, fetched from that
// URL); a .eml file dropped onto the page opens too.
import { startDemoBackend } from './mock-backend.js';
import { acceptEmlDrops, openEmlFromUrl } from './open-eml.js';
import { mountShell, pageWords } from './shell.js';

const shell = mountShell({ page: 'webmail' });
const words = pageWords(shell, {
  en: {
    live: (n: number) => `Live message ${n}`,
    liveText: 'Delivered by the demo.',
    arrived: (n: number) => (n === 1 ? '1 new message' : `${n} new messages`),
  },
  es: {
    live: (n: number) => `Mensaje en directo ${n}`,
    liveText: 'Entregado por la demostración.',
    arrived: (n: number) => (n === 1 ? '1 mensaje nuevo' : `${n} mensajes nuevos`),
  },
});
const worker = await startDemoBackend(shell, { messages: 3000, moduleEnabled: true });

// `?live=<seconds>`: new mail arrives every so often, to see live updates.
const live = Number(shell.params.get('live'));
if (live > 0) {
  let n = 0;
  setInterval(() => worker.backend.deliver({ subject: words.live(++n), text: words.liveText }), live * 1000);
}

// Any message: `?eml=<url>` or a .eml file dropped onto the page is imported into the mock and opened.
const inbox = document.querySelector('mail-inbox')!;
const show = (id: string) => (inbox.message = id);
const report = (error: Error) => shell.status(error.message);
acceptEmlDrops(document.body, worker.backend, (summary) => show(summary.id), report);
const eml = shell.params.get('eml');
if (eml) openEmlFromUrl(eml, worker.backend).then((summary) => show(summary.id), report);

document.addEventListener('mail-new-mail', (event) => shell.status(words.arrived(event.detail.messages.length)));

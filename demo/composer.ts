// The composer on its own, on the built-in mock backend. URL parameters: mode (new, reply, reply-all, forward),
// object (customers, suppliers: a new mail linked to the first record), lang, theme, undo (seconds).
import { startDemoBackend } from './mock-backend.js';
import { mountShell, pageWords } from './shell.js';

const shell = mountShell({ page: 'composer' });
pageWords(shell, {
  en: {
    modes: 'Compose modes',
    new: 'New',
    reply: 'Reply',
    replyAll: 'Reply all',
    forward: 'Forward',
    linked: 'New, linked to a customer',
  },
  es: {
    modes: 'Modos de redacción',
    new: 'Nuevo',
    reply: 'Responder',
    replyAll: 'Responder a todos',
    forward: 'Reenviar',
    linked: 'Nuevo, vinculado a un cliente',
  },
});
const { backend } = await startDemoBackend(shell, { messages: 3000, moduleEnabled: true });
const params = shell.params;

const mode = params.get('mode') ?? 'new';
const composer = document.createElement('mail-composer');
composer.undoSeconds = Number(params.get('undo') ?? 5);
if (mode === 'reply' || mode === 'reply-all' || mode === 'forward') {
  // A message worth answering: one with Cc for reply-all, one with attachments for forward.
  const page = await backend.listMessages({ folderId: 'inbox', limit: 200, hasAttachment: mode === 'forward' });
  const source =
    page.items.find((message) =>
      mode === 'reply-all' ? message.cc.length > 0 : message.hasAttachments === (mode === 'forward'),
    ) ?? page.items[0];
  if (source) {
    composer.mode = mode;
    composer.sourceId = source.id;
  }
}
const object = params.get('object');
if (object) {
  const records = await backend.searchRecords({ objectName: object, query: '' });
  const record = records.items[0];
  if (record) {
    composer.objectName = record.objectName;
    composer.objectId = record.objectId;
  }
}
composer.draftKey = `demo-${mode}-${object ?? ''}`;
document.querySelector('#provider')!.append(composer);

const log = document.querySelector('#events')!;
for (const type of ['mail-sent', 'mail-draft-saved', 'mail-discard', 'mail-compose-close', 'mail-error'] as const) {
  composer.addEventListener(type, (event) => {
    log.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail).slice(0, 200)}\n${log.textContent}`;
  });
}
// The mode shown is the current page of the modes' navigation.
const current = object ? `${mode}-${object}` : mode;
document.querySelector(`[data-mode="${current}"]`)?.setAttribute('aria-current', 'page');

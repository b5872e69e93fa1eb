// The administrator's page: the link configuration of each business object, and the inbox's "link to record" picker.
// URL parameters: object, lang, theme, messages, seed.
import { startDemoBackend } from './mock-backend.js';
import { mountShell, pageWords } from './shell.js';

const shell = mountShell({ page: 'links' });
const words = pageWords(shell, {
  en: {
    objects: 'Objects',
    configured: 'configured',
    'not-configured': 'not set up',
    new: 'New object…',
    'try.title': 'Link from the inbox',
    'try.text': 'The inbox’s bulk action: link the three newest inbox mails to a record.',
    'try.button': 'Link to record…',
    linked: (n: number, title: string) => `${n === 1 ? '1 mail' : `${n} mails`} linked to ${title}.`,
  },
  es: {
    objects: 'Objetos',
    configured: 'configurado',
    'not-configured': 'sin configurar',
    new: 'Nuevo objeto…',
    'try.title': 'Vincular desde la bandeja',
    'try.text': 'La acción masiva de la bandeja: vincular los tres correos más recientes a un registro.',
    'try.button': 'Vincular a un registro…',
    linked: (n: number, title: string) => `${n === 1 ? '1 correo vinculado' : `${n} correos vinculados`} a ${title}.`,
  },
});
const mock = await startDemoBackend(shell, { messages: 3000, moduleEnabled: true });

const form = document.querySelector('mail-object-links')!;
const list = document.querySelector('#objects')!;
const picker = document.querySelector('mail-record-picker')!;
const result = document.querySelector('#result')!;
const OBJECTS = ['customers', 'suppliers'];

async function renderObjects(): Promise<void> {
  const configured = new Set((await mock.backend.listLinkConfigs()).items.map((c) => c.objectName));
  const names = [...new Set([...OBJECTS, ...configured])];
  list.replaceChildren(
    ...[...names, ''].map((name) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('aria-current', String(form.objectName === name));
      const label = document.createElement('span');
      label.textContent = name || words.new;
      button.append(label);
      if (name) {
        const small = document.createElement('small');
        small.textContent = configured.has(name) ? words.configured : words['not-configured'];
        button.append(small);
      }
      button.addEventListener('click', () => {
        form.objectName = name;
        void renderObjects();
      });
      li.append(button);
      return li;
    }),
  );
}

form.addEventListener('mail-links-saved', (event) => {
  form.objectName = event.detail.config.objectName;
  void renderObjects();
});
form.addEventListener('mail-links-deleted', () => void renderObjects());

document.querySelector('#try')!.addEventListener('click', async () => {
  const newest = await mock.backend.listMessages({ folderId: 'inbox', limit: 3 });
  picker.show(newest.items.map((m) => m.id));
});
picker.addEventListener('mail-linked', (event) => {
  result.textContent = words.linked(event.detail.ids.length, event.detail.record.title);
});

const initial = shell.params.get('object');
form.objectName = initial === null ? 'customers' : initial;
await renderObjects();

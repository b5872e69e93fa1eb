// A host application's customer form: the record's fields on the left, its mails in the side bar on the right, and
// a switcher across a few seeded customers (one per matching case). URL parameters: id, lang, theme, messages, seed.
import type { RecordRef } from '../src/core/index.js';
import { startDemoBackend } from './mock-backend.js';
import { mountShell, pageWords } from './shell.js';

const shell = mountShell({ page: 'customers' });
/** The host page's own words (the elements bring theirs). */
const words = pageWords(shell, {
  en: {
    switcher: 'Customer',
    id: 'Customer ID',
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    city: 'City',
    segment: 'Segment',
    manager: 'Account manager',
    none: '—',
    composeLabel: 'Write to the customer',
    compose: (to: string, id: string) => `The composer opens for ${to}, linked to customer ${id}.`,
    linked: (n: number) => (n === 1 ? '1 mail linked.' : `${n} mails linked.`),
    unlinked: 'Mail unlinked.',
  },
  es: {
    switcher: 'Cliente',
    id: 'Código de cliente',
    name: 'Nombre',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    city: 'Ciudad',
    segment: 'Segmento',
    manager: 'Gestor de cuenta',
    none: '—',
    composeLabel: 'Escribir al cliente',
    compose: (to: string, id: string) => `Se abre el redactor para ${to}, vinculado al cliente ${id}.`,
    linked: (n: number) => (n === 1 ? '1 correo vinculado.' : `${n} correos vinculados.`),
    unlinked: 'Correo desvinculado.',
  },
});

/** Demo-only extra fields, so the form looks like a real customer record. */
const EXTRA: Record<string, { phone: string; city: string; segment: string; manager: string }> = {
  C001: { phone: '+1 415 555 0142', city: 'San Francisco', segment: 'Enterprise', manager: 'Dana Ortiz' },
  C002: { phone: '+1 415 555 0199', city: 'San Francisco', segment: 'Enterprise', manager: 'Dana Ortiz' },
  C014: { phone: '+34 913 555 210', city: 'Madrid', segment: 'Construcción', manager: 'Dana Ortiz' },
  C027: { phone: '+34 655 555 871', city: 'Sevilla', segment: 'Particular', manager: 'Soporte' },
  C037: { phone: '+34 932 555 004', city: 'Barcelona', segment: 'Pyme', manager: 'Soporte' },
};
const SHOWN = Object.keys(EXTRA);

const mock = await startDemoBackend(shell, { messages: 3000, moduleEnabled: true });

const records = new Map<string, RecordRef>(
  mock.backend.records.filter((r) => r.objectName === 'customers').map((r) => [r.objectId, r]),
);
const side = document.querySelector('mail-object-mails')!;
const switcher = document.querySelector('.subbar')!;

for (const id of SHOWN) {
  const record = records.get(id);
  if (!record) continue;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'demo-button pill';
  button.dataset.id = id;
  button.textContent = record.title;
  button.addEventListener('click', () => show(id));
  switcher.append(button);
}

function show(id: string): void {
  const record = records.get(id);
  if (!record) return;
  const extra = EXTRA[id]!;
  document.querySelector('#record-title')!.textContent = record.title;
  document.querySelector('#record-subtitle')!.textContent = `${words.id} ${record.objectId}`;
  document.querySelector('#avatar')!.textContent = record.title
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
  const rows: [string, string][] = [
    [words.id, record.objectId],
    [words.name, record.title],
    [words.email, record.email ?? words.none],
    [words.phone, extra.phone],
    [words.city, extra.city],
    [words.segment, extra.segment],
    [words.manager, extra.manager],
  ];
  const fields = document.querySelector('#fields')!;
  fields.replaceChildren(
    ...rows.map(([label, value]) => {
      const wrap = document.createElement('div');
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = label;
      dd.textContent = value;
      wrap.append(dt, dd);
      return wrap;
    }),
  );
  for (const button of switcher.querySelectorAll<HTMLButtonElement>('button'))
    button.setAttribute('aria-pressed', String(button.dataset.id === id));
  side.objectId = id;
  const url = new URL(location.href);
  url.searchParams.set('id', id);
  history.replaceState(null, '', url);
}

// "Write to this record": the composer, carrying the link so the sent mail and its replies stay on the record.
const composeDialog = document.querySelector<HTMLDialogElement>('#compose')!;
side.addEventListener('mail-compose', (event) => {
  const { to, link } = event.detail;
  if (!customElements.get('mail-composer')) {
    shell.status(words.compose(to.map((a) => a.address).join(', '), link.objectId));
    return;
  }
  const composer = document.createElement('mail-composer');
  composer.objectName = link.objectName;
  composer.objectId = link.objectId;
  composer.draft = { to, cc: [], bcc: [], subject: '', attachments: [], link };
  composer.addEventListener('mail-compose-close', () => composeDialog.close());
  composer.addEventListener('mail-sent', () => {
    composeDialog.close();
    side.refresh();
  });
  composeDialog.replaceChildren(composer);
  composeDialog.showModal();
});
composeDialog.addEventListener('close', () => composeDialog.replaceChildren());
side.addEventListener('mail-linked', (event) => shell.status(words.linked(event.detail.ids.length)));
side.addEventListener('mail-unlinked', () => shell.status(words.unlinked));

const initial = shell.params.get('id');
show(initial && SHOWN.includes(initial) ? initial : 'C001');

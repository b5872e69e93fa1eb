import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { NewMessage } from '../src/mock/index.js';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { objectName: string; objectId: string; expanded: boolean; admin: boolean };

/** A record form's side bar. */
const side = (args: Args, width = '24rem') =>
  html`<div style="width:${width};max-width:100%">
    <mail-object-mails
      object-name=${args.objectName}
      object-id=${args.objectId}
      ?expanded=${args.expanded}
      ?admin=${args.admin}
    ></mail-object-mails>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-object-mails',
  component: 'mail-object-mails',
  tags: ['autodocs'],
  args: { objectName: 'customers', objectId: 'C001', expanded: false, admin: false },
  render: (args) => side(args),
  beforeEach: mailbox({ messages: 2000 }),
};
export default meta;

type Story = StoryObj<Args>;

/** Compact: the three newest mails of customer C001 until "Show all". */
export const Default: Story = {};
export const Expanded: Story = { name: 'Expanded (show all)', args: { expanded: true } };
export const Loading: Story = { beforeEach: mailbox({ faults: { listRecordMails: { latencyMs: FOREVER } } }) };
export const Empty: Story = { name: 'Empty (no mails yet)', beforeEach: mailbox({ messages: 0 }) };
export const Error: Story = { beforeEach: mailbox({ faults: { listRecordMails: { error: 'network' } } }) };
/** An object with no link configuration; an administrator is offered "Configure". */
export const NotConfigured: Story = {
  name: 'Not configured (administrator)',
  args: { objectName: 'projects', objectId: 'P1', admin: true },
};
export const LargeMailbox: Story = {
  name: 'Large mailbox (100,000)',
  args: { expanded: true },
  beforeEach: mailbox({ messages: 100_000 }),
};
/** Subjects and senders that try to mislead or break the side bar; each row must stay in place, as plain text. */
const HOSTILE: NewMessage[] = [
  {
    // A right-to-left override turns "fdp.exe" into what reads as "exe.pdf"; it must not spill into the rest of the row.
    from: { name: 'Billing \u202Eecnanif\u202C', address: 'billing@acme.example' },
    subject: 'Invoice \u202Efdp.exe\u202C attached',
    text: 'Open the attachment.',
  },
  {
    from: { name: 'Unclosed \u202Eoverride', address: 'override@acme.example' },
    subject: '\u202EAn override never closed: the date and icons of this row must stay where they are',
    text: 'Still plain text.',
  },
  {
    from: { name: '<a href="https://evil.example">Support</a>', address: 'support@acme.example' },
    subject: '<img src=x onerror=alert(1)><b>Urgent</b> <script>alert("subject")</script>',
    text: 'Markup in a subject is shown as text, never run.',
  },
  {
    from: { name: 'W'.repeat(120), address: `${'long-local-part-'.repeat(6)}x@acme.example` },
    subject: `https://acme.example/${'a'.repeat(400)}`,
    text: 'A very long unbroken subject and sender.',
  },
  {
    from: { name: 'مكتب المحاسبة', address: 'accounts@acme.example' },
    subject: 'فاتورة رقم 4521 – pago pendiente 1.250,00 €',
    text: 'Mixed right-to-left and left-to-right text with numbers.',
  },
];

/** Hostile subjects and senders: bidi overrides, markup, very long unbroken strings, mixed directions. */
export const HostileMail: Story = {
  name: 'Hostile mail',
  args: { expanded: true },
  beforeEach: mailbox({
    messages: 200,
    prepare: (backend) => {
      for (const spec of HOSTILE) backend.deliver(spec);
    },
  }),
};
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: (args) => side(args, '16rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

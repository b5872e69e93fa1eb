import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
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
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: (args) => side(args, '16rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

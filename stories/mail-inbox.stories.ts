import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { layout: 'auto' | 'columns' | 'single'; readonly: boolean; shortcuts: 'on' | 'off'; message: string };

const meta: Meta<Args> = {
  title: 'Elements/mail-inbox',
  component: 'mail-inbox',
  tags: ['autodocs'],
  args: { layout: 'auto', readonly: false, shortcuts: 'on', message: '' },
  render: ({ layout, readonly, shortcuts, message }) =>
    html`<div style="height:44rem;display:grid">
      <mail-inbox layout=${layout} ?readonly=${readonly} shortcuts=${shortcuts} message=${message}></mail-inbox>
    </div>`,
  beforeEach: mailbox(),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { beforeEach: mailbox({ faults: { listMessages: { latencyMs: FOREVER } } }) };
export const Empty: Story = { beforeEach: mailbox({ messages: 0 }) };
export const Error: Story = { beforeEach: mailbox({ faults: { listMessages: { error: 'network' } } }) };
export const LargeMailbox: Story = { name: 'Large mailbox (100,000)', beforeEach: mailbox({ messages: 100_000 }) };
export const ReadOnly: Story = { name: 'Read-only', args: { readonly: true } };
export const SinglePane: Story = { name: 'Single pane', args: { layout: 'single' } };
/** A message open in the reader. */
export const Reading: Story = { name: 'Reading a message', args: { message: 'inbox-attachments' } };
/** A hostile message open in the reader: sanitized, sandboxed, remote content blocked. */
export const HostileMail: Story = { name: 'Hostile mail', args: { message: 'inbox-hostile-script' } };
export const ErrorFolders: Story = {
  name: 'Error: folders fail',
  beforeEach: mailbox({ faults: { listFolders: { error: 'server' } } }),
};
export const Dark: Story = { args: { message: 'inbox-newsletter' }, parameters: { theme: 'dark' } };
export const Spanish: Story = { args: { message: 'inbox-bienvenida' }, parameters: { locale: 'es' } };
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { message: 'inbox-attachments' },
  parameters: { direction: 'rtl', locale: 'es' },
};
export const Narrow: Story = {
  render: () =>
    html`<div style="width:24rem;height:44rem;display:grid">
      <mail-inbox></mail-inbox>
    </div>`,
};

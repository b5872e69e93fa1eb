import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { folder: string; pageSize: number };

const meta: Meta<Args> = {
  title: 'Elements/mail-message-list',
  component: 'mail-message-list',
  tags: ['autodocs'],
  args: { folder: 'inbox', pageSize: 50 },
  render: ({ folder, pageSize }) =>
    html`<div style="height:36rem;display:grid">
      <mail-message-list folder=${folder} page-size=${pageSize}></mail-message-list>
    </div>`,
  beforeEach: mailbox(),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { beforeEach: mailbox({ faults: { listMessages: { latencyMs: FOREVER } } }) };
export const Empty: Story = { args: { folder: 'trash' }, beforeEach: mailbox({ messages: 0 }) };
export const Error: Story = { beforeEach: mailbox({ faults: { listMessages: { error: 'unauthorized' } } }) };
export const LargeMailbox: Story = { name: 'Large mailbox (100,000)', beforeEach: mailbox({ messages: 100_000 }) };
export const HostileMail: Story = {
  name: 'Hostile mail',
  beforeEach: mailbox({ messages: 20 }),
};
export const Sent: Story = { args: { folder: 'sent' } };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };
export const Narrow: Story = {
  render: ({ folder }) =>
    html`<div style="width:22rem;height:36rem;display:grid">
      <mail-message-list folder=${folder}></mail-message-list>
    </div>`,
};

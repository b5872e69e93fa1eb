import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { selected: string };

const meta: Meta<Args> = {
  title: 'Elements/mail-folder-tree',
  component: 'mail-folder-tree',
  tags: ['autodocs'],
  args: { selected: 'inbox' },
  render: ({ selected }) =>
    html`<div style="width:16rem;height:28rem;display:grid">
      <mail-folder-tree selected=${selected}></mail-folder-tree>
    </div>`,
  beforeEach: mailbox(),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { beforeEach: mailbox({ faults: { listFolders: { latencyMs: FOREVER } } }) };
export const Empty: Story = { name: 'Empty mailbox', beforeEach: mailbox({ messages: 0 }) };
export const Error: Story = { beforeEach: mailbox({ faults: { listFolders: { error: 'network' } } }) };
export const LargeMailbox: Story = { name: 'Large mailbox (100,000)', beforeEach: mailbox({ messages: 100_000 }) };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl' } };
export const Narrow: Story = {
  render: ({ selected }) =>
    html`<div style="width:11rem;height:28rem;display:grid">
      <mail-folder-tree selected=${selected}></mail-folder-tree>
    </div>`,
};

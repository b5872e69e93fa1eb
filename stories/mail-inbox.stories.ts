import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { layout: 'auto' | 'columns' | 'single'; readonly: boolean; shortcuts: 'on' | 'off' };

const meta: Meta<Args> = {
  title: 'Elements/mail-inbox',
  component: 'mail-inbox',
  tags: ['autodocs'],
  args: { layout: 'auto', readonly: false, shortcuts: 'on' },
  render: ({ layout, readonly, shortcuts }) =>
    html`<div style="height:44rem;display:grid">
      <mail-inbox layout=${layout} ?readonly=${readonly} shortcuts=${shortcuts}></mail-inbox>
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
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = {
  render: () =>
    html`<div style="width:24rem;height:44rem;display:grid">
      <mail-inbox></mail-inbox>
    </div>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { href: string };

/** A host's top bar, so the button is seen where it lives. */
const bar = (args: Args, width = '40rem') =>
  html`<div
    style="width:${width};max-width:100%;display:flex;align-items:center;gap:1rem;padding:0.5rem 1rem;border-bottom:1px solid #8884"
  >
    <strong style="flex:1">ERP</strong>
    <mail-toolbar-button href=${args.href}></mail-toolbar-button>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-toolbar-button',
  component: 'mail-toolbar-button',
  tags: ['autodocs'],
  args: { href: '' },
  render: (args) => bar(args),
  beforeEach: mailbox({ messages: 200, moduleEnabled: true }),
};
export default meta;

type Story = StoryObj<Args>;

/** The module is enabled: the mail icon with the unread badge. */
export const Default: Story = {};
export const Loading: Story = {
  beforeEach: mailbox({ moduleEnabled: true, faults: { getModuleStatus: { latencyMs: FOREVER } } }),
};
/** No unread mail: no badge. */
export const Empty: Story = {
  name: 'Empty (nothing unread)',
  beforeEach: mailbox({ messages: 0, moduleEnabled: true }),
};
export const Error: Story = {
  beforeEach: mailbox({ moduleEnabled: true, faults: { getModuleStatus: { error: 'server' } } }),
};
export const LargeMailbox: Story = {
  name: 'Large mailbox (100,000)',
  beforeEach: mailbox({ messages: 100_000, moduleEnabled: true }),
};
/** Disabled, seen by an administrator: "Enable mail options". */
export const DisabledAdmin: Story = { name: 'Disabled, administrator', beforeEach: mailbox({ messages: 0 }) };
/** Disabled, seen by anyone else: nothing at all. */
export const DisabledUser: Story = {
  name: 'Disabled, not an administrator',
  beforeEach: mailbox({ messages: 0, isAdmin: false }),
};
export const AsLink: Story = { name: 'As a link (href)', args: { href: '#inbox' } };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { beforeEach: mailbox({ messages: 0 }), parameters: { locale: 'es' } };
export const Narrow: Story = { render: (args) => bar(args, '12rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_ACCOUNT } from '../src/mock/seed.js';
import { FOREVER, mailbox } from './support/mailbox.js';
import { elementIn, settle } from './support/play.js';

const frame = (width = '56rem') =>
  html`<div style="width:${width};max-width:100%">
    <mail-settings></mail-settings>
  </div>`;

const account = SAMPLE_ACCOUNT;

const meta: Meta = {
  title: 'Elements/mail-settings',
  component: 'mail-settings',
  tags: ['autodocs'],
  render: () => frame(),
  beforeEach: mailbox({ messages: 0, account }),
};
export default meta;

type Story = StoryObj;

/** A saved account: the password is never sent back, only that one is set. */
export const Default: Story = {};
export const Loading: Story = { beforeEach: mailbox({ messages: 0, faults: { getAccount: { latencyMs: FOREVER } } }) };
/** No account yet: presets for Microsoft 365, Gmail or a custom server. */
export const Empty: Story = { name: 'Empty (new account)', beforeEach: mailbox({ messages: 0 }) };
export const Error: Story = { beforeEach: mailbox({ messages: 0, faults: { getAccount: { error: 'server' } } }) };
/** "Test connection" run against the saved account: incoming and outgoing are tested separately. */
export const Tested: Story = {
  name: 'Connection tested',
  play: async ({ canvasElement }) => {
    const settings = await elementIn<HTMLElement>(canvasElement, 'mail-settings');
    await settle(() => !!settings.shadowRoot?.querySelector('[part~="test-button"]'));
    settings.shadowRoot?.querySelector<HTMLButtonElement>('[part~="test-button"]')?.click();
  },
};
/** Saving an empty form shows every field that needs an answer. */
export const Invalid: Story = {
  name: 'Fields that need an answer',
  beforeEach: mailbox({ messages: 0 }),
  play: async ({ canvasElement }) => {
    const settings = await elementIn<HTMLElement>(canvasElement, 'mail-settings');
    await settle(() => !!settings.shadowRoot?.querySelector('[part~="save-button"]'));
    settings.shadowRoot?.querySelector<HTMLButtonElement>('[part~="save-button"]')?.click();
  },
};
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: () => frame('22rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

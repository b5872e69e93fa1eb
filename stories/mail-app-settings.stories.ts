import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

const frame = (width = '48rem') =>
  html`<div style="width:${width};max-width:100%">
    <mail-app-settings></mail-app-settings>
  </div>`;

const appSettings = { baseUrl: 'https://erp.example.com', redirectPath: '/Webhooks/MailToken.aspx' };

const meta: Meta = {
  title: 'Elements/mail-app-settings',
  component: 'mail-app-settings',
  tags: ['autodocs'],
  render: () => frame(),
  beforeEach: mailbox({ messages: 0, appSettings }),
};
export default meta;

type Story = StoryObj;

export const Default: Story = {};
export const Loading: Story = {
  beforeEach: mailbox({ messages: 0, faults: { getAppSettings: { latencyMs: FOREVER } } }),
};
/** No base URL saved: the redirect URL uses the address of the page the admin is on. */
export const Empty: Story = { name: 'Empty (page address)', beforeEach: mailbox({ messages: 0 }) };
export const Error: Story = {
  beforeEach: mailbox({ messages: 0, faults: { getAppSettings: { error: 'forbidden' } } }),
};
/** A base URL over plain http: the redirect URL is shown with a warning (providers want https). */
export const PlainHttp: Story = {
  name: 'Plain http base URL',
  beforeEach: mailbox({ messages: 0, appSettings: { ...appSettings, baseUrl: 'http://erp.example.com' } }),
};
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: () => frame('20rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

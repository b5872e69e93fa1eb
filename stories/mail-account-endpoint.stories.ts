import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MemoryMailBackend } from '../src/mock/index.js';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { provider: 'microsoft' | 'google'; loginHint: string };

const frame = (args: Args, width = '56rem') =>
  html`<div style="width:${width};max-width:100%">
    <mail-account-endpoint provider=${args.provider} login-hint=${args.loginHint}></mail-account-endpoint>
  </div>`;

const appSettings = { baseUrl: 'https://erp.example.com', redirectPath: '/Webhooks/MailToken.aspx' };

async function registerMicrosoft(backend: MemoryMailBackend): Promise<string> {
  const endpoint = await backend.saveEndpoint({
    provider: 'microsoft',
    name: 'Contoso mail',
    clientId: '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d',
    tenantId: 'contoso.onmicrosoft.com',
    clientSecret: 'story-secret',
  });
  return endpoint.id;
}

/** Registered and authorized: the status shows the account and the token's expiry. */
async function authorizeMicrosoft(backend: MemoryMailBackend): Promise<void> {
  const endpointId = await registerMicrosoft(backend);
  const { state } = await backend.beginAuthorization({ endpointId, loginHint: 'ops@contoso.example' });
  await backend.completeAuthorization({ state, code: `mock-code:${state}` });
}

/** The provider refused: the status shows its error code and what it means. */
async function failMicrosoft(backend: MemoryMailBackend): Promise<void> {
  const endpointId = await registerMicrosoft(backend);
  const { state } = await backend.beginAuthorization({ endpointId });
  await backend.completeAuthorization({ state, error: 'access_denied' }).catch(() => undefined);
}

const meta: Meta<Args> = {
  title: 'Elements/mail-account-endpoint',
  component: 'mail-account-endpoint',
  tags: ['autodocs'],
  args: { provider: 'microsoft', loginHint: 'ops@contoso.example' },
  argTypes: { provider: { control: 'inline-radio', options: ['microsoft', 'google'] } },
  render: (args) => frame(args),
  beforeEach: mailbox({
    messages: 0,
    appSettings,
    prepare: async (backend) => void (await registerMicrosoft(backend)),
  }),
};
export default meta;

type Story = StoryObj<Args>;

/** A saved Microsoft 365 registration, not yet authorized. */
export const Default: Story = {};
export const Authorized: Story = { beforeEach: mailbox({ messages: 0, appSettings, prepare: authorizeMicrosoft }) };
export const AuthorizationFailed: Story = {
  name: 'Authorization refused',
  beforeEach: mailbox({ messages: 0, appSettings, prepare: failMicrosoft }),
};
/** Nothing registered for Google yet: the checklist, the redirect URL to copy and the JSON import. */
export const Empty: Story = { name: 'Empty (Google, new)', args: { provider: 'google' } };
export const Loading: Story = {
  beforeEach: mailbox({ messages: 0, appSettings, faults: { listEndpoints: { latencyMs: FOREVER } } }),
};
export const Error: Story = {
  beforeEach: mailbox({ messages: 0, appSettings, faults: { listEndpoints: { error: 'server' } } }),
};
/** No application base URL: the redirect URL is built from the page's own address, with a warning. */
export const NoBaseUrl: Story = {
  name: 'No application base URL',
  args: { provider: 'google' },
  beforeEach: mailbox({ messages: 0 }),
};
export const Dark: Story = {
  beforeEach: mailbox({ messages: 0, appSettings, prepare: authorizeMicrosoft }),
  parameters: { theme: 'dark' },
};
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: (args) => frame(args, '22rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

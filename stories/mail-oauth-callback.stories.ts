import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MemoryMailBackend } from '../src/mock/index.js';
import { FOREVER, mailbox } from './support/mailbox.js';

const CALLBACK = '/Webhooks/MailToken.aspx';

/** The `state` of the authorization begun for the story now shown (set by its `beforeEach`, read by `render`). */
let pending = { state: '' };

async function beginGoogle(backend: MemoryMailBackend): Promise<void> {
  const endpoint = await backend.saveEndpoint({
    provider: 'google',
    name: 'Google Workspace',
    clientId: '1234-abc.apps.googleusercontent.com',
    clientSecret: 'story-secret',
  });
  pending = await backend.beginAuthorization({ endpointId: endpoint.id, loginHint: 'ops@example.com' });
}

type Answer = 'granted' | 'refused' | 'none';

/** The redirect URL as the provider calls it: with the code, with an error, or bare. */
function callbackUrl(answer: Answer): string {
  const state = encodeURIComponent(pending.state);
  if (answer === 'granted') return `${CALLBACK}?code=mock-code:${state}&state=${state}`;
  if (answer === 'refused') return `${CALLBACK}?error=access_denied&error_description=The+user+said+no&state=${state}`;
  return CALLBACK;
}

type Args = { answer: Answer; returnUrl: string };

const frame = (args: Args, width = '36rem') =>
  html`<div style="width:${width};max-width:100%;padding:2rem;margin-inline:auto">
    <mail-oauth-callback url=${callbackUrl(args.answer)} return-url=${args.returnUrl} keep-open></mail-oauth-callback>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-oauth-callback',
  component: 'mail-oauth-callback',
  tags: ['autodocs'],
  args: { answer: 'granted', returnUrl: '/admin' },
  argTypes: { answer: { control: 'inline-radio', options: ['granted', 'refused', 'none'] } },
  render: (args) => frame(args),
  beforeEach: mailbox({ messages: 0, prepare: beginGoogle }),
};
export default meta;

type Story = StoryObj<Args>;

/** The provider granted access: the mailbox is authorized. */
export const Default: Story = {};
export const Loading: Story = {
  beforeEach: mailbox({ messages: 0, prepare: beginGoogle, faults: { completeAuthorization: { latencyMs: FOREVER } } }),
};
/** Opened without an answer from a provider. */
export const Empty: Story = { name: 'Empty (no answer)', args: { answer: 'none' } };
/** The backend cannot be reached to finish the authorization. */
export const Error: Story = {
  beforeEach: mailbox({ messages: 0, prepare: beginGoogle, faults: { completeAuthorization: { error: 'network' } } }),
};
/** The user refused consent at the provider: the page says so and what to do. */
export const ErrorRefused: Story = { name: 'Error: consent refused', args: { answer: 'refused' } };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: (args) => frame(args, '18rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

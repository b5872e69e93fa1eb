import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Draft } from '../src/core/index.js';
import { FOREVER, mailbox } from './support/mailbox.js';
import { elementIn, settle } from './support/play.js';

type Args = {
  mode: 'new' | 'reply' | 'reply-all' | 'forward';
  sourceId: string;
  format: 'html' | 'text';
  undoSeconds: number;
  draft?: Draft;
};

const frame = (args: Args, width = '48rem') =>
  html`<div style="width:${width};max-width:100%;height:40rem;display:grid">
    <mail-composer
      mode=${args.mode}
      source-id=${args.sourceId}
      format=${args.format}
      undo-seconds=${args.undoSeconds}
      .draft=${args.draft}
    ></mail-composer>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-composer',
  component: 'mail-composer',
  tags: ['autodocs'],
  args: { mode: 'new', sourceId: '', format: 'html', undoSeconds: 5 },
  argTypes: {
    mode: { control: 'select', options: ['new', 'reply', 'reply-all', 'forward'] },
    format: { control: 'inline-radio', options: ['html', 'text'] },
  },
  render: (args) => frame(args),
  beforeEach: mailbox({ messages: 50 }),
};
export default meta;

type Story = StoryObj<Args>;

const filled: Draft = {
  to: [{ name: 'Ana García', address: 'ana.garcia@acme.example' }],
  cc: [],
  bcc: [],
  subject: 'Quarterly figures',
  html: '<p>Hello Ana,</p><p>the figures are attached. <strong>Thanks</strong> for your patience.</p>',
  attachments: [],
};

/** A new, empty message. */
export const Default: Story = {};
/** A reply: recipients, subject and the quoted message come from the backend's prefill. */
export const Reply: Story = { args: { mode: 'reply', sourceId: 'inbox-newsletter' } };
export const Forward: Story = { args: { mode: 'forward', sourceId: 'inbox-attachments' } };
export const Loading: Story = {
  args: { mode: 'reply', sourceId: 'inbox-newsletter' },
  beforeEach: mailbox({ messages: 50, faults: { prefillDraft: { latencyMs: FOREVER } } }),
};
/** Nothing written yet, in plain text. */
export const Empty: Story = { name: 'Empty, plain text', args: { format: 'text' } };
/** The message to answer cannot be loaded. */
export const Error: Story = {
  args: { mode: 'reply', sourceId: 'inbox-newsletter' },
  beforeEach: mailbox({ messages: 50, faults: { prefillDraft: { error: 'not-found' } } }),
};
/** The send fails because the account must be authorized again: the draft stays, and the composer says why. */
export const ErrorSendFails: Story = {
  name: 'Error: send fails, the draft stays',
  args: { draft: filled, undoSeconds: 0 },
  beforeEach: mailbox({ messages: 50, faults: { sendMessage: { error: 'unauthorized' } } }),
  play: async ({ canvasElement }) => {
    const composer = await elementIn<HTMLElement>(canvasElement, 'mail-composer');
    await settle(() => !!composer.shadowRoot?.querySelector('[part~="send-button"]'));
    composer.shadowRoot?.querySelector<HTMLButtonElement>('[part~="send-button"]')?.click();
  },
};
export const Filled: Story = { name: 'Written, ready to send', args: { draft: filled } };
export const Dark: Story = { args: { mode: 'reply', sourceId: 'inbox-newsletter' }, parameters: { theme: 'dark' } };
export const Spanish: Story = {
  args: { mode: 'reply', sourceId: 'inbox-bienvenida' },
  parameters: { locale: 'es' },
};
export const Narrow: Story = { args: { draft: filled }, render: (args) => frame(args, '22rem') };
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { draft: filled },
  parameters: { direction: 'rtl', locale: 'es' },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { messageId: string; noActions: boolean };

const frame = (args: Args, width = '100%') =>
  html`<div style="width:${width};max-width:60rem;height:40rem;display:grid">
    <mail-message-view message-id=${args.messageId} ?no-actions=${args.noActions}></mail-message-view>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-message-view',
  component: 'mail-message-view',
  tags: ['autodocs'],
  args: { messageId: 'inbox-newsletter', noActions: false },
  render: (args) => frame(args),
  beforeEach: mailbox({ messages: 50 }),
};
export default meta;

type Story = StoryObj<Args>;

/** A newsletter with remote images: blocked until the reader allows them, once or always for the sender. */
export const Default: Story = {};
export const Loading: Story = { beforeEach: mailbox({ messages: 50, faults: { getMessage: { latencyMs: FOREVER } } }) };
/** No `message-id`: the element says there is nothing to show. */
export const Empty: Story = { args: { messageId: '' } };
export const Error: Story = { beforeEach: mailbox({ messages: 50, faults: { getMessage: { error: 'network' } } }) };
export const InlineImage: Story = { name: 'Inline image (cid:)', args: { messageId: 'inbox-inline-image' } };
export const Attachments: Story = { args: { messageId: 'inbox-attachments' } };
export const SpanishMail: Story = {
  name: 'A Spanish mail, Spanish interface',
  args: { messageId: 'inbox-bienvenida' },
  parameters: { locale: 'es' },
};
/** Scripts, event handlers and `javascript:` links are removed; nothing runs (the frame has no `allow-scripts`). */
export const HostileScript: Story = { name: 'Hostile mail: scripts', args: { messageId: 'inbox-hostile-script' } };
/** Remote stylesheets, `@import` and CSS `url()` stay blocked, and the mail's CSS cannot reach the page. */
export const HostileCss: Story = { name: 'Hostile mail: remote CSS', args: { messageId: 'inbox-hostile-css' } };
export const HostileSvg: Story = { name: 'Hostile mail: SVG', args: { messageId: 'inbox-hostile-svg' } };
/** A phishing form: forms are removed, and the reply-to that differs from the sender is shown. */
export const HostileForm: Story = { name: 'Hostile mail: phishing form', args: { messageId: 'inbox-hostile-form' } };
export const NoActions: Story = { name: 'Without actions', args: { noActions: true } };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const DarkAttachments: Story = {
  name: 'Dark, attachments',
  args: { messageId: 'inbox-attachments' },
  parameters: { theme: 'dark' },
};
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: (args) => frame(args, '22rem') };
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { messageId: 'inbox-attachments' },
  parameters: { direction: 'rtl', locale: 'es' },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';

type Args = { objectName: string };

const frame = (args: Args, width = '52rem') =>
  html`<div style="width:${width};max-width:100%">
    <mail-object-links object-name=${args.objectName}></mail-object-links>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-object-links',
  component: 'mail-object-links',
  tags: ['autodocs'],
  args: { objectName: 'customers' },
  render: (args) => frame(args),
  beforeEach: mailbox({ messages: 500 }),
};
export default meta;

type Story = StoryObj<Args>;

/** The seed's `customers` configuration with its live preview. */
export const Default: Story = {};
export const Loading: Story = { beforeEach: mailbox({ faults: { listLinkConfigs: { latencyMs: FOREVER } } }) };
/** A new configuration: the object name is typed in. */
export const Empty: Story = { name: 'Empty (new configuration)', args: { objectName: '' } };
export const Error: Story = { beforeEach: mailbox({ faults: { listLinkConfigs: { error: 'server' } } }) };
/** The configuration loads, but its preview cannot be computed. */
export const ErrorPreview: Story = {
  name: 'Error: preview fails',
  beforeEach: mailbox({ faults: { previewLinkConfig: { error: 'timeout' } } }),
};
export const LargeMailbox: Story = { name: 'Large mailbox (100,000)', beforeEach: mailbox({ messages: 100_000 }) };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const Narrow: Story = { render: (args) => frame(args, '20rem') };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';
import { elementIn, typeInto } from './support/play.js';

type Args = { objectName: string; messageIds: string[] };

const picker = (args: Args) =>
  html`<div style="min-height:36rem">
    <mail-record-picker open object-name=${args.objectName} .messageIds=${args.messageIds}></mail-record-picker>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-record-picker',
  component: 'mail-record-picker',
  tags: ['autodocs'],
  args: { objectName: '', messageIds: ['inbox-newsletter'] },
  render: (args) => picker(args),
  beforeEach: mailbox({ messages: 50 }),
};
export default meta;

type Story = StoryObj<Args>;

/** Open, over every object with a link configuration. */
export const Default: Story = {};
export const OneObject: Story = { name: 'One object (customers)', args: { objectName: 'customers' } };
export const Loading: Story = {
  beforeEach: mailbox({ messages: 50, faults: { searchRecords: { latencyMs: FOREVER } } }),
};
/** A search that matches no record. */
export const Empty: Story = {
  name: 'Empty (no record matches)',
  play: async ({ canvasElement }) => {
    const element = await elementIn<HTMLElement>(canvasElement, 'mail-record-picker');
    await typeInto(element, '[part~="combobox"]', 'zzzz-nothing');
  },
};
export const Error: Story = { beforeEach: mailbox({ messages: 50, faults: { searchRecords: { error: 'network' } } }) };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

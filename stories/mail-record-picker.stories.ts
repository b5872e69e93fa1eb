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
/** As on a phone: the dialog at its narrowest (what `calc(100vw - 2rem)` gives there), the search results wrapping. */
export const Narrow: Story = {
  render: (args) =>
    html`<div class="narrow-picker">
      <style>
        .narrow-picker mail-record-picker::part(dialog) {
          width: 18rem;
        }
      </style>
      ${picker(args)}
    </div>`,
  play: async ({ canvasElement }) => {
    const element = await elementIn<HTMLElement>(canvasElement, 'mail-record-picker');
    await typeInto(element, '[part~="combobox"]', 'acme');
  },
};
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl', locale: 'es' } };

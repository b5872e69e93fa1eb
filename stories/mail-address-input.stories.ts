import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Address } from '../src/core/index.js';
import { FOREVER, mailbox } from './support/mailbox.js';
import { elementIn, typeInto } from './support/play.js';

type Args = { label: string; error: string; noSuggestions: boolean; value: Address[] };

const frame = (args: Args, width = '36rem') =>
  html`<div style="width:${width};max-width:100%;min-height:22rem;padding:1rem">
    <mail-address-input
      label=${args.label}
      error=${args.error}
      ?no-suggestions=${args.noSuggestions}
      .value=${args.value}
    ></mail-address-input>
  </div>`;

const recipients: Address[] = [
  { name: 'Ana García', address: 'ana.garcia@acme.example' },
  { name: 'Doe, John', address: 'john@example.org' },
  { address: 'bob@example.net' },
];

/** Types the start of a name, so the suggestions open (or load, or fail). */
const typeAName = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const input = await elementIn<HTMLElement>(canvasElement, 'mail-address-input');
  await typeInto(input, 'input', 'an');
};

const meta: Meta<Args> = {
  title: 'Elements/mail-address-input',
  component: 'mail-address-input',
  tags: ['autodocs'],
  args: { label: 'To', error: '', noSuggestions: false, value: recipients },
  render: (args) => frame(args),
  beforeEach: mailbox({ messages: 200 }),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Empty: Story = { args: { value: [] } };
/** Suggestions from recent correspondents and business records, after typing "an". */
export const Suggestions: Story = { args: { value: [] }, play: typeAName };
export const Loading: Story = {
  name: 'Loading suggestions',
  args: { value: [] },
  beforeEach: mailbox({ faults: { suggestAddresses: { latencyMs: FOREVER } } }),
  play: typeAName,
};
/** The suggestions cannot be loaded: typing still works, and the failure is reported as `mail-error`. */
export const Error: Story = {
  args: { value: [] },
  beforeEach: mailbox({ faults: { suggestAddresses: { error: 'server' } } }),
  play: typeAName,
};
/** A message from outside (the composer's check), shown under the field. */
export const FieldError: Story = { name: 'Field error', args: { value: [], error: 'Add at least one recipient.' } };
/** Pasted text that is not an address stays as a marked chip to correct. */
export const InvalidChip: Story = {
  name: 'Text that is not an address',
  args: { value: [] },
  play: async ({ canvasElement }) => {
    const input = await elementIn<HTMLElement>(canvasElement, 'mail-address-input');
    await typeInto(input, 'input', 'Ana <ana@acme.example>, not an address; bob@example.net,');
  },
};
export const Dark: Story = { parameters: { theme: 'dark' }, play: typeAName };
export const Spanish: Story = { args: { label: 'Para' }, parameters: { locale: 'es' }, play: typeAName };
export const Narrow: Story = { render: (args) => frame(args, '16rem') };
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { label: 'Para' },
  parameters: { direction: 'rtl', locale: 'es' },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FOREVER, mailbox } from './support/mailbox.js';
import { elementIn, settle } from './support/play.js';

type Args = { selected: string };

const framed = (selected: string, style = 'width:16rem;height:28rem;display:grid') =>
  html`<div style=${style}>
    <mail-folder-tree selected=${selected}></mail-folder-tree>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/mail-folder-tree',
  component: 'mail-folder-tree',
  tags: ['autodocs'],
  args: { selected: 'inbox' },
  render: ({ selected }) => framed(selected),
  beforeEach: mailbox(),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { beforeEach: mailbox({ faults: { listFolders: { latencyMs: FOREVER } } }) };
export const Empty: Story = { name: 'Empty mailbox', beforeEach: mailbox({ messages: 0 }) };
export const Error: Story = { beforeEach: mailbox({ faults: { listFolders: { error: 'network' } } }) };
export const LargeMailbox: Story = { name: 'Large mailbox (100,000)', beforeEach: mailbox({ messages: 100_000 }) };
export const Dark: Story = { parameters: { theme: 'dark' } };
export const Spanish: Story = { parameters: { locale: 'es' } };
export const RightToLeft: Story = { name: 'Right to left', parameters: { direction: 'rtl' } };
export const Narrow: Story = { render: ({ selected }) => framed(selected, 'width:11rem;height:28rem;display:grid') };
/** `--mail-density: 0.75` on an ancestor: shorter rows, a tighter actions bar. */
export const Compact: Story = {
  name: 'Compact density',
  render: ({ selected }) => framed(selected, 'width:16rem;height:28rem;display:grid;--mail-density:0.75'),
};
/** `--mail-density: 1.25`: roomier rows, for touch screens. */
export const Roomy: Story = {
  name: 'Roomy density',
  render: ({ selected }) => framed(selected, 'width:16rem;height:28rem;display:grid;--mail-density:1.25'),
};

/** Opens the delete confirmation of the selected folder, as a user would with the trash button. */
const askToDelete = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const tree = await elementIn<HTMLElement>(canvasElement, 'mail-folder-tree');
  const button = () => tree.shadowRoot?.querySelector<HTMLButtonElement>('[part~="action-delete"]:not(:disabled)');
  await settle(() => !!button());
  button()?.click();
};
/** Deleting a folder with a subfolder, at the inbox's folder-pane width (232 px), in Spanish. */
export const DeleteConfirmation: Story = {
  name: 'Delete confirmation',
  args: { selected: 'projects' },
  parameters: { locale: 'es' },
  render: ({ selected }) => framed(selected, 'width:232px;height:28rem;display:grid'),
  play: askToDelete,
};

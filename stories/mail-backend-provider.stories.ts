import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { mailbox } from './support/mailbox.js';

const meta: Meta = {
  title: 'Elements/mail-backend-provider',
  component: 'mail-backend-provider',
  tags: ['autodocs'],
  beforeEach: mailbox(),
  render: () =>
    html`<mail-backend-provider base-url="/api/mail">
      <div style="display:grid;grid-template-columns:14rem 1fr;height:30rem">
        <mail-folder-tree selected="inbox"></mail-folder-tree>
        <mail-message-list folder="inbox"></mail-message-list>
      </div>
    </mail-backend-provider>`,
};
export default meta;

export const PlainHtml: StoryObj = { name: 'Plain HTML, no script' };

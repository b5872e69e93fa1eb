import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { getCustomElements } from '@storybook/web-components-vite';
import { mailbox } from './support/mailbox.js';

/**
 * A host application restyles the elements the two ways the library offers: design tokens (`--mail-*` custom
 * properties, set on any ancestor) and `::part()` selectors for the nodes each element documents. Nothing here
 * reaches into a shadow root.
 */
const brand = html`<style>
  .acme {
    --mail-font-family: Georgia, 'DejaVu Serif', serif;
    --mail-color-accent: light-dark(#0f766e, #5eead4);
    --mail-color-accent-text: light-dark(#ffffff, #042f2e);
    --mail-color-accent-soft: light-dark(#ccfbf1, #134e4a);
    --mail-color-focus: light-dark(#0f766e, #5eead4);
    --mail-color-surface: light-dark(#f0fdfa, #0b1f1d);
    --mail-color-background: light-dark(#ffffff, #071413);
    --mail-color-border: light-dark(#99d5cc, #1f4d48);
    --mail-radius: 2px;
    display: grid;
    grid-template-rows: auto 1fr;
    height: 100vh;
    background: light-dark(#ffffff, #071413);
    color: light-dark(#1b1f24, #e6e8ec);
    font-family: Georgia, 'DejaVu Serif', serif;
  }
  .acme header {
    display: flex;
    align-items: center;
    gap: 1rem;
    padding: 0.25rem 1rem;
    background: light-dark(#0f766e, #042f2e);
    color: #ffffff;
  }
  .acme header strong {
    flex: 1;
    letter-spacing: 0.08em;
  }
  .acme main {
    display: grid;
    grid-template-columns: 13rem minmax(18rem, 24rem) 1fr;
    min-height: 0;
  }
  .acme main > * {
    min-height: 0;
    border-inline-end: 1px solid var(--mail-color-border);
  }
  /* Parts: the host's own look for chosen nodes. */
  .acme mail-toolbar-button::part(button) {
    color: #ffffff;
  }
  .acme mail-toolbar-button::part(badge) {
    background: #f59e0b;
    color: #1b1f24;
  }
  .acme mail-folder-tree::part(unread-count) {
    background: var(--mail-color-accent);
    color: var(--mail-color-accent-text);
  }
  .acme mail-message-list::part(subject) {
    letter-spacing: 0.01em;
  }
  .acme mail-message-view::part(subject) {
    font-variant: small-caps;
  }
  .acme.compact {
    --mail-density: 0.75;
    --mail-font-size: 0.8125rem;
  }
  .acme.compact main {
    grid-template-columns: 11rem minmax(16rem, 22rem) 1fr;
  }
</style>`;

const app = (classes: string): TemplateResult =>
  html`${brand}
    <div class=${classes}>
      <header>
        <strong>ACME ERP</strong>
        <mail-toolbar-button></mail-toolbar-button>
      </header>
      <main>
        <mail-folder-tree selected="inbox"></mail-folder-tree>
        <mail-message-list folder="inbox" selected-id="inbox-attachments"></mail-message-list>
        <mail-message-view message-id="inbox-attachments"></mail-message-view>
      </main>
    </div>`;

/** A settings form next to a record side bar, to compare densities on forms and short lists. */
const forms = (classes: string): TemplateResult =>
  html`${brand}
    <div class=${classes} style="grid-template-rows:auto;height:auto;padding:1rem;gap:1rem">
      <div style="display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1rem;align-items:start">
        <mail-app-settings></mail-app-settings>
        <mail-object-mails object-name="customers" object-id="C001"></mail-object-mails>
      </div>
    </div>`;

const meta: Meta = {
  title: 'Guides/Theming',
  beforeEach: mailbox({ messages: 300, moduleEnabled: true }),
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

/** The ACME brand: teal accent, serif type, square corners, a few parts restyled. */
export const Brand: Story = { render: () => app('acme') };
export const BrandDark: Story = { name: 'Brand, dark', render: () => app('acme'), parameters: { theme: 'dark' } };
/** `--mail-density: 0.75`: tighter spacing, shorter rows and controls, in lists and forms alike. */
export const Compact: Story = { name: 'Compact density', render: () => app('acme compact') };
export const FormsDefault: Story = { name: 'Forms, default density', render: () => forms('acme') };
export const FormsCompact: Story = { name: 'Forms, compact density', render: () => forms('acme compact') };
export const BrandSpanish: Story = {
  name: 'Brand, Spanish, right to left',
  render: () => app('acme'),
  parameters: { locale: 'es', direction: 'rtl' },
};

interface CssProperty {
  name: string;
  description?: string;
}

/** Every global token, read from custom-elements.json (the JSDoc of `MailElement`). */
function tokens(): CssProperty[] {
  const manifest = getCustomElements() as { modules: { declarations?: unknown[] }[] };
  for (const module of manifest.modules) {
    for (const declaration of (module.declarations ?? []) as { name: string; cssProperties?: CssProperty[] }[]) {
      if (declaration.name === 'MailElement') return declaration.cssProperties ?? [];
    }
  }
  return [];
}

export const Tokens: Story = {
  name: 'Token reference',
  render: () =>
    html`<div style="padding:1rem;font:14px system-ui,sans-serif;color:light-dark(#1b1f24,#e6e8ec)">
      <table style="border-collapse:collapse;width:100%">
        <thead>
          <tr>
            <th style="text-align:start;padding:0.25rem 0.5rem">Token</th>
            <th style="text-align:start;padding:0.25rem 0.5rem">Meaning and default</th>
          </tr>
        </thead>
        <tbody>
          ${tokens().map(
            (token) =>
              html`<tr style="border-top:1px solid #8884">
                <td style="padding:0.25rem 0.5rem"><code>${token.name}</code></td>
                <td style="padding:0.25rem 0.5rem">${token.description}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
};

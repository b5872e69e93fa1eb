import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { html } from 'lit';
import manifest from '../custom-elements.json' with { type: 'json' };
import '../src/index.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  loaders: [mswLoader()],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'contrast', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Language',
      toolbar: { title: 'Language', icon: 'globe', items: ['en', 'es'], dynamicTitle: true },
    },
    direction: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', direction: 'ltr' },
  decorators: [
    (story, context) => {
      const { theme, locale, direction } = context.globals as Record<string, string>;
      const {
        theme: storyTheme,
        locale: storyLocale,
        direction: storyDirection,
      } = context.parameters as Record<string, string | undefined>;
      const resolvedTheme = storyTheme ?? theme ?? 'light';
      document.documentElement.dataset.theme = resolvedTheme;
      document.body.style.background = resolvedTheme === 'dark' ? '#16181d' : '#ffffff';
      return html`<div
        class="mail-story"
        lang=${storyLocale ?? locale ?? 'en'}
        dir=${storyDirection ?? direction ?? 'ltr'}
        data-theme=${resolvedTheme}
        style="color-scheme:${resolvedTheme}"
      >
        <mail-backend-provider base-url="/api/mail">${story()}</mail-backend-provider>
      </div>`;
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;

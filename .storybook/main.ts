import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  // msw's worker script, copied from the installed msw by scripts/prepare-storybook.mjs.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
};

export default config;

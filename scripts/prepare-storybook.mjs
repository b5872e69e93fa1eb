// Before Storybook starts or builds: copy msw's worker script (always the installed version) into Storybook's static
// folder, and generate custom-elements.json, from which Storybook reads each element's API.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { mockServiceWorkerPath } from './dev-middleware.mjs';

mkdirSync('.storybook/public', { recursive: true });
copyFileSync(mockServiceWorkerPath, '.storybook/public/mockServiceWorker.js');
execFileSync(
  'node_modules/.bin/cem',
  ['analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', '.'],
  { stdio: 'inherit' },
);

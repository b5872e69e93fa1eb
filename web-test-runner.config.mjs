// Every test runs in real Chromium: Debian's /usr/bin/chromium unless CHROME_PATH points elsewhere.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { mockServiceWorkerMiddleware } from './scripts/dev-middleware.mjs';
import { probeMiddleware } from './scripts/probe-middleware.mjs';
import { nodeMailProxyMiddleware, nodeMailServerPlugin } from './scripts/mail-servers/wtr-proxy.mjs';

export const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Test pages run side by side in tabs: keep background tabs' timers and animation frames running.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export default {
  // test/node holds the Node server's own tests (node --test), not browser tests.
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [mockServiceWorkerMiddleware, probeMiddleware, nodeMailProxyMiddleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), nodeMailServerPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: chromeArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  // Lit's one-time dev-mode notice is noise in every file; anything else the browser logs is shown.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // One page at a time: every page that mocks the API shares the origin's one service worker.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
};

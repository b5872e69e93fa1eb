// `npm start`: serves the demo application on the built-in mock backend (an MSW service worker) at
// http://localhost:$PORT/ (default 8000). TypeScript is compiled on the fly by esbuild.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mockServiceWorkerMiddleware } from './dev-middleware.mjs';

const port = Number(process.env.PORT || 8000);
const hostname = process.env.HOST || 'localhost';

/** The demo's start page is the webmail; other pages of the demo live under /demo/. */
function rewriteStartPage(context, next) {
  if (context.path === '/' || context.path === '/index.html') context.url = '/demo/index.html' + context.search;
  return next();
}

await startDevServer({
  config: {
    port,
    hostname,
    rootDir: '.',
    nodeResolve: { exportConditions: ['browser', 'development'] },
    middleware: [rewriteStartPage, mockServiceWorkerMiddleware],
    plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
    watch: process.argv.includes('--watch'),
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(
  `[mail-elements] demo on http://${hostname}:${port}/  (try ?messages=100000, ?seed=7, ?lang=es, ?theme=dark)`,
);

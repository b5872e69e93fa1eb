// Serves msw's worker script from the installed package, so it always matches the installed msw
// (npm 11 does not run msw's postinstall, which would copy it).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const mockServiceWorkerPath = join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js');

/** Koa-style middleware for @web/dev-server and @web/test-runner. */
export async function mockServiceWorkerMiddleware(context, next) {
  if (context.path !== '/mockServiceWorker.js') return next();
  context.type = 'application/javascript';
  context.set('Service-Worker-Allowed', '/');
  context.body = await readFile(mockServiceWorkerPath, 'utf8');
}

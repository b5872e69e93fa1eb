// For web-test-runner: proxies /api/node-mail and /api/node-test (same origin, so no CORS) to the Node test server
// (test/node/test-server.ts), which is started on the first such request and stopped with the test runner.
import { fork } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

const PREFIXES = ['/api/node-mail', '/api/node-test'];
const entry = fileURLToPath(new URL('../../test/node/test-server.ts', import.meta.url));

let child;
let ready;

function start() {
  ready ??= new Promise((resolve, reject) => {
    child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(new URL(message.url)));
    child.once('exit', (code) => reject(new Error(`the Node test server exited (${code})`)));
  });
  return ready;
}

export async function nodeMailProxyMiddleware(context, next) {
  if (!PREFIXES.some((prefix) => context.path === prefix || context.path.startsWith(`${prefix}/`))) return next();
  const target = await start();
  context.respond = false;
  await new Promise((resolve) => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: context.req.method,
        path: context.req.url,
        headers: context.req.headers,
      },
      (response) => {
        context.res.writeHead(response.statusCode ?? 502, response.headers);
        context.res.flushHeaders();
        response.pipe(context.res);
        response.on('end', resolve);
        context.res.on('close', () => {
          response.destroy();
          resolve();
        });
      },
    );
    upstream.on('error', () => {
      if (!context.res.headersSent) context.res.writeHead(502).end();
      resolve();
    });
    context.req.pipe(upstream);
  });
}

export function nodeMailServerPlugin() {
  return {
    name: 'node-mail-server',
    serverStop() {
      child?.kill('SIGTERM');
    },
  };
}

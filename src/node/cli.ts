#!/usr/bin/env node
/**
 * `mail-elements-server`: the reference server with an embedded SQLite file, serving the demo page wired to it.
 *
 *   mail-elements-server [--port 8025] [--host 127.0.0.1] [--data ./mail-data] [--base-url http://localhost:8025]
 *                        [--ca cert.pem] [--insecure-tls]
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createMailServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8025' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    data: { type: 'string', default: process.env.MAIL_ELEMENTS_DATA ?? './mail-data' },
    'base-url': { type: 'string' },
    ca: { type: 'string' },
    'insecure-tls': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.info(`mail-elements-server: webmail for your own IMAP/POP3 + SMTP account

  --port <n>        port to listen on (default 8025, or PORT)
  --host <addr>     address to listen on (default 127.0.0.1, or HOST)
  --data <dir>      folder for the SQLite file and the key file (default ./mail-data)
  --base-url <url>  the public URL of this server, for OAuth redirect URLs (default http://<host>:<port>)
  --ca <file>       trust this CA certificate (PEM) for the mail servers, e.g. a self-signed one
  --insecure-tls    accept any mail server certificate (development only)`);
  process.exit(0);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(values.port);
const baseUrl = values['base-url'] ?? `http://${values.host === '0.0.0.0' ? 'localhost' : values.host}:${port}`;

let bundle: Promise<string> | undefined;
/** The demo page's script, bundled on first request (esbuild), or the prebuilt copy in dist. */
function demoScript(): Promise<string> {
  bundle ??= (async () => {
    try {
      return readFileSync(join(root, 'dist', 'demo-server.js'), 'utf8');
    } catch {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({
        entryPoints: [join(root, 'demo', 'server.ts')],
        bundle: true,
        format: 'esm',
        target: 'es2022',
        write: false,
        tsconfig: join(root, 'tsconfig.json'),
        conditions: ['browser'],
        minify: true,
      });
      return result.outputFiles[0]!.text;
    }
  })();
  return bundle;
}

async function serveDemo(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const send = (type: string, body: string) => {
    response.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy':
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self' blob: data:; object-src 'none'; base-uri 'none'",
    });
    response.end(body);
  };
  if (path === '/' || path === '/index.html')
    return send('text/html; charset=utf-8', readFileSync(join(root, 'demo', 'server.html'), 'utf8'));
  if (path === '/demo/server.js') return send('text/javascript; charset=utf-8', await demoScript());
  if (path === '/demo/demo.css')
    return send('text/css; charset=utf-8', readFileSync(join(root, 'demo', 'demo.css'), 'utf8'));
  response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}

const server = createMailServer({
  dataDir: resolve(values.data!),
  baseUrl,
  secureCookies: baseUrl.startsWith('https:'),
  tls: { ...(values.ca ? { ca: readFileSync(values.ca) } : {}), insecure: values['insecure-tls'] },
  fallback: serveDemo,
});
const url = await server.listen(port, values.host);
console.info(
  `[mail-elements] server on ${url}/ (data in ${resolve(values.data!)}; OAuth redirect ${baseUrl}/Webhooks/MailToken.aspx)`,
);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

import { expect } from '@open-wc/testing';
import {
  MAIL_ERROR_CODES,
  MailError,
  OPERATIONS,
  ProblemDetails,
  STATUS_BY_CODE,
  pathParams,
  routes,
  type RouteSpec,
} from '../core/index.js';
import { answerAsText, createMailRouter, jsonTextOf, type MailRouterOptions } from './index.js';
import { FakeMailBackend, fixtures } from './test-fake-backend.js';

const ORIGIN = 'http://mail.test';
const BASE = '/api/mail';

interface Send {
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function setup(options: MailRouterOptions = {}) {
  const backend = new FakeMailBackend();
  const errors: unknown[] = [];
  const router = createMailRouter(backend, {
    basePath: BASE,
    onError: (error) => errors.push(error),
    ...options,
  });
  const send = (method: string, path: string, init: Send = {}) => {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    // A streamed body needs `duplex: 'half'`, which the DOM typings do not know yet.
    const duplex = body instanceof ReadableStream ? { duplex: 'half' } : {};
    const request = new Request(ORIGIN + BASE + path, {
      method,
      headers,
      body: body ?? null,
      signal: init.signal,
      ...duplex,
    });
    return router.fetch(request);
  };
  return { backend, router, errors, send };
}

async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
  const problem = ProblemDetails.safeParse(await response.json());
  expect(problem.success, 'a valid problem document').to.equal(true);
  return problem.data!;
}

function issuePaths(problem: ProblemDetails): string[] {
  return (problem.issues ?? []).map((issue) => issue.path.join('.'));
}

/** A small deterministic PRNG, so that a failing fuzz case can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads an event stream until `enough` says so, or the stream ends; `reader.cancel()` closes it. */
async function readEvents(response: Response, enough: (text: string) => boolean) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!enough(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
  }
  return { text, reader };
}

const until = (predicate: () => boolean, timeoutMs = 2000) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out waiting'));
      else setTimeout(check, 5);
    };
    check();
  });

describe('server/createMailRouter', () => {
  describe('routes', () => {
    it('registers every operation of the route table', async () => {
      const { send } = setup();
      for (const operation of OPERATIONS) {
        const route: RouteSpec = routes[operation];
        if (route.body === 'events') continue;
        let path: string = route.path;
        for (const name of pathParams(route.path)) path = path.replace(`:${name}`, 'x');
        const json = route.method === 'GET' || route.method === 'DELETE' || route.upload ? undefined : {};
        const response = await send(route.method, path, { json });
        expect([404, 405], `${operation} ${route.method} ${path}`).not.to.include(response.status);
      }
    });

    it('answers JSON with no-store and nosniff', async () => {
      const { send } = setup();
      const response = await send('GET', '/capabilities');
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(response.headers.get('access-control-allow-origin')).to.equal(null);
      expect(await response.json()).to.deep.equal(fixtures().capabilities);
    });

    it('passes the request signal to the backend', async () => {
      const { send, backend } = setup();
      await send('GET', '/folders');
      expect(backend.callsOf('listFolders')[0]!.options?.signal).to.be.instanceOf(AbortSignal);
    });

    it('decodes the query string with the types of the schema', async () => {
      const { send, backend } = setup();
      const response = await send('GET', '/folders/INBOX/messages?limit=20&unseen=true&text=budget&sort=date-asc');
      expect(response.status).to.equal(200);
      expect(backend.callsOf('listMessages')[0]!.input).to.deep.equal({
        folderId: 'INBOX',
        limit: 20,
        unseen: true,
        text: 'budget',
        sort: 'date-asc',
      });
    });

    it('passes a JSON body with path parameters', async () => {
      const { send, backend } = setup();
      const response = await send('PATCH', '/folders/Projects/', { json: { name: 'Renamed' } });
      expect(response.status, 'strict trailing slash').to.equal(404);
      const renamed = await send('PATCH', '/folders/Projects', { json: { name: 'Renamed', folderId: 'ignored' } });
      expect(renamed.status).to.equal(200);
      expect(backend.callsOf('renameFolder')[0]!.input).to.deep.equal({ folderId: 'Projects', name: 'Renamed' });
    });

    it('round-trips percent-encoded ids with / ? # % and spaces through path parameters', async () => {
      const { send, backend } = setup();
      const ids = ['INBOX/Sub folder/42', 'a?b#c', '100%', 'ñandú/€', '%2F', 'x%zz'];
      for (const id of ids) {
        const response = await send('GET', `/messages/${encodeURIComponent(id)}`);
        expect(response.status, id).to.equal(200);
        expect((await response.json()).id).to.equal(id);
      }
      const attachment = await send(
        'GET',
        `/messages/${encodeURIComponent('a/b')}/attachments/${encodeURIComponent('1.2/3')}`,
      );
      expect(attachment.status).to.equal(200);
      expect(backend.callsOf('getAttachment')[0]!.input).to.deep.equal({ id: 'a/b', attachmentId: '1.2/3' });
    });

    it('answers 204 with no body for operations without a result', async () => {
      const { send, backend } = setup();
      const response = await send('DELETE', '/folders/Projects');
      expect(response.status).to.equal(204);
      expect(await response.text()).to.equal('');
      expect(backend.callsOf('deleteFolder')[0]!.input).to.deep.equal({ folderId: 'Projects' });
    });
  });

  describe('bytes', () => {
    it('answers an attachment with its type, a safe filename and nosniff', async () => {
      const { send } = setup();
      const response = await send('GET', '/messages/m1/attachments/a1');
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('application/pdf');
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(response.headers.get('content-security-policy')).to.contain('sandbox');
      const disposition = response.headers.get('content-disposition')!;
      expect(disposition).to.equal(
        `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
      );
      expect(await response.text()).to.equal('%PDF-');
    });

    it('answers the raw message as an .eml download', async () => {
      const { send } = setup();
      const response = await send('GET', '/messages/m1/raw');
      expect(response.headers.get('content-type')).to.equal('message/rfc822');
      expect(response.headers.get('content-disposition')).to.contain('filename="message.eml"');
      expect(await response.text()).to.contain('Subject: Budget');
    });

    it('reduces a hostile file name to a safe terminal name', async () => {
      const { send, backend } = setup();
      backend.override('getAttachment', () => new File(['x'], '../../etc/passwd\r\nSet-Cookie: a=b'));
      const response = await send('GET', '/messages/m1/attachments/a1');
      const disposition = response.headers.get('content-disposition')!;
      expect(disposition).not.to.match(/[\r\n]/);
      expect(disposition).to.contain('filename="passwdSet-Cookie: a=b"');
      expect(response.headers.get('content-type')).to.equal('application/octet-stream');
    });

    it('answers 500 when the backend gives something that is not bytes', async () => {
      const { send, backend, errors } = setup();
      backend.override('getRawMessage', () => 'not a blob');
      const response = await send('GET', '/messages/m1/raw');
      expect(response.status).to.equal(500);
      expect(errors).to.have.length(1);
    });
  });

  describe('uploads', () => {
    const form = (file: Blob | string | undefined, filename?: string) => {
      const data = new FormData();
      if (file instanceof Blob) data.append('file', file, 'from-part.txt');
      else if (file !== undefined) data.append('file', file);
      if (filename !== undefined) data.append('filename', filename);
      return data;
    };

    it('takes multipart/form-data with a file and a filename', async () => {
      const { send, backend } = setup();
      const response = await send('POST', '/uploads', {
        body: form(new Blob(['hello'], { type: 'text/plain' }), 'notes.txt'),
      });
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({
        id: 'u1',
        filename: 'notes.txt',
        contentType: 'text/plain',
        size: 5,
      });
      const input = backend.callsOf('uploadAttachment')[0]!.input as { file: Blob; filename: string };
      expect(await input.file.text()).to.equal('hello');
    });

    it("falls back to the part's file name", async () => {
      const { send } = setup();
      const response = await send('POST', '/uploads', { body: form(new Blob(['hello'])) });
      expect((await response.json()).filename).to.equal('from-part.txt');
    });

    it('answers 400 naming the file when there is none, or it is text', async () => {
      const { send } = setup();
      for (const body of [form(undefined, 'a.txt'), form('just text')]) {
        const response = await send('POST', '/uploads', { body });
        expect(response.status).to.equal(400);
        expect(issuePaths(await problemOf(response))).to.include('file');
      }
    });

    it('answers 415 for anything but multipart/form-data', async () => {
      const { send } = setup();
      const response = await send('POST', '/uploads', { json: { file: 'x' } });
      expect(response.status).to.equal(415);
      expect((await problemOf(response)).code).to.equal('validation');
    });

    it('answers 413 for a file over the limit, by default the backend capability', async () => {
      const { send } = setup();
      const big = new Blob([new Uint8Array(fixtures().capabilities.maxAttachmentBytes + 1)]);
      const response = await send('POST', '/uploads', { body: form(big) });
      expect(response.status).to.equal(413);
      expect((await problemOf(response)).code).to.equal('validation');
      const small = setup({ maxUploadBytes: 3 });
      const refused = await small.send('POST', '/uploads', { body: form(new Blob(['1234'])) });
      expect(refused.status).to.equal(413);
    });

    it('answers 400 for a broken multipart body', async () => {
      const { send } = setup();
      const response = await send('POST', '/uploads', {
        body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      });
      expect(response.status).to.equal(400);
    });
  });

  describe('bad input', () => {
    it('answers 400 with an issue for each bad field', async () => {
      const { send } = setup();
      const cases: [string, string, Send | undefined, string[]][] = [
        ['GET', '/folders/INBOX/messages?limit=abc&unseen=maybe', undefined, ['limit', 'unseen']],
        ['GET', '/folders/INBOX/messages?limit=999', undefined, ['limit']],
        ['POST', '/messages/flags', { json: { ids: [], flags: { seen: 'yes' } } }, ['ids', 'flags.seen']],
        [
          'POST',
          '/drafts',
          { json: { to: [{ address: 'nope' }], cc: [], bcc: [], subject: 'a\r\nBcc: x@y.z', attachments: [] } },
          ['to.0.address', 'subject'],
        ],
        [
          'PUT',
          '/account',
          { json: { ...fixtures().settings, incoming: { ...fixtures().settings.incoming, port: 70000 }, email: 'x' } },
          ['incoming.port', 'email'],
        ],
        [
          'POST',
          '/oauth/endpoints',
          { json: { provider: 'microsoft', name: 'M', clientId: '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d' } },
          ['tenantId'],
        ],
        ['GET', '/addresses', undefined, ['query']],
      ];
      for (const [method, path, init, expected] of cases) {
        const response = await send(method, path, init);
        expect(response.status, `${method} ${path}`).to.equal(400);
        const problem = await problemOf(response);
        expect(problem.code).to.equal('validation');
        expect(issuePaths(problem), `${method} ${path}`).to.include.members(expected);
      }
    });

    it('answers 400 for a body that is not JSON, not UTF-8, or not an object', async () => {
      const { send } = setup();
      const bodies: BodyInit[] = [
        '{"ids":',
        'null garbage',
        new Uint8Array([0xff, 0xfe, 0x7b]),
        '[1,2]',
        '"text"',
        '42',
      ];
      for (const body of bodies) {
        const response = await send('POST', '/messages/flags', {
          body,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.status, String(body)).to.equal(400);
        expect((await problemOf(response)).code).to.equal('validation');
      }
    });

    it('answers 415 for a JSON route without a JSON content type', async () => {
      const { send } = setup();
      const json = '{"ids":["m1"],"flags":{}}';
      const cases: Send[] = [
        { body: new Blob([json]) }, // no Content-Type at all
        { body: json, headers: { 'content-type': 'text/plain' } },
        { body: json, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ];
      for (const init of cases) {
        const response = await send('POST', '/messages/flags', init);
        expect(response.status).to.equal(415);
        expect((await problemOf(response)).code).to.equal('validation');
      }
      const withCharset = await send('POST', '/messages/flags', {
        body: '{"ids":["m1"],"flags":{}}',
        headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      });
      expect(withCharset.status).to.equal(200);
    });

    it('answers 413 for a JSON body over the limit', async () => {
      const { send, backend } = setup({ maxBodyBytes: 100 });
      const response = await send('POST', '/drafts', { json: { subject: 'x'.repeat(200) } });
      expect(response.status).to.equal(413);
      expect((await problemOf(response)).code).to.equal('validation');
      const streamed = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(50)));
          controller.close();
        },
      });
      const chunked = await send('POST', '/drafts', {
        body: streamed,
        headers: { 'content-type': 'application/json' },
      });
      expect(chunked.status).to.equal(413);
      expect(backend.calls).to.have.length(0);
    });

    it('treats an empty JSON body as {}', async () => {
      const { send } = setup();
      const response = await send('POST', '/oauth/endpoints/ep1/revoke', {
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).to.equal(200);
    });

    it('never answers 500 to garbage (fuzz)', async () => {
      const { send, backend, errors } = setup({ maxBodyBytes: 64 * 1024 });
      const random = prng(20261129);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const junkStrings = [
        '',
        ' ',
        '\r\n',
        '\0',
        'a\r\nb',
        '%',
        '%E0%A4%A',
        '%00',
        '..',
        '../..',
        '"><script>',
        '𝄞'.repeat(50),
        'x'.repeat(5000),
        '__proto__',
        'constructor',
      ];
      const junkValue = (depth: number): unknown => {
        const kind = Math.floor(random() * (depth > 3 ? 6 : 9));
        switch (kind) {
          case 0:
            return pick(junkStrings);
          case 1:
            return random() * 1e12 - 5e11;
          case 2:
            return pick([true, false, null, -1, 0, 1.5, 1e308, Number.MAX_SAFE_INTEGER]);
          case 3:
            return pick(['2026-13-45', 'not-a-date', 'ana@', '@x', 'a'.repeat(300) + '@x.com']);
          case 4:
            return [];
          case 5:
            return {};
          case 6:
            return Array.from({ length: Math.floor(random() * 5) }, () => junkValue(depth + 1));
          default: {
            const object: Record<string, unknown> = {};
            for (let i = 0; i < 4; i++)
              object[
                pick(['ids', 'to', 'flags', 'incoming', 'port', 'name', 'id', 'draft', 'file', pick(junkStrings)])
              ] = junkValue(depth + 1);
            return object;
          }
        }
      };
      const rawPaths = [
        '/messages/%',
        '/messages/%E0%A4%A',
        '/messages/%00',
        '/messages/a%0D%0Ab',
        '/folders/%2e%2e/messages',
        '/messages/%FF%FE/raw',
        '/records/%/x/mails',
        '/links/configs/%20',
      ];
      for (let i = 0; i < 300; i++) {
        const operation = pick(OPERATIONS);
        const route: RouteSpec = routes[operation];
        if (route.body === 'events') continue;
        let path: string = route.path;
        for (const name of pathParams(route.path))
          path = path.replace(`:${name}`, encodeURIComponent(String(junkValue(3))) || 'x');
        if (random() < 0.1) path = pick(rawPaths);
        const method = random() < 0.1 ? pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) : route.method;
        const init: Send = {};
        if (method === 'GET' || method === 'DELETE') {
          const query = new URLSearchParams();
          for (let k = 0; k < 3; k++)
            query.append(
              pick(['limit', 'cursor', 'text', 'unseen', 'since', 'query', 'id', 'x']),
              String(junkValue(2)),
            );
          path += `?${query}`;
        } else {
          const roll = random();
          if (roll < 0.6) init.json = junkValue(0);
          else if (roll < 0.75) init.body = String(junkValue(1)).slice(0, 5000);
          else if (roll < 0.85)
            init.body = new Uint8Array(Array.from({ length: 64 }, () => Math.floor(random() * 256)));
          else {
            const data = new FormData();
            data.append(pick(['file', 'filename', 'x']), String(junkValue(2)));
            init.body = data;
          }
          if (random() < 0.15)
            init.headers = {
              'content-type': pick<string>([
                '',
                'text/plain',
                'application/json',
                'multipart/form-data',
                'application/json; charset=latin1',
              ]),
            };
        }
        const response = await send(method, path, init);
        expect(response.status, `#${i} ${method} ${path}`).to.be.below(500);
        if (response.status >= 400) await problemOf(response);
        else await response.arrayBuffer();
      }
      expect(errors, 'nothing unexpected was logged').to.have.length(0);
      expect(backend.calls.length, 'some garbage was valid').to.be.above(0);
    });
  });

  describe('unknown routes and methods', () => {
    it('answers 404 problem for an unknown path', async () => {
      const { send, router } = setup();
      for (const response of [await send('GET', '/nope'), await router.fetch(new Request(`${ORIGIN}/folders`))]) {
        expect(response.status).to.equal(404);
        expect((await problemOf(response)).code).to.equal('not-found');
      }
    });

    it('answers 405 with Allow for a known path and another method', async () => {
      const { send } = setup();
      const response = await send('PUT', '/folders/INBOX/messages', { json: {} });
      expect(response.status).to.equal(405);
      expect(response.headers.get('allow')).to.equal('GET, HEAD');
      expect((await problemOf(response)).status).to.equal(405);
      const folders = await send('OPTIONS', '/folders');
      expect(folders.status).to.equal(405);
      expect(folders.headers.get('allow')).to.equal('GET, HEAD, POST');
    });

    it('routes a literal segment apart from a parameter', async () => {
      const { send, backend } = setup();
      const flags = await send('GET', '/messages/flags');
      expect(flags.status, 'GET /messages/:id').to.equal(200);
      expect(backend.callsOf('getMessage')[0]!.input).to.deep.equal({ id: 'flags' });
      const prefill = await send('POST', '/drafts/prefill', { json: { id: 'm1', mode: 'reply' } });
      expect(prefill.status).to.equal(200);
    });

    it('mounts at the root without a base path', async () => {
      const router = createMailRouter(new FakeMailBackend());
      expect((await router.fetch(new Request(`${ORIGIN}/folders`))).status).to.equal(200);
    });
  });

  describe('backend errors', () => {
    it('answers each MailError code as a problem with its status', async () => {
      for (const code of MAIL_ERROR_CODES) {
        const { send, backend } = setup();
        backend.override('getMessage', () => {
          throw new MailError(code, `Because of ${code}.`);
        });
        const response = await send('GET', '/messages/m1');
        expect(response.status, code).to.equal(STATUS_BY_CODE[code]);
        const problem = await problemOf(response);
        expect(problem.code).to.equal(code);
        expect(problem.status).to.equal(STATUS_BY_CODE[code]);
        expect(problem.type).to.equal(`urn:mail-elements:problem:${code}`);
        if (code !== 'server') expect(problem.detail).to.equal(`Because of ${code}.`);
      }
    });

    it('keeps field issues and sends Retry-After for rate-limited', async () => {
      const { send, backend } = setup();
      backend.override('saveAccount', () => {
        throw new MailError('validation', 'incoming.host: Unknown host.', {
          issues: [{ path: ['incoming', 'host'], message: 'Unknown host.' }],
        });
      });
      backend.override('listFolders', () => {
        throw new MailError('rate-limited', 'Slow down.', { retryAfter: 29.2 });
      });
      const invalid = await send('PUT', '/account', { json: fixtures().settings });
      expect((await problemOf(invalid)).issues).to.deep.equal([
        { path: ['incoming', 'host'], message: 'Unknown host.' },
      ]);
      const limited = await send('GET', '/folders');
      expect(limited.status).to.equal(429);
      expect(limited.headers.get('retry-after')).to.equal('30');
      expect((await problemOf(limited)).retryAfter).to.equal(29.2);
    });

    it('answers 500 with a generic message for anything unexpected, and logs it', async () => {
      const { send, backend, errors } = setup();
      const secret = new Error('connect ECONNREFUSED imap://ana:hunter2@10.0.0.5');
      backend.override('listFolders', () => {
        throw secret;
      });
      backend.override('getMessage', () => {
        throw MailError.from(new Error('password=hunter2 rejected'));
      });
      for (const path of ['/folders', '/messages/m1']) {
        const response = await send('GET', path);
        expect(response.status).to.equal(500);
        const text = await response.clone().text();
        expect(text).not.to.contain('hunter2');
        expect((await problemOf(response)).code).to.equal('server');
      }
      expect(errors[0]).to.equal(secret);
      expect(errors).to.have.length(2);
    });

    it('does not log expected errors', async () => {
      const { send, backend, errors } = setup();
      backend.override('getMessage', () => {
        throw new MailError('not-found', 'No such message.');
      });
      await send('GET', '/messages/m1');
      expect(errors).to.have.length(0);
    });

    it('survives a logger that throws', async () => {
      const { send, backend } = setup({
        onError: () => {
          throw new Error('logger down');
        },
      });
      backend.override('listFolders', () => {
        throw new Error('boom');
      });
      expect((await send('GET', '/folders')).status).to.equal(500);
    });
  });

  describe('results', () => {
    it('strips unknown keys, so secrets a backend returns by mistake never leave', async () => {
      const { send, backend } = setup();
      backend.override('getAccount', () => ({
        configured: true,
        password: 'CANARY',
        settings: {
          ...fixtures().settings,
          password: 'CANARY',
          incoming: { ...fixtures().settings.incoming, token: 'CANARY' },
        },
      }));
      backend.override('listEndpoints', () => ({ items: [{ ...fixtures().endpoint, clientSecret: 'CANARY' }] }));
      for (const path of ['/account', '/oauth/endpoints']) {
        const response = await send('GET', path);
        expect(response.status).to.equal(200);
        expect(await response.text()).not.to.contain('CANARY');
      }
    });

    it('answers 500 for an invalid result and logs which fields, not their values', async () => {
      const { send, backend, errors } = setup();
      backend.override('getAccount', () => ({ configured: 'CANARY', settings: null }));
      const response = await send('GET', '/account');
      expect(response.status).to.equal(500);
      expect(await response.clone().text()).not.to.contain('CANARY');
      expect((await problemOf(response)).code).to.equal('server');
      expect(errors).to.have.length(1);
      expect(String((errors[0] as Error).message))
        .to.contain('getAccount')
        .and.to.contain('configured')
        .and.not.to.contain('CANARY');
    });

    it('sends answers as the backend made them with validateOutput off, but still validates requests and bytes', async () => {
      const { send, backend, errors } = setup({ validateOutput: false });
      backend.override('getCapabilities', () => ({ ...fixtures().capabilities, extra: 'KEPT' }));
      const answer = await send('GET', '/capabilities');
      expect(answer.status).to.equal(200);
      expect(await answer.json()).to.deep.equal({ ...fixtures().capabilities, extra: 'KEPT' });

      const bad = await send('GET', '/folders/INBOX/messages?limit=999');
      expect(bad.status).to.equal(400);
      expect((await problemOf(bad)).issues?.map((issue) => issue.path.join('.'))).to.deep.equal(['limit']);
      expect(backend.callsOf('listMessages')).to.have.length(0);

      backend.override('getRawMessage', () => 'not a blob');
      expect((await send('GET', '/messages/m1/raw')).status).to.equal(500);
      expect(errors).to.have.length(1);
    });

    it('keeps the JSON text beside the answer, and makes no body stream for a request marked answerAsText', async () => {
      const { router } = setup();
      const plain = await router.fetch(new Request(`${ORIGIN}${BASE}/capabilities`));
      expect(JSON.parse(jsonTextOf(plain)!)).to.deep.equal(fixtures().capabilities);
      expect(await plain.json()).to.deep.equal(fixtures().capabilities);
      expect(jsonTextOf(plain), 'the body was read').to.equal(undefined);

      const marked = await router.fetch(answerAsText(new Request(`${ORIGIN}${BASE}/capabilities`)));
      expect(marked.status).to.equal(200);
      expect(marked.headers.get('content-type')).to.match(/^application\/json/);
      expect(marked.body).to.equal(null);
      expect(JSON.parse(jsonTextOf(marked)!)).to.deep.equal(fixtures().capabilities);

      const problem = await router.fetch(answerAsText(new Request(`${ORIGIN}${BASE}/folders/INBOX/messages?limit=0`)));
      expect(problem.status).to.equal(400);
      expect((await problemOf(problem)).code, 'problems keep their body').to.equal('validation');
    });
  });

  describe('events', () => {
    it('streams changes as server-sent events and unsubscribes when the request aborts', async () => {
      const { send, backend } = setup({ heartbeatMs: 0 });
      const controller = new AbortController();
      const response = await send('GET', '/events', { signal: controller.signal });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      expect(backend.subscribers).to.equal(1);
      backend.emit({ type: 'folders-changed' });
      backend.emit({ type: 'message-removed', folderId: 'INBOX', id: 'm1' });
      const { text } = await readEvents(response, (received) => received.includes('message-removed'));
      expect(text).to.contain(': connected\n\n');
      expect(text).to.contain('data: {"type":"folders-changed"}\n\n');
      expect(text).to.contain('data: {"type":"message-removed","folderId":"INBOX","id":"m1"}\n\n');
      controller.abort();
      await until(() => backend.unsubscribed === 1);
      expect(backend.subscribers).to.equal(0);
    });

    it('unsubscribes when the stream is cancelled', async () => {
      const { send, backend } = setup({ heartbeatMs: 0 });
      const response = await send('GET', '/events');
      await response.body!.cancel();
      expect(backend.unsubscribed).to.equal(1);
    });

    it('sends heartbeats', async () => {
      const { send } = setup({ heartbeatMs: 10 });
      const response = await send('GET', '/events');
      const { text, reader } = await readEvents(response, (received) => received.includes(': heartbeat'));
      expect(text).to.contain(': heartbeat\n\n');
      await reader.cancel();
    });

    it('drops an invalid change and strips unknown keys of valid ones', async () => {
      const { send, backend, errors } = setup({ heartbeatMs: 0 });
      const response = await send('GET', '/events');
      backend.emit({ type: 'nonsense' } as never);
      backend.emit({ type: 'resync', secret: 'CANARY' } as never);
      const { text, reader } = await readEvents(response, (received) => received.includes('resync'));
      expect(text).not.to.contain('nonsense');
      expect(text).not.to.contain('CANARY');
      expect(errors).to.have.length(1);
      await reader.cancel();
      expect(backend.unsubscribed).to.equal(1);
    });

    it('answers a problem when the backend cannot subscribe', async () => {
      const { send, backend } = setup();
      backend.override('subscribe', () => {
        throw new MailError('unsupported', 'No live updates over POP3.');
      });
      const response = await send('GET', '/events');
      expect(response.status).to.equal(501);
      expect((await problemOf(response)).code).to.equal('unsupported');
    });

    it('does not subscribe for HEAD', async () => {
      const { send, backend } = setup();
      const response = await send('HEAD', '/events');
      expect(response.status).to.equal(200);
      expect(backend.subscribers).to.equal(0);
    });
  });
});

import { expect } from '@open-wc/testing';
import { MAIL_ERROR_CODES, MailError, type MailboxChange } from '../core/index.js';
import { createMailRouter, type MailRouter, type MailRouterOptions } from '../server/index.js';
import { FakeMailBackend, fixtures } from '../server/test-fake-backend.js';
import { HttpMailBackend, type HttpMailBackendOptions } from './index.js';
import { validationLoader, type Validation } from './lazy-validation.js';

const BASE_URL = 'http://mail.test/api/mail';

/** Like a real fetch, rejects with the signal's reason as soon as it aborts, whatever the server is doing. */
function raceSignal(response: Promise<Response>, signal: AbortSignal | null | undefined): Promise<Response> {
  if (!signal) return response;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    response.then(resolve, reject);
  });
}

interface Setup {
  backend: FakeMailBackend;
  router: MailRouter;
  client: HttpMailBackend;
  requests: Request[];
  xhrs: FakeXhr[];
}

function setup(
  options: Partial<HttpMailBackendOptions> = {},
  routerOptions: MailRouterOptions = {},
  xhrMode: FakeXhrMode = 'respond',
): Setup {
  const backend = new FakeMailBackend();
  const router = createMailRouter(backend, {
    basePath: '/api/mail',
    heartbeatMs: 0,
    onError: () => undefined,
    ...routerOptions,
  });
  const requests: Request[] = [];
  const xhrs: FakeXhr[] = [];
  const viaRouter: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    requests.push(request);
    return raceSignal(router.fetch(request), init?.signal);
  };
  const client = new HttpMailBackend({
    baseUrl: BASE_URL,
    fetch: viaRouter,
    retryDelayMs: 1,
    xhr: () => {
      const xhr = new FakeXhr(router, xhrMode);
      xhrs.push(xhr);
      return xhr as unknown as XMLHttpRequest;
    },
    ...options,
  });
  return { backend, router, client, requests, xhrs };
}

async function rejection(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(MailError);
    return error as MailError;
  }
  throw new Error('expected a rejection');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (predicate: () => boolean, timeoutMs = 2000) => {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await sleep(5);
  }
};

/** Waits until the backend's signal aborts, then rejects the way a well-behaved backend does. */
const hang = (_input: unknown, options?: { signal?: AbortSignal }) =>
  new Promise((_resolve, reject) => {
    options?.signal?.addEventListener('abort', () => reject(new MailError('aborted', 'Cancelled.')), { once: true });
  });

type FakeXhrMode = 'respond' | 'hang' | 'fail' | 'slow';

/** The part of XMLHttpRequest the client uses, answering through the router after two progress events. */
class FakeXhr {
  method = '';
  url = '';
  readonly requestHeaders = new Headers();
  withCredentials = false;
  responseType = '';
  status = 0;
  statusText = '';
  response: Blob | null = null;
  body: FormData | undefined;
  aborted = false;
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private responseHeaders = new Headers();

  constructor(
    private readonly router: MailRouter,
    private readonly mode: FakeXhrMode,
  ) {}

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.requestHeaders.append(name, value);
  }

  getAllResponseHeaders(): string {
    let text = '';
    this.responseHeaders.forEach((value, name) => (text += `${name}: ${value}\r\n`));
    return text;
  }

  send(body: FormData): void {
    this.body = body;
    const total = (body.get('file') as Blob).size;
    setTimeout(() => void this.run(total), 0);
  }

  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }

  private async run(total: number): Promise<void> {
    if (this.aborted) return;
    const steps =
      this.mode === 'slow'
        ? [1, 2, 3, 4, 5, 6].map((n) => Math.floor((total * n) / 6))
        : [Math.floor(total / 2), total];
    for (const loaded of steps) {
      if (this.mode === 'slow') await sleep(15);
      if (this.aborted) return;
      this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
    }
    if (this.mode === 'hang') return;
    if (this.mode === 'fail') return this.onerror?.();
    const response = await this.router.fetch(
      new Request(this.url, { method: this.method, headers: this.requestHeaders, body: this.body ?? null }),
    );
    if (this.aborted) return;
    this.status = response.status;
    this.statusText = response.statusText;
    this.responseHeaders = response.headers;
    this.response = await response.blob();
    this.onload?.();
  }
}

describe('client/HttpMailBackend', () => {
  describe('calls', () => {
    it('answers JSON operations with validated results', async () => {
      const { client, requests } = setup();
      expect(await client.getCapabilities()).to.deep.equal(fixtures().capabilities);
      expect(requests[0]!.url).to.equal(`${BASE_URL}/capabilities`);
      expect(requests[0]!.headers.get('accept')).to.contain('application/json');
    });

    it('sends query strings that arrive with the right types', async () => {
      const { client, backend, requests } = setup();
      const page = await client.listMessages({
        folderId: 'INBOX',
        limit: 20,
        unseen: true,
        text: 'budget',
        since: '2026-01-01',
      });
      expect(page.nextCursor).to.equal('c2');
      expect(requests[0]!.method).to.equal('GET');
      expect(backend.callsOf('listMessages')[0]!.input).to.deep.equal({
        folderId: 'INBOX',
        limit: 20,
        unseen: true,
        text: 'budget',
        since: '2026-01-01',
      });
    });

    it('sends JSON bodies', async () => {
      const { client, backend, requests } = setup();
      const saved = await client.saveDraft({ ...fixtures().draft, id: 'd9' });
      expect(saved).to.deep.equal({ id: 'd9', savedAt: '2026-01-02T03:04:05.000Z' });
      expect(requests[0]!.headers.get('content-type')).to.equal('application/json');
      expect(backend.callsOf('saveDraft')[0]!.input).to.deep.include({ id: 'd9', subject: 'Re: Budget' });
      expect(await client.setFlags({ ids: ['a', 'b'], flags: { seen: true } })).to.deep.equal({ updated: 2 });
    });

    it('round-trips ids with / ? # and % through path parameters', async () => {
      const { client, backend } = setup();
      for (const id of ['INBOX/Sub folder/42', 'a?b#c', '100%', '%2F']) {
        expect((await client.getMessage({ id })).id).to.equal(id);
      }
      await client.listRecordMails({ objectName: 'Customer', objectId: 'ACME/ES 01' });
      expect(backend.callsOf('listRecordMails')[0]!.input).to.deep.equal({
        objectName: 'Customer',
        objectId: 'ACME/ES 01',
      });
    });

    it('returns bytes as a Blob named after Content-Disposition', async () => {
      const { client } = setup();
      const attachment = await client.getAttachment({ id: 'm1', attachmentId: 'a1' });
      expect(attachment).to.be.instanceOf(File);
      expect((attachment as File).name).to.equal('Résumé "final".pdf');
      expect(attachment.type).to.equal('application/pdf');
      expect(await attachment.text()).to.equal('%PDF-');
      const raw = await client.getRawMessage({ id: 'm1' });
      expect(raw.type).to.equal('message/rfc822');
      expect((raw as File).name).to.equal('message.eml');
    });

    it('resolves with nothing for operations without a result', async () => {
      const { client, backend } = setup();
      expect(await client.deleteFolder({ folderId: 'Projects' })).to.equal(undefined);
      expect(await client.unlinkMessage({ id: 'm1', objectName: 'Customer', objectId: '42' })).to.equal(undefined);
      expect(backend.callsOf('deleteFolder')).to.have.length(1);
    });
  });

  describe('input', () => {
    it('rejects bad input with validation issues before any request', async () => {
      const { client, requests } = setup();
      const cases: [Promise<unknown>, string][] = [
        [client.listMessages({ folderId: '' }), 'folderId'],
        [client.setFlags({ ids: [], flags: {} }), 'ids'],
        [client.saveDraft({ ...fixtures().draft, subject: 'a\r\nBcc: x@y.z' }), 'subject'],
        [client.getMessage({ id: 42 } as never), 'id'],
        [client.saveAppSettings({ baseUrl: 'javascript:alert(1)', redirectPath: '/x' }), 'baseUrl'],
        // URL parsing would turn /messages/./raw into /messages/raw: getMessage({ id: 'raw' }).
        [client.getRawMessage({ id: '.' }), 'id'],
        [client.getAttachment({ id: 'm1', attachmentId: '..' }), 'attachmentId'],
      ];
      for (const [promise, field] of cases) {
        const error = await rejection(promise);
        expect(error.code).to.equal('validation');
        expect(error.issuesAt(field), field).to.have.length.above(0);
      }
      expect(requests).to.have.length(0);
    });
  });

  describe('errors', () => {
    it('maps every problem code back to the same MailError code', async () => {
      for (const code of MAIL_ERROR_CODES) {
        const { client, backend } = setup();
        backend.override('getMessage', () => {
          throw new MailError(code, `Because of ${code}.`, code === 'rate-limited' ? { retryAfter: 12 } : {});
        });
        const error = await rejection(client.getMessage({ id: 'm1' }));
        expect(error.code, code).to.equal(code);
        if (code !== 'server') expect(error.message).to.equal(`Because of ${code}.`);
        if (code === 'rate-limited') expect(error.retryAfter).to.equal(12);
        expect(backend.callsOf('getMessage'), `${code} is not retried`).to.have.length(1);
      }
    });

    it('keeps the field issues the server found', async () => {
      const { client, backend } = setup();
      backend.override('saveAccount', () => {
        throw new MailError('validation', 'incoming.host: Unknown host.', {
          issues: [{ path: ['incoming', 'host'], message: 'Unknown host.' }],
        });
      });
      const error = await rejection(client.saveAccount({ ...fixtures().settings, password: 'secret' }));
      expect(error.status).to.equal(400);
      expect(error.issuesAt('incoming', 'host')).to.deep.equal([
        { path: ['incoming', 'host'], message: 'Unknown host.' },
      ]);
    });

    it('maps statuses without a problem body, with Retry-After, and never retries them', async () => {
      const cases: [Response, string, number | undefined][] = [
        [
          new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
          'network',
          undefined,
        ],
        [new Response('oops', { status: 500 }), 'server', undefined],
        [
          new Response('{"error":"x"}', { status: 404, headers: { 'content-type': 'application/json' } }),
          'not-found',
          undefined,
        ],
        [new Response('', { status: 429, headers: { 'retry-after': '7' } }), 'rate-limited', 7],
        [new Response('', { status: 401 }), 'unauthorized', undefined],
      ];
      for (const [response, code, retryAfter] of cases) {
        let calls = 0;
        const client = new HttpMailBackend({
          baseUrl: BASE_URL,
          retryDelayMs: 1,
          fetch: async () => (calls++, response.clone()),
        });
        const error = await rejection(client.listFolders());
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(response.status);
        expect(error.retryAfter).to.equal(retryAfter);
        expect(calls, `${response.status} is not retried`).to.equal(1);
      }
    });

    it('rejects with aborted, without a request, when the signal already aborted', async () => {
      const { client, requests } = setup();
      const controller = new AbortController();
      controller.abort();
      expect((await rejection(client.listFolders(undefined, { signal: controller.signal }))).code).to.equal('aborted');
      expect(requests).to.have.length(0);
    });

    it('rejects with aborted when the signal aborts in flight, and does not retry', async () => {
      const { client, backend } = setup();
      backend.override('getMessage', hang);
      const controller = new AbortController();
      const pending = client.getMessage({ id: 'm1' }, { signal: controller.signal });
      await until(() => backend.callsOf('getMessage').length === 1);
      controller.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
      await sleep(20);
      expect(backend.callsOf('getMessage')).to.have.length(1);
      const signal = backend.callsOf('getMessage')[0]!.options!.signal!;
      expect(signal.aborted, 'the abort reached the backend').to.equal(true);
    });

    it('rejects with timeout when the server takes too long', async () => {
      const { client, backend } = setup({ timeoutMs: 40 });
      backend.override('listFolders', hang);
      const error = await rejection(client.listFolders());
      expect(error.code).to.equal('timeout');
      expect(backend.callsOf('listFolders'), 'a timeout is not retried').to.have.length(1);
    });

    it('retries idempotent operations after network failures only', async () => {
      let calls = 0;
      const failing = new HttpMailBackend({
        baseUrl: BASE_URL,
        retryDelayMs: 1,
        fetch: () => (calls++, Promise.reject(new TypeError('Failed to fetch'))),
      });
      const get = await rejection(failing.getMessage({ id: 'm1' }));
      expect(get.code).to.equal('network');
      expect(calls, 'GET: one try and two retries').to.equal(3);
      calls = 0;
      expect((await rejection(failing.setFlags({ ids: ['m1'], flags: { seen: true } }))).code).to.equal('network');
      expect(calls, 'POST is never repeated').to.equal(1);
      calls = 0;
      await rejection(failing.saveAppSettings({ baseUrl: '', redirectPath: '/x' }));
      expect(calls, 'PUT is idempotent').to.equal(3);
      calls = 0;
      const once = new HttpMailBackend({
        baseUrl: BASE_URL,
        retries: 0,
        fetch: () => (calls++, Promise.reject(new TypeError('x'))),
      });
      await rejection(once.listFolders());
      expect(calls).to.equal(1);
    });

    it('succeeds when a retry does', async () => {
      const { router } = setup();
      let calls = 0;
      const client = new HttpMailBackend({
        baseUrl: BASE_URL,
        retryDelayMs: 1,
        fetch: (input, init) =>
          ++calls === 1 ? Promise.reject(new TypeError('flaky')) : router.fetch(new Request(input, init)),
      });
      expect((await client.listFolders()).items).to.have.length(1);
      expect(calls).to.equal(2);
    });

    it('stops retrying when the signal aborts during the backoff', async () => {
      let calls = 0;
      const client = new HttpMailBackend({
        baseUrl: BASE_URL,
        retryDelayMs: 5000,
        fetch: () => (calls++, Promise.reject(new TypeError('x'))),
      });
      const controller = new AbortController();
      const pending = client.listFolders(undefined, { signal: controller.signal });
      await sleep(20);
      controller.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
      expect(calls).to.equal(1);
    });

    it('rejects with server for a malformed or invalid answer', async () => {
      const answers: [Response, RegExp][] = [
        [new Response('{"protocol": ', { headers: { 'content-type': 'application/json' } }), /not valid JSON/],
        [
          new Response('<!doctype html><title>Sign in</title>', { headers: { 'content-type': 'text/html' } }),
          /not valid JSON/,
        ],
        [Response.json({ ...fixtures().capabilities, protocol: 42 }), /not valid\./],
        [Response.json(null), /not valid\./],
      ];
      for (const [response, message] of answers) {
        const client = new HttpMailBackend({ baseUrl: BASE_URL, fetch: async () => response });
        const error = await rejection(client.getCapabilities());
        expect(error.code).to.equal('server');
        expect(error.message).to.match(message);
      }
    });

    it('turns a throwing headers function into a MailError', async () => {
      const { client } = setup({ headers: () => Promise.reject(new Error('no token')) });
      expect(await rejection(client.listFolders())).to.be.instanceOf(MailError);
    });
  });

  describe('requests', () => {
    it('sends static headers', async () => {
      const { client, requests } = setup({ headers: { 'X-CSRF-Token': 'abc' } });
      await client.listFolders();
      await client.setFlags({ ids: ['m1'], flags: { seen: true } });
      for (const request of requests) expect(request.headers.get('x-csrf-token')).to.equal('abc');
    });

    it('asks a headers function again for each request', async () => {
      let token = 0;
      const { client, requests } = setup({ headers: async () => ({ Authorization: `Bearer t${++token}` }) });
      await client.listFolders();
      await client.listIdentities();
      expect(requests.map((request) => request.headers.get('authorization'))).to.deep.equal(['Bearer t1', 'Bearer t2']);
    });

    it('uses same-origin credentials unless told otherwise', async () => {
      const plain = setup();
      await plain.client.listFolders();
      expect(plain.requests[0]!.credentials).to.equal('same-origin');
      const include = setup({ credentials: 'include' });
      await include.client.listFolders();
      expect(include.requests[0]!.credentials).to.equal('include');
    });

    it('joins the base URL without doubling slashes', async () => {
      const { client, requests } = setup({ baseUrl: `${BASE_URL}/` });
      await client.getModuleStatus();
      expect(requests[0]!.url).to.equal(`${BASE_URL}/module`);
    });
  });

  describe('uploads', () => {
    const file = () => new File(['abcdef'], 'notes.txt', { type: 'text/plain' });

    it('uploads multipart/form-data through XHR with progress, headers and credentials', async () => {
      const { client, xhrs, backend } = setup({ headers: { 'X-CSRF-Token': 'abc' } });
      const progress: { loaded: number; total: number }[] = [];
      const uploaded = await client.uploadAttachment(
        { file: file(), filename: 'renamed.txt' },
        { onProgress: (p) => progress.push(p) },
      );
      expect(uploaded).to.deep.equal({ id: 'u1', filename: 'renamed.txt', contentType: 'text/plain', size: 6 });
      expect(progress).to.deep.equal([
        { loaded: 3, total: 6 },
        { loaded: 6, total: 6 },
      ]);
      const xhr = xhrs[0]!;
      expect(xhr.method).to.equal('POST');
      expect(xhr.url).to.equal(`${BASE_URL}/uploads`);
      expect(xhr.requestHeaders.get('x-csrf-token')).to.equal('abc');
      expect(xhr.requestHeaders.has('content-type')).to.equal(false);
      expect(xhr.withCredentials).to.equal(false);
      const input = backend.callsOf('uploadAttachment')[0]!.input as { file: File };
      expect(await input.file.text()).to.equal('abcdef');
    });

    it('sends cookies cross-origin only with credentials: include', async () => {
      const { client, xhrs } = setup({ credentials: 'include' });
      await client.uploadAttachment({ file: file() });
      expect(xhrs[0]!.withCredentials).to.equal(true);
    });

    it('keeps the file name when none is given', async () => {
      const { client } = setup();
      expect((await client.uploadAttachment({ file: file() })).filename).to.equal('notes.txt');
    });

    it('rejects with aborted and aborts the XHR when the signal aborts', async () => {
      const { client, xhrs } = setup({}, {}, 'hang');
      const controller = new AbortController();
      const pending = client.uploadAttachment(
        { file: file() },
        { signal: controller.signal, onProgress: () => controller.abort() },
      );
      expect((await rejection(pending)).code).to.equal('aborted');
      expect(xhrs[0]!.aborted).to.equal(true);
    });

    it('rejects with timeout, and with network without a retry', async () => {
      const slow = setup({ timeoutMs: 30 }, {}, 'hang');
      expect((await rejection(slow.client.uploadAttachment({ file: file() }))).code).to.equal('timeout');
      const broken = setup({}, {}, 'fail');
      expect((await rejection(broken.client.uploadAttachment({ file: file() }))).code).to.equal('network');
      expect(broken.xhrs).to.have.length(1);
    });

    it('times out on inactivity, not on the length of a long upload', async () => {
      const { client } = setup({ timeoutMs: 40 }, {}, 'slow');
      const progress: number[] = [];
      const uploaded = await client.uploadAttachment({ file: file() }, { onProgress: (p) => progress.push(p.loaded) });
      expect(uploaded.size).to.equal(6);
      expect(progress).to.deep.equal([1, 2, 3, 4, 5, 6]);
    });

    it('maps a problem answer, like a file over the limit', async () => {
      const { client } = setup({}, { maxUploadBytes: 3 });
      const error = await rejection(client.uploadAttachment({ file: file() }));
      expect(error.code).to.equal('validation');
      expect(error.status).to.equal(413);
    });

    it('rejects input that is not a file before any XHR', async () => {
      const { client, xhrs } = setup();
      const error = await rejection(client.uploadAttachment({ file: 'not a file' as never }));
      expect(error.issuesAt('file')).to.have.length(1);
      expect(xhrs).to.have.length(0);
    });

    it('works with a real XMLHttpRequest and maps its failure', async () => {
      // A POST to a blob: URL fails inside the browser: a real XHR round trip that reaches no network at all.
      const url = URL.createObjectURL(new Blob(['{}']));
      try {
        const client = new HttpMailBackend({ baseUrl: url });
        const error = await rejection(client.uploadAttachment({ file: file() }));
        expect(error.code).to.equal('network');
      } finally {
        URL.revokeObjectURL(url);
      }
    });
  });

  describe('subscribe', () => {
    const change: MailboxChange = { type: 'message-removed', folderId: 'INBOX', id: 'm1' };

    it('delivers changes from the event stream and unsubscribes', async () => {
      const { client, backend, requests } = setup({ headers: { 'X-CSRF-Token': 'abc' }, credentials: 'include' });
      const received: MailboxChange[] = [];
      const unsubscribe = await client.subscribe((c) => received.push(c));
      expect(backend.subscribers).to.equal(1);
      expect(requests[0]!.headers.get('accept')).to.equal('text/event-stream');
      expect(requests[0]!.headers.get('x-csrf-token')).to.equal('abc');
      expect(requests[0]!.credentials).to.equal('include');
      backend.emit(change);
      backend.emit({ type: 'folders-changed' });
      await until(() => received.length === 2);
      expect(received).to.deep.equal([change, { type: 'folders-changed' }]);
      unsubscribe();
      await until(() => backend.unsubscribed === 1);
      backend.emit(change);
      await sleep(20);
      expect(received).to.have.length(2);
    });

    it('unsubscribes when the signal aborts', async () => {
      const { client, backend } = setup();
      const controller = new AbortController();
      await client.subscribe(() => undefined, { signal: controller.signal });
      controller.abort();
      await until(() => backend.unsubscribed === 1);
    });

    it('reconnects with backoff after a network failure, reports it, and asks for a resync', async () => {
      const { router, backend } = setup();
      let calls = 0;
      const errors: MailError[] = [];
      const received: MailboxChange[] = [];
      const client = new HttpMailBackend({
        baseUrl: BASE_URL,
        retryDelayMs: 5,
        fetch: (input, init) =>
          ++calls === 1
            ? Promise.reject(new TypeError('offline'))
            : raceSignal(router.fetch(new Request(input, init)), init?.signal),
      });
      const unsubscribe = await client.subscribe((c) => received.push(c), { onError: (e) => errors.push(e) });
      expect(errors.map((e) => e.code)).to.deep.equal(['network']);
      await until(() => backend.subscribers === 1);
      await until(() => received.length === 1);
      expect(received[0]).to.deep.equal({ type: 'resync' });
      backend.emit(change);
      await until(() => received.length === 2);
      unsubscribe();
    });

    it('reconnects after the server closes the stream, without an error', async () => {
      const { router, backend } = setup();
      let calls = 0;
      const errors: MailError[] = [];
      const received: MailboxChange[] = [];
      const closingStream = () =>
        new Response(new Blob([`data: ${JSON.stringify(change)}\n\n`]).stream(), {
          headers: { 'content-type': 'text/event-stream' },
        });
      const client = new HttpMailBackend({
        baseUrl: BASE_URL,
        retryDelayMs: 5,
        fetch: (input, init) =>
          ++calls === 1 ? Promise.resolve(closingStream()) : router.fetch(new Request(input, init)),
      });
      const unsubscribe = await client.subscribe((c) => received.push(c), { onError: (e) => errors.push(e) });
      await until(() => backend.subscribers === 1);
      await until(() => received.length === 2);
      expect(received).to.deep.equal([change, { type: 'resync' }]);
      expect(errors).to.have.length(0);
      unsubscribe();
    });

    it('reports an invalid change and keeps going', async () => {
      const errors: MailError[] = [];
      const received: MailboxChange[] = [];
      const body =
        'data: {"type":"nonsense"}\n\ndata: not json\n\n: comment\r\ndata: {"type":\r\ndata: "folders-changed"}\r\n\r\n';
      const client = new HttpMailBackend({
        baseUrl: BASE_URL,
        fetch: async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
      });
      const unsubscribe = await client.subscribe((c) => received.push(c), { onError: (e) => errors.push(e) });
      await until(() => received.length === 1);
      expect(received[0]).to.deep.equal({ type: 'folders-changed' });
      expect(errors.map((e) => e.code)).to.deep.equal(['server', 'server']);
      unsubscribe();
    });

    it('falls back to polling when the server has no live updates (501)', async () => {
      const { client, backend } = setup({ pollIntervalMs: 15 });
      backend.override('subscribe', () => {
        throw new MailError('unsupported', 'POP3 has no live updates.');
      });
      const received: MailboxChange[] = [];
      const unsubscribe = await client.subscribe((c) => received.push(c));
      await until(() => received.length >= 2);
      expect(received.every((c) => c.type === 'resync')).to.equal(true);
      unsubscribe();
      const count = received.length;
      await sleep(50);
      expect(received.length).to.equal(count);
    });

    it('falls back to polling when the server has no such route (404)', async () => {
      let calls = 0;
      const client = new HttpMailBackend({
        baseUrl: BASE_URL,
        pollIntervalMs: 15,
        fetch: async () => (calls++, new Response('Not Found', { status: 404 })),
      });
      const received: MailboxChange[] = [];
      const unsubscribe = await client.subscribe((c) => received.push(c));
      await until(() => received.length >= 2);
      unsubscribe();
      expect(calls).to.equal(1);
    });

    it('rejects when the server refuses at once (401)', async () => {
      const { client, backend } = setup();
      backend.override('subscribe', () => {
        throw new MailError('unauthorized', 'Authorize again.');
      });
      expect((await rejection(client.subscribe(() => undefined))).code).to.equal('unauthorized');
    });

    it('stops for good when a reconnection is refused (403)', async () => {
      let calls = 0;
      const errors: MailError[] = [];
      const client = new HttpMailBackend({
        baseUrl: BASE_URL,
        retryDelayMs: 1,
        fetch: async () => {
          calls++;
          if (calls === 1) throw new TypeError('offline');
          return new Response(JSON.stringify(new MailError('forbidden', 'No.').toProblem()), {
            status: 403,
            headers: { 'content-type': 'application/problem+json' },
          });
        },
      });
      await client.subscribe(() => undefined, { onError: (e) => errors.push(e) });
      await until(() => errors.length === 2);
      expect(errors.map((e) => e.code)).to.deep.equal(['network', 'forbidden']);
      await sleep(30);
      expect(calls).to.equal(2);
    });

    it('rejects with aborted when the signal already aborted', async () => {
      const { client, requests } = setup();
      const controller = new AbortController();
      controller.abort();
      expect((await rejection(client.subscribe(() => undefined, { signal: controller.signal }))).code).to.equal(
        'aborted',
      );
      expect(requests).to.have.length(0);
    });
  });

  describe('lazy schemas', () => {
    const load = validationLoader.load;
    afterEach(() => {
      validationLoader.load = load;
    });

    /** Makes the next backends' schema chunk wait until `release()` is called. */
    function holdSchemas(): { release: () => void; loads: () => number } {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let loads = 0;
      validationLoader.load = async (): Promise<Validation> => {
        loads += 1;
        await gate;
        return load();
      };
      return { release, loads: () => loads };
    }

    const settledYet = async (promise: Promise<unknown>) => {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      await sleep(20);
      return settled;
    };

    it('starts loading when constructed; the first call waits, then rejects bad input before any request', async () => {
      const schemas = holdSchemas();
      const { client, requests } = setup();
      expect(schemas.loads(), 'loading starts in the constructor').to.equal(1);
      const pending = client.listMessages({ folderId: '' });
      expect(await settledYet(pending), 'the call waits for the schemas').to.equal(false);
      schemas.release();
      const error = await rejection(pending);
      expect(error.code).to.equal('validation');
      expect(error.issuesAt('folderId')).to.have.length.above(0);
      expect(requests).to.have.length(0);
      expect((await client.listFolders()).items).to.have.length(1);
      expect(schemas.loads(), 'loaded once for both calls').to.equal(1);
    });

    it('validates answers and problem documents with the schemas once they arrive', async () => {
      const answers = [
        Response.json({ ...fixtures().capabilities, protocol: 42 }),
        Response.json(
          { type: 'urn:x', title: 'Conflict', status: 409, code: 'conflict', detail: 'Renamed meanwhile.' },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
        Response.json(
          { type: 'urn:x', title: 'Conflict', status: 409, code: 'not-a-code' },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      ];
      const schemas = holdSchemas();
      const client = new HttpMailBackend({ baseUrl: BASE_URL, fetch: async () => answers.shift()! });
      const pending = client.getCapabilities();
      schemas.release();
      const invalid = await rejection(pending);
      expect(invalid.code).to.equal('server');
      expect(invalid.message).to.match(/not valid\./);
      const problem = await rejection(client.getCapabilities());
      expect([problem.code, problem.message]).to.deep.equal(['conflict', 'Renamed meanwhile.']);
      const notAProblem = await rejection(client.getCapabilities());
      expect([notAProblem.code, notAProblem.message]).to.deep.equal([
        'conflict',
        'The server answered with HTTP status 409.',
      ]);
    });

    it('rejects with network when the schemas cannot be loaded, and loads them again on the next call', async () => {
      let offline = true;
      let loads = 0;
      validationLoader.load = () => {
        loads += 1;
        return offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : load();
      };
      const { client, requests } = setup();
      const error = await rejection(client.listFolders());
      expect(error.code).to.equal('network');
      expect(error.message).to.equal('The mail client could not load its validation module.');
      expect(error.cause).to.be.instanceOf(TypeError);
      expect(requests).to.have.length(0);
      offline = false;
      const before = loads;
      expect((await client.listFolders()).items).to.have.length(1);
      expect(loads, 'the failure was not kept').to.equal(before + 1);
    });

    it('rejects with aborted while the schemas are still loading', async () => {
      holdSchemas();
      const { client, requests } = setup();
      const controller = new AbortController();
      const pending = client.listFolders(undefined, { signal: controller.signal });
      await sleep(10);
      controller.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
      expect(requests).to.have.length(0);
    });

    it('subscribes once the schemas arrive, after reporting a failure to load them', async () => {
      let offline = true;
      validationLoader.load = () => (offline ? Promise.reject(new TypeError('offline')) : load());
      const { client, backend } = setup();
      const errors: MailError[] = [];
      const received: MailboxChange[] = [];
      const unsubscribe = await client.subscribe((c) => received.push(c), { onError: (e) => errors.push(e) });
      expect(errors.map((e) => e.code)).to.deep.equal(['network']);
      offline = false;
      await until(() => backend.subscribers === 1);
      await until(() => received.length === 1);
      expect(received[0]).to.deep.equal({ type: 'resync' });
      backend.emit({ type: 'folders-changed' });
      await until(() => received.length === 2);
      expect(received[1]).to.deep.equal({ type: 'folders-changed' });
      expect(errors, 'one failure, reported once').to.have.length(1);
      unsubscribe();
    });
  });
});

/**
 * `HttpMailBackend`: the `MailBackend` interface spoken over HTTP, as the route table describes. One private
 * `call` validates the input, encodes it, sends it (fetch, or XHR for uploads with progress), maps failures to
 * `MailError` and validates the answer; every public method is a one-liner over it. The schemas arrive in a chunk
 * of their own (`LazyValidation`), requested when the backend is constructed and awaited by the first call.
 */
import type {
  CallOptions,
  MailBackend,
  MailboxListener,
  SubscribeOptions,
  Unsubscribe,
  UploadOptions,
} from '../core/backend.js';
import { abortError, type MailError } from '../core/mail-error.js';
import { encodeRequest, routeTable, type EncodedRequest, type RouteInfo } from '../core/route-table.js';
import type { Operation, OperationInput as In, OperationOutput as Out } from '../core/routes.js';
import { LazyValidation, type Validation } from './lazy-validation.js';
import { errorFromResponse, readBlob, readJsonOutput, toMailError } from './responses.js';
import { subscribeToEvents } from './subscription.js';
import { sendWithXhr } from './xhr.js';

export interface HttpMailBackendOptions {
  /** Where the router is mounted, absolute or relative to the page: `/api/mail`. */
  baseUrl: string;
  /** Sent with every request. Default: `same-origin`. (Uploads go through XHR, which cannot `omit`.) */
  credentials?: RequestCredentials;
  /** Extra headers for every request (a CSRF token, a bearer token); a function is asked again for each request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** How long one attempt may take before it rejects with `timeout`, in milliseconds. Default: 30000. */
  timeoutMs?: number;
  /** How often an idempotent request is repeated after a network failure (never after an HTTP error). Default: 2. */
  retries?: number;
  /** The first retry's delay in milliseconds; it doubles each time, with jitter. Default: 300. */
  retryDelayMs?: number;
  /** The fetch to use (tests, instrumentation). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** How often to ask listeners to resync when the server has no live updates, in milliseconds. Default: 30000. */
  pollIntervalMs?: number;
  /** A live-updates connection silent for this long is replaced, in milliseconds. Default: 60000. */
  idleTimeoutMs?: number;
  /** Creates the XMLHttpRequest for uploads (tests). Default: `new XMLHttpRequest()`. */
  xhr?: () => XMLHttpRequest;
}

const JSON_ACCEPT = 'application/json, application/problem+json';

export class HttpMailBackend implements MailBackend {
  private readonly baseUrl: string;
  private readonly credentials: RequestCredentials;
  private readonly headers: HttpMailBackendOptions['headers'];
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly pollIntervalMs: number;
  private readonly idleTimeoutMs: number;
  private readonly createXhr: () => XMLHttpRequest;
  private readonly validation = new LazyValidation();

  constructor(options: HttpMailBackendOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.credentials = options.credentials ?? 'same-origin';
    this.headers = options.headers;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = Math.max(0, options.retries ?? 2);
    this.retryDelayMs = options.retryDelayMs ?? 300;
    // Called unbound, a global fetch would throw "Illegal invocation".
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.pollIntervalMs = options.pollIntervalMs ?? 30_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.createXhr = options.xhr ?? (() => new XMLHttpRequest());
  }

  getCapabilities(input?: In<'getCapabilities'>, options?: CallOptions): Promise<Out<'getCapabilities'>> {
    return this.call('getCapabilities', input, options);
  }
  listFolders(input?: In<'listFolders'>, options?: CallOptions): Promise<Out<'listFolders'>> {
    return this.call('listFolders', input, options);
  }
  listMessages(input: In<'listMessages'>, options?: CallOptions): Promise<Out<'listMessages'>> {
    return this.call('listMessages', input, options);
  }
  getMessage(input: In<'getMessage'>, options?: CallOptions): Promise<Out<'getMessage'>> {
    return this.call('getMessage', input, options);
  }
  getAttachment(input: In<'getAttachment'>, options?: CallOptions): Promise<Blob> {
    return this.call('getAttachment', input, options);
  }
  getRawMessage(input: In<'getRawMessage'>, options?: CallOptions): Promise<Blob> {
    return this.call('getRawMessage', input, options);
  }
  setFlags(input: In<'setFlags'>, options?: CallOptions): Promise<Out<'setFlags'>> {
    return this.call('setFlags', input, options);
  }
  moveMessages(input: In<'moveMessages'>, options?: CallOptions): Promise<Out<'moveMessages'>> {
    return this.call('moveMessages', input, options);
  }
  deleteMessages(input: In<'deleteMessages'>, options?: CallOptions): Promise<Out<'deleteMessages'>> {
    return this.call('deleteMessages', input, options);
  }
  createFolder(input: In<'createFolder'>, options?: CallOptions): Promise<Out<'createFolder'>> {
    return this.call('createFolder', input, options);
  }
  renameFolder(input: In<'renameFolder'>, options?: CallOptions): Promise<Out<'renameFolder'>> {
    return this.call('renameFolder', input, options);
  }
  deleteFolder(input: In<'deleteFolder'>, options?: CallOptions): Promise<void> {
    return this.call('deleteFolder', input, options);
  }
  listIdentities(input?: In<'listIdentities'>, options?: CallOptions): Promise<Out<'listIdentities'>> {
    return this.call('listIdentities', input, options);
  }
  suggestAddresses(input: In<'suggestAddresses'>, options?: CallOptions): Promise<Out<'suggestAddresses'>> {
    return this.call('suggestAddresses', input, options);
  }
  saveDraft(input: In<'saveDraft'>, options?: CallOptions): Promise<Out<'saveDraft'>> {
    return this.call('saveDraft', input, options);
  }
  getDraft(input: In<'getDraft'>, options?: CallOptions): Promise<Out<'getDraft'>> {
    return this.call('getDraft', input, options);
  }
  deleteDraft(input: In<'deleteDraft'>, options?: CallOptions): Promise<void> {
    return this.call('deleteDraft', input, options);
  }
  prefillDraft(input: In<'prefillDraft'>, options?: CallOptions): Promise<Out<'prefillDraft'>> {
    return this.call('prefillDraft', input, options);
  }
  /** Sends the file as `multipart/form-data` through XHR, reporting progress to `options.onProgress`. */
  uploadAttachment(input: In<'uploadAttachment'>, options?: UploadOptions): Promise<Out<'uploadAttachment'>> {
    return this.call('uploadAttachment', input, options);
  }
  sendMessage(input: In<'sendMessage'>, options?: CallOptions): Promise<Out<'sendMessage'>> {
    return this.call('sendMessage', input, options);
  }
  /** Reads the event stream with fetch; see `subscribeToEvents` for reconnection and the polling fallback. */
  subscribe(listener: MailboxListener, options: SubscribeOptions = {}): Promise<Unsubscribe> {
    return subscribeToEvents(this.eventSettings(listener, options.onError), options.signal);
  }
  getAccount(input?: In<'getAccount'>, options?: CallOptions): Promise<Out<'getAccount'>> {
    return this.call('getAccount', input, options);
  }
  saveAccount(input: In<'saveAccount'>, options?: CallOptions): Promise<Out<'saveAccount'>> {
    return this.call('saveAccount', input, options);
  }
  testConnection(input: In<'testConnection'>, options?: CallOptions): Promise<Out<'testConnection'>> {
    return this.call('testConnection', input, options);
  }
  listEndpoints(input?: In<'listEndpoints'>, options?: CallOptions): Promise<Out<'listEndpoints'>> {
    return this.call('listEndpoints', input, options);
  }
  saveEndpoint(input: In<'saveEndpoint'>, options?: CallOptions): Promise<Out<'saveEndpoint'>> {
    return this.call('saveEndpoint', input, options);
  }
  deleteEndpoint(input: In<'deleteEndpoint'>, options?: CallOptions): Promise<void> {
    return this.call('deleteEndpoint', input, options);
  }
  getAppSettings(input?: In<'getAppSettings'>, options?: CallOptions): Promise<Out<'getAppSettings'>> {
    return this.call('getAppSettings', input, options);
  }
  saveAppSettings(input: In<'saveAppSettings'>, options?: CallOptions): Promise<Out<'saveAppSettings'>> {
    return this.call('saveAppSettings', input, options);
  }
  beginAuthorization(input: In<'beginAuthorization'>, options?: CallOptions): Promise<Out<'beginAuthorization'>> {
    return this.call('beginAuthorization', input, options);
  }
  completeAuthorization(
    input: In<'completeAuthorization'>,
    options?: CallOptions,
  ): Promise<Out<'completeAuthorization'>> {
    return this.call('completeAuthorization', input, options);
  }
  getAuthorizationStatus(
    input: In<'getAuthorizationStatus'>,
    options?: CallOptions,
  ): Promise<Out<'getAuthorizationStatus'>> {
    return this.call('getAuthorizationStatus', input, options);
  }
  revokeAuthorization(input: In<'revokeAuthorization'>, options?: CallOptions): Promise<Out<'revokeAuthorization'>> {
    return this.call('revokeAuthorization', input, options);
  }
  getRemoteContentPolicy(
    input?: In<'getRemoteContentPolicy'>,
    options?: CallOptions,
  ): Promise<Out<'getRemoteContentPolicy'>> {
    return this.call('getRemoteContentPolicy', input, options);
  }
  allowRemoteContent(input: In<'allowRemoteContent'>, options?: CallOptions): Promise<Out<'allowRemoteContent'>> {
    return this.call('allowRemoteContent', input, options);
  }
  revokeRemoteContent(input: In<'revokeRemoteContent'>, options?: CallOptions): Promise<Out<'revokeRemoteContent'>> {
    return this.call('revokeRemoteContent', input, options);
  }
  getModuleStatus(input?: In<'getModuleStatus'>, options?: CallOptions): Promise<Out<'getModuleStatus'>> {
    return this.call('getModuleStatus', input, options);
  }
  setModuleEnabled(input: In<'setModuleEnabled'>, options?: CallOptions): Promise<Out<'setModuleEnabled'>> {
    return this.call('setModuleEnabled', input, options);
  }
  listLinkConfigs(input?: In<'listLinkConfigs'>, options?: CallOptions): Promise<Out<'listLinkConfigs'>> {
    return this.call('listLinkConfigs', input, options);
  }
  saveLinkConfig(input: In<'saveLinkConfig'>, options?: CallOptions): Promise<Out<'saveLinkConfig'>> {
    return this.call('saveLinkConfig', input, options);
  }
  deleteLinkConfig(input: In<'deleteLinkConfig'>, options?: CallOptions): Promise<void> {
    return this.call('deleteLinkConfig', input, options);
  }
  previewLinkConfig(input: In<'previewLinkConfig'>, options?: CallOptions): Promise<Out<'previewLinkConfig'>> {
    return this.call('previewLinkConfig', input, options);
  }
  searchRecords(input: In<'searchRecords'>, options?: CallOptions): Promise<Out<'searchRecords'>> {
    return this.call('searchRecords', input, options);
  }
  listRecordMails(input: In<'listRecordMails'>, options?: CallOptions): Promise<Out<'listRecordMails'>> {
    return this.call('listRecordMails', input, options);
  }
  linkMessages(input: In<'linkMessages'>, options?: CallOptions): Promise<Out<'linkMessages'>> {
    return this.call('linkMessages', input, options);
  }
  unlinkMessage(input: In<'unlinkMessage'>, options?: CallOptions): Promise<void> {
    return this.call('unlinkMessage', input, options);
  }
  listMessageLinks(input: In<'listMessageLinks'>, options?: CallOptions): Promise<Out<'listMessageLinks'>> {
    return this.call('listMessageLinks', input, options);
  }

  /**
   * One operation over HTTP. Bad input rejects with `validation` before any request; each attempt has its own
   * timeout; idempotent routes are repeated after network failures only, never after the caller aborted.
   */
  private async call<K extends Operation>(operation: K, input: unknown, options: UploadOptions = {}): Promise<Out<K>> {
    const { signal } = options;
    if (signal?.aborted) throw abortError(signal);
    const validation = await untilAborted(this.validation.get(), signal);
    const route: RouteInfo = routeTable[operation];
    const encoded = encodeRequest(route, validation.parseInput(operation, input) as Record<string, unknown>);
    for (let attempt = 0; ; attempt += 1) {
      const deadline = new Deadline(this.timeoutMs);
      const attemptSignal = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
      try {
        const response = await this.send(route, encoded, attemptSignal, options, deadline);
        return (await this.read(operation, route, response, validation)) as Out<K>;
      } catch (caught) {
        const error = toMailError(caught, attemptSignal);
        if (!this.shouldRetry(route, error, attempt)) throw error;
        await delay(backoff(this.retryDelayMs, attempt), signal);
      } finally {
        deadline.clear();
      }
    }
  }

  private shouldRetry(route: RouteInfo, error: MailError, attempt: number): boolean {
    // A `network` MailError built from an HTTP status (502, 503) came from the server: only a fetch failure counts.
    const fetchFailed = error.code === 'network' && error.cause instanceof TypeError;
    return route.idempotent && fetchFailed && attempt < this.retries;
  }

  private async send(
    route: RouteInfo,
    encoded: EncodedRequest,
    signal: AbortSignal,
    options: UploadOptions,
    deadline: Deadline,
  ): Promise<Response> {
    const url = this.url(encoded.path, encoded.query);
    const headers = await this.requestHeaders(route.body === 'blob' ? '*/*' : JSON_ACCEPT);
    if (route.upload) return this.upload(route, url, headers, encoded.body ?? {}, signal, options, deadline);
    const init: RequestInit = {
      method: route.method,
      headers,
      credentials: this.credentials,
      signal,
      cache: 'no-store',
    };
    if (encoded.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      init.body = JSON.stringify(encoded.body);
    }
    return this.fetchImpl(url, init);
  }

  private upload(
    route: RouteInfo,
    url: string,
    headers: Headers,
    body: Record<string, unknown>,
    signal: AbortSignal,
    options: UploadOptions,
    deadline: Deadline,
  ): Promise<Response> {
    const file = body['file'] as Blob;
    const filename = body['filename'] as string | undefined;
    const form = new FormData();
    form.append('file', file, filename ?? (file instanceof File && file.name ? file.name : 'attachment'));
    if (filename !== undefined) form.append('filename', filename);
    return sendWithXhr({
      method: route.method,
      url,
      headers,
      body: form,
      credentials: this.credentials,
      signal,
      onProgress: options.onProgress,
      // A big file on a slow link takes long: for uploads the timeout is one of inactivity.
      onActivity: () => deadline.extend(),
      size: file.size,
      create: this.createXhr,
    });
  }

  private async read(
    operation: Operation,
    route: RouteInfo,
    response: Response,
    validation: Validation,
  ): Promise<unknown> {
    if (!response.ok) throw await errorFromResponse(response, validation);
    if (route.body === 'none') return undefined;
    if (route.body === 'blob') return readBlob(response);
    return readJsonOutput(response, operation, validation);
  }

  private url(path: string, query?: URLSearchParams): string {
    const search = query?.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  /** The host's headers (asked again each time: tokens change) with our `Accept` unless the host chose one. */
  private async requestHeaders(accept: string): Promise<Headers> {
    const extra = typeof this.headers === 'function' ? await this.headers() : this.headers;
    const headers = new Headers(extra);
    if (!headers.has('accept')) headers.set('Accept', accept);
    return headers;
  }

  private eventSettings(listener: MailboxListener, onError: SubscribeOptions['onError']) {
    return {
      open: (signal: AbortSignal) => this.openEvents(signal),
      validation: () => this.validation.get(),
      listener,
      onError,
      pollIntervalMs: this.pollIntervalMs,
      retryDelayMs: Math.max(this.retryDelayMs, 1),
      idleTimeoutMs: this.idleTimeoutMs,
    };
  }

  /** Opens the event stream; the timeout covers the wait for the response headers, not the stream's life. */
  private async openEvents(signal: AbortSignal): Promise<Response> {
    const deadline = new Deadline(this.timeoutMs);
    const combined = AbortSignal.any([signal, deadline.signal]);
    try {
      const headers = await this.requestHeaders('text/event-stream');
      const init: RequestInit = { headers, credentials: this.credentials, signal: combined, cache: 'no-store' };
      return await this.fetchImpl(this.url(routeTable.subscribe.path), init);
    } catch (caught) {
      throw toMailError(caught, combined);
    } finally {
      deadline.clear();
    }
  }
}

/** A timeout that aborts its signal with a `TimeoutError` (which `abortError` maps to `timeout`); can be pushed back. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly signal: AbortSignal = this.controller.signal;

  constructor(private readonly ms: number) {
    this.extend();
  }

  extend(): void {
    clearTimeout(this.timer);
    const reason = () => new DOMException('The server took too long to answer.', 'TimeoutError');
    this.timer = setTimeout(() => this.controller.abort(reason()), this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random. */
function backoff(baseMs: number, attempt: number): number {
  const delayMs = baseMs * 2 ** attempt;
  return delayMs / 2 + (Math.random() * delayMs) / 2;
}

/** The promise's outcome, or `aborted` as soon as the signal aborts (loading the schemas can take a while). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

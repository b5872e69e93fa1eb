/**
 * A live subscription over the event-stream route, read with fetch (so the host's headers and credentials apply,
 * which EventSource cannot do). It reconnects with backoff, tells the listener to resync after any gap, stops for
 * good when the server refuses (`unauthorized`, `forbidden`), and falls back to polling (a `resync` every
 * `pollIntervalMs`) when the server has no live updates (404 or 501).
 */
import type { MailboxListener, Unsubscribe } from '../core/backend.js';
import type { MailErrorCode } from '../core/errors.js';
import { MailError, abortError } from '../core/mail-error.js';
import type { MailboxChange } from '../core/mailbox.js';
import type { Validation } from './lazy-validation.js';
import { errorFromResponse, toMailError } from './responses.js';
import { SseParser } from './sse.js';

export interface SubscriptionSettings {
  /** Opens the stream; rejects with a `MailError` (timeouts included). */
  open: (signal: AbortSignal) => Promise<Response>;
  /** The schemas that check each change; rejects with a `MailError` when they cannot be loaded. */
  validation: () => Promise<Validation>;
  listener: MailboxListener;
  onError: ((error: MailError) => void) | undefined;
  pollIntervalMs: number;
  retryDelayMs: number;
  /** With no byte for this long (the server sends heartbeats), the connection is presumed dead and replaced. */
  idleTimeoutMs: number;
}

const MAX_RETRY_DELAY_MS = 30_000;
/** The longest `Retry-After` honoured; far larger values would also overflow setTimeout and fire at once. */
const MAX_RETRY_AFTER_MS = 15 * 60_000;
/** A connection that lived this long was healthy: the backoff starts over after it ends. */
const HEALTHY_CONNECTION_MS = 30_000;
const PERMANENT_FAILURES: ReadonlySet<MailErrorCode> = new Set(['unauthorized', 'forbidden', 'validation']);
const NO_LIVE_UPDATES: ReadonlySet<MailErrorCode> = new Set(['not-found', 'unsupported']);

/**
 * Starts a subscription. Resolves once it streams, polls, or retries after a transient failure (reported through
 * `onError`); rejects when the first attempt is refused for good or `signal` aborts first.
 */
export async function subscribeToEvents(settings: SubscriptionSettings, signal?: AbortSignal): Promise<Unsubscribe> {
  if (signal?.aborted) throw abortError(signal);
  const subscription = new Subscription(settings);
  const stop = () => subscription.stop();
  signal?.addEventListener('abort', stop, { once: true });
  const refused = await subscription.start();
  if (refused || signal?.aborted) {
    subscription.stop();
    throw signal?.aborted ? abortError(signal) : refused;
  }
  return () => {
    signal?.removeEventListener('abort', stop);
    stop();
  };
}

class Subscription {
  private stopped = false;
  private failures = 0;
  /** Set after any gap: the next connection starts with a `resync`, since changes may have been missed. */
  private missedChanges = false;
  private connection: AbortController | undefined;
  private reader: ReadableStreamDefaultReader<string> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly settings: SubscriptionSettings) {}

  /** The first attempt; returns the error when the server refuses for good. */
  start(): Promise<MailError | undefined> {
    return this.connect(true);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.idleTimer);
    clearInterval(this.pollTimer);
    this.connection?.abort();
    // Cancelling the reader also closes a stream that is not tied to the fetch signal (a service worker's).
    this.reader?.cancel().catch(() => undefined);
  }

  private async connect(first: boolean): Promise<MailError | undefined> {
    const connection = new AbortController();
    this.connection = connection;
    let body: NonNullable<Response['body']>;
    let validation: Validation;
    try {
      validation = await this.settings.validation();
      const response = await this.settings.open(connection.signal);
      if (!response.ok) throw await errorFromResponse(response, validation);
      if (!response.body || !/^text\/event-stream/i.test(response.headers.get('content-type') ?? '')) {
        throw new MailError('server', 'The server did not answer with an event stream.');
      }
      body = response.body;
    } catch (caught) {
      if (this.stopped) return undefined;
      return this.failed(toMailError(caught, undefined), first);
    }
    if (this.stopped) {
      await body.cancel().catch(() => undefined);
      return undefined;
    }
    if (this.missedChanges) {
      this.missedChanges = false;
      this.deliver({ type: 'resync' });
    }
    void this.read(body, validation);
    return undefined;
  }

  private failed(error: MailError, first: boolean): MailError | undefined {
    this.missedChanges = true;
    if (NO_LIVE_UPDATES.has(error.code)) {
      this.startPolling();
      return undefined;
    }
    if (PERMANENT_FAILURES.has(error.code)) {
      this.stop();
      if (first) return error;
      this.settings.onError?.(error);
      return undefined;
    }
    this.settings.onError?.(error);
    this.scheduleReconnect(error.retryAfter);
    return undefined;
  }

  private async read(body: NonNullable<Response['body']>, validation: Validation): Promise<void> {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    this.reader = reader;
    const parser = new SseParser((data) => this.receive(data, validation));
    const connectedAt = Date.now();
    let failure: MailError | undefined;
    let idle = false;
    const armIdleTimer = () => {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        idle = true;
        reader.cancel().catch(() => undefined);
      }, this.settings.idleTimeoutMs);
    };
    try {
      armIdleTimer();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armIdleTimer();
        parser.push(value);
      }
    } catch (caught) {
      failure = toMailError(caught, undefined);
    } finally {
      clearTimeout(this.idleTimer);
    }
    if (this.stopped) return;
    if (idle) failure = new MailError('timeout', 'The live updates connection went quiet.');
    if (Date.now() - connectedAt >= HEALTHY_CONNECTION_MS) this.failures = 0;
    this.missedChanges = true;
    // A stream the server closed cleanly (a restart, a proxy's time limit) is no error: just reconnect.
    if (failure) this.settings.onError?.(failure);
    this.scheduleReconnect(undefined);
  }

  private receive(data: string, validation: Validation): void {
    let parsed: ReturnType<Validation['checkChange']> | undefined;
    try {
      parsed = validation.checkChange(JSON.parse(data));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) return this.deliver(parsed.data);
    this.settings.onError?.(new MailError('server', 'The server sent a mailbox change that is not valid.'));
  }

  private deliver(change: MailboxChange): void {
    try {
      this.settings.listener(change);
    } catch (error) {
      // One broken listener must not end the subscription for good.
      console.error('[mail-elements] A mailbox listener threw:', error);
    }
  }

  private scheduleReconnect(retryAfterSeconds: number | undefined): void {
    const base = Math.min(MAX_RETRY_DELAY_MS, this.settings.retryDelayMs * 2 ** this.failures);
    this.failures += 1;
    // "Equal jitter": clients cut off together do not all come back at the same instant.
    const jittered = base / 2 + (Math.random() * base) / 2;
    const delay = retryAfterSeconds !== undefined ? Math.min(retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS) : jittered;
    this.retryTimer = setTimeout(() => void this.connect(false), delay);
  }

  private startPolling(): void {
    if (this.settings.pollIntervalMs <= 0) return;
    this.pollTimer = setInterval(() => this.deliver({ type: 'resync' }), this.settings.pollIntervalMs);
  }
}

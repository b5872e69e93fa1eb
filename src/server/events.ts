/**
 * The live-updates route as Server-Sent Events over a ReadableStream: one `data:` line of JSON per `MailboxChange`,
 * and a comment now and then so that proxies and the client's watchdog see the connection is alive.
 */
import { MailboxChange, MailError } from '../core/index.js';
import type { MailBackend, Unsubscribe } from '../core/index.js';
import { eventStreamHeaders } from './responses.js';

export interface EventStreamOptions {
  /** How often to send a comment line; 0 sends none. */
  heartbeatMs: number;
  /** Reports a change the backend produced that does not match the schema (it is dropped, not sent). */
  report: (error: unknown) => void;
}

/** Events queued for a client that does not read are dropped past this, with the connection: it resyncs anyway. */
const MAX_QUEUED_EVENTS = 1000;

/**
 * Subscribes to the backend and answers with the stream. A failing `subscribe` rejects before any byte is sent,
 * so the caller can still answer a problem (501 for a backend without live updates).
 */
export async function eventStreamResponse(
  backend: MailBackend,
  request: Request,
  options: EventStreamOptions,
): Promise<Response> {
  // Hono answers HEAD by running the GET handler and dropping the body: do not leave a subscription behind.
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers: eventStreamHeaders() });

  const stop = new AbortController();
  const signal = AbortSignal.any([request.signal, stop.signal]);
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let unsubscribe: Unsubscribe | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    stop.abort();
    try {
      unsubscribe?.();
    } catch (error) {
      options.report(error);
    }
    try {
      controller?.close();
    } catch {
      // Already closed or errored by the consumer: nothing left to release.
    }
  };

  const write = (text: string) => {
    if (closed || !controller) return;
    if (controller.desiredSize !== null && controller.desiredSize < -MAX_QUEUED_EVENTS) return close();
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    start: (streamController) => {
      controller = streamController;
    },
    cancel: close,
  });

  const listener = (change: MailboxChange) => {
    const parsed = MailboxChange.safeParse(change);
    if (!parsed.success) {
      options.report(
        new MailError('server', 'The backend produced a mailbox change that is not valid; it was dropped.'),
      );
      return;
    }
    write(`data: ${JSON.stringify(parsed.data)}\n\n`);
  };

  try {
    unsubscribe = await backend.subscribe(listener, { signal });
  } catch (error) {
    close();
    throw error;
  }
  if (signal.aborted) {
    close();
  } else {
    signal.addEventListener('abort', close, { once: true });
    write(': connected\n\n');
    if (options.heartbeatMs > 0) heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
  }
  return new Response(stream, { status: 200, headers: eventStreamHeaders() });
}

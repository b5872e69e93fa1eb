/**
 * Latency and failure injection for `MemoryMailBackend`, per operation, for stories and tests:
 *
 *   backend.faults.set('listMessages', { latencyMs: 800 });
 *   backend.faults.set('sendMessage', { error: 'network', times: 1 }); // fails once, then works
 *   backend.faults.set('*', { error: 'offline' });                     // every operation: the network is gone
 *   backend.faults.clear();
 *
 * `'offline'` is not a `MailErrorCode`: called directly it rejects as `network`, and the MSW handlers turn it into a
 * real network failure (`HttpResponse.error()`), which is what a browser sees when the connection drops.
 */
import type { MailErrorCode, Operation } from '../core/index.js';
import { MailError, abortError } from '../core/index.js';

export type FaultError = MailErrorCode | 'offline';

export interface FaultSpec {
  /** Wait this long before answering (abortable). */
  latencyMs?: number;
  /** Fail with this code. */
  error?: FaultError;
  /** Fail only the next `times` calls, then answer normally; absent: fail every call. */
  times?: number;
  /** The error's message; a sensible one per code otherwise. */
  message?: string;
  /** For `rate-limited`: seconds to wait. Default 30. */
  retryAfter?: number;
}

/** What to do for one call, decided (and a `times` consumed) when the call starts. */
export interface FaultDecision {
  latencyMs: number;
  error?: MailError;
  offline: boolean;
}

export type FaultTarget = Operation | '*';

const MESSAGES: Record<FaultError, string> = {
  offline: 'You appear to be offline. Check the connection and try again.',
  network: 'The mail server could not be reached (simulated).',
  timeout: 'The mail server took too long to answer (simulated).',
  aborted: 'The request was cancelled (simulated).',
  unauthorized: 'The mail server rejected the credentials; sign in or authorize again (simulated).',
  forbidden: 'You are not allowed to do this (simulated).',
  'not-found': 'Not found (simulated).',
  conflict: 'Something changed in the meantime (simulated).',
  validation: 'The request is not valid (simulated).',
  'rate-limited': 'Too many requests; wait a moment (simulated).',
  unsupported: 'This server does not support that (simulated).',
  server: 'The mail server failed (simulated).',
};

export class Faults {
  private readonly specs = new Map<FaultTarget, FaultSpec>();

  /** @param defaultLatencyMs applied to every operation that has no latency of its own. */
  constructor(public defaultLatencyMs = 0) {}

  /** Sets (replaces) the fault of one operation, or of every operation with `'*'`. */
  set(target: FaultTarget, spec: FaultSpec): this {
    if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 0)) {
      throw new RangeError('[mail-elements] faults: `times` is a non-negative integer.');
    }
    this.specs.set(target, { ...spec });
    return this;
  }

  get(target: FaultTarget): FaultSpec | undefined {
    const spec = this.specs.get(target);
    return spec && { ...spec };
  }

  /** Removes one operation's fault, or all of them (the default latency stays). */
  clear(target?: FaultTarget): void {
    if (target === undefined) this.specs.clear();
    else this.specs.delete(target);
  }

  /** Decides the fate of one call of `op` and consumes one of its `times`. */
  take(op: Operation): FaultDecision {
    const own = this.specs.get(op);
    const any = this.specs.get('*');
    const latencyMs = own?.latencyMs ?? any?.latencyMs ?? this.defaultLatencyMs;
    const source = failing(own) ? own : failing(any) ? any : undefined;
    if (!source?.error) return { latencyMs, offline: false };
    const code = source.error;
    this.consume(source === own ? op : '*', source);
    const message = source.message ?? MESSAGES[code];
    const error = new MailError(code === 'offline' ? 'network' : code, message, {
      cause: INJECTED,
      ...(code === 'rate-limited' ? { retryAfter: source.retryAfter ?? 30 } : {}),
      ...(code === 'validation' ? { issues: [{ path: [], message }] } : {}),
    });
    return { latencyMs, error, offline: code === 'offline' };
  }

  /**
   * For the HTTP layer: if the next call of `op` is to fail with `'offline'`, consumes it and returns its latency;
   * otherwise leaves everything for the backend call and returns `null`.
   */
  takeOffline(op: Operation): { latencyMs: number } | null {
    const own = this.specs.get(op);
    const any = this.specs.get('*');
    const source = failing(own) ? own : failing(any) ? any : undefined;
    if (source?.error !== 'offline') return null;
    return { latencyMs: this.take(op).latencyMs };
  }

  private consume(target: FaultTarget, spec: FaultSpec): void {
    if (spec.times === undefined) return;
    const left = spec.times - 1;
    if (left > 0) this.specs.set(target, { ...spec, times: left });
    else {
      // The error is used up; any latency of the same spec keeps applying.
      const { error: _error, times: _times, message: _message, retryAfter: _retry, ...rest } = spec;
      if (Object.keys(rest).length) this.specs.set(target, rest);
      else this.specs.delete(target);
    }
  }
}

function failing(spec: FaultSpec | undefined): boolean {
  return spec?.error !== undefined && spec.times !== 0;
}

/** The cause of every injected error, so the HTTP layer does not log them as real failures. */
export const INJECTED = Symbol.for('mail-elements.injected-fault');

/** True for an error that `Faults` made on purpose. */
export function isInjected(error: unknown): boolean {
  return error instanceof MailError && error.cause === INJECTED;
}

/** Waits `ms`, rejecting with the signal's `MailError` as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
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

/** Standalone form of `faults.takeOffline(op)` for the MSW glue. */
export function takeFault(faults: Faults, op: Operation): { latencyMs: number } | null {
  return faults.takeOffline(op);
}

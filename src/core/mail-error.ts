/**
 * `MailError` and the facts about error codes, with no schema: every element needs them, and importing them must not
 * bring zod into a bundle. The schemas of the same shapes (`MailErrorCode`, `FieldIssue`, `ProblemDetails`) live in
 * `errors.ts`, which re-exports all of this.
 */
import type { FieldIssue, MailErrorCode, ProblemDetails } from './errors.js';

/** The closed set of reasons an operation can fail. */
export const MAIL_ERROR_CODES = [
  'network',
  'timeout',
  'aborted',
  /** Credentials or token rejected: the user must sign in or authorize again. */
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  /** The request was wrong; `issues` says which field and why. */
  'validation',
  /** Too many requests; `retryAfter` says when to try again (seconds). */
  'rate-limited',
  /** The backend cannot do this (a POP3 account has no folders). */
  'unsupported',
  'server',
] as const;
/** HTTP status for each code, used by the router and understood by the client. */
export const STATUS_BY_CODE: Readonly<Record<MailErrorCode, number>> = {
  network: 502,
  timeout: 504,
  aborted: 499,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  validation: 400,
  'rate-limited': 429,
  unsupported: 501,
  server: 500,
};

const CODE_BY_STATUS: ReadonlyMap<number, MailErrorCode> = new Map([
  [400, 'validation'],
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [404, 'not-found'],
  [408, 'timeout'],
  [409, 'conflict'],
  [413, 'validation'],
  [422, 'validation'],
  [429, 'rate-limited'],
  [499, 'aborted'],
  [501, 'unsupported'],
  [502, 'network'],
  [503, 'network'],
  [504, 'timeout'],
]);

/** The code that best describes an HTTP status without a problem body. */
export function codeForStatus(status: number): MailErrorCode {
  return CODE_BY_STATUS.get(status) ?? (status >= 500 ? 'server' : 'validation');
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_PREFIX = 'urn:mail-elements:problem:';

export interface MailErrorOptions {
  cause?: unknown;
  issues?: FieldIssue[];
  /** Seconds to wait before trying again (`rate-limited`). */
  retryAfter?: number;
  /** The HTTP status it arrived with, if any. */
  status?: number;
}

/** The only error a `MailBackend` rejects with. */
export class MailError extends Error {
  override readonly name = 'MailError';
  readonly code: MailErrorCode;
  readonly issues: FieldIssue[];
  readonly retryAfter: number | undefined;
  readonly status: number;

  constructor(code: MailErrorCode, message: string, options: MailErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.retryAfter = options.retryAfter;
    this.status = options.status ?? STATUS_BY_CODE[code];
  }

  /** True for failures that may go away by themselves: worth a retry button. */
  get transient(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.code === 'rate-limited';
  }

  /** Any thrown value as a `MailError`: an abort stays `aborted`, a fetch failure becomes `network`. */
  static from(error: unknown, fallback: MailErrorCode = 'server'): MailError {
    if (error instanceof MailError) return error;
    if (isAbort(error)) return new MailError('aborted', 'The request was cancelled.', { cause: error });
    if (isTimeout(error)) return new MailError('timeout', 'The server took too long to answer.', { cause: error });
    if (isZodError(error)) return MailError.fromIssues(error.issues, error);
    const message = error instanceof Error && error.message ? error.message : 'Something went wrong.';
    return new MailError(fallback, message, { cause: error });
  }

  /** A `validation` error from zod issues, with each field's path and reason. */
  static fromIssues(issues: readonly IssueLike[], cause?: unknown): MailError {
    const fields = issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: issue.message,
    }));
    const first = fields[0];
    const message = first
      ? `${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}`
      : 'The request is not valid.';
    return new MailError('validation', message, { issues: fields, cause });
  }

  toProblem(): ProblemDetails {
    return {
      type: PROBLEM_TYPE_PREFIX + this.code,
      title: TITLES[this.code],
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.issues.length ? { issues: this.issues } : {}),
      ...(this.retryAfter === undefined ? {} : { retryAfter: this.retryAfter }),
    };
  }

  static fromProblem(problem: ProblemDetails): MailError {
    return new MailError(problem.code, problem.detail ?? problem.title, {
      issues: problem.issues,
      retryAfter: problem.retryAfter,
      status: problem.status,
    });
  }

  /** Issues of one field, for forms: `error.issuesAt('incoming', 'port')`. */
  issuesAt(...path: (string | number)[]): FieldIssue[] {
    return this.issues.filter(
      (issue) => issue.path.length >= path.length && path.every((key, index) => issue.path[index] === key),
    );
  }
}

const TITLES: Readonly<Record<MailErrorCode, string>> = {
  network: 'Network error',
  timeout: 'Timed out',
  aborted: 'Cancelled',
  unauthorized: 'Authorization required',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  conflict: 'Conflict',
  validation: 'Invalid request',
  'rate-limited': 'Too many requests',
  unsupported: 'Not supported',
  server: 'Server error',
};

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}

/** The error to reject with when a signal aborts: its reason when that is a timeout, `aborted` otherwise. */
export function abortError(signal: AbortSignal): MailError {
  return isTimeout(signal.reason)
    ? new MailError('timeout', 'The server took too long to answer.', { cause: signal.reason })
    : new MailError('aborted', 'The request was cancelled.', { cause: signal.reason });
}

/** What `fromIssues` reads of a zod issue. */
interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * True for a zod validation error. The same test zod's own `instanceof $ZodError` makes (its constructor's
 * `Symbol.hasInstance` looks for the trait), written out so that this module needs no zod at run time.
 */
function isZodError(error: unknown): error is { issues: IssueLike[] } {
  const internals = (error as { _zod?: { traits?: { has(name: string): boolean } } } | null)?._zod;
  return internals?.traits?.has('$ZodError') === true && Array.isArray((error as { issues?: unknown }).issues);
}

/** Turning HTTP responses into results or `MailError`s, shared by the fetch, XHR and event-stream paths. */
import type { ProblemDetails } from '../core/errors.js';
import { MailError, abortError, codeForStatus } from '../core/mail-error.js';
import type { Operation } from '../core/routes.js';
import type { Validation } from './lazy-validation.js';

/** Any failure as a `MailError`: the signal's reason when it aborted, `network` for a fetch TypeError. */
export function toMailError(error: unknown, signal: AbortSignal | undefined): MailError {
  if (signal?.aborted) return abortError(signal);
  if (error instanceof MailError) return error;
  // fetch rejects with a TypeError for DNS, TLS, refused connections, CORS and offline alike.
  if (error instanceof TypeError) {
    return new MailError('network', 'The mail server could not be reached.', { cause: error });
  }
  return MailError.from(error);
}

/** The error an unsuccessful response stands for: its problem document if it has a valid one, else its status. */
export async function errorFromResponse(response: Response, validation: Validation): Promise<MailError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const problem = await readProblem(response, validation);
  if (problem) {
    const error = MailError.fromProblem(problem);
    if (error.retryAfter !== undefined || retryAfter === undefined) return error;
    return new MailError(error.code, error.message, { issues: error.issues, status: error.status, retryAfter });
  }
  const code = codeForStatus(response.status);
  return new MailError(code, `The server answered with HTTP status ${response.status}.`, {
    status: response.status,
    retryAfter,
  });
}

async function readProblem(response: Response, validation: Validation): Promise<ProblemDetails | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    const parsed = validation.checkProblem(JSON.parse(await response.text()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds, from either form the header takes (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Parses and validates a JSON answer: anything else is the server's fault (`server`), and says so. */
export async function readJsonOutput(
  response: Response,
  operation: Operation,
  validation: Validation,
): Promise<unknown> {
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch (error) {
    throw new MailError('server', `The server response to ${operation} was not valid JSON.`, { cause: error });
  }
  const parsed = validation.checkOutput(operation, data);
  if (!parsed.success) {
    throw new MailError('server', `The server response to ${operation} was not valid.`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The bytes of a download, as a `File` named after `Content-Disposition` when the server gave a name. */
export async function readBlob(response: Response): Promise<Blob> {
  const blob = await response.blob();
  const name = filenameFromDisposition(response.headers.get('content-disposition'));
  return name ? new File([blob], name, { type: blob.type }) : blob;
}

/** The file name of a `Content-Disposition` header, preferring the exact UTF-8 `filename*` (RFC 6266). */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // A broken extended value: fall back to the plain one.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  if (!plain) return undefined;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
}

/**
 * Response builders of the router. Uses only Fetch-API globals so it runs in a service worker and in Node alike.
 * Every response says `no-store` (mail and settings are private) and `nosniff` (bytes are never reinterpreted).
 */
import { PROBLEM_CONTENT_TYPE, STATUS_BY_CODE, type MailError } from '../core/index.js';

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function headersWith(extra: Record<string, string>): Headers {
  return new Headers({ ...COMMON_HEADERS, ...extra });
}

/**
 * The text of each JSON answer this module made, by response. A host that writes responses itself (the Node server)
 * sends the text as it is instead of reading it back through the body stream, which under load costs more than
 * making the answer did. The body stays intact for every other reader.
 */
const jsonTexts = new WeakMap<Response, string>();

/**
 * Requests whose host writes the answer itself from `jsonTextOf` and never reads the body of a JSON answer: their
 * answers are made without a body stream (turning the text into one costs a copy of it and a stream per answer).
 */
const textOnlyRequests = new WeakSet<Request>();

/**
 * Marks a request as answered by a host that writes JSON answers itself: answers to it carry their JSON only in
 * `jsonTextOf`, their `body` is null. Problems and downloads keep their body.
 */
export function answerAsText(request: Request): Request {
  textOnlyRequests.add(request);
  return request;
}

/** The JSON text of a response made here (an answer or a problem), or undefined for any other response. */
export function jsonTextOf(response: Response): string | undefined {
  return response.bodyUsed ? undefined : jsonTexts.get(response);
}

function withJson(text: string, init: ResponseInit, textOnly = false): Response {
  const response = new Response(textOnly ? null : text, init);
  jsonTexts.set(response, text);
  return response;
}

/** A JSON answer; for a request marked with `answerAsText`, without a body stream. */
export function jsonResponse(data: unknown, status = 200, request?: Request): Response {
  return withJson(
    JSON.stringify(data),
    { status, headers: headersWith({ 'Content-Type': 'application/json; charset=utf-8' }) },
    !!request && textOnlyRequests.has(request),
  );
}

export function noContentResponse(): Response {
  return new Response(null, { status: 204, headers: headersWith({}) });
}

/** An RFC 9457 problem for a `MailError`, with `Retry-After` for `rate-limited` and `Allow` when given. */
export function problemResponse(error: MailError, extra: Record<string, string> = {}): Response {
  const problem = error.toProblem();
  // A backend may carry over any status from elsewhere; a Response only takes 200-599, and an error must be >= 400.
  const status = problem.status >= 400 && problem.status <= 599 ? problem.status : STATUS_BY_CODE[error.code];
  const headers = headersWith({ 'Content-Type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, ...extra });
  const retryAfter = retryAfterSeconds(error.retryAfter);
  if (retryAfter !== undefined) headers.set('Retry-After', String(retryAfter));
  return withJson(JSON.stringify({ ...problem, status }), { status, headers });
}

function retryAfterSeconds(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? Math.max(0, Math.ceil(value)) : undefined;
}

/**
 * Bytes to download: the blob's own type (browsers normalise it to a valid MIME type or ''), a safe attachment
 * filename, and a sandboxing CSP so that an HTML or SVG attachment opened directly can never run in our origin.
 */
export function blobResponse(blob: Blob, filename: string): Response {
  return new Response(blob, {
    status: 200,
    headers: headersWith({
      'Content-Type': safeContentType(blob.type),
      'Content-Disposition': contentDisposition(filename),
      'Content-Security-Policy': "default-src 'none'; sandbox",
    }),
  });
}

function safeContentType(type: string): string {
  return /^[\x21-\x7e]+\/[\x21-\x7e]+(?:\s*;[\x20-\x7e]*)?$/.test(type) ? type : 'application/octet-stream';
}

/**
 * `attachment` with both an ASCII fallback (`filename=`) and the exact UTF-8 name (`filename*=`, RFC 6266 / 8187),
 * reduced to a terminal name without control characters, so no header injection and no path in the name.
 */
export function contentDisposition(name: string): string {
  const terminal = terminalName(name);
  const ascii = terminal.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(terminal)}`;
}

const FALLBACK_NAME = 'download';

function terminalName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const clean = name.replace(/[\x00-\x1f\x7f]/g, '');
  const last = clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1).trim();
  if (!last || /^\.+$/.test(last)) return FALLBACK_NAME;
  return [...last].slice(0, 200).join('');
}

/** encodeURIComponent leaves `'()*` alone, but they are not attr-chars in RFC 8187. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function eventStreamHeaders(): Headers {
  return headersWith({
    'Content-Type': 'text/event-stream; charset=utf-8',
    // Reverse proxies such as nginx would otherwise hold events back in their buffers.
    'X-Accel-Buffering': 'no',
  });
}

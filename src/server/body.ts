/**
 * Reading request bodies with limits. Every failure is a `validation` MailError (400, 413 or 415), never a crash:
 * whatever a client sends, the answer is a problem it can act on.
 */
import { MailError } from '../core/index.js';

/** Room for multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

function badRequest(message: string, status = 400, path: (string | number)[] = []): MailError {
  return new MailError('validation', message, { status, issues: [{ path, message }] });
}

function tooLarge(limit: number, path: (string | number)[] = []): MailError {
  return badRequest(`The request is larger than the limit of ${limit} bytes.`, 413, path);
}

/** The media type without parameters, lower case: `application/json` for `Application/JSON; charset=utf-8`. */
function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The body's bytes, refusing early on a declared length over the limit and stopping as soon as it is passed. */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A JSON body. `Content-Type: application/json` is required: a cross-site form cannot send it without a CORS
 * preflight, which this router never answers, so the check doubles as CSRF protection for cookie sessions.
 * An empty body stands for `{}`.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  if (!isJsonType(mediaType(request))) {
    throw badRequest('The request body must be JSON, sent with Content-Type: application/json.', 415);
  }
  const bytes = await readLimited(request, limit);
  if (bytes.byteLength === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

/** A `multipart/form-data` upload: the `file` part, and the `filename` field or else the part's own file name. */
export async function readUploadBody(request: Request, limit: number): Promise<Record<string, unknown>> {
  if (mediaType(request) !== 'multipart/form-data') {
    throw badRequest('An upload must be sent as multipart/form-data with a "file" part.', 415);
  }
  const bytes = await readLimited(request, limit + MULTIPART_OVERHEAD_BYTES);
  let form: FormData;
  try {
    // Parsing from the bytes already read keeps the size limit in force whatever the runtime's own parser does.
    const copy = new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } });
    form = await copy.formData();
  } catch {
    throw badRequest('The upload is not valid multipart/form-data.');
  }
  const file = form.get('file') ?? undefined;
  if (file instanceof Blob && file.size > limit) throw tooLarge(limit, ['file']);
  const field = form.get('filename') ?? undefined;
  const partName = file instanceof File && file.name ? file.name : undefined;
  return { file, filename: field ?? partName };
}

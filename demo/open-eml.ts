// Opens any .eml in the demo: fetched from a URL (`?eml=<url>`) or dropped onto the page, imported into the mock
// backend through its raw-message seeding (`importEml`), ready to be shown by <mail-message-view message-id=…>.
// Used by demo/message.ts and, through the same two functions, by any other demo page.
import { MailError, type MessageSummary } from '../src/core/index.js';
import type { MemoryMailBackend } from '../src/mock/index.js';

/** What these functions need of a backend: the mock's raw-message seeding. */
export type EmlImporter = Pick<MemoryMailBackend, 'importEml'>;

/** Larger files are refused before they are read: no real message needs more, and a wrong URL can be huge. */
export const MAX_EML_BYTES = 64 * 1024 * 1024;

function sizeLabel(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** The URL an `?eml=` parameter names, relative to the page; only http(s), blob: and data: can be fetched. */
function resolveEmlUrl(url: string): URL {
  let resolved: URL;
  try {
    resolved = new URL(url.trim(), location.href);
  } catch (cause) {
    throw new MailError('validation', `"${url}" is not a valid URL.`, { cause });
  }
  if (!['http:', 'https:', 'blob:', 'data:'].includes(resolved.protocol)) {
    throw new MailError('validation', `Cannot open ${resolved.protocol} URLs: use an http or https URL of the .eml.`);
  }
  return resolved;
}

/** Reads the bytes of `response`, refusing one larger than MAX_EML_BYTES. */
async function readBody(response: Response, url: URL): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_EML_BYTES) {
    throw new MailError(
      'validation',
      `${url.href} is ${sizeLabel(declared)}; messages up to ${sizeLabel(MAX_EML_BYTES)} can be opened.`,
    );
  }
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_EML_BYTES) {
    throw new MailError('validation', `${url.href} is larger than ${sizeLabel(MAX_EML_BYTES)}.`);
  }
  return bytes;
}

/**
 * Whether the bytes start like a message: a header field (`Name: value`), after an optional byte-order mark or mbox
 * `From ` line. A parser reads anything as a message with no headers; a picture or a PDF is not one.
 */
async function startsWithHeader(raw: ArrayBuffer | Blob): Promise<boolean> {
  const head = raw instanceof Blob ? await raw.slice(0, 2048).arrayBuffer() : raw.slice(0, 2048);
  const text = new TextDecoder('latin1').decode(head).replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '');
  const lines = text.split(/\r?\n/);
  const first = lines[0]?.startsWith('From ') ? lines[1] : lines[0];
  return /^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(first ?? '');
}

/** Imports raw message bytes, with a message that names where they came from when they are not a message. */
async function importRaw(raw: ArrayBuffer | Blob, backend: EmlImporter, source: string): Promise<MessageSummary> {
  const size = raw instanceof Blob ? raw.size : raw.byteLength;
  if (size === 0) throw new MailError('validation', `${source} is empty.`);
  if (!(await startsWithHeader(raw))) {
    throw new MailError('validation', `${source} is not an e-mail message: it does not start with header lines.`);
  }
  try {
    return await backend.importEml(raw);
  } catch (error) {
    throw new MailError('validation', `${source} is not a readable e-mail message (.eml).`, { cause: error });
  }
}

/**
 * Fetches the .eml at `url` (any origin that allows it: a cross-origin server must send CORS headers) and imports
 * it into `backend`. Rejects with a `MailError` whose message says what went wrong and what to try.
 */
export async function openEmlFromUrl(
  url: string,
  backend: EmlImporter,
  { signal }: { signal?: AbortSignal } = {},
): Promise<MessageSummary> {
  const resolved = resolveEmlUrl(url);
  let response: Response;
  try {
    response = await fetch(resolved, { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal });
  } catch (cause) {
    if (signal?.aborted) throw new MailError('aborted', 'Opening the message was cancelled.', { cause });
    const crossOrigin = resolved.origin !== location.origin && resolved.protocol.startsWith('http');
    throw new MailError(
      'network',
      crossOrigin
        ? `Could not fetch ${resolved.href}: the server is unreachable, or it does not allow other sites to read ` +
            `it (it must answer with an Access-Control-Allow-Origin header). Download the file and drop it here instead.`
        : `Could not fetch ${resolved.href}: the server is unreachable.`,
      { cause },
    );
  }
  if (!response.ok) {
    throw new MailError(
      response.status === 404 ? 'not-found' : 'server',
      `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${resolved.href}.`,
    );
  }
  return importRaw(await readBody(response, resolved), backend, resolved.href);
}

/** A file that looks like a message: by type, by name, or untyped (many systems give .eml no type). */
function isEmlFile(file: File): boolean {
  return (
    /^message\/rfc822$/i.test(file.type) ||
    /\.eml$/i.test(file.name) ||
    (file.type === '' && !/\.\w{1,5}$/.test(file.name))
  );
}

/** Imports one dropped file. */
export async function openEmlFile(file: File, backend: EmlImporter): Promise<MessageSummary> {
  if (!isEmlFile(file)) {
    throw new MailError('validation', `${file.name} is not an .eml file: drop a message saved as .eml.`);
  }
  if (file.size > MAX_EML_BYTES) {
    throw new MailError(
      'validation',
      `${file.name} is ${sizeLabel(file.size)}; messages up to ${sizeLabel(MAX_EML_BYTES)} can be opened.`,
    );
  }
  return importRaw(file, backend, file.name);
}

function carriesFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types ?? [];
  return [...types].some((type) => type === 'Files' || type === 'text/uri-list');
}

/** The attribute set on `target` while something that can be dropped is over it, for the page to highlight it. */
export const DRAG_ATTRIBUTE = 'data-eml-drag';

/**
 * Lets .eml files (or a link to one) be dropped onto `target`: each is imported into `backend` and passed to
 * `onImported`; what cannot be opened goes to `onError` (by default the console). While a drag is over the target it
 * carries `data-eml-drag`. Returns a function that stops accepting drops.
 */
export function acceptEmlDrops(
  target: HTMLElement,
  backend: EmlImporter,
  onImported: (summary: MessageSummary, source: string) => void,
  onError: (error: MailError) => void = (error) => console.error('[mail-elements] demo:', error.message),
): () => void {
  let depth = 0;
  const leave = () => {
    depth = 0;
    target.removeAttribute(DRAG_ATTRIBUTE);
  };
  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth++;
    target.setAttribute(DRAG_ATTRIBUTE, '');
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Without this the browser would open the file itself, replacing the page.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) leave();
  };
  const onDrop = (event: DragEvent) => {
    const transfer = event.dataTransfer;
    if (!transfer || !carriesFiles(event)) return;
    event.preventDefault();
    leave();
    const files = [...transfer.files];
    const link = files.length
      ? ''
      : (transfer
          .getData('text/uri-list')
          .split(/\r?\n/)
          .find((line) => line && !line.startsWith('#')) ?? '');
    const jobs: [string, Promise<MessageSummary>][] = files.length
      ? files.map((file) => [file.name, openEmlFile(file, backend)])
      : link
        ? [[link, openEmlFromUrl(link, backend)]]
        : [];
    for (const [source, job] of jobs) {
      job.then(
        (summary) => onImported(summary, source),
        (error: unknown) => onError(MailError.from(error)),
      );
    }
  };
  target.addEventListener('dragenter', onDragEnter);
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('dragleave', onDragLeave);
  target.addEventListener('drop', onDrop);
  return () => {
    leave();
    target.removeEventListener('dragenter', onDragEnter);
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('dragleave', onDragLeave);
    target.removeEventListener('drop', onDrop);
  };
}

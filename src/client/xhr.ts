/**
 * Uploads through XMLHttpRequest, the one browser API with upload progress (fetch has none). It answers with a
 * Fetch `Response`, so the response handling is the same code for both transports.
 */
import type { UploadProgress } from '../core/index.js';

export interface XhrUpload {
  method: string;
  url: string;
  headers: Headers;
  body: FormData;
  /** `include` sets `withCredentials`; XHR always sends same-origin credentials and cannot `omit` them. */
  credentials: RequestCredentials;
  /** Aborts the upload; the promise then rejects with the signal's reason, like fetch. */
  signal: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  /** Called whenever bytes move, so an inactivity timeout can be pushed back. */
  onActivity?: () => void;
  /** The total to report when the browser cannot compute one (the file's size). */
  size: number;
  create: () => XMLHttpRequest;
}

/** Statuses whose response cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function sendWithXhr(upload: XhrUpload): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const { signal } = upload;
    if (signal.aborted) return reject(signal.reason);
    const xhr = upload.create();
    const onAbort = () => xhr.abort();
    const settle = () => signal.removeEventListener('abort', onAbort);

    xhr.open(upload.method, upload.url);
    xhr.responseType = 'blob';
    xhr.withCredentials = upload.credentials === 'include';
    // The browser sets the multipart Content-Type with its boundary; a copy from the headers would break it.
    upload.headers.forEach((value, name) => {
      if (name !== 'content-type') xhr.setRequestHeader(name, value);
    });
    // Set before send(): a listener added later may miss events, or not be allowed at all.
    // Progress is reported in bytes of the file, not of the multipart body around it, and always ends at the
    // file's size: browsers may send no progress event at all for a small body.
    let reported = -1;
    const report = (loaded: number) => {
      if (loaded <= reported) return;
      reported = loaded;
      upload.onProgress?.({ loaded, total: upload.size });
    };
    xhr.upload.onprogress = (event) => {
      upload.onActivity?.();
      const fraction = event.lengthComputable && event.total > 0 ? event.loaded / event.total : 0;
      report(Math.min(upload.size, Math.round(fraction * upload.size)));
    };
    xhr.upload.onload = () => report(upload.size);
    xhr.onload = () => {
      settle();
      if (xhr.status === 0) return reject(new TypeError('The upload failed.'));
      if (xhr.status >= 200 && xhr.status < 300) report(upload.size);
      const body = NULL_BODY_STATUSES.has(xhr.status) ? null : (xhr.response as Blob | null);
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: parseHeaders(xhr) }));
    };
    xhr.onerror = () => {
      settle();
      reject(new TypeError('The upload failed.'));
    };
    xhr.onabort = () => {
      settle();
      reject(signal.aborted ? signal.reason : new DOMException('The upload was aborted.', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    xhr.send(upload.body);
  });
}

function parseHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      // A header a Headers object refuses is one we do not need.
    }
  }
  return headers;
}

/**
 * Saving and printing a message: a chunk of its own, loaded the first time the reader downloads an attachment, saves
 * the source or prints.
 */
import { FRAME_SANDBOX } from '../../render/frame-policy.js';

/** A name the file system and the reader can both accept: no folders, no control characters. */
export function downloadName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  return base && base !== '.' && base !== '..' ? base.slice(0, 200) : fallback;
}

/** Saves a blob under `name` through a temporary <a download>; its URL is revoked once the download has started. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Prints a mail document. The reading frame may not open a print dialog (its sandbox has no `allow-modals`), so
 * printing uses a second, short-lived frame in `root` with the same document and `allow-modals`: still no scripts,
 * so nothing inside can use it.
 */
export function printDocument(root: ParentNode, srcdoc: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', `${FRAME_SANDBOX} allow-modals`);
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  frame.srcdoc = srcdoc;
  frame.addEventListener(
    'load',
    () => {
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 1000);
    },
    { once: true },
  );
  root.append(frame);
}

/**
 * The host side of the mail frame: its height follows its content. The frame runs no script (its sandbox has no
 * `allow-scripts`), so it cannot report its size: the host reads it, which `allow-same-origin` permits.
 */

/** No mail needs more; it also ends any loop with content sized in viewport units. */
const MAX_HEIGHT = 200_000;

/** The height of the frame's content, in CSS pixels. */
export function contentHeight(frameDocument: Document): number {
  const root = frameDocument.documentElement;
  const body = frameDocument.body;
  let height = root.getBoundingClientRect().height;
  if (body) {
    const margin = parseFloat(frameDocument.defaultView?.getComputedStyle(body).marginBottom ?? '0') || 0;
    height = Math.max(height, body.getBoundingClientRect().bottom + margin);
  }
  // Absolutely positioned content overflows the root box without growing it.
  if (root.scrollHeight > root.clientHeight) height = Math.max(height, root.scrollHeight);
  return Math.min(Math.ceil(height), MAX_HEIGHT);
}

/**
 * Keeps `frame`'s height equal to its content's, from each load of its document until the returned function is
 * called. The observer is created in the frame's own window: an observer only sees boxes of its own document.
 */
export function fitFrameHeight(frame: HTMLIFrameElement): () => void {
  let observer: ResizeObserver | undefined;
  const fit = () => {
    const frameDocument = frame.contentDocument;
    if (!frameDocument?.documentElement) return;
    frame.style.height = `${contentHeight(frameDocument)}px`;
  };
  const observe = () => {
    observer?.disconnect();
    const frameDocument = frame.contentDocument;
    const view = frameDocument?.defaultView as (Window & typeof globalThis) | null | undefined;
    if (!frameDocument || !view) return;
    const Observer = view.ResizeObserver ?? ResizeObserver;
    observer = new Observer(fit);
    observer.observe(frameDocument.documentElement);
    if (frameDocument.body) observer.observe(frameDocument.body);
    fit();
  };
  frame.addEventListener('load', observe);
  if (frame.contentDocument?.readyState === 'complete') observe();
  return () => {
    frame.removeEventListener('load', observe);
    observer?.disconnect();
  };
}

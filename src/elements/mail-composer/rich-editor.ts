/**
 * The composer's rich-text editor: a `contenteditable` region driven by the browser's editing commands, with pasted
 * HTML (Word, Google Docs, web pages) cleaned, pasted images turned into `cid:` inline parts, and the HTML that
 * leaves it sanitized with DOMPurify. Loaded with a dynamic `import()` so the composer's first paint does not pay for
 * it or for DOMPurify. Why contenteditable rather than an editor library: docs/decisions/0006-composer-editor.md.
 */
import DOMPurify, { type Config } from 'dompurify';
import { htmlToPlainText } from '../../core/index.js';

/** The toolbar's commands. */
export type EditorCommand = 'bold' | 'italic' | 'underline' | 'bullets' | 'numbers' | 'quote' | 'clear';

/** What the editor asks of the composer: a place for images pasted into the body. */
export interface EditorHost {
  /** Starts uploading an inline image; returns its Content-ID and a URL to show it with meanwhile. */
  addInlineImage(image: Blob, filename: string): { cid: string; url: string };
}

const TAGS = [
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'sub',
  'sup',
  'p',
  'div',
  'br',
  'span',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'h1',
  'h2',
  'h3',
  'h4',
  'hr',
  'img',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
];

/**
 * The composer's own sanitizer, so that its hook never touches the instance the reader uses. The one style kept is
 * the `white-space: pre` the browser puts around typed tabs and runs of spaces.
 */
const purify = DOMPurify();
purify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'style') data.keepAttr = /^white-space:\s*pre(?:-wrap)?;?$/i.test(data.attrValue.trim());
});

/** Only structure and meaning survive: no classes, ids, scripts, forms, event handlers or styles. */
const BODY_CONFIG: Config = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'data-cid', 'colspan', 'rowspan', 'dir', 'style'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|cid:|blob:|#)/i,
  ALLOW_DATA_ATTR: false,
  // A Content-ID is not a URL; without this DOMPurify tests it as one and drops it.
  ADD_URI_SAFE_ATTR: ['data-cid'],
};

/** What is sent: the same, minus `blob:` URLs that mean nothing outside this page. */
const SEND_CONFIG: Config = { ...BODY_CONFIG, ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|cid:|#)/i };

/**
 * The editor shows white space as typed (`pre-wrap`). HTML from elsewhere (a paste, a draft written by another
 * program) uses white space as formatting, so it is collapsed the way a browser would show it.
 */
function collapseWhiteSpace(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('pre')) continue;
    node.textContent = (node.textContent ?? '').replace(/[ \t\r\n\f]+/g, ' ');
  }
}

/** Tabs and runs of spaces as non-breaking spaces, so that a reader of the sent HTML sees them too. */
function keepWhiteSpace(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('pre')) continue;
    node.textContent = (node.textContent ?? '')
      .replace(/\t/g, '\u00a0\u00a0\u00a0\u00a0')
      .replace(/ {2,}/g, (run) => ` ${'\u00a0'.repeat(run.length - 1)}`)
      .replace(/^ /, '\u00a0');
  }
}

/** Sanitized HTML for the editor. */
export function sanitizeBody(html: string): string {
  return purify.sanitize(html, { ...BODY_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}

/**
 * Pasted HTML made plain and safe: Word's and Google Docs' wrappers and styles become the bold, italic and
 * underline they meant, everything else that is not structure goes.
 */
export function cleanPastedHtml(html: string, host?: EditorHost): string {
  // Word's fragments arrive with <!--StartFragment--> markers, conditional comments and an <o:p> per paragraph.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of [...doc.querySelectorAll('style, script, meta, link, title, xml, head')]) node.remove();
  inlineDataImages(doc, host);
  for (const element of [...doc.body.querySelectorAll<HTMLElement>('[style]')]) {
    const style = element.style;
    const bold = /^(bold|[6-9]00)$/.test(style.fontWeight);
    const normal = /^(normal|[1-4]00)$/.test(style.fontWeight);
    if (element.localName === 'b' && normal) {
      element.replaceWith(...element.childNodes); // Google Docs wraps the whole paste in <b style="font-weight:normal">
      continue;
    }
    if (element.localName !== 'span') continue;
    let inner: Node[] = [...element.childNodes];
    const wrap = (tag: string) => {
      const wrapper = doc.createElement(tag);
      wrapper.append(...inner);
      inner = [wrapper];
    };
    if (bold) wrap('b');
    if (style.fontStyle === 'italic') wrap('i');
    if (style.textDecorationLine.includes('underline') || style.textDecoration.includes('underline')) wrap('u');
    element.replaceChildren(...inner);
  }
  collapseWhiteSpace(doc.body);
  return sanitizeBody(doc.body.innerHTML.replace(/<\/?o:p>/g, ''));
}

/** The HTML to send or store: sanitized, images pointing at their `cid:` parts. */
export function outgoingHtml(html: string): string {
  const doc = new DOMParser().parseFromString(sanitizeBody(html), 'text/html');
  for (const image of [...doc.querySelectorAll<HTMLImageElement>('img[data-cid]')]) {
    image.setAttribute('src', `cid:${image.dataset.cid}`);
    image.removeAttribute('data-cid');
  }
  keepWhiteSpace(doc.body);
  return purify.sanitize(doc.body.innerHTML, { ...SEND_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}

/**
 * HTML as stored shown in the editor: `cid:` images get the page's URL for the part when it is known. `foreign`
 * HTML (not this editor's own, kept on this device) has its formatting white space collapsed.
 */
export function editorHtml(html: string, urls: ReadonlyMap<string, string>, foreign = true): string {
  const doc = new DOMParser().parseFromString(sanitizeBody(html), 'text/html');
  if (foreign) collapseWhiteSpace(doc.body);
  for (const image of [...doc.querySelectorAll<HTMLImageElement>('img[src^="cid:" i]')]) {
    const cid = image.getAttribute('src')!.slice(4);
    image.dataset.cid = cid;
    const url = urls.get(cid);
    if (url) image.setAttribute('src', url);
  }
  return sanitizeBody(doc.body.innerHTML);
}

/** The text alternative of a body: lists get markers, links their address, quotes "> " prefixes. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(outgoingHtml(html), 'text/html');
  for (const list of [...doc.querySelectorAll('ol, ul')]) {
    [...list.children].forEach((item, index) => {
      if (item.localName === 'li') item.prepend(list.localName === 'ol' ? `${index + 1}. ` : '- ');
    });
  }
  for (const link of [...doc.querySelectorAll('a[href]')]) {
    const href = link.getAttribute('href')!;
    const shown = link.textContent?.trim() ?? '';
    const target = href.replace(/^mailto:/i, '');
    if (shown && shown !== target && shown !== href) link.append(` <${target}>`);
    else if (!shown) link.append(target);
  }
  for (const image of [...doc.querySelectorAll('img')]) image.replaceWith(image.getAttribute('alt') ?? '');
  // Innermost quotes first, so nested quotes get ">> ".
  const quotes = [...doc.querySelectorAll('blockquote')].reverse();
  for (const quote of quotes) {
    const text = htmlToPlainText(quote.innerHTML);
    const block = doc.createElement('div');
    text.split('\n').forEach((line, index) => {
      if (index) block.append(doc.createElement('br'));
      block.append(line.startsWith('>') ? `>${line}` : `> ${line}`);
    });
    quote.replaceWith(block);
  }
  return htmlToPlainText(doc.body.innerHTML);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}

/** Plain text as editor HTML: a line per block, "> " quoted lines as (nested) quotes. */
export function textToHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let index = 0; index < lines.length;) {
    const line = lines[index]!;
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (index < lines.length && lines[index]!.startsWith('>')) {
        quoted.push(lines[index]!.replace(/^> ?/, ''));
        index++;
      }
      out.push(`<blockquote>${textToHtml(quoted.join('\n'))}</blockquote>`);
      continue;
    }
    out.push(`<div>${line ? linkify(escapeHtml(line)) : '<br>'}</div>`);
    index++;
  }
  return out.join('');
}

function linkify(escaped: string): string {
  return escaped.replace(/\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
}

/** True when the body has more than text and line breaks (switching to plain text would lose something). */
export function hasFormatting(html: string): boolean {
  const doc = new DOMParser().parseFromString(sanitizeBody(html), 'text/html');
  return !!doc.querySelector(
    'b, strong, i, em, u, s, strike, del, a, ul, ol, blockquote, img, table, h1, h2, h3, h4, pre',
  );
}

/** The Content-IDs of the images still in the body. */
export function inlineCids(html: string): Set<string> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const cids = new Set<string>();
  for (const image of doc.querySelectorAll<HTMLImageElement>('img')) {
    const cid = image.dataset.cid ?? (/^cid:(.+)$/i.exec(image.getAttribute('src') ?? '')?.[1] || undefined);
    if (cid) cids.add(cid);
  }
  return cids;
}

/** `data:` images in pasted HTML become inline parts instead of megabytes of base64 in the body. */
function inlineDataImages(doc: Document, host: EditorHost | undefined): void {
  for (const image of [...doc.querySelectorAll<HTMLImageElement>('img[src^="data:" i]')]) {
    const blob = host && dataUrlToBlob(image.getAttribute('src')!);
    if (!host || !blob || !blob.type.startsWith('image/')) {
      image.remove();
      continue;
    }
    const extension = blob.type.split('/')[1]?.replace(/\W.*$/, '') || 'png';
    const { cid, url } = host.addInlineImage(blob, `image.${extension}`);
    image.src = url;
    image.dataset.cid = cid;
  }
}

function dataUrlToBlob(url: string): Blob | null {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(;base64)?,(.*)$/s.exec(url);
  if (!match) return null;
  const type = match[1] ?? 'application/octet-stream';
  try {
    const data = match[2] ? atob(match[3]!) : decodeURIComponent(match[3]!);
    const bytes = Uint8Array.from(data, (char) => char.charCodeAt(0));
    return new Blob([bytes], { type });
  } catch {
    return null;
  }
}

/** The editing behaviour of one contenteditable region. */
export class RichEditor {
  private saved: Range | undefined;

  constructor(
    readonly element: HTMLElement,
    private readonly host: EditorHost,
  ) {
    element.addEventListener('paste', this.onPaste);
    element.addEventListener('drop', this.onDrop);
  }

  detach(): void {
    this.element.removeEventListener('paste', this.onPaste);
    this.element.removeEventListener('drop', this.onDrop);
  }

  /** Replaces the content (sanitized); `foreign` for HTML this editor did not write. */
  setHtml(html: string, urls: ReadonlyMap<string, string>, foreign = false): void {
    this.element.innerHTML = editorHtml(html, urls, foreign);
  }

  /** The content as it is now, for drafts kept on this device. */
  get html(): string {
    return this.element.innerHTML;
  }

  private get selection(): Selection | null {
    const root = this.element.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
    return root.getSelection?.() ?? document.getSelection();
  }

  private rangeInside(): Range | undefined {
    const selection = this.selection;
    if (!selection?.rangeCount) return undefined;
    const range = selection.getRangeAt(0);
    return this.element.contains(range.commonAncestorContainer) ? range : undefined;
  }

  /** Remembers the selection (before a dialog takes the focus). */
  saveSelection(): void {
    this.saved = this.rangeInside()?.cloneRange();
  }

  /** Puts the focus and the remembered selection back. */
  restoreSelection(): void {
    this.element.focus();
    const selection = this.selection;
    if (!selection) return;
    const range = this.saved ?? this.endRange();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  private endRange(): Range {
    const range = document.createRange();
    range.selectNodeContents(this.element);
    range.collapse(false);
    return range;
  }

  private run(command: string, value?: string): void {
    if (!this.rangeInside()) this.restoreSelection();
    // execCommand is deprecated but is still the only way to edit that keeps the browser's own undo history.
    document.execCommand(command, false, value);
    this.element.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }

  exec(command: EditorCommand): void {
    switch (command) {
      case 'bold':
      case 'italic':
      case 'underline':
        return this.run(command);
      case 'bullets':
        return this.run('insertUnorderedList');
      case 'numbers':
        return this.run('insertOrderedList');
      case 'quote':
        return this.isInside('blockquote') ? this.run('outdent') : this.run('formatBlock', 'blockquote');
      case 'clear':
        this.run('removeFormat');
        this.run('unlink');
        if (this.isInside('blockquote')) this.run('outdent');
    }
  }

  /** Which commands apply to the selection, for the toolbar's pressed states. */
  state(): Record<'bold' | 'italic' | 'underline' | 'bullets' | 'numbers' | 'quote', boolean> {
    const query = (command: string) => {
      try {
        return !!this.rangeInside() && document.queryCommandState(command);
      } catch {
        return false;
      }
    };
    return {
      bold: query('bold'),
      italic: query('italic'),
      underline: query('underline'),
      bullets: query('insertUnorderedList'),
      numbers: query('insertOrderedList'),
      quote: this.isInside('blockquote'),
    };
  }

  private isInside(tag: string): boolean {
    const range = this.rangeInside();
    let node: Node | null = range?.startContainer ?? null;
    while (node && node !== this.element) {
      if (node.nodeName.toLowerCase() === tag) return true;
      node = node.parentNode;
    }
    return false;
  }

  /** The link around the remembered selection, if any. */
  currentLink(): HTMLAnchorElement | null {
    let node: Node | null = this.saved?.startContainer ?? null;
    while (node && node !== this.element) {
      if (node instanceof HTMLAnchorElement) return node;
      node = node.parentNode;
    }
    return null;
  }

  /** The text of the remembered selection. */
  selectedText(): string {
    return this.saved?.toString() ?? '';
  }

  /** Puts a link on the remembered selection, or inserts `text` as a link where the caret was. */
  insertLink(url: string, text: string): void {
    this.restoreSelection();
    const link = this.currentLink();
    if (link) {
      link.href = url;
      if (text && text !== link.textContent) link.textContent = text;
      this.element.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      return;
    }
    if (this.saved && !this.saved.collapsed && (!text || text === this.saved.toString())) {
      this.run('createLink', url);
    } else {
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.textContent = text || url;
      this.run('insertHTML', sanitizeBody(anchor.outerHTML));
    }
  }

  removeLink(): void {
    this.restoreSelection();
    const link = this.currentLink();
    if (link) {
      const range = document.createRange();
      range.selectNodeContents(link);
      this.selection?.removeAllRanges();
      this.selection?.addRange(range);
    }
    this.run('unlink');
  }

  private readonly onPaste = (event: ClipboardEvent): void => {
    const data = event.clipboardData;
    if (!data) return;
    const images = [...data.files].filter((file) => file.type.startsWith('image/'));
    const html = data.getData('text/html');
    if (images.length && !html) {
      event.preventDefault();
      this.insertImages(images);
      return;
    }
    if (!html) return; // plain text: the browser inserts it as text
    event.preventDefault();
    this.run('insertHTML', cleanPastedHtml(html, this.host));
  };

  private readonly onDrop = (event: DragEvent): void => {
    const files = [...(event.dataTransfer?.files ?? [])];
    const images = files.filter((file) => file.type.startsWith('image/'));
    if (!files.length || images.length !== files.length) return; // other files: the composer attaches them
    event.preventDefault();
    event.stopPropagation();
    const position = (
      document as Document & { caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null }
    ).caretPositionFromPoint?.(event.clientX, event.clientY);
    if (position && this.element.contains(position.offsetNode)) {
      const range = document.createRange();
      range.setStart(position.offsetNode, position.offset);
      this.saved = range;
      this.restoreSelection();
    }
    this.insertImages(images);
  };

  private insertImages(images: File[]): void {
    const markup = images
      .map((file) => {
        const { cid, url } = this.host.addInlineImage(file, file.name || 'image.png');
        const image = document.createElement('img');
        image.src = url;
        image.alt = file.name || '';
        image.dataset.cid = cid;
        return image.outerHTML;
      })
      .join('');
    this.run('insertHTML', sanitizeBody(markup));
  }
}

/**
 * Mail HTML through DOMPurify, configured for mail. Every change (remote content blocked, cid: resolved, CSS
 * cleaned, links opened in a new tab) is made by hooks during the one sanitization pass, on the parsed tree: the
 * string DOMPurify returns is never edited afterwards.
 *
 * SVG and MathML are dropped with their content rather than sanitized: mail clients do not render them (Gmail,
 * Outlook), and they carry the richest vector classes (SMIL `<animate>`/`<set>` rewriting `href`, `<use>`/`<image>`/
 * `<feImage>` references, namespace-confusion mXSS). Pictures in mail are raster images.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { cleanStyleAttribute, cleanStyleSheet } from './css.js';
import { resolveLink, resolveResource, resolveSrcset, type UrlPolicy } from './urls.js';

/** Marks the element that stands for the mail's own <body>, whose attributes would otherwise be lost. */
export const BODY_ATTRIBUTE = 'data-mail-body';

const FORBID_TAGS = [
  'script',
  'noscript',
  'template',
  'base',
  'link',
  'meta',
  'title',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'object',
  'embed',
  'applet',
  'iframe',
  'frame',
  'frameset',
  'portal',
  'fencedframe',
  'audio',
  'video',
  'track',
  'dialog',
  'svg',
  'math',
];

const FORBID_ATTR = [
  'action',
  'formaction',
  'ping',
  'srcdoc',
  'data',
  'codebase',
  'dynsrc',
  'lowsrc',
  'longdesc',
  'manifest',
  'profile',
  'xmlns',
  'autofocus',
  'popover',
  'popovertarget',
  'http-equiv',
  'nonce',
  'is',
  'slot',
  'target',
  'rel',
  'xlink:href',
  'imagesrcset',
  'imagesizes',
  'attributionsrc',
  'fetchpriority',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  ADD_FORBID_CONTENTS: ['svg', 'math', 'noscript', 'template', 'form', 'button', 'select', 'textarea'],
  FORBID_ATTR,
  ADD_ATTR: [BODY_ATTRIBUTE],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOMPurify's own shape (a value with no scheme passes: "100%", "2", "center"), with only our schemes: links
  // (http, https, mailto, tel) and resolved resources (blob:, raster data:). The hooks have already decided URLs.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|blob):|data:image\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  // Keeps leading <style> and <head> styles in the body, where the innerHTML we return can carry them.
  FORCE_BODY: true,
  RETURN_TRUSTED_TYPE: false,
};

export interface SanitizeResult {
  /** The sanitized body content. */
  html: string;
  /** Remote references found, loaded or not. */
  remote: number;
  /** Remote references removed because remote content was not allowed. */
  blocked: number;
  /** The budget was spent: the content after it was left out (see {@link SanitizeOptions.clipAt}). */
  clipped: boolean;
}

export interface SanitizeOptions {
  /**
   * Keep only about this many characters of markup (text, tags and attributes, counted as the source spells them)
   * and leave out everything after: a clipped mail is sanitized and shown in a fraction of the time. Unset or 0:
   * everything is kept.
   */
  clipAt?: number;
}

/** The clip of the pass in progress: what is left of its budget, and whether it was spent. */
interface Clip {
  left: number;
  clipped: boolean;
}

let purifier: Purifier | undefined;
/** The pass in progress. Hooks are global to the instance; sanitize() is synchronous, so one pass at a time. */
let active: UrlPolicy | undefined;
let clip: Clip | undefined;

function currentPolicy(): UrlPolicy {
  if (!active) throw new Error('[mail-elements] a sanitizer hook ran outside sanitizeMailHtml');
  return active;
}

/** Our own DOMPurify instance, so the hooks never touch a host's DOMPurify. */
function getPurifier(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('beforeSanitizeElements', clipNode);
  purifier.addHook('uponSanitizeElement', onElement);
  purifier.addHook('uponSanitizeAttribute', onAttribute);
  purifier.addHook('afterSanitizeAttributes', afterAttributes);
  return purifier;
}

function isHtmlElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).namespaceURI === 'http://www.w3.org/1999/xhtml';
}

/** About what `node` (without its children) takes in the source: text, a comment, or a start and an end tag. */
function sourceLength(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.length;
  if (node.nodeType !== Node.ELEMENT_NODE) return (node as CharacterData).data.length + 7;
  const element = node as Element;
  let length = element.localName.length * 2 + 5;
  for (const attribute of element.attributes) length += attribute.name.length + attribute.value.length + 4;
  return length;
}

/** A cut at or before `at` that splits no word when a space is near, and never a surrogate pair. */
function cutText(data: string, at: number): string {
  const space = data.lastIndexOf(' ', at);
  let end = space > at - 80 ? space : at;
  const code = data.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return data.slice(0, end);
}

/** A table row this short (in characters of text) goes whole rather than cut: half a row reads as a broken table. */
const SMALL_ROW = 2000;
/** Text this short goes whole rather than cut: a cut label or number misleads; a cut paragraph does not. */
const SHORT_TEXT = 160;

/**
 * The clip, done as the tree is walked (in document order, before any other check of the node): nodes are kept
 * while the budget lasts; the node that spends it is left out, or cut when it is a long text (between words, marked
 * with an ellipsis), and when it falls inside a small table row the whole row goes with it; every node after it is
 * removed with its content before anything else reads it. Only removals and a shorter text: the tree stays one the
 * parser built, every element still closed, and what is kept goes through every other check as usual. Text of a
 * <style> is never cut (half a rule could change what the rest means); it is kept or removed whole.
 */
function clipNode(node: Node): void {
  const parent = node.parentNode;
  if (!clip || !parent || node === node.ownerDocument?.body) return;
  if (clip.clipped) {
    parent.removeChild(node);
    return;
  }
  const length = sourceLength(node);
  if (length <= clip.left) {
    clip.left -= length;
    return;
  }
  clip.clipped = true;
  const row = (parent as Element).closest?.('tr');
  if (row && row !== node && (row.textContent?.length ?? 0) <= SMALL_ROW) {
    // The row was already kept (it is an ancestor): removing it leaves the walk just before it, then after it.
    // The node itself is detached first, so that nothing of it is checked (or counted) any further.
    parent.removeChild(node);
    row.parentNode?.removeChild(row);
    return;
  }
  const long = node.nodeType === Node.TEXT_NODE && (node as Text).data.length > SHORT_TEXT;
  if (long && parent.nodeName !== 'STYLE' && clip.left > SHORT_TEXT / 2) {
    const text = node as Text;
    text.data = `${cutText(text.data, clip.left)}\u2026`;
    return;
  }
  parent.removeChild(node);
}

/** <style> blocks are rewritten from the CSSOM before DOMPurify's own checks on their text run. */
function onElement(node: Node): void {
  if (isHtmlElement(node) && node.localName === 'style') {
    node.textContent = cleanStyleSheet(node.textContent ?? '', currentPolicy());
  }
}

function setValue(event: UponSanitizeAttributeHookEvent, value: string | null): void {
  if (value === null || value === '') event.keepAttr = false;
  else event.attrValue = value;
}

function onAttribute(element: Element, event: UponSanitizeAttributeHookEvent): void {
  const policy = currentPolicy();
  const value = event.attrValue;
  switch (event.attrName) {
    case 'style':
      return setValue(event, cleanStyleAttribute(value, policy));
    case 'src':
    case 'background':
    case 'poster':
      return setValue(event, resolveResource(value, policy));
    case 'srcset':
      return setValue(event, resolveSrcset(value, policy));
    case 'href':
      return setValue(event, element.localName === 'a' || element.localName === 'area' ? resolveLink(value) : null);
    case 'cite':
      return setValue(event, resolveLink(value));
    default:
      if (event.attrName.startsWith('on')) event.keepAttr = false;
  }
}

/** Links open in a new browsing context without a way back to this one; fragments stay in the mail. */
function afterAttributes(node: Element): void {
  if (node.localName === 'a' || node.localName === 'area') {
    const href = node.getAttribute('href');
    if (href && !href.startsWith('#')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
  if (node.hasAttribute(BODY_ATTRIBUTE)) applyBodyAttributes(node as HTMLElement);
}

/** The presentational attributes of the mail's <body>, as styles of the element that stands for it. */
function applyBodyAttributes(element: HTMLElement): void {
  const color = element.getAttribute('bgcolor');
  if (color) element.style.backgroundColor = color;
  const text = element.getAttribute('text');
  if (text) element.style.color = text;
  const background = element.getAttribute('background');
  if (background) element.style.backgroundImage = `url(${JSON.stringify(background)})`;
  for (const name of ['bgcolor', 'text', 'background', 'link', 'vlink', 'alink']) element.removeAttribute(name);
}

/**
 * The mail's <body> start and end tags become a <div> marked as the body: DOMPurify returns the inside of the body,
 * so the mail's background colour and styles would be lost otherwise. A textual change before sanitizing can only
 * affect how the mail looks, never what is allowed.
 */
function keepBodyAttributes(html: string): string {
  return html
    .replace(/<body(?=[\s>/])/i, `<div ${BODY_ATTRIBUTE}`)
    .replace(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i, '</div>');
}

/**
 * How much of the source the parser reads when a clip is asked for: the budget and a quarter (the budget counts
 * nodes about as the source spells them, so the cut normally falls inside this prefix). The clip itself is made by
 * `clipNode` in the pass; this bound only spares parsing (and collecting) the megabytes after it. Parsing a prefix
 * builds the same tree as parsing the whole up to near its end, where the parser closes what is open; what is kept
 * of it still goes through every check of the pass, so the bound can change how the end of the first part looks,
 * never what is allowed.
 */
const PARSE_FACTOR = 1.25;

/**
 * Sanitizes mail HTML under `policy`, counting what it blocks in what it keeps. With `clipAt`, only the first part
 * of the mail is kept, decided in the same pass, on the parsed tree; nothing is cut from what the pass returns.
 */
export function sanitizeMailHtml(html: string, policy: UrlPolicy, options: SanitizeOptions = {}): SanitizeResult {
  const purify = getPurifier();
  const budget = options.clipAt && options.clipAt > 0 ? options.clipAt : 0;
  const source = budget && html.length > budget * PARSE_FACTOR ? html.slice(0, Math.ceil(budget * PARSE_FACTOR)) : html;
  active = policy;
  clip = budget ? { left: budget, clipped: false } : undefined;
  try {
    const clean = purify.sanitize(keepBodyAttributes(source), { ...CONFIG, RETURN_DOM: false }) as unknown as string;
    const clipped = (clip?.clipped ?? false) || source.length < html.length;
    return { html: clean, remote: policy.remote, blocked: policy.blocked, clipped };
  } finally {
    active = undefined;
    clip = undefined;
  }
}

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
}

let purifier: Purifier | undefined;
/** The pass in progress. Hooks are global to the instance; sanitize() is synchronous, so one pass at a time. */
let active: UrlPolicy | undefined;

function currentPolicy(): UrlPolicy {
  if (!active) throw new Error('[mail-elements] a sanitizer hook ran outside sanitizeMailHtml');
  return active;
}

/** Our own DOMPurify instance, so the hooks never touch a host's DOMPurify. */
function getPurifier(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeElement', onElement);
  purifier.addHook('uponSanitizeAttribute', onAttribute);
  purifier.addHook('afterSanitizeAttributes', afterAttributes);
  return purifier;
}

function isHtmlElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).namespaceURI === 'http://www.w3.org/1999/xhtml';
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

/** Sanitizes mail HTML under `policy`, counting what it blocks in it. */
export function sanitizeMailHtml(html: string, policy: UrlPolicy): SanitizeResult {
  const purify = getPurifier();
  active = policy;
  try {
    const clean = purify.sanitize(keepBodyAttributes(html), { ...CONFIG, RETURN_DOM: false }) as unknown as string;
    return { html: clean, remote: policy.remote, blocked: policy.blocked };
  } finally {
    active = undefined;
  }
}

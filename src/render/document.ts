/**
 * The whole document a mail is shown in: a Content-Security-Policy that allows no script, no frame, no font, no
 * connection and, until the reader allows remote content, no image but the message's own (data:, blob:), then base,
 * dark and print styles, then the sanitized body. The sanitized HTML is placed as the body's content, unchanged.
 */
import type { Message } from '../core/index.js';
import { CLIP_AT } from './frame-policy.js';
import { sanitizeMailHtml } from './sanitize.js';
import { DEFAULT_TEXT_STRINGS, clipText, textToHtml, type TextStrings } from './text.js';
import { createPolicy } from './urls.js';

export interface RenderOptions {
  /** Remote http(s) images may load. Default false. */
  allowRemote?: boolean;
  /** Content-ID (without angle brackets) to a blob: or data: URL of the message's own inline part. */
  cidUrls?: ReadonlyMap<string, string>;
  /** The host's colour scheme. Plain-text mail follows it; HTML mail stays on light paper. Default light. */
  theme?: 'light' | 'dark';
  /** Localized strings of the text renderer. */
  strings?: TextStrings;
  /** BCP 47 language of the reader, for the quoted-text summary and hyphenation. */
  lang?: string;
  /**
   * Show only about the first this-many characters of a large mail (its markup for HTML, its text for plain text),
   * like Gmail's clip at 102 KB: the rest is left out during sanitization, and `clipped` says so. Default
   * {@link CLIP_AT}; 0 shows everything.
   */
  clipAt?: number;
}

export interface RenderedMail {
  /** The document for the frame's `srcdoc`. */
  srcdoc: string;
  /** `html` when the mail had an HTML body, `text` otherwise. */
  kind: 'html' | 'text';
  /** Remote references found (loaded when allowed, blocked otherwise). */
  remote: number;
  /** Remote references blocked. Zero once remote content is allowed. */
  blocked: number;
  /** Only the first part of a large mail is in `srcdoc`; render again with `clipAt: 0` for all of it. */
  clipped: boolean;
}

/** The policy of the frame's document. `default-src 'none'` also covers fonts, media, frames and connections. */
export function contentSecurityPolicy(allowRemote: boolean): string {
  return [
    "default-src 'none'",
    `img-src data: blob:${allowRemote ? ' https: http:' : ''}`,
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * HTML mail is shown as the sender designed it, on light paper, in light and dark hosts alike: inverting or
 * recolouring designed mail breaks logos, photos and brand colours, and often its contrast. Plain text is ours to
 * colour, so it follows the host's theme. Print is black on white, with quotes unfolded.
 */
const BASE_STYLES = `
html { color-scheme: light; background: #ffffff; }
:where(body) { margin: 0; padding: 16px; color: #1b1f24; background: #ffffff; overflow-wrap: break-word;
  font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
:where(body:has(> [data-mail-body])) { padding: 0; }
:where([data-mail-body]) { padding: 16px; }
img { max-width: 100%; height: auto; }
table { max-width: 100%; }
pre { white-space: pre-wrap; }
a[href] { color: #1f5fd1; }
blockquote { margin: 0.5em 0; padding-left: 0.75em; border-left: 3px solid #c9ced6; color: #4a525e; }
.text-body { white-space: pre-wrap; font-family: inherit; unicode-bidi: plaintext; text-align: start; }
.text-body details.quote { margin: 0.25em 0; }
.text-body summary { cursor: pointer; color: #5b6470; font-size: 0.9em; }
.text-body blockquote { white-space: pre-wrap; }
html[data-theme='dark'] { color-scheme: dark; background: #16181d; }
html[data-theme='dark'] body { background: #16181d; color: #e6e8ec; }
html[data-theme='dark'] a[href] { color: #7aa7ff; }
html[data-theme='dark'] blockquote { border-color: #353a45; color: #a3abb8; }
html[data-theme='dark'] summary { color: #a3abb8; }
@media print {
  html, body, html[data-theme='dark'], html[data-theme='dark'] body { background: #ffffff; color: #000000; }
  body { padding: 0; }
  a { color: inherit; }
  details.quote > blockquote { display: block; }
  details.quote::details-content { content-visibility: visible; display: contents; }
}
`;

function documentOf(body: string, kind: 'html' | 'text', options: RenderOptions): string {
  const theme = kind === 'text' && options.theme === 'dark' ? 'dark' : 'light';
  const lang = options.lang && /^[a-z]{2,3}(?:-[a-z\d]{2,8})*$/i.test(options.lang) ? options.lang : 'en';
  return (
    '<!doctype html><html data-theme="' +
    theme +
    '" lang="' +
    lang +
    '"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.allowRemote ?? false)}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${BASE_STYLES}</style></head><body>` +
    body +
    '</body></html>'
  );
}

/** The frame document of a message: its HTML body when it has one, its text body otherwise. */
export function renderMessage(message: Pick<Message, 'html' | 'text'>, options: RenderOptions = {}): RenderedMail {
  return message.html !== undefined && message.html.trim() !== ''
    ? renderHtml(message.html, options)
    : renderText(message.text ?? '', options);
}

/** The frame document of an HTML body. */
export function renderHtml(html: string, options: RenderOptions = {}): RenderedMail {
  const policy = createPolicy(options.allowRemote ?? false, options.cidUrls);
  const result = sanitizeMailHtml(html, policy, { clipAt: options.clipAt ?? CLIP_AT });
  return {
    srcdoc: documentOf(result.html, 'html', options),
    kind: 'html',
    remote: result.remote,
    blocked: result.blocked,
    clipped: result.clipped,
  };
}

/**
 * The frame document of a plain-text body. A large text is first clipped at a line end, before it becomes HTML (it
 * is not markup yet), so the work stays bounded; its HTML then goes through the sanitizer like any mail, under the
 * same budget of markup as an HTML mail (links make text several times larger as HTML).
 */
export function renderText(text: string, options: RenderOptions = {}): RenderedMail {
  const policy = createPolicy(options.allowRemote ?? false, options.cidUrls);
  const clipAt = options.clipAt ?? CLIP_AT;
  const shown = clipText(text, clipAt);
  const result = sanitizeMailHtml(textToHtml(shown, options.strings ?? DEFAULT_TEXT_STRINGS), policy, { clipAt });
  return {
    srcdoc: documentOf(result.html, 'text', options),
    kind: 'text',
    remote: result.remote,
    blocked: result.blocked,
    clipped: shown.length < text.length || result.clipped,
  };
}

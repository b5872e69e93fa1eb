/**
 * Safe display of mail bodies: sanitize (DOMPurify, configured for mail), block remote content until allowed,
 * resolve cid: images from the message's own parts, and wrap the result in a document for a sandboxed srcdoc frame.
 * Uses the DOM; no Lit.
 */
export { CLIP_AT, FRAME_SANDBOX } from './frame-policy.js';
export {
  contentSecurityPolicy,
  renderHtml,
  renderMessage,
  renderText,
  type RenderOptions,
  type RenderedMail,
} from './document.js';
export { contentHeight, fitFrameHeight } from './frame.js';
export { sanitizeMailHtml, type SanitizeOptions, type SanitizeResult } from './sanitize.js';
export { DEFAULT_TEXT_STRINGS, clipText, escapeHtml, linkify, textToHtml, type TextStrings } from './text.js';
export {
  createPolicy,
  normaliseContentId,
  resolveLink,
  resolveResource,
  resolveSrcset,
  type UrlPolicy,
} from './urls.js';
export { cleanStyleAttribute, cleanStyleSheet } from './css.js';

import { svg, type SVGTemplateResult } from 'lit';
import type { Attachment } from '../../core/index.js';

/**
 * Small stroke icons (24×24 grid, currentColor), inlined so they need no font or network. Decorative: callers give
 * the accessible name. Each icon is its own export, so that a bundle carries only the icons its elements import:
 * `icon(closeIcon)`. An icon is a function (not a template made at load time), so that a bundler can drop the unused
 * ones.
 */

/** The inside of an icon's 24×24 drawing, for `icon()`. */
export type IconDefinition = () => SVGTemplateResult;

export const starIcon: IconDefinition = () =>
  svg`<path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" fill="currentColor" />`;
export const paperclipIcon: IconDefinition = () =>
  svg`<path d="M20.5 11.5l-8.2 8.2a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />`;
export const replyIcon: IconDefinition = () => svg`<path d="M9 7L4 12l5 5" /><path d="M4 12h10a6 6 0 0 1 6 6v1" />`;
export const forwardIcon: IconDefinition = () => svg`<path d="M15 7l5 5-5 5" /><path d="M20 12H10a6 6 0 0 0-6 6v1" />`;
export const linkIcon: IconDefinition = () =>
  svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" /><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />`;
export const chevronIcon: IconDefinition = () => svg`<path d="M9 6l6 6-6 6" />`;
export const sendIcon: IconDefinition = () => svg`<path d="M21 3L10 14" /><path d="M21 3l-7 18-4-7-7-4z" />`;
export const bulletsIcon: IconDefinition = () =>
  svg`<path d="M9 6h11M9 12h11M9 18h11" /><circle cx="4.5" cy="6" r="1" fill="currentColor" /><circle cx="4.5" cy="12" r="1" fill="currentColor" /><circle cx="4.5" cy="18" r="1" fill="currentColor" />`;
export const numbersIcon: IconDefinition = () =>
  svg`<path d="M10 6h10M10 12h10M10 18h10" /><path d="M4 5l1.5-1v5" /><path d="M3.5 14.5a1.5 1.5 0 0 1 3 .5L3.5 19h3" />`;
export const quoteIcon: IconDefinition = () => svg`<path d="M5 4v16" /><path d="M10 8h9M10 12h9M10 16h6" />`;
export const clearFormatIcon: IconDefinition = () =>
  svg`<path d="M6 5h12" /><path d="M12 5l-3 14" /><path d="M15 15l5 5M20 15l-5 5" />`;
export const textIcon: IconDefinition = () => svg`<path d="M5 6V4h14v2" /><path d="M12 4v16" /><path d="M9 20h6" />`;
export const retryIcon: IconDefinition = () =>
  svg`<path d="M4 12a8 8 0 0 1 14-5.3L20 9" /><path d="M20 4v5h-5" /><path d="M20 12a8 8 0 0 1-14 5.3L4 15" /><path d="M4 20v-5h5" />`;
export const mailIcon: IconDefinition = () =>
  svg`<rect x="3" y="5" width="18" height="14" rx="2" /><path d="M3.5 6.5l8.5 6.5 8.5-6.5" />`;
export const lockIcon: IconDefinition = () =>
  svg`<rect x="5" y="11" width="14" height="9" rx="2" /><path d="M8 11V8a4 4 0 0 1 8 0v3" />`;
export const warningIcon: IconDefinition = () =>
  svg`<path d="M12 4L2.5 20h19z" /><path d="M12 10v4.5" /><path d="M12 17.5v.01" />`;
export const errorIcon: IconDefinition = () => svg`<circle cx="12" cy="12" r="9" /><path d="M9 9l6 6M15 9l-6 6" />`;
export const checkIcon: IconDefinition = () => svg`<path d="M5 12.5l4.5 4.5L19 7.5" />`;
export const clockIcon: IconDefinition = () => svg`<circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" />`;
export const copyIcon: IconDefinition = () =>
  svg`<rect x="8" y="8" width="12" height="12" rx="2" /><path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />`;
export const uploadIcon: IconDefinition = () =>
  svg`<path d="M12 16V4" /><path d="M7 9l5-5 5 5" /><path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />`;
export const externalIcon: IconDefinition = () =>
  svg`<path d="M14 4h6v6" /><path d="M20 4l-9 9" /><path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />`;
export const closeIcon: IconDefinition = () => svg`<path d="M6 6l12 12M18 6L6 18" />`;
export const alertIcon: IconDefinition = () => svg`<path d="M12 4l9 16H3z" /><path d="M12 10v4M12 17.5v.01" />`;
export const receivedIcon: IconDefinition = () => svg`<path d="M19 5L5 19" /><path d="M15 19H5V9" />`;
export const sentIcon: IconDefinition = () => svg`<path d="M5 19L19 5" /><path d="M9 5h10v10" />`;
export const searchIcon: IconDefinition = () => svg`<circle cx="11" cy="11" r="6.5" /><path d="M20 20l-4.2-4.2" />`;
export const composeIcon: IconDefinition = () => svg`<path d="M4 20h4L19 9l-4-4L4 16z" /><path d="M13.5 6.5l4 4" />`;
export const unlinkIcon: IconDefinition = () =>
  svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" /><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" /><path d="M3 3l18 18" />`;
export const settingsIcon: IconDefinition = () =>
  svg`<circle cx="12" cy="12" r="3" /><path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1L7 17M17 7l2.1-2.1" />`;
export const mailOpenIcon: IconDefinition = () =>
  svg`<path d="M3 10l9-6 9 6v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" /><path d="M3.5 10.5l8.5 6 8.5-6" />`;
export const starOutlineIcon: IconDefinition = () =>
  svg`<path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />`;
export const archiveIcon: IconDefinition = () =>
  svg`<rect x="3" y="4" width="18" height="4" rx="1" /><path d="M5 8v10a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8" /><path d="M10 12h4" />`;
export const trashIcon: IconDefinition = () =>
  svg`<path d="M4 7h16" /><path d="M9 7V4.5h6V7" /><path d="M6 7l1 13h10l1-13" /><path d="M10 11v5M14 11v5" />`;
export const folderIcon: IconDefinition = () =>
  svg`<path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" />`;
export const folderPlusIcon: IconDefinition = () =>
  svg`<path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" /><path d="M12 10v6M9 13h6" />`;
export const refreshIcon: IconDefinition = () => svg`<path d="M20 11a8 8 0 1 0-2.3 5.7" /><path d="M20 4v7h-7" />`;
export const filterIcon: IconDefinition = () => svg`<path d="M4 5h16l-6 7.5V19l-4-2v-4.5z" />`;
export const backIcon: IconDefinition = () => svg`<path d="M15 6l-6 6 6 6" />`;
export const upIcon: IconDefinition = () => svg`<path d="M6 15l6-6 6 6" />`;
export const downIcon: IconDefinition = () => svg`<path d="M6 9l6 6 6-6" />`;
export const keyboardIcon: IconDefinition = () =>
  svg`<rect x="2.5" y="6" width="19" height="12" rx="2" /><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />`;
export const menuIcon: IconDefinition = () => svg`<path d="M4 7h16M4 12h16M4 17h16" />`;
export const threadsIcon: IconDefinition = () => svg`<path d="M4 6h12M4 11h16M8 16h12" />`;
export const replyAllIcon: IconDefinition = () =>
  svg`<path d="M8 7L3 12l5 5" /><path d="M13 7l-5 5 5 5" /><path d="M8 12h7a6 6 0 0 1 6 6v1" />`;
export const printIcon: IconDefinition = () =>
  svg`<path d="M7 9V3.5h10V9" /><rect x="3" y="9" width="18" height="8" rx="2" /><path d="M7 14h10v6.5H7z" />`;
export const sourceIcon: IconDefinition = () =>
  svg`<path d="M9 7.5L4.5 12 9 16.5" /><path d="M15 7.5l4.5 4.5-4.5 4.5" />`;

/** An icon at `size` pixels, hidden from assistive technology. */
export function icon(definition: IconDefinition, size = 16): SVGTemplateResult {
  return svg`<svg class="icon" width=${size} height=${size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${definition()}</svg>`;
}

/** The kind of a file, for its icon: a short label and a colour. */
export interface FileKind {
  label: string;
  color: string;
}

/** The kind of an attached file, from its type and then its name. */
export function fileKind(attachment: Pick<Attachment, 'contentType' | 'filename'>): FileKind {
  const type = attachment.contentType.toLowerCase();
  const name = attachment.filename.toLowerCase();
  const is = (types: RegExp, extensions: RegExp) => types.test(type) || extensions.test(name);
  if (is(/^image\//, /\.(png|jpe?g|gif|webp|heic|bmp|svg)$/)) return { label: 'IMG', color: '#7c3aed' };
  if (is(/pdf/, /\.pdf$/)) return { label: 'PDF', color: '#dc2626' };
  if (is(/spreadsheet|excel|csv/, /\.(xlsx?|ods|csv)$/)) return { label: 'XLS', color: '#15803d' };
  if (is(/word|opendocument\.text|rtf/, /\.(docx?|odt|rtf)$/)) return { label: 'DOC', color: '#1d4ed8' };
  if (is(/presentation|powerpoint/, /\.(pptx?|odp|key)$/)) return { label: 'PPT', color: '#c2410c' };
  if (is(/zip|compressed|x-tar|rar|7z|gzip/, /\.(zip|rar|7z|tar|gz|tgz)$/)) return { label: 'ZIP', color: '#a16207' };
  if (is(/^audio\//, /\.(mp3|wav|ogg|m4a)$/)) return { label: 'AUD', color: '#be185d' };
  if (is(/^video\//, /\.(mp4|mov|webm|avi)$/)) return { label: 'VID', color: '#be185d' };
  if (is(/^message\/rfc822$/, /\.eml$/)) return { label: 'EML', color: '#0f766e' };
  if (is(/^text\//, /\.(txt|md|log)$/)) return { label: 'TXT', color: '#475569' };
  return { label: 'FILE', color: '#475569' };
}

/** A page with a folded corner and the kind's label on a coloured band (28×35). Decorative, like `icon`. */
export function fileIcon(kind: FileKind): SVGTemplateResult {
  return svg`<svg class="file-icon" viewBox="0 0 32 40" width="28" height="35" aria-hidden="true" focusable="false">
    <path d="M4 1h17l10 10v26a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2z" fill="#ffffff" stroke="#94a3b8"></path>
    <path d="M21 1v8a2 2 0 0 0 2 2h8" fill="none" stroke="#94a3b8"></path>
    <rect x="0" y="22" width="30" height="12" rx="2" fill=${kind.color}></rect>
    <text x="15" y="31" text-anchor="middle" font-size="8.5" font-weight="700" font-family="system-ui, sans-serif" fill="#ffffff">${kind.label}</text>
  </svg>`;
}

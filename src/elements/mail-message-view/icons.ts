/** Icons of <mail-message-view>, drawn inline: they need no icon font and no emoji font on the reader's machine. */
import { svg, type SVGTemplateResult } from 'lit';
import type { Attachment } from '../../core/index.js';

const ACTION_PATHS: Record<string, string> = {
  reply: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z',
  'reply-all': 'M7 8V5l-7 7 7 7v-3l-4-4 4-4zm6 1V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z',
  forward: 'M14 9V5l7 7-7 7v-4.1c-5 0-8.5 1.6-11 5.1 1-5 4-10 11-11z',
  print:
    'M19 8H5c-1.66 0-3 1.34-3 3v6h4v4h12v-4h4v-6c0-1.66-1.34-3-3-3zm-3 11H8v-5h8v5zm3-7c-.55 0-1-.45-1-1s.45-1 1-1 1 .45 1 1-.45 1-1 1zm-1-9H6v4h12V3z',
  source: 'M9.4 16.6 4.8 12l4.6-4.6L8 6l-6 6 6 6 1.4-1.4zm5.2 0 4.6-4.6-4.6-4.6L16 6l6 6-6 6-1.4-1.4z',
  link: 'M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z',
};

export function actionIcon(name: string): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d=${ACTION_PATHS[name] ?? ''}></path></svg>`;
}

interface FileKind {
  label: string;
  color: string;
}

/** The kind of a file, from its type and then its name: a short label and a colour for its icon. */
export function fileKind(attachment: Attachment): FileKind {
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

export function fileIcon(kind: FileKind): SVGTemplateResult {
  return svg`<svg viewBox="0 0 32 40" width="28" height="35" aria-hidden="true" focusable="false">
    <path d="M4 1h17l10 10v26a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2z" fill="#ffffff" stroke="#94a3b8"></path>
    <path d="M21 1v8a2 2 0 0 0 2 2h8" fill="none" stroke="#94a3b8"></path>
    <rect x="0" y="22" width="30" height="12" rx="2" fill=${kind.color}></rect>
    <text x="15" y="31" text-anchor="middle" font-size="8.5" font-weight="700" font-family="system-ui, sans-serif" fill="#ffffff">${kind.label}</text>
  </svg>`;
}

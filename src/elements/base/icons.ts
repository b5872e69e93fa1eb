import { svg, type SVGTemplateResult } from 'lit';

/**
 * Small stroke icons (24×24 grid, currentColor), inlined so they need no font or network. Decorative: callers give
 * the accessible name.
 */
const paths = {
  star: svg`<path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" fill="currentColor" />`,
  paperclip: svg`<path d="M20.5 11.5l-8.2 8.2a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />`,
  reply: svg`<path d="M9 7L4 12l5 5" /><path d="M4 12h10a6 6 0 0 1 6 6v1" />`,
  forward: svg`<path d="M15 7l5 5-5 5" /><path d="M20 12H10a6 6 0 0 0-6 6v1" />`,
  link: svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" /><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />`,
  chevron: svg`<path d="M9 6l6 6-6 6" />`,
} as const;

export type IconName = keyof typeof paths;

export function icon(name: IconName, size = 16): SVGTemplateResult {
  return svg`<svg class="icon" width=${size} height=${size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}

import { css } from 'lit';

/**
 * Design tokens: `--mail-*` custom properties with light defaults, a dark set through `light-dark()`, and
 * `data-theme`/`theme` switches a host can force. Hosts restyle by setting the tokens on any ancestor: custom
 * properties inherit into every shadow root. The list, with defaults, is documented on `MailElement` (`@cssproperty`)
 * and in docs/theming.md.
 *
 * Colour scheme: by default the elements follow the user's `prefers-color-scheme` (`color-scheme: light dark`, so
 * `light-dark()` picks the matching value). A host forces one with `--mail-color-scheme: dark` (works in every
 * browser), with `data-theme="dark"` on an ancestor (Chromium, through `:host-context`), or with `theme="dark"` on
 * the element itself.
 *
 * Density: `--mail-density` scales every spacing, control height and row height at once (`0.75` compact, `1`
 * default, `1.25` roomy). The individual `--mail-space`, `--mail-control-height` and `--mail-row-height` win over it.
 */
export const hostStyles = css`
  :host {
    /* colours */
    --_bg: var(--mail-color-background, light-dark(#ffffff, #16181d));
    --_surface: var(--mail-color-surface, light-dark(#f5f6f8, #1e2128));
    --_surface-raised: var(--mail-color-surface-raised, light-dark(#ffffff, #262a33));
    --_text: var(--mail-color-text, light-dark(#1b1f24, #e6e8ec));
    --_text-muted: var(--mail-color-text-muted, light-dark(#5b6470, #a3abb8));
    --_border: var(--mail-color-border, light-dark(#d9dde3, #353a45));
    --_accent: var(--mail-color-accent, light-dark(#1f5fd1, #7aa7ff));
    --_accent-text: var(--mail-color-accent-text, light-dark(#ffffff, #0d1420));
    --_accent-soft: var(--mail-color-accent-soft, light-dark(#e6eefc, #1f2b44));
    --_danger: var(--mail-color-danger, light-dark(#b42318, #ff8a80));
    --_danger-text: var(--mail-color-danger-text, light-dark(#ffffff, #1b0d0d));
    --_danger-soft: var(--mail-color-danger-soft, light-dark(#fdecea, #3a1f1f));
    --_warning: var(--mail-color-warning, light-dark(#8a5300, #ffcc80));
    --_success: var(--mail-color-success, light-dark(#1a7f37, #7ee2a8));
    --_focus: var(--mail-color-focus, light-dark(#1f5fd1, #9bbcff));
    --_backdrop: var(--mail-color-backdrop, rgb(0 0 0 / 0.4));
    --_paper: var(--mail-color-paper, #ffffff);
    --_shadow: var(--mail-shadow, 0 8px 24px rgb(0 0 0 / 0.18));
    --_shadow-dialog: var(--mail-shadow-dialog, 0 20px 50px rgb(0 0 0 / 0.3));
    /* typography */
    --_font: var(--mail-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-mono: var(--mail-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_font-size: var(--mail-font-size, 0.875rem);
    --_font-size-small: var(--mail-font-size-small, 0.75rem);
    --_font-size-large: var(--mail-font-size-large, 1.05rem);
    --_font-weight-strong: var(--mail-font-weight-strong, 600);
    --_line-height: var(--mail-line-height, 1.45);
    /* shape */
    --_radius: var(--mail-radius, 6px);
    --_radius-large: var(--mail-radius-large, calc(var(--_radius) * 1.5));
    /* density and spacing */
    --_density: var(--mail-density, 1);
    --_space: var(--mail-space, calc(0.5rem * var(--_density)));
    --_control-height: var(--mail-control-height, calc(2.25rem * var(--_density)));
    --_item-height: var(--mail-item-height, calc(2rem * var(--_density)));
    --_row-height: var(--mail-row-height, calc(4.25rem * (0.4 + 0.6 * var(--_density))));
    color-scheme: var(--mail-color-scheme, light dark);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  :host-context([data-theme='dark']),
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host-context([data-theme='light']),
  :host([theme='light']) {
    color-scheme: light;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Buttons, error and empty regions, shared by the elements. */
export const controlStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_surface);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  [part~='empty'] {
    padding: calc(var(--_space) * 4) calc(var(--_space) * 2);
    text-align: center;
    color: var(--_text-muted);
  }
`;

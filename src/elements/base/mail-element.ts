import { LitElement, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import type { MailBackend } from '../../core/index.js';
import { MailError } from '../../core/mail-error.js';
import { LocalizeController } from '../../i18n/localize.js';
import { hostStyles } from '../../styles/tokens.js';
import { backendContext } from './context.js';

/** Detail of `mail-error`: what failed and the error itself. */
export interface MailErrorEventDetail {
  error: MailError;
  /** The operation or step that failed, such as `listMessages`. */
  operation: string;
}

/**
 * What every mail element shares: the backend (from the nearest `<mail-backend-provider>` or its own `backend`
 * property), localization, typed events, and registration that tolerates a second copy of the library.
 *
 * The design tokens below are honoured by every element; set them on any ancestor (or `:root`). Colours default to a
 * light and a dark value (`light-dark()`), chosen by the colour scheme. See docs/theming.md.
 *
 * @cssproperty --mail-color-scheme - `light dark` (default: follow `prefers-color-scheme`), `light` or `dark`.
 * @cssproperty --mail-color-background - Page background of an element. Default `#ffffff` / `#16181d`.
 * @cssproperty --mail-color-surface - Toolbars, headers, quiet areas. Default `#f5f6f8` / `#1e2128`.
 * @cssproperty --mail-color-surface-raised - Inputs, buttons, popups. Default `#ffffff` / `#262a33`.
 * @cssproperty --mail-color-text - Text. Default `#1b1f24` / `#e6e8ec`.
 * @cssproperty --mail-color-text-muted - Secondary text (snippets, hints, dates). Default `#5b6470` / `#a3abb8`.
 * @cssproperty --mail-color-border - Borders and separators. Default `#d9dde3` / `#353a45`.
 * @cssproperty --mail-color-accent - Primary buttons, selection, links. Default `#1f5fd1` / `#7aa7ff`.
 * @cssproperty --mail-color-accent-text - Text on the accent colour. Default `#ffffff` / `#0d1420`.
 * @cssproperty --mail-color-accent-soft - Selected rows, chips, info bars. Default `#e6eefc` / `#1f2b44`.
 * @cssproperty --mail-color-danger - Errors, destructive actions, the unread badge. Default `#b42318` / `#ff8a80`.
 * @cssproperty --mail-color-danger-text - Text on the danger colour (the badge). Default `#ffffff` / `#1b0d0d`.
 * @cssproperty --mail-color-danger-soft - Error regions. Default `#fdecea` / `#3a1f1f`.
 * @cssproperty --mail-color-warning - Warnings. Default `#8a5300` / `#ffcc80`.
 * @cssproperty --mail-color-success - Success marks (connection ok, authorized). Default `#1a7f37` / `#7ee2a8`.
 * @cssproperty --mail-color-focus - The focus ring. Default `#1f5fd1` / `#9bbcff`.
 * @cssproperty --mail-color-backdrop - Behind modal dialogs. Default `rgb(0 0 0 / 0.4)`.
 * @cssproperty --mail-color-paper - Behind an HTML mail body, designed by its sender for light paper. Default `#ffffff`.
 * @cssproperty --mail-shadow - Popups (suggestions, menus). Default `0 8px 24px rgb(0 0 0 / 0.18)`.
 * @cssproperty --mail-shadow-dialog - Dialogs. Default `0 20px 50px rgb(0 0 0 / 0.3)`.
 * @cssproperty --mail-font-family - Text font. Default `system-ui` and platform fallbacks.
 * @cssproperty --mail-font-family-mono - Code, source and addresses to copy. Default `ui-monospace` and fallbacks.
 * @cssproperty --mail-font-size - Base text size. Default `0.875rem`.
 * @cssproperty --mail-font-size-small - Hints, dates, badges. Default `0.75rem`.
 * @cssproperty --mail-font-size-large - Headings of forms and dialogs. Default `1.05rem`.
 * @cssproperty --mail-font-weight-strong - Labels, headings, unread rows. Default `600`.
 * @cssproperty --mail-line-height - Running text. Default `1.45`.
 * @cssproperty --mail-radius - Corner radius of controls and panels. Default `6px`.
 * @cssproperty --mail-radius-large - Corner radius of dialogs. Default `1.5 × --mail-radius`.
 * @cssproperty --mail-density - Scales spacing, control and row heights: `0.75` compact, `1` default, `1.25` roomy.
 * @cssproperty --mail-space - The spacing unit. Default `0.5rem × density`.
 * @cssproperty --mail-control-height - Height of inputs and form buttons. Default `2.25rem × density`.
 * @cssproperty --mail-item-height - Height of one-line items (folders, suggestions, records). Default `2rem × density`.
 * @cssproperty --mail-row-height - Height of a message row. Default `4.25rem`, scaled by density.
 */
export class MailElement extends LitElement {
  static override styles = [hostStyles];

  /**
   * A backend for this element alone. When unset, the element uses the nearest `<mail-backend-provider>`'s.
   */
  @property({ attribute: false })
  backend: MailBackend | undefined = undefined;

  @consume({ context: backendContext, subscribe: true })
  @state()
  private providedBackend: MailBackend | undefined = undefined;

  /** The backend in use: the element's own `backend`, else the nearest provider's. */
  get activeBackend(): MailBackend | undefined {
    return this.backend ?? this.providedBackend;
  }

  protected readonly localize = new LocalizeController(this);

  /**
   * Registers the element under `tag`, doing nothing when the tag is already taken (two bundles on one page must not
   * throw).
   */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /**
   * Dispatches a bubbling, composed event, typed by `GlobalEventHandlersEventMap`.
   * @internal
   */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(
    type: K,
    detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return dispatchMailEvent(this, type, detail, options.cancelable ?? false);
  }

  /** Reports an error to the host as `mail-error` and returns it as a `MailError` for display. */
  protected reportError(error: unknown, operation: string): MailError {
    const mailError = MailError.from(error);
    if (mailError.code !== 'aborted') this.emit('mail-error', { error: mailError, operation });
    return mailError;
  }

  /** Waits for the strings of the language in effect (loaded on first use), so nothing renders in the wrong one. */
  protected override async scheduleUpdate(): Promise<void> {
    const strings = this.localize.ready();
    if (strings) await strings;
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.dir === '' && this.localize.dir === 'rtl') this.setAttribute('dir', 'rtl');
  }
}

/** Outside the class so the manifest analyzer does not list a phantom event for every element. */
function dispatchMailEvent(target: EventTarget, type: string, detail: unknown, cancelable: boolean): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-error': CustomEvent<MailErrorEventDetail>;
  }
}

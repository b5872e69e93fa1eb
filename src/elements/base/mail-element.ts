import { LitElement, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { MailError, type MailBackend } from '../../core/index.js';
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

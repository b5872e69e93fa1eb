import { LitElement, css, html, type PropertyValues } from 'lit';
import { provide } from '@lit/context';
import { property } from 'lit/decorators.js';
import { HttpMailBackend } from '../../client/index.js';
import type { MailBackend } from '../../core/index.js';
import { backendContext } from '../base/context.js';

/**
 * @tagname mail-backend-provider
 * @summary Gives every mail element inside it a backend: its own `backend` property, or an HTTP backend built from
 * `base-url`, so plain HTML with no script of its own works.
 *
 * @slot - The mail elements (and anything else) that use this backend.
 *
 * @example
 * <mail-backend-provider base-url="/api/mail">
 *   <mail-inbox></mail-inbox>
 * </mail-backend-provider>
 */
export class MailBackendProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The base URL of the mail REST API (the route table), used when no `backend` is set. */
  @property({ attribute: 'base-url' })
  baseUrl = '';

  /** `fetch` credentials mode for the HTTP backend: `same-origin` (default), `include` or `omit`. */
  @property()
  credentials: RequestCredentials = 'same-origin';

  /** A backend object of the host's own; wins over `base-url`. */
  @property({ attribute: false })
  backend: MailBackend | undefined = undefined;

  @provide({ context: backendContext })
  protected provided: MailBackend | undefined = undefined;

  static define(tag = 'mail-backend-provider'): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('backend') || changed.has('baseUrl') || changed.has('credentials')) {
      this.provided =
        this.backend ??
        (this.baseUrl ? new HttpMailBackend({ baseUrl: this.baseUrl, credentials: this.credentials }) : undefined);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

/** Registers `<mail-account-endpoint>` (once, even with two copies of the library) and exports its class. */
import { MailAccountEndpoint } from '../elements/mail-account-endpoint/mail-account-endpoint.js';

MailAccountEndpoint.define('mail-account-endpoint');

export { MailAccountEndpoint };

declare global {
  interface HTMLElementTagNameMap {
    'mail-account-endpoint': MailAccountEndpoint;
  }
}

/** Registers `<mail-backend-provider>` (once, even with two copies of the library) and exports its class. */
import { MailBackendProvider } from '../elements/mail-backend-provider/mail-backend-provider.js';

MailBackendProvider.define('mail-backend-provider');

export { MailBackendProvider };

declare global {
  interface HTMLElementTagNameMap {
    'mail-backend-provider': MailBackendProvider;
  }
}

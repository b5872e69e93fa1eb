/** Registers `<mail-oauth-callback>` (once, even with two copies of the library) and exports its class. */
import { MailOAuthCallback } from '../elements/mail-oauth-callback/mail-oauth-callback.js';

MailOAuthCallback.define('mail-oauth-callback');

export { MailOAuthCallback };

declare global {
  interface HTMLElementTagNameMap {
    'mail-oauth-callback': MailOAuthCallback;
  }
}

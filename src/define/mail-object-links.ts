/** Registers `<mail-object-links>` (once, even with two copies of the library) and exports its class. */
import { MailObjectLinks } from '../elements/mail-object-links/mail-object-links.js';

MailObjectLinks.define('mail-object-links');

export { MailObjectLinks };

declare global {
  interface HTMLElementTagNameMap {
    'mail-object-links': MailObjectLinks;
  }
}

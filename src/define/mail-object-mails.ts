/** Registers `<mail-object-mails>` (once, even with two copies of the library) and exports its class. */
import { MailObjectMails } from '../elements/mail-object-mails/mail-object-mails.js';

MailObjectMails.define('mail-object-mails');

export { MailObjectMails };

declare global {
  interface HTMLElementTagNameMap {
    'mail-object-mails': MailObjectMails;
  }
}

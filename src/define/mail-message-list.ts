/** Registers `<mail-message-list>` (once, even with two copies of the library) and exports its class. */
import { MailMessageList } from '../elements/mail-message-list/mail-message-list.js';

MailMessageList.define('mail-message-list');

export { MailMessageList };

declare global {
  interface HTMLElementTagNameMap {
    'mail-message-list': MailMessageList;
  }
}

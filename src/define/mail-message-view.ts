/** Registers `<mail-message-view>` (once, even with two copies of the library) and exports its class. */
import { MailMessageView } from '../elements/mail-message-view/mail-message-view.js';

MailMessageView.define('mail-message-view');

export { MailMessageView };

declare global {
  interface HTMLElementTagNameMap {
    'mail-message-view': MailMessageView;
  }
}

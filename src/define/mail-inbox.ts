/** Registers `<mail-inbox>` and the elements it is made of (once each, even with two copies of the library). */
import './mail-folder-tree.js';
import './mail-message-list.js';
import './mail-message-view.js';
import './mail-composer.js';
import './mail-record-picker.js';
import { MailInbox } from '../elements/mail-inbox/mail-inbox.js';

MailInbox.define('mail-inbox');

export { MailInbox };

declare global {
  interface HTMLElementTagNameMap {
    'mail-inbox': MailInbox;
  }
}

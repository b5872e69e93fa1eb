/**
 * Registers `<mail-inbox>` and the elements it is made of (once each, even with two copies of the library). The
 * composer and the record picker, opened only on user action, load as separate chunks the first time they are needed;
 * a page that imports `mail-elements/mail-composer.js` itself has the composer at once.
 */
import './mail-folder-tree.js';
import './mail-message-list.js';
import './mail-message-view.js';
import { MailInbox } from '../elements/mail-inbox/mail-inbox.js';

MailInbox.onDemand = {
  'mail-composer': () => import('./mail-composer.js'),
  'mail-record-picker': () => import('./mail-record-picker.js'),
};
MailInbox.define('mail-inbox');

export { MailInbox };

declare global {
  interface HTMLElementTagNameMap {
    'mail-inbox': MailInbox;
  }
}

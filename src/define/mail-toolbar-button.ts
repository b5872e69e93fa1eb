/** Registers `<mail-toolbar-button>` (once, even with two copies of the library) and exports its class. */
import { MailToolbarButton } from '../elements/mail-toolbar-button/mail-toolbar-button.js';

MailToolbarButton.define('mail-toolbar-button');

export { MailToolbarButton };

declare global {
  interface HTMLElementTagNameMap {
    'mail-toolbar-button': MailToolbarButton;
  }
}

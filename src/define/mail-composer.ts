/** Registers `<mail-composer>` and the `<mail-address-input>` it uses (once, even with two copies of the library). */
import './mail-address-input.js';
import { MailComposer } from '../elements/mail-composer/mail-composer.js';

MailComposer.define('mail-composer');

export { MailComposer };

declare global {
  interface HTMLElementTagNameMap {
    'mail-composer': MailComposer;
  }
}

/** Registers `<mail-address-input>` (once, even with two copies of the library) and exports its class. */
import { MailAddressInput } from '../elements/mail-address-input/mail-address-input.js';

MailAddressInput.define('mail-address-input');

export { MailAddressInput };

declare global {
  interface HTMLElementTagNameMap {
    'mail-address-input': MailAddressInput;
  }
}

/** Registers `<mail-settings>` (once, even with two copies of the library) and exports its class. */
import { MailSettings } from '../elements/mail-settings/mail-settings.js';

MailSettings.define('mail-settings');

export { MailSettings };

declare global {
  interface HTMLElementTagNameMap {
    'mail-settings': MailSettings;
  }
}

/** Registers `<mail-app-settings>` (once, even with two copies of the library) and exports its class. */
import { MailAppSettings } from '../elements/mail-app-settings/mail-app-settings.js';

MailAppSettings.define('mail-app-settings');

export { MailAppSettings };

declare global {
  interface HTMLElementTagNameMap {
    'mail-app-settings': MailAppSettings;
  }
}

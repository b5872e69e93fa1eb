/**
 * `mail-elements`: every element, registered. Import one element alone from `mail-elements/<tag>.js`.
 */
import './define/mail-backend-provider.js';
import './define/mail-folder-tree.js';
import './define/mail-message-list.js';
import './define/mail-message-view.js';
import './define/mail-object-links.js';
import './define/mail-object-mails.js';
import './define/mail-record-picker.js';
import './define/mail-composer.js';
import './define/mail-settings.js';
import './define/mail-account-endpoint.js';
import './define/mail-app-settings.js';
import './define/mail-oauth-callback.js';
import './define/mail-toolbar-button.js';
import './define/mail-inbox.js';

export * from './elements/index.js';
export { LocalizeController, registerTranslations, type Translations } from './i18n/localize.js';
export { MailError, type MailBackend } from './core/index.js';

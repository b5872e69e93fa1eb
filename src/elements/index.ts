/** The element classes, without registering any tag. */
export { MailElement, type MailErrorEventDetail } from './base/mail-element.js';
export { backendContext } from './base/context.js';
export { MailBackendProvider } from './mail-backend-provider/mail-backend-provider.js';
export { MailFolderTree, buildFolderTree, type FolderSelectDetail } from './mail-folder-tree/mail-folder-tree.js';
export { MailMessageList, type MessageEventDetail } from './mail-message-list/mail-message-list.js';
export {
  MailMessageView,
  type MessageViewEventDetail,
  type RemoteContentEventDetail,
  type ReplyEventDetail,
} from './mail-message-view/mail-message-view.js';
export {
  MailObjectLinks,
  emptyLinkConfig,
  type LinksDeletedDetail,
  type LinksSavedDetail,
} from './mail-object-links/mail-object-links.js';
export {
  MailObjectMails,
  type ComposeEventDetail,
  type ConfigureLinksDetail,
  type RecordLinkEventDetail,
} from './mail-object-mails/mail-object-mails.js';
export { MailRecordPicker, type RecordSelectDetail } from './mail-record-picker/mail-record-picker.js';
export { MailAddressInput, type AddressEntry } from './mail-address-input/mail-address-input.js';
export {
  MailComposer,
  type ComposeModeName,
  type ComposerSendDetail,
  type ComposerSentDetail,
  type DraftSavedDetail,
  type ComposerCloseDetail,
  type AuthorizeRequestDetail,
} from './mail-composer/mail-composer.js';
export { MailSettings, CONVENTIONAL_PORTS, PRESETS, type SettingsSavedDetail } from './mail-settings/mail-settings.js';
export {
  MailAccountEndpoint,
  type AuthorizationChangeDetail,
  type EndpointSavedDetail,
} from './mail-account-endpoint/mail-account-endpoint.js';
export {
  PORTAL_SCOPES,
  oauthErrorMeaning,
  parseGoogleClientFile,
  type GoogleClientFile,
  type OAuthErrorMeaning,
} from './mail-account-endpoint/oauth-help.js';
export { MailAppSettings, redirectUrlFor, type AppSettingsSavedDetail } from './mail-app-settings/mail-app-settings.js';
export {
  MailOAuthCallback,
  OAUTH_MESSAGE_TYPE,
  readCallbackUrl,
  type OAuthCompleteDetail,
  type OAuthCompleteMessage,
} from './mail-oauth-callback/mail-oauth-callback.js';
export {
  MailToolbarButton,
  type ModuleChangeDetail,
  type OpenInboxDetail,
  type ToolbarButtonState,
} from './mail-toolbar-button/mail-toolbar-button.js';
export {
  MailInbox,
  type ComposeMode,
  type ComposerOpenDetail,
  type FolderChangeDetail,
  type InboxLayout,
  type NewMailDetail,
} from './mail-inbox/mail-inbox.js';
export { formatSearch, parseSearch, type SearchFilter } from './mail-inbox/search-syntax.js';

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

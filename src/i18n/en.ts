import { messageView } from './en/message-view.js';
import { links } from './en/links.js';
import { composer } from './en/composer.js';
import { settings } from './en/settings.js';
import { inbox } from './en/inbox.js';

/** English strings. The source of truth for the keys: every other language is typed against this table. */
export const en = {
  ...inbox,
  ...settings,
  ...composer,
  ...links,
  ...messageView,
  'error.network': 'Cannot reach the mail server. Check your connection.',
  'error.timeout': 'The mail server took too long to answer.',
  'error.aborted': 'The request was cancelled.',
  'error.unauthorized': 'The mail account needs to be authorized again.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.not-found': 'It no longer exists.',
  'error.conflict': 'It was changed elsewhere. Reload and try again.',
  'error.validation': 'Some information is not valid.',
  'error.rate-limited': 'Too many requests. Try again in a moment.',
  'error.unsupported': 'This mail account does not support it.',
  'error.server': 'The mail server had a problem.',
  'error.no-backend': 'No mail backend: wrap the element in <mail-backend-provider> or set its backend property.',
  'action.retry': 'Retry',
  'action.load-more': 'Load more',
  'state.loading': 'Loading…',
  'folders.label': 'Folders',
  'folders.empty': 'No folders.',
  'folders.unread': (count: number) => (count === 1 ? '1 unread' : `${count} unread`),
  'role.inbox': 'Inbox',
  'role.drafts': 'Drafts',
  'role.sent': 'Sent',
  'role.archive': 'Archive',
  'role.junk': 'Junk',
  'role.trash': 'Trash',
  'role.all': 'All mail',
  'role.flagged': 'Flagged',
  'messages.label': 'Messages',
  'messages.empty': 'No messages here.',
  'messages.no-subject': '(no subject)',
  'messages.unknown-sender': '(unknown sender)',
  'messages.to': (names: string) => `To: ${names}`,
  'messages.count': (count: number) => (count === 1 ? '1 message' : `${count} messages`),
  'mark.unread': 'Unread',
  'mark.flagged': 'Flagged',
  'mark.attachment': 'Has attachments',
  'mark.answered': 'Answered',
  'mark.forwarded': 'Forwarded',
  'mark.linked': 'Linked to a record',
};

export type Translations = typeof en;
export type TranslationKey = keyof Translations;

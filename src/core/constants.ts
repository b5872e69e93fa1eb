/**
 * Plain values of the contract that need no schema, kept apart so that an element importing one does not bring zod
 * into its bundle.
 */

/** Items in a page when a request does not say. */
export const PAGE_SIZE_DEFAULT = 50;
/** The most items a page may hold. */
export const PAGE_SIZE_MAX = 200;

/** The special uses a folder can have (RFC 6154), plus the inbox. */
export const FOLDER_ROLES = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash', 'all', 'flagged'] as const;

/** The path of the OAuth redirect page when the application settings name none. */
export const DEFAULT_REDIRECT_PATH = '/Webhooks/MailToken.aspx';

/** Public mail providers: matching by domain ignores them, or every Gmail user would share one record. */
export const PUBLIC_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  'hotmail.es',
  'yahoo.es',
  'outlook.es',
  'telefonica.net',
] as const;

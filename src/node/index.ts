/**
 * `mail-elements/node`: the reference server. `createMailServer` serves the mail API for real IMAP, POP3 and SMTP
 * accounts; `ImapMailBackend` is the `MailBackend` behind it; `SettingsStore` and `OAuthBroker` keep settings and
 * tokens. Node only.
 */
export { createMailServer, CSRF_HEADER, toFetchRequest, sendFetchResponse } from './server.js';
export type { MailServer, MailServerOptions, MailUser } from './server.js';
export { ImapMailBackend } from './imap-backend.js';
export type { ImapMailBackendOptions, RecordSource } from './imap-backend.js';
export { OAuthBroker, MICROSOFT, GOOGLE, SCOPES } from './oauth.js';
export type { OAuthBrokerOptions, ProviderUrls } from './oauth.js';
export { SettingsStore } from './store.js';
export type { ConnectionOptions, TlsOptions } from './connection.js';
export { safeFileName, resolveLinkFolder, writeNewFile } from './links.js';

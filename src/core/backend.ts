import type { MailError } from './mail-error.js';
import type { MailboxChange } from './mailbox.js';
import type { Operation, OperationInput as In, OperationOutput as Out } from './routes.js';

export interface CallOptions {
  /** Cancels the operation; it then rejects with a `MailError` of code `aborted`. */
  signal?: AbortSignal;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions extends CallOptions {
  onProgress?: (progress: UploadProgress) => void;
}

export interface SubscribeOptions extends CallOptions {
  /** Called when the subscription fails; it keeps retrying unless the error is `unauthorized` or `forbidden`. */
  onError?: (error: MailError) => void;
}

export type Unsubscribe = () => void;
export type MailboxListener = (change: MailboxChange) => void;

/**
 * The one adapter between the elements and a mail backend. Every method accepts `{ signal }`, returns a promise and
 * rejects only with `MailError`. Implementations: `MemoryMailBackend` (mock), `HttpMailBackend` (over HTTP), and the
 * Node server's IMAP backend. A host with its own backend implements this interface in the browser, or the route
 * table (`routes`) on its server.
 */
export interface MailBackend {
  /** What this backend supports; elements hide what it does not. */
  getCapabilities(input?: In<'getCapabilities'>, options?: CallOptions): Promise<Out<'getCapabilities'>>;

  // --- mailbox
  /** All folders, flat, parents before children, with roles and counts. */
  listFolders(input?: In<'listFolders'>, options?: CallOptions): Promise<Out<'listFolders'>>;
  /** A page of a folder's messages, newest first by default. Pass `nextCursor` back as `cursor` for the next page. */
  listMessages(input: In<'listMessages'>, options?: CallOptions): Promise<Out<'listMessages'>>;
  /** One whole message: headers, bodies, attachments and inline parts. */
  getMessage(input: In<'getMessage'>, options?: CallOptions): Promise<Out<'getMessage'>>;
  /** The bytes of an attachment or inline part. */
  getAttachment(input: In<'getAttachment'>, options?: CallOptions): Promise<Blob>;
  /** The message as RFC 5322 text (`.eml`). */
  getRawMessage(input: In<'getRawMessage'>, options?: CallOptions): Promise<Blob>;

  // --- actions
  setFlags(input: In<'setFlags'>, options?: CallOptions): Promise<Out<'setFlags'>>;
  /** Moves messages; ids usually change, and the result maps old to new. */
  moveMessages(input: In<'moveMessages'>, options?: CallOptions): Promise<Out<'moveMessages'>>;
  /** Moves messages to Trash, or deletes them for good when already there or when `permanent`. */
  deleteMessages(input: In<'deleteMessages'>, options?: CallOptions): Promise<Out<'deleteMessages'>>;
  createFolder(input: In<'createFolder'>, options?: CallOptions): Promise<Out<'createFolder'>>;
  renameFolder(input: In<'renameFolder'>, options?: CallOptions): Promise<Out<'renameFolder'>>;
  /** Deletes a custom folder and its messages; role folders cannot be deleted (`forbidden`). */
  deleteFolder(input: In<'deleteFolder'>, options?: CallOptions): Promise<void>;

  // --- compose
  /** The addresses the user may send from. */
  listIdentities(input?: In<'listIdentities'>, options?: CallOptions): Promise<Out<'listIdentities'>>;
  /** Address suggestions from recent correspondents and business records. */
  suggestAddresses(input: In<'suggestAddresses'>, options?: CallOptions): Promise<Out<'suggestAddresses'>>;
  /** Creates a draft, or replaces the one with the draft's `id`; returns the (possibly new) id. */
  saveDraft(input: In<'saveDraft'>, options?: CallOptions): Promise<Out<'saveDraft'>>;
  getDraft(input: In<'getDraft'>, options?: CallOptions): Promise<Out<'getDraft'>>;
  deleteDraft(input: In<'deleteDraft'>, options?: CallOptions): Promise<void>;
  /** A new draft answering or forwarding a message, with subject, recipients, quote and references filled in. */
  prefillDraft(input: In<'prefillDraft'>, options?: CallOptions): Promise<Out<'prefillDraft'>>;
  /** Stores a file for a draft; refer to it by the returned id. */
  uploadAttachment(input: In<'uploadAttachment'>, options?: UploadOptions): Promise<Out<'uploadAttachment'>>;
  /** Sends a draft; a saved draft with that id is removed and a copy kept in Sent. */
  sendMessage(input: In<'sendMessage'>, options?: CallOptions): Promise<Out<'sendMessage'>>;

  // --- live
  /** Calls `listener` for every change until the returned function is called or `signal` aborts. */
  subscribe(listener: MailboxListener, options?: SubscribeOptions): Promise<Unsubscribe>;

  // --- account
  /** The mail server account, never with its password (only `passwordSet`). */
  getAccount(input?: In<'getAccount'>, options?: CallOptions): Promise<Out<'getAccount'>>;
  saveAccount(input: In<'saveAccount'>, options?: CallOptions): Promise<Out<'saveAccount'>>;
  /** Connects to the incoming or outgoing server and explains a failure in actionable words. */
  testConnection(input: In<'testConnection'>, options?: CallOptions): Promise<Out<'testConnection'>>;

  // --- oauth
  listEndpoints(input?: In<'listEndpoints'>, options?: CallOptions): Promise<Out<'listEndpoints'>>;
  /** Creates (no id) or updates an OAuth app registration; never returns the secret. */
  saveEndpoint(input: In<'saveEndpoint'>, options?: CallOptions): Promise<Out<'saveEndpoint'>>;
  deleteEndpoint(input: In<'deleteEndpoint'>, options?: CallOptions): Promise<void>;
  getAppSettings(input?: In<'getAppSettings'>, options?: CallOptions): Promise<Out<'getAppSettings'>>;
  saveAppSettings(input: In<'saveAppSettings'>, options?: CallOptions): Promise<Out<'saveAppSettings'>>;
  /** Starts the OAuth flow: the URL of the provider's consent page to open. */
  beginAuthorization(input: In<'beginAuthorization'>, options?: CallOptions): Promise<Out<'beginAuthorization'>>;
  /** Finishes the flow with what the provider sent to the redirect URL. */
  completeAuthorization(
    input: In<'completeAuthorization'>,
    options?: CallOptions,
  ): Promise<Out<'completeAuthorization'>>;
  getAuthorizationStatus(
    input: In<'getAuthorizationStatus'>,
    options?: CallOptions,
  ): Promise<Out<'getAuthorizationStatus'>>;
  revokeAuthorization(input: In<'revokeAuthorization'>, options?: CallOptions): Promise<Out<'revokeAuthorization'>>;

  // --- privacy
  /** The senders (addresses or `@domains`) whose mail shows remote content without asking. */
  getRemoteContentPolicy(
    input?: In<'getRemoteContentPolicy'>,
    options?: CallOptions,
  ): Promise<Out<'getRemoteContentPolicy'>>;
  /** Always show remote content from this sender ("always allow"); revocable. */
  allowRemoteContent(input: In<'allowRemoteContent'>, options?: CallOptions): Promise<Out<'allowRemoteContent'>>;
  revokeRemoteContent(input: In<'revokeRemoteContent'>, options?: CallOptions): Promise<Out<'revokeRemoteContent'>>;

  // --- module
  getModuleStatus(input?: In<'getModuleStatus'>, options?: CallOptions): Promise<Out<'getModuleStatus'>>;
  /** Administrators only (`forbidden` otherwise). */
  setModuleEnabled(input: In<'setModuleEnabled'>, options?: CallOptions): Promise<Out<'setModuleEnabled'>>;

  // --- links
  listLinkConfigs(input?: In<'listLinkConfigs'>, options?: CallOptions): Promise<Out<'listLinkConfigs'>>;
  saveLinkConfig(input: In<'saveLinkConfig'>, options?: CallOptions): Promise<Out<'saveLinkConfig'>>;
  deleteLinkConfig(input: In<'deleteLinkConfig'>, options?: CallOptions): Promise<void>;
  /** How many records and mails a configuration would match, before saving it. */
  previewLinkConfig(input: In<'previewLinkConfig'>, options?: CallOptions): Promise<Out<'previewLinkConfig'>>;
  /** Business records for a record picker. */
  searchRecords(input: In<'searchRecords'>, options?: CallOptions): Promise<Out<'searchRecords'>>;
  /** The mails exchanged with one record's address (or domain), newest first. */
  listRecordMails(input: In<'listRecordMails'>, options?: CallOptions): Promise<Out<'listRecordMails'>>;
  /** Links messages to a record, saving each as an .eml file in the configuration's folder. */
  linkMessages(input: In<'linkMessages'>, options?: CallOptions): Promise<Out<'linkMessages'>>;
  unlinkMessage(input: In<'unlinkMessage'>, options?: CallOptions): Promise<void>;
  /** The records a message is linked to. */
  listMessageLinks(input: In<'listMessageLinks'>, options?: CallOptions): Promise<Out<'listMessageLinks'>>;
}

/** Compile-time check: the interface and the route table name the same operations. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const interfaceMatchesRoutes: Same<keyof MailBackend, Operation> = true;

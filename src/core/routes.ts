/**
 * The REST route table: one entry per operation of `MailBackend`, the single description of the HTTP contract that
 * `HttpMailBackend` speaks and `createMailRouter` serves. Paths are relative to the host's base URL.
 *
 * Wire rules: `:name` path parameters come from the input's fields of that name; the other fields travel as the query
 * string for GET and DELETE (arrays as repeated keys) and as a JSON body otherwise. `body: 'none'` answers 204;
 * `body: 'blob'` answers bytes; `body: 'events'` answers `text/event-stream`; `upload` takes `multipart/form-data`.
 */
import * as z from 'zod/mini';
import {
  AccountState,
  ConnectionTestResult,
  MailServerSettingsInput,
  ModuleStatus,
  SetModuleEnabledRequest,
  TestConnectionRequest,
} from './account.js';
import { Capabilities } from './capabilities.js';
import { RemoteContentPolicy, SenderRef } from './privacy.js';
import {
  AddressSuggestions,
  Draft,
  DraftRef,
  Identities,
  PrefillRequest,
  SavedDraft,
  SendRequest,
  SendResult,
  SuggestRequest,
  UploadedAttachment,
} from './compose.js';
import {
  LinkConfigList,
  LinkPreview,
  LinkRequest,
  MessageLinks,
  ObjectLinkConfig,
  ObjectRef,
  RecordList,
  RecordMailsPage,
  RecordMailsRequest,
  SearchRecordsRequest,
  UnlinkRequest,
} from './links.js';
import {
  AttachmentRef,
  CreateFolderRequest,
  DeleteMessagesRequest,
  Folder,
  FolderList,
  FolderRef,
  ListMessagesRequest,
  MailboxChange,
  Message,
  MessagePage,
  MessageRef,
  MoveMessagesRequest,
  MoveResult,
  RenameFolderRequest,
  SetFlagsRequest,
  Updated,
} from './mailbox.js';
import {
  AccountEndpoint,
  AccountEndpointInput,
  AppSettings,
  AuthorizationStart,
  AuthorizationStatus,
  BeginAuthorizationRequest,
  CompleteAuthorizationRequest,
  EndpointList,
  EndpointRef,
} from './oauth.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ResponseBody = 'json' | 'none' | 'blob' | 'events';

export interface RouteSpec<I extends z.core.SomeType = z.core.SomeType, O extends z.core.SomeType = z.core.SomeType> {
  method: HttpMethod;
  path: `/${string}`;
  input: I;
  output: O;
  body: ResponseBody;
  /** The request body is a file (`multipart/form-data`, field `file`). */
  upload?: true;
  /** Safe to repeat: the client retries it after a network failure. */
  idempotent: boolean;
}

const Empty = z.object({});
const NoContent = z.null();
const Bytes = z.custom<Blob>((value) => value instanceof Blob, 'Expected bytes.');
const UploadInput = z.object({
  file: Bytes,
  filename: z.optional(z.string().check(z.maxLength(255))),
});

const json = <I extends z.core.SomeType, O extends z.core.SomeType>(
  method: HttpMethod,
  path: `/${string}`,
  input: I,
  output: O,
): RouteSpec<I, O> => ({ method, path, input, output, body: 'json', idempotent: method === 'GET' || method === 'PUT' });

const noContent = <I extends z.core.SomeType>(method: HttpMethod, path: `/${string}`, input: I) => ({
  method,
  path,
  input,
  output: NoContent,
  body: 'none' as const,
  idempotent: method !== 'POST',
});

const blob = <I extends z.core.SomeType>(path: `/${string}`, input: I) => ({
  method: 'GET' as const,
  path,
  input,
  output: Bytes,
  body: 'blob' as const,
  idempotent: true,
});

export const routes = {
  // capabilities
  getCapabilities: json('GET', '/capabilities', Empty, Capabilities),
  // mailbox
  listFolders: json('GET', '/folders', Empty, FolderList),
  listMessages: json('GET', '/folders/:folderId/messages', ListMessagesRequest, MessagePage),
  getMessage: json('GET', '/messages/:id', MessageRef, Message),
  getAttachment: blob('/messages/:id/attachments/:attachmentId', AttachmentRef),
  getRawMessage: blob('/messages/:id/raw', MessageRef),
  // actions
  setFlags: json('POST', '/messages/flags', SetFlagsRequest, Updated),
  moveMessages: json('POST', '/messages/move', MoveMessagesRequest, MoveResult),
  deleteMessages: json('POST', '/messages/delete', DeleteMessagesRequest, MoveResult),
  createFolder: json('POST', '/folders', CreateFolderRequest, Folder),
  renameFolder: json('PATCH', '/folders/:folderId', RenameFolderRequest, Folder),
  deleteFolder: noContent('DELETE', '/folders/:folderId', FolderRef),
  // compose
  listIdentities: json('GET', '/identities', Empty, Identities),
  suggestAddresses: json('GET', '/addresses', SuggestRequest, AddressSuggestions),
  saveDraft: json('POST', '/drafts', Draft, SavedDraft),
  getDraft: json('GET', '/drafts/:id', DraftRef, Draft),
  deleteDraft: noContent('DELETE', '/drafts/:id', DraftRef),
  prefillDraft: json('POST', '/drafts/prefill', PrefillRequest, Draft),
  uploadAttachment: { ...json('POST', '/uploads', UploadInput, UploadedAttachment), upload: true as const },
  sendMessage: json('POST', '/send', SendRequest, SendResult),
  // live
  subscribe: {
    method: 'GET' as const,
    path: '/events' as const,
    input: Empty,
    output: MailboxChange,
    body: 'events' as const,
    idempotent: true,
  },
  // account
  getAccount: json('GET', '/account', Empty, AccountState),
  saveAccount: json('PUT', '/account', MailServerSettingsInput, AccountState),
  testConnection: json('POST', '/account/test', TestConnectionRequest, ConnectionTestResult),
  // oauth
  listEndpoints: json('GET', '/oauth/endpoints', Empty, EndpointList),
  saveEndpoint: json('POST', '/oauth/endpoints', AccountEndpointInput, AccountEndpoint),
  deleteEndpoint: noContent('DELETE', '/oauth/endpoints/:endpointId', EndpointRef),
  getAppSettings: json('GET', '/oauth/app-settings', Empty, AppSettings),
  saveAppSettings: json('PUT', '/oauth/app-settings', AppSettings, AppSettings),
  beginAuthorization: json(
    'POST',
    '/oauth/endpoints/:endpointId/authorize',
    BeginAuthorizationRequest,
    AuthorizationStart,
  ),
  completeAuthorization: json('POST', '/oauth/complete', CompleteAuthorizationRequest, AuthorizationStatus),
  getAuthorizationStatus: json('GET', '/oauth/endpoints/:endpointId/status', EndpointRef, AuthorizationStatus),
  revokeAuthorization: json('POST', '/oauth/endpoints/:endpointId/revoke', EndpointRef, AuthorizationStatus),
  // privacy: senders whose remote content loads without asking
  getRemoteContentPolicy: json('GET', '/remote-content', Empty, RemoteContentPolicy),
  allowRemoteContent: json('POST', '/remote-content/allow', SenderRef, RemoteContentPolicy),
  revokeRemoteContent: json('POST', '/remote-content/revoke', SenderRef, RemoteContentPolicy),
  // module
  getModuleStatus: json('GET', '/module', Empty, ModuleStatus),
  setModuleEnabled: json('PUT', '/module', SetModuleEnabledRequest, ModuleStatus),
  // links
  listLinkConfigs: json('GET', '/links/configs', Empty, LinkConfigList),
  saveLinkConfig: json('PUT', '/links/configs/:objectName', ObjectLinkConfig, ObjectLinkConfig),
  deleteLinkConfig: noContent('DELETE', '/links/configs/:objectName', ObjectRef),
  previewLinkConfig: json('POST', '/links/preview', ObjectLinkConfig, LinkPreview),
  searchRecords: json('GET', '/records', SearchRecordsRequest, RecordList),
  listRecordMails: json('GET', '/records/:objectName/:objectId/mails', RecordMailsRequest, RecordMailsPage),
  linkMessages: json('POST', '/links', LinkRequest, MessageLinks),
  unlinkMessage: noContent('POST', '/links/remove', UnlinkRequest),
  listMessageLinks: json('GET', '/messages/:id/links', MessageRef, MessageLinks),
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
export type Operation = keyof Routes;
export type OperationInput<K extends Operation> = z.input<Routes[K]['input']>;
export type OperationOutput<K extends Operation> = Routes[K]['body'] extends 'none'
  ? void
  : z.output<Routes[K]['output']>;

export const OPERATIONS = Object.keys(routes) as Operation[];

/** The path parameter names of a route, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
}

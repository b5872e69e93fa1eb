/**
 * The REST route table with its schemas: one entry per operation of `MailBackend`, the single description of the HTTP
 * contract that `HttpMailBackend` speaks and `createMailRouter` serves. Paths are relative to the host's base URL.
 *
 * Each entry is the zod-free entry of `routeTable` (method, path, kind of answer; see `route-table.ts` for the wire
 * rules) with the operation's `input` and `output` schemas added, so methods and paths are written down only once.
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
import { routeTable, type ResponseBody, type RouteInfo, type RouteTable } from './route-table.js';

export { pathParams, type HttpMethod, type ResponseBody } from './route-table.js';

export interface RouteSpec<
  I extends z.core.SomeType = z.core.SomeType,
  O extends z.core.SomeType = z.core.SomeType,
> extends RouteInfo {
  input: I;
  output: O;
}

const Empty = z.object({});
const NoContent = z.null();
const Bytes = z.custom<Blob>((value) => value instanceof Blob, 'Expected bytes.');
const UploadInput = z.object({
  file: Bytes,
  filename: z.optional(z.string().check(z.maxLength(255))),
});

const io = <I extends z.core.SomeType, O extends z.core.SomeType>(input: I, output: O) => ({ input, output });

/** The output schema a kind of answer calls for: nothing for 204, bytes for downloads, any schema otherwise. */
type OutputFor<B extends ResponseBody> = B extends 'none'
  ? typeof NoContent
  : B extends 'blob'
    ? typeof Bytes
    : z.core.SomeType;
type SchemaTable = {
  readonly [K in keyof RouteTable]: { input: z.core.SomeType; output: OutputFor<RouteTable[K]['body']> };
};

const schemas = {
  // capabilities
  getCapabilities: io(Empty, Capabilities),
  // mailbox
  listFolders: io(Empty, FolderList),
  listMessages: io(ListMessagesRequest, MessagePage),
  getMessage: io(MessageRef, Message),
  getAttachment: io(AttachmentRef, Bytes),
  getRawMessage: io(MessageRef, Bytes),
  // actions
  setFlags: io(SetFlagsRequest, Updated),
  moveMessages: io(MoveMessagesRequest, MoveResult),
  deleteMessages: io(DeleteMessagesRequest, MoveResult),
  createFolder: io(CreateFolderRequest, Folder),
  renameFolder: io(RenameFolderRequest, Folder),
  deleteFolder: io(FolderRef, NoContent),
  // compose
  listIdentities: io(Empty, Identities),
  suggestAddresses: io(SuggestRequest, AddressSuggestions),
  saveDraft: io(Draft, SavedDraft),
  getDraft: io(DraftRef, Draft),
  deleteDraft: io(DraftRef, NoContent),
  prefillDraft: io(PrefillRequest, Draft),
  uploadAttachment: io(UploadInput, UploadedAttachment),
  sendMessage: io(SendRequest, SendResult),
  // live
  subscribe: io(Empty, MailboxChange),
  // account
  getAccount: io(Empty, AccountState),
  saveAccount: io(MailServerSettingsInput, AccountState),
  testConnection: io(TestConnectionRequest, ConnectionTestResult),
  // oauth
  listEndpoints: io(Empty, EndpointList),
  saveEndpoint: io(AccountEndpointInput, AccountEndpoint),
  deleteEndpoint: io(EndpointRef, NoContent),
  getAppSettings: io(Empty, AppSettings),
  saveAppSettings: io(AppSettings, AppSettings),
  beginAuthorization: io(BeginAuthorizationRequest, AuthorizationStart),
  completeAuthorization: io(CompleteAuthorizationRequest, AuthorizationStatus),
  getAuthorizationStatus: io(EndpointRef, AuthorizationStatus),
  revokeAuthorization: io(EndpointRef, AuthorizationStatus),
  // privacy: senders whose remote content loads without asking
  getRemoteContentPolicy: io(Empty, RemoteContentPolicy),
  allowRemoteContent: io(SenderRef, RemoteContentPolicy),
  revokeRemoteContent: io(SenderRef, RemoteContentPolicy),
  // module
  getModuleStatus: io(Empty, ModuleStatus),
  setModuleEnabled: io(SetModuleEnabledRequest, ModuleStatus),
  // links
  listLinkConfigs: io(Empty, LinkConfigList),
  saveLinkConfig: io(ObjectLinkConfig, ObjectLinkConfig),
  deleteLinkConfig: io(ObjectRef, NoContent),
  previewLinkConfig: io(ObjectLinkConfig, LinkPreview),
  searchRecords: io(SearchRecordsRequest, RecordList),
  listRecordMails: io(RecordMailsRequest, RecordMailsPage),
  linkMessages: io(LinkRequest, MessageLinks),
  unlinkMessage: io(UnlinkRequest, NoContent),
  listMessageLinks: io(MessageRef, MessageLinks),
} as const satisfies SchemaTable;

type WithSchemas = { [K in keyof RouteTable]: RouteTable[K] & (typeof schemas)[K] };

/** Every route of `routeTable` with its schemas. */
export const routes = Object.fromEntries(
  Object.entries(routeTable).map(([operation, route]) => [operation, { ...route, ...schemas[operation as Operation] }]),
) as WithSchemas satisfies Record<string, RouteSpec>;

export type Routes = WithSchemas;
export type Operation = keyof RouteTable;
export type OperationInput<K extends Operation> = z.input<Routes[K]['input']>;
export type OperationOutput<K extends Operation> = Routes[K]['body'] extends 'none'
  ? void
  : z.output<Routes[K]['output']>;

export const OPERATIONS = Object.keys(routes) as Operation[];

/**
 * The REST route table without its schemas: for each operation of `MailBackend`, the method, the path template, what
 * the answer is and whether the request is safe to repeat, plus how an input travels. The schema table (`routes` in
 * `routes.ts`) spreads these entries, so this is the single list of methods and paths; it needs no zod, which keeps
 * the browser client's initial bundle small (the client loads the schemas on demand).
 *
 * Wire rules: `:name` path parameters come from the input's fields of that name; the other fields travel as the query
 * string for GET and DELETE (arrays as repeated keys) and as a JSON body otherwise. `body: 'none'` answers 204;
 * `body: 'blob'` answers bytes; `body: 'events'` answers `text/event-stream`; `upload` takes `multipart/form-data`.
 */
import { MailError } from './mail-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ResponseBody = 'json' | 'none' | 'blob' | 'events';

/** One route, as the client needs it: no schema. */
export interface RouteInfo {
  method: HttpMethod;
  path: `/${string}`;
  body: ResponseBody;
  /** The request body is a file (`multipart/form-data`, field `file`). */
  upload?: true;
  /** Safe to repeat: the client retries it after a network failure. */
  idempotent: boolean;
}

const json = <M extends HttpMethod, P extends `/${string}`>(method: M, path: P) => ({
  method,
  path,
  body: 'json' as const,
  idempotent: method === 'GET' || method === 'PUT',
});

const noContent = <M extends HttpMethod, P extends `/${string}`>(method: M, path: P) => ({
  method,
  path,
  body: 'none' as const,
  idempotent: method !== 'POST',
});

const blob = <P extends `/${string}`>(path: P) => ({
  method: 'GET' as const,
  path,
  body: 'blob' as const,
  idempotent: true,
});

/** Every operation's route, in the order the contract lists them; `routes` adds the schemas. */
export const routeTable = {
  // capabilities
  getCapabilities: json('GET', '/capabilities'),
  // mailbox
  listFolders: json('GET', '/folders'),
  listMessages: json('GET', '/folders/:folderId/messages'),
  getMessage: json('GET', '/messages/:id'),
  getAttachment: blob('/messages/:id/attachments/:attachmentId'),
  getRawMessage: blob('/messages/:id/raw'),
  // actions
  setFlags: json('POST', '/messages/flags'),
  moveMessages: json('POST', '/messages/move'),
  deleteMessages: json('POST', '/messages/delete'),
  createFolder: json('POST', '/folders'),
  renameFolder: json('PATCH', '/folders/:folderId'),
  deleteFolder: noContent('DELETE', '/folders/:folderId'),
  // compose
  listIdentities: json('GET', '/identities'),
  suggestAddresses: json('GET', '/addresses'),
  saveDraft: json('POST', '/drafts'),
  getDraft: json('GET', '/drafts/:id'),
  deleteDraft: noContent('DELETE', '/drafts/:id'),
  prefillDraft: json('POST', '/drafts/prefill'),
  uploadAttachment: { ...json('POST', '/uploads'), upload: true as const },
  sendMessage: json('POST', '/send'),
  // live
  subscribe: { method: 'GET' as const, path: '/events' as const, body: 'events' as const, idempotent: true },
  // account
  getAccount: json('GET', '/account'),
  saveAccount: json('PUT', '/account'),
  testConnection: json('POST', '/account/test'),
  // oauth
  listEndpoints: json('GET', '/oauth/endpoints'),
  saveEndpoint: json('POST', '/oauth/endpoints'),
  deleteEndpoint: noContent('DELETE', '/oauth/endpoints/:endpointId'),
  getAppSettings: json('GET', '/oauth/app-settings'),
  saveAppSettings: json('PUT', '/oauth/app-settings'),
  beginAuthorization: json('POST', '/oauth/endpoints/:endpointId/authorize'),
  completeAuthorization: json('POST', '/oauth/complete'),
  getAuthorizationStatus: json('GET', '/oauth/endpoints/:endpointId/status'),
  revokeAuthorization: json('POST', '/oauth/endpoints/:endpointId/revoke'),
  // privacy: senders whose remote content loads without asking
  getRemoteContentPolicy: json('GET', '/remote-content'),
  allowRemoteContent: json('POST', '/remote-content/allow'),
  revokeRemoteContent: json('POST', '/remote-content/revoke'),
  // module
  getModuleStatus: json('GET', '/module'),
  setModuleEnabled: json('PUT', '/module'),
  // links
  listLinkConfigs: json('GET', '/links/configs'),
  saveLinkConfig: json('PUT', '/links/configs/:objectName'),
  deleteLinkConfig: noContent('DELETE', '/links/configs/:objectName'),
  previewLinkConfig: json('POST', '/links/preview'),
  searchRecords: json('GET', '/records'),
  listRecordMails: json('GET', '/records/:objectName/:objectId/mails'),
  linkMessages: json('POST', '/links'),
  unlinkMessage: noContent('POST', '/links/remove'),
  listMessageLinks: json('GET', '/messages/:id/links'),
} as const satisfies Record<string, RouteInfo>;

export type RouteTable = typeof routeTable;

/** The path parameter names of a route, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
}

export interface EncodedRequest {
  /** The path with its parameters filled in and encoded, without the base URL. */
  path: string;
  query: URLSearchParams;
  /** The JSON body, when the method has one. */
  body: Record<string, unknown> | undefined;
}

/** GET and DELETE carry their input in the query string; the other methods in a JSON body. */
export const hasQuery = (route: RouteInfo): boolean => route.method === 'GET' || route.method === 'DELETE';

/** Splits validated input into path, query string and body, as the route says. */
export function encodeRequest(route: RouteInfo, input: Record<string, unknown>): EncodedRequest {
  const rest: Record<string, unknown> = { ...input };
  let path: string = route.path;
  for (const name of pathParams(route.path)) {
    const value = rest[name];
    if (value === undefined || value === null || value === '') {
      throw new MailError('validation', `${name}: Required.`, { issues: [{ path: [name], message: 'Required.' }] });
    }
    // URL parsing removes "." and ".." segments (even as %2E): the request would silently reach another route.
    if (value === '.' || value === '..') {
      const message = 'Cannot be "." or "..".';
      throw new MailError('validation', `${name}: ${message}`, { issues: [{ path: [name], message }] });
    }
    path = path.replace(`:${name}`, encodeURIComponent(String(value)));
    delete rest[name];
  }
  const query = new URLSearchParams();
  if (!hasQuery(route)) return { path, query, body: rest };
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
  }
  return { path, query, body: undefined };
}

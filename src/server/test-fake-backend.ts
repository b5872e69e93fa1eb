/**
 * Test helper: a hand-written `MailBackend` whose methods return fixed, schema-valid values and record every call.
 * `override(operation, fn)` replaces one method's behaviour; `emit(change)` pushes a change to every subscriber.
 * Not part of the package: only tests import it.
 */
import type {
  AccountEndpoint,
  AuthorizationStatus,
  Capabilities,
  Draft,
  Folder,
  MailServerSettings,
  Message,
  MessageLink,
  MessageSummary,
  ObjectLinkConfig,
  CallOptions,
  MailBackend,
  MailboxChange,
  MailboxListener,
  Operation,
  OperationInput as In,
  OperationOutput as Out,
  SubscribeOptions,
  Unsubscribe,
  UploadOptions,
} from '../core/index.js';

export interface RecordedCall {
  operation: Operation;
  input: unknown;
  options: CallOptions | UploadOptions | SubscribeOptions | undefined;
}

type Override = (input: unknown, options?: CallOptions) => unknown;

const DATE = '2026-01-02T03:04:05.000Z';
const FLAGS: MessageSummary['flags'] = { seen: false, flagged: false, answered: false, forwarded: false, draft: false };
const ANA = { name: 'Ana García', address: 'ana@acme.com' };

interface Fixtures {
  capabilities: Capabilities;
  folder: Folder;
  summary: MessageSummary;
  draft: Draft;
  settings: MailServerSettings;
  endpoint: AccountEndpoint;
  status: AuthorizationStatus;
  linkConfig: ObjectLinkConfig;
  link: MessageLink;
}

const FIXTURES: Fixtures = {
  capabilities: {
    protocol: 'fake',
    folders: true,
    flags: true,
    threads: false,
    search: 'full',
    liveUpdates: 'push',
    oauth: true,
    links: true,
    maxAttachmentBytes: 1024 * 1024,
    maxMessageBytes: 10 * 1024 * 1024,
  },
  folder: {
    id: 'INBOX',
    name: 'Inbox',
    path: 'INBOX',
    delimiter: '/',
    parentId: null,
    role: 'inbox',
    unread: 1,
    total: 2,
    selectable: true,
  },
  summary: {
    id: 'm1',
    folderId: 'INBOX',
    from: ANA,
    to: [{ address: 'bob@example.com' }],
    cc: [],
    subject: 'Budget',
    snippet: 'Here it is',
    date: DATE,
    size: 1234,
    flags: FLAGS,
    hasAttachments: true,
    linked: false,
  },
  draft: { to: [ANA], cc: [], bcc: [], subject: 'Re: Budget', text: 'Thanks', attachments: [] },
  settings: {
    preset: 'custom',
    incoming: { protocol: 'imap', host: 'imap.acme.com', port: 993, security: 'tls' },
    outgoing: { host: 'smtp.acme.com', port: 587, security: 'starttls' },
    userName: 'ana@acme.com',
    email: 'ana@acme.com',
    displayName: 'Ana García',
    auth: 'password',
    oauthEndpointId: null,
    passwordSet: true,
  },
  endpoint: {
    id: 'ep1',
    provider: 'google',
    name: 'Acme Google',
    clientId: 'client-1.apps.googleusercontent.com',
    clientSecretSet: true,
    redirectUri: 'https://app.acme.com/Webhooks/MailToken.aspx',
    scopes: ['https://mail.google.com/', 'openid', 'email', 'profile'],
  },
  status: { endpointId: 'ep1', state: 'authorized', account: 'ana@acme.com', expiresAt: DATE },
  linkConfig: {
    objectName: 'Customer',
    primaryKey: 'CustomerId',
    emailField: 'Email',
    filterByDomain: false,
    ignoredDomains: [],
    folderPath: '/var/mail-links/customers',
  },
  link: { messageId: 'm1', objectName: 'Customer', objectId: '42', fileName: 'budget.eml', linkedAt: DATE },
};

/** Fresh copies of the fixtures, so no test can change what another one sees. */
export const fixtures = (): Fixtures => structuredClone(FIXTURES);

const MESSAGE: Message = {
  ...FIXTURES.summary,
  bcc: [],
  replyTo: [],
  references: [],
  text: 'Here it is',
  html: '<p>Here it is</p>',
  attachments: [{ id: 'a1', filename: 'Résumé "final".pdf', contentType: 'application/pdf', size: 5, inline: false }],
  headers: [{ name: 'Subject', value: 'Budget' }],
};

export class FakeMailBackend implements MailBackend {
  readonly calls: RecordedCall[] = [];
  /** How many subscriptions are open now. */
  subscribers = 0;
  /** How many subscriptions were closed by their unsubscribe function. */
  unsubscribed = 0;
  private readonly overrides = new Map<Operation, Override>();
  private readonly listeners = new Set<MailboxListener>();

  /** Replaces what one operation does (return a value, throw, wait for the signal...). */
  override(operation: Operation, implementation: Override): this {
    this.overrides.set(operation, implementation);
    return this;
  }

  /** Pushes a change to every open subscription. */
  emit(change: MailboxChange): void {
    for (const listener of this.listeners) listener(change);
  }

  callsOf(operation: Operation): RecordedCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  private async run<T>(
    operation: Operation,
    input: unknown,
    options: RecordedCall['options'],
    value: () => T,
  ): Promise<T> {
    this.calls.push({ operation, input, options });
    const override = this.overrides.get(operation);
    // An override may return anything, including invalid values: that is what some tests are about.
    return override ? ((await override(input, options)) as T) : value();
  }

  getCapabilities(input?: In<'getCapabilities'>, options?: CallOptions): Promise<Out<'getCapabilities'>> {
    return this.run('getCapabilities', input, options, () => ({ ...fixtures().capabilities }));
  }
  listFolders(input?: In<'listFolders'>, options?: CallOptions): Promise<Out<'listFolders'>> {
    return this.run('listFolders', input, options, () => ({ items: [{ ...fixtures().folder }] }));
  }
  listMessages(input: In<'listMessages'>, options?: CallOptions): Promise<Out<'listMessages'>> {
    return this.run('listMessages', input, options, () => ({
      items: [{ ...fixtures().summary }],
      nextCursor: 'c2',
      total: 2,
    }));
  }
  getMessage(input: In<'getMessage'>, options?: CallOptions): Promise<Out<'getMessage'>> {
    return this.run('getMessage', input, options, () => ({ ...structuredClone(MESSAGE), id: input.id }));
  }
  getAttachment(input: In<'getAttachment'>, options?: CallOptions): Promise<Blob> {
    return this.run(
      'getAttachment',
      input,
      options,
      () => new File(['%PDF-'], 'Résumé "final".pdf', { type: 'application/pdf' }),
    );
  }
  getRawMessage(input: In<'getRawMessage'>, options?: CallOptions): Promise<Blob> {
    return this.run(
      'getRawMessage',
      input,
      options,
      () => new Blob(['Subject: Budget\r\n\r\nHere it is\r\n'], { type: 'message/rfc822' }),
    );
  }
  setFlags(input: In<'setFlags'>, options?: CallOptions): Promise<Out<'setFlags'>> {
    return this.run('setFlags', input, options, () => ({ updated: input.ids.length }));
  }
  moveMessages(input: In<'moveMessages'>, options?: CallOptions): Promise<Out<'moveMessages'>> {
    return this.run('moveMessages', input, options, () => ({
      moved: input.ids.map((id) => ({ from: id, to: `${id}-moved` })),
      deleted: [],
    }));
  }
  deleteMessages(input: In<'deleteMessages'>, options?: CallOptions): Promise<Out<'deleteMessages'>> {
    return this.run('deleteMessages', input, options, () => ({ moved: [], deleted: [...input.ids] }));
  }
  createFolder(input: In<'createFolder'>, options?: CallOptions): Promise<Out<'createFolder'>> {
    return this.run('createFolder', input, options, () => ({
      ...fixtures().folder,
      id: input.name,
      name: input.name,
      path: input.name,
      role: null,
    }));
  }
  renameFolder(input: In<'renameFolder'>, options?: CallOptions): Promise<Out<'renameFolder'>> {
    return this.run('renameFolder', input, options, () => ({
      ...fixtures().folder,
      id: input.folderId,
      name: input.name,
      role: null,
    }));
  }
  deleteFolder(input: In<'deleteFolder'>, options?: CallOptions): Promise<void> {
    return this.run('deleteFolder', input, options, () => undefined);
  }
  listIdentities(input?: In<'listIdentities'>, options?: CallOptions): Promise<Out<'listIdentities'>> {
    return this.run('listIdentities', input, options, () => ({ items: [ANA] }));
  }
  suggestAddresses(input: In<'suggestAddresses'>, options?: CallOptions): Promise<Out<'suggestAddresses'>> {
    return this.run('suggestAddresses', input, options, () => ({ items: [{ ...ANA, source: 'recent' as const }] }));
  }
  saveDraft(input: In<'saveDraft'>, options?: CallOptions): Promise<Out<'saveDraft'>> {
    return this.run('saveDraft', input, options, () => ({ id: input.id ?? 'd1', savedAt: DATE }));
  }
  getDraft(input: In<'getDraft'>, options?: CallOptions): Promise<Out<'getDraft'>> {
    return this.run('getDraft', input, options, () => ({ ...fixtures().draft, to: [ANA], id: input.id }));
  }
  deleteDraft(input: In<'deleteDraft'>, options?: CallOptions): Promise<void> {
    return this.run('deleteDraft', input, options, () => undefined);
  }
  prefillDraft(input: In<'prefillDraft'>, options?: CallOptions): Promise<Out<'prefillDraft'>> {
    return this.run('prefillDraft', input, options, () => ({
      ...fixtures().draft,
      to: [ANA],
      sourceId: input.id,
      sourceMode: input.mode,
    }));
  }
  uploadAttachment(input: In<'uploadAttachment'>, options?: UploadOptions): Promise<Out<'uploadAttachment'>> {
    return this.run('uploadAttachment', input, options, () => ({
      id: 'u1',
      filename: input.filename ?? 'attachment',
      contentType: input.file.type || 'application/octet-stream',
      size: input.file.size,
    }));
  }
  sendMessage(input: In<'sendMessage'>, options?: CallOptions): Promise<Out<'sendMessage'>> {
    return this.run('sendMessage', input, options, () => ({ messageId: '<s1@acme.com>', sentId: 's1', sentAt: DATE }));
  }
  subscribe(listener: MailboxListener, options?: SubscribeOptions): Promise<Unsubscribe> {
    return this.run('subscribe', undefined, options, () => {
      this.listeners.add(listener);
      this.subscribers += 1;
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        this.listeners.delete(listener);
        this.subscribers -= 1;
        this.unsubscribed += 1;
      };
    });
  }
  getAccount(input?: In<'getAccount'>, options?: CallOptions): Promise<Out<'getAccount'>> {
    return this.run('getAccount', input, options, () => ({ configured: true, settings: { ...fixtures().settings } }));
  }
  saveAccount(input: In<'saveAccount'>, options?: CallOptions): Promise<Out<'saveAccount'>> {
    return this.run('saveAccount', input, options, () => ({ configured: true, settings: { ...fixtures().settings } }));
  }
  testConnection(input: In<'testConnection'>, options?: CallOptions): Promise<Out<'testConnection'>> {
    return this.run('testConnection', input, options, () => ({
      target: input.target,
      ok: true,
      message: 'Connected.',
      durationMs: 12,
    }));
  }
  listEndpoints(input?: In<'listEndpoints'>, options?: CallOptions): Promise<Out<'listEndpoints'>> {
    return this.run('listEndpoints', input, options, () => ({
      items: [{ ...fixtures().endpoint, scopes: fixtures().endpoint.scopes }],
    }));
  }
  saveEndpoint(input: In<'saveEndpoint'>, options?: CallOptions): Promise<Out<'saveEndpoint'>> {
    return this.run('saveEndpoint', input, options, () => ({
      ...fixtures().endpoint,
      scopes: fixtures().endpoint.scopes,
    }));
  }
  deleteEndpoint(input: In<'deleteEndpoint'>, options?: CallOptions): Promise<void> {
    return this.run('deleteEndpoint', input, options, () => undefined);
  }
  getAppSettings(input?: In<'getAppSettings'>, options?: CallOptions): Promise<Out<'getAppSettings'>> {
    return this.run('getAppSettings', input, options, () => ({
      baseUrl: 'https://app.acme.com',
      redirectPath: '/Webhooks/MailToken.aspx',
    }));
  }
  saveAppSettings(input: In<'saveAppSettings'>, options?: CallOptions): Promise<Out<'saveAppSettings'>> {
    return this.run('saveAppSettings', input, options, () => ({
      baseUrl: input.baseUrl,
      redirectPath: input.redirectPath,
    }));
  }
  beginAuthorization(input: In<'beginAuthorization'>, options?: CallOptions): Promise<Out<'beginAuthorization'>> {
    return this.run('beginAuthorization', input, options, () => ({
      url: 'https://accounts.google.com/o/oauth2/v2/auth?state=s1',
      state: 's1',
    }));
  }
  completeAuthorization(
    input: In<'completeAuthorization'>,
    options?: CallOptions,
  ): Promise<Out<'completeAuthorization'>> {
    return this.run('completeAuthorization', input, options, () => ({ ...fixtures().status }));
  }
  getAuthorizationStatus(
    input: In<'getAuthorizationStatus'>,
    options?: CallOptions,
  ): Promise<Out<'getAuthorizationStatus'>> {
    return this.run('getAuthorizationStatus', input, options, () => ({
      ...fixtures().status,
      endpointId: input.endpointId,
    }));
  }
  revokeAuthorization(input: In<'revokeAuthorization'>, options?: CallOptions): Promise<Out<'revokeAuthorization'>> {
    return this.run('revokeAuthorization', input, options, () => ({
      endpointId: input.endpointId,
      state: 'not-authorized' as const,
    }));
  }
  getRemoteContentPolicy(
    input?: In<'getRemoteContentPolicy'>,
    options?: CallOptions,
  ): Promise<Out<'getRemoteContentPolicy'>> {
    return this.run('getRemoteContentPolicy', input, options, () => ({ allowedSenders: ['@acme.example'] }));
  }
  allowRemoteContent(input: In<'allowRemoteContent'>, options?: CallOptions): Promise<Out<'allowRemoteContent'>> {
    return this.run('allowRemoteContent', input, options, () => ({ allowedSenders: [input.sender] }));
  }
  revokeRemoteContent(input: In<'revokeRemoteContent'>, options?: CallOptions): Promise<Out<'revokeRemoteContent'>> {
    return this.run('revokeRemoteContent', input, options, () => ({ allowedSenders: [] }));
  }
  getModuleStatus(input?: In<'getModuleStatus'>, options?: CallOptions): Promise<Out<'getModuleStatus'>> {
    return this.run('getModuleStatus', input, options, () => ({ enabled: true, canManage: true, unread: 3 }));
  }
  setModuleEnabled(input: In<'setModuleEnabled'>, options?: CallOptions): Promise<Out<'setModuleEnabled'>> {
    return this.run('setModuleEnabled', input, options, () => ({ enabled: input.enabled, canManage: true, unread: 3 }));
  }
  listLinkConfigs(input?: In<'listLinkConfigs'>, options?: CallOptions): Promise<Out<'listLinkConfigs'>> {
    return this.run('listLinkConfigs', input, options, () => ({
      items: [{ ...fixtures().linkConfig, ignoredDomains: [] }],
    }));
  }
  saveLinkConfig(input: In<'saveLinkConfig'>, options?: CallOptions): Promise<Out<'saveLinkConfig'>> {
    return this.run('saveLinkConfig', input, options, () => ({ ...input }));
  }
  deleteLinkConfig(input: In<'deleteLinkConfig'>, options?: CallOptions): Promise<void> {
    return this.run('deleteLinkConfig', input, options, () => undefined);
  }
  previewLinkConfig(input: In<'previewLinkConfig'>, options?: CallOptions): Promise<Out<'previewLinkConfig'>> {
    return this.run('previewLinkConfig', input, options, () => ({ records: 4, mails: 17 }));
  }
  searchRecords(input: In<'searchRecords'>, options?: CallOptions): Promise<Out<'searchRecords'>> {
    return this.run('searchRecords', input, options, () => ({
      items: [{ objectName: 'Customer', objectId: '42', title: 'Acme', email: 'info@acme.com' }],
    }));
  }
  listRecordMails(input: In<'listRecordMails'>, options?: CallOptions): Promise<Out<'listRecordMails'>> {
    return this.run('listRecordMails', input, options, () => ({
      configured: true,
      record: { objectName: input.objectName, objectId: input.objectId, title: 'Acme', email: 'info@acme.com' },
      matchedOn: 'info@acme.com',
      items: [{ ...fixtures().summary, direction: 'received' as const, linkedToRecord: true }],
      nextCursor: null,
    }));
  }
  linkMessages(input: In<'linkMessages'>, options?: CallOptions): Promise<Out<'linkMessages'>> {
    return this.run('linkMessages', input, options, () => ({
      items: input.ids.map((id) => ({ ...fixtures().link, messageId: id })),
    }));
  }
  unlinkMessage(input: In<'unlinkMessage'>, options?: CallOptions): Promise<void> {
    return this.run('unlinkMessage', input, options, () => undefined);
  }
  listMessageLinks(input: In<'listMessageLinks'>, options?: CallOptions): Promise<Out<'listMessageLinks'>> {
    return this.run('listMessageLinks', input, options, () => ({
      items: [{ ...fixtures().link, messageId: input.id }],
    }));
  }
}

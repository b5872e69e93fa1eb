import { expect } from '@open-wc/testing';
import {
  AccountEndpointInput,
  Address,
  AppSettings,
  Draft,
  HostName,
  ListMessagesRequest,
  MailServerSettingsInput,
  MessageFilter,
  ObjectLinkConfig,
  Port,
  StoragePath,
  TenantId,
} from '../src/core/index.js';

const ok = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  expect(schema.safeParse(value).success, JSON.stringify(value)).to.equal(true);
const bad = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  expect(schema.safeParse(value).success, JSON.stringify(value)).to.equal(false);

describe('core schemas', () => {
  it('accepts addresses with display names and refuses broken ones', () => {
    ok(Address, { name: 'Ana García', address: 'ana@acme.example' });
    ok(Address, { address: 'o.reilly+tag@sub.acme.example' });
    bad(Address, { address: 'ana@' });
    bad(Address, { address: 'two@@acme.example' });
    bad(Address, { address: `${'a'.repeat(250)}@x.io` });
    bad(Address, { name: 'Ana\r\nBcc: x@evil.example', address: 'ana@acme.example' });
  });

  it('checks ports and host names as a settings form needs', () => {
    ok(Port, 993);
    bad(Port, 0);
    bad(Port, 65536);
    bad(Port, 25.5);
    for (const host of [
      'imap.gmail.com',
      'outlook.office365.com',
      'localhost',
      '127.0.0.1',
      '[::1]',
      'mail.acme.example.',
    ])
      ok(HostName, host);
    for (const host of ['', 'bad host', '-leading.example', 'a..b', 'imap.acme.example\r\nQUIT']) bad(HostName, host);
  });

  it('knows Microsoft tenants', () => {
    for (const tenant of [
      'common',
      'organizations',
      'consumers',
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      'contoso.onmicrosoft.com',
    ])
      ok(TenantId, tenant);
    for (const tenant of ['', 'not a tenant', '72f988bf-86f1-41af-91ab', 'common\n']) bad(TenantId, tenant);
  });

  it('requires a tenant for Microsoft endpoints and refuses one for Google', () => {
    const guid = '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d';
    ok(AccountEndpointInput, { provider: 'microsoft', name: 'M', clientId: guid, tenantId: 'common' });
    ok(AccountEndpointInput, { provider: 'google', name: 'G', clientId: '123-abc.apps.googleusercontent.com' });
    bad(AccountEndpointInput, { provider: 'microsoft', name: 'M', clientId: 'abc' });
    bad(AccountEndpointInput, { provider: 'google', name: 'G', clientId: 'abc', tenantId: 'common' });
    bad(AccountEndpointInput, { provider: 'yahoo', name: 'Y', clientId: 'abc' });
    bad(AccountEndpointInput, { provider: 'google', name: 'G', clientId: 'has space' });
  });

  it('checks the client ID of each provider: a GUID for Microsoft, an apps.googleusercontent.com ID for Google', () => {
    const microsoft = (clientId: string) =>
      AccountEndpointInput.safeParse({ provider: 'microsoft', name: 'M', clientId, tenantId: 'common' });
    const google = (clientId: string) => AccountEndpointInput.safeParse({ provider: 'google', name: 'G', clientId });
    expect(microsoft('3F9A6C1E-2B7D-4E8A-9C0F-5D6E7A8B9C0D').success).to.equal(true);
    for (const clientId of ['not-a-guid', '3f9a6c1e-2b7d-4e8a-9c0f', '123-abc.apps.googleusercontent.com']) {
      const issues = microsoft(clientId).error?.issues ?? [];
      expect(
        issues.map((issue) => issue.path.join('.')),
        clientId,
      ).to.deep.equal(['clientId']);
      expect(issues[0]!.message).to.match(/Microsoft client ID is a GUID/);
    }
    for (const clientId of [
      'not-google',
      '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d',
      'x.apps.googleusercontent.com.evil',
    ]) {
      const issues = google(clientId).error?.issues ?? [];
      expect(
        issues.map((issue) => issue.path.join('.')),
        clientId,
      ).to.deep.equal(['clientId']);
      expect(issues[0]!.message).to.match(/Google client ID ends in \.apps\.googleusercontent\.com/);
    }
  });

  it('accepts only http(s) base URLs and absolute redirect paths', () => {
    ok(AppSettings, { baseUrl: 'https://erp.acme.example/app', redirectPath: '/Webhooks/MailToken.aspx' });
    ok(AppSettings, { baseUrl: '', redirectPath: '/cb' });
    bad(AppSettings, { baseUrl: 'javascript:alert(1)', redirectPath: '/cb' });
    bad(AppSettings, { baseUrl: 'ftp://acme.example', redirectPath: '/cb' });
    bad(AppSettings, { baseUrl: 'https://acme.example', redirectPath: 'cb' });
    bad(AppSettings, { baseUrl: 'https://acme.example', redirectPath: '/cb?x=1' });
  });

  it('keeps link folders absolute and free of ..', () => {
    for (const path of ['/var/mail', 'C:\\Mail\\Links', 'D:/mail', '\\\\server\\share\\mail']) ok(StoragePath, path);
    for (const path of ['mail', './mail', '/var/../etc', 'C:\\Mail\\..\\Windows', '/var/mail/..', ''])
      bad(StoragePath, path);
    ok(ObjectLinkConfig, {
      objectName: 'customers',
      primaryKey: 'id',
      emailField: 'email',
      filterByDomain: true,
      ignoredDomains: ['gmail.com'],
      folderPath: '/srv/links',
    });
    bad(ObjectLinkConfig, {
      objectName: 'customers; DROP',
      primaryKey: 'id',
      emailField: 'email',
      filterByDomain: true,
      ignoredDomains: [],
      folderPath: '/srv/links',
    });
  });

  it('refuses line breaks wherever a value may reach a protocol line', () => {
    const draft = { to: [{ address: 'bob@acme.example' }], cc: [], bcc: [], subject: 'Hi', attachments: [] };
    ok(Draft, draft);
    bad(Draft, { ...draft, subject: 'Hi\nBcc: x@evil.example' });
    bad(Draft, { ...draft, subject: 'Hi\0' });
    bad(Draft, { ...draft, inReplyTo: '<a@b>\r\nX-Evil: 1' });
    bad(MessageFilter, { from: 'x\r\n' });
    const settings = {
      preset: 'custom',
      incoming: { protocol: 'imap', host: 'imap.acme.example', port: 993, security: 'tls' },
      outgoing: { host: 'smtp.acme.example', port: 465, security: 'tls' },
      userName: 'ana',
      email: 'ana@acme.example',
      displayName: 'Ana',
      auth: 'password',
      oauthEndpointId: null,
    };
    ok(MailServerSettingsInput, settings);
    bad(MailServerSettingsInput, { ...settings, userName: 'ana\r\nA1 LOGOUT' });
    bad(MailServerSettingsInput, { ...settings, displayName: 'Ana\nBcc: x@evil.example' });
  });

  it('bounds page sizes', () => {
    ok(ListMessagesRequest, { folderId: 'INBOX', limit: 200 });
    bad(ListMessagesRequest, { folderId: 'INBOX', limit: 201 });
    bad(ListMessagesRequest, { folderId: 'INBOX', limit: 0 });
    bad(ListMessagesRequest, { folderId: '' });
    ok(ListMessagesRequest, { folderId: 'INBOX', since: '2026-01-01', before: '2026-02-01T00:00:00Z' });
    bad(ListMessagesRequest, { folderId: 'INBOX', since: 'yesterday' });
  });
});

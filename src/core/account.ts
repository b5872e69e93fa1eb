import * as z from 'zod/mini';
import { Count, EmailAddress, HostName, Id, Port, lineText } from './primitives.js';

export const IncomingProtocol = z.enum(['imap', 'pop3']);
export type IncomingProtocol = z.infer<typeof IncomingProtocol>;
/** `tls`: implicit TLS from the first byte (flexygo's "SSL"); `starttls`: upgraded after connecting ("Use TLS"). */
export const Security = z.enum(['tls', 'starttls', 'none']);
export type Security = z.infer<typeof Security>;
export const AuthMethod = z.enum(['password', 'oauth']);
export type AuthMethod = z.infer<typeof AuthMethod>;
export const ServerPreset = z.enum(['microsoft365', 'outlook', 'gmail', 'custom']);
export type ServerPreset = z.infer<typeof ServerPreset>;

export const IncomingServer = z.object({ protocol: IncomingProtocol, host: HostName, port: Port, security: Security });
export type IncomingServer = z.infer<typeof IncomingServer>;
export const OutgoingServer = z.object({ host: HostName, port: Port, security: Security });
export type OutgoingServer = z.infer<typeof OutgoingServer>;

const settingsFields = {
  preset: ServerPreset,
  incoming: IncomingServer,
  outgoing: OutgoingServer,
  /** The login name; often the e-mail address. */
  userName: lineText(320).check(z.minLength(1, 'Required.')),
  email: EmailAddress,
  /** The name recipients see. */
  displayName: lineText(256),
  auth: AuthMethod,
  /** The OAuth endpoint used when `auth` is `oauth`. */
  oauthEndpointId: z.nullable(Id),
};

/** The mail server account as read: never the password, only whether one is stored. */
export const MailServerSettings = z.object({ ...settingsFields, passwordSet: z.boolean() });
export type MailServerSettings = z.infer<typeof MailServerSettings>;

/** The account as saved: an absent password keeps the stored one, `null` clears it. */
export const MailServerSettingsInput = z.object({
  ...settingsFields,
  password: z.optional(z.nullable(z.string().check(z.maxLength(1024)))),
});
export type MailServerSettingsInput = z.infer<typeof MailServerSettingsInput>;

/** The account as returned before anything was saved. */
export const AccountState = z.object({ configured: z.boolean(), settings: z.nullable(MailServerSettings) });
export type AccountState = z.infer<typeof AccountState>;

export const ConnectionTarget = z.enum(['incoming', 'outgoing']);
export type ConnectionTarget = z.infer<typeof ConnectionTarget>;

export const TestConnectionRequest = z.object({
  target: ConnectionTarget,
  /** Test these (unsaved) settings; the stored ones when absent. An absent password uses the stored one. */
  settings: z.optional(MailServerSettingsInput),
});
export type TestConnectionRequest = z.infer<typeof TestConnectionRequest>;

/** Known causes of a failed connection test, each with an action the user can take. */
export const CONNECTION_FAILURES = [
  'auth-failed',
  'smtp-auth-disabled',
  'protocol-disabled',
  'oauth-required',
  'authorize-again',
  'certificate',
  'tls',
  'timeout',
  'host-not-found',
  'refused',
  'unknown',
] as const;
export const ConnectionFailure = z.enum(CONNECTION_FAILURES);
export type ConnectionFailure = z.infer<typeof ConnectionFailure>;

export const ConnectionTestResult = z.object({
  target: ConnectionTarget,
  ok: z.boolean(),
  failure: z.optional(ConnectionFailure),
  /** What happened, in words a user can act on. */
  message: z.string(),
  /** The server's own reply, for an administrator. */
  detail: z.optional(z.string()),
  durationMs: Count,
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const ModuleStatus = z.object({
  enabled: z.boolean(),
  /** The current user may enable or disable the module. */
  canManage: z.boolean(),
  /** Unread messages in the inbox, for the toolbar badge. */
  unread: Count,
});
export type ModuleStatus = z.infer<typeof ModuleStatus>;
export const SetModuleEnabledRequest = z.object({ enabled: z.boolean() });

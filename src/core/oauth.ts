import * as z from 'zod/mini';
import { DateTime, EmailAddress, Id, lineText, requiredLine } from './primitives.js';

export const OAuthProvider = z.enum(['microsoft', 'google']);
export type OAuthProvider = z.infer<typeof OAuthProvider>;

/** A Microsoft tenant: a directory GUID, a verified domain, or one of the three well-known audiences. */
export const TenantId = requiredLine(255).check(
  z.regex(
    /^(?:common|organizations|consumers|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63})$/,
    'A tenant is a directory GUID, a domain, or common, organizations or consumers.',
  ),
);

export const ClientId = requiredLine(255).check(
  z.regex(/^[A-Za-z0-9._~:@/+-]+$/, 'A client id has no spaces or special characters.'),
);

/** Microsoft's Application (client) ID is a GUID. */
const MICROSOFT_CLIENT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Google's OAuth client IDs end in this domain. */
const GOOGLE_CLIENT_ID = /^[A-Za-z0-9._-]+\.apps\.googleusercontent\.com$/;

const endpointFields = {
  id: Id,
  provider: OAuthProvider,
  /** A name for administrators ("Contoso 365"). */
  name: requiredLine(128),
  clientId: ClientId,
  /** Microsoft only. */
  tenantId: z.optional(TenantId),
};

/** An OAuth app registration as read: never the secret, only whether one is stored. */
export const AccountEndpoint = z.object({
  ...endpointFields,
  clientSecretSet: z.boolean(),
  /** The redirect URL to register with the provider, from the application base URL. */
  redirectUri: z.string(),
  /** The scopes requested, to grant in the provider's console. */
  scopes: z.array(z.string()),
});
export type AccountEndpoint = z.infer<typeof AccountEndpoint>;

/** An endpoint as saved: an absent secret keeps the stored one, `null` clears it. New ones have no id. */
export const AccountEndpointInput = z
  .object({
    ...endpointFields,
    id: z.optional(Id),
    clientSecret: z.optional(z.nullable(lineText(1024))),
  })
  .check(
    z.refine((value) => value.provider !== 'microsoft' || value.tenantId !== undefined, {
      message: 'Required for Microsoft.',
      path: ['tenantId'],
    }),
    z.refine((value) => value.provider !== 'google' || value.tenantId === undefined, {
      message: 'Google has no tenant.',
      path: ['tenantId'],
    }),
    z.refine((value) => value.provider !== 'microsoft' || MICROSOFT_CLIENT_ID.test(value.clientId), {
      message: 'A Microsoft client ID is a GUID such as 00000000-0000-0000-0000-000000000000.',
      path: ['clientId'],
    }),
    z.refine((value) => value.provider !== 'google' || GOOGLE_CLIENT_ID.test(value.clientId), {
      message: 'A Google client ID ends in .apps.googleusercontent.com.',
      path: ['clientId'],
    }),
  );
export type AccountEndpointInput = z.infer<typeof AccountEndpointInput>;
export const EndpointList = z.object({ items: z.array(AccountEndpoint) });
export const EndpointRef = z.object({ endpointId: Id });

/** The application's public base URL (flexygo's "application path" setting), used to build redirect URLs. */
export const AppSettings = z.object({
  baseUrl: z.union([z.literal(''), z.httpUrl({ error: 'Not a valid http or https URL.' }).check(z.maxLength(2048))]),
  redirectPath: requiredLine(512).check(z.regex(/^\/[^?#\s]*$/, 'A path starts with / and has no query.')),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const BeginAuthorizationRequest = z.object({
  endpointId: Id,
  /** The mailbox to authorize, passed to the provider as `login_hint`. */
  loginHint: z.optional(EmailAddress),
});
export type BeginAuthorizationRequest = z.infer<typeof BeginAuthorizationRequest>;
export const AuthorizationStart = z.object({ url: z.string(), state: z.string() });
export type AuthorizationStart = z.infer<typeof AuthorizationStart>;

/** What the provider sent back to the redirect URL. */
export const CompleteAuthorizationRequest = z.object({
  state: requiredLine(512),
  code: z.optional(lineText(4096)),
  error: z.optional(lineText(256)),
  errorDescription: z.optional(lineText(4096)),
});
export type CompleteAuthorizationRequest = z.infer<typeof CompleteAuthorizationRequest>;

export const AuthorizationState = z.enum(['not-authorized', 'authorized', 'expired', 'error']);
export const AuthorizationStatus = z.object({
  endpointId: Id,
  state: AuthorizationState,
  account: z.optional(EmailAddress),
  /** When the current access token expires; refreshed before then. */
  expiresAt: z.optional(DateTime),
  /** The provider's error code (`AADSTS50011`, `redirect_uri_mismatch`, `invalid_grant`, ...). */
  lastErrorCode: z.optional(z.string()),
  lastError: z.optional(z.string()),
});
export type AuthorizationStatus = z.infer<typeof AuthorizationStatus>;

/**
 * Knowledge about the providers the endpoint element shows: the permissions to grant in each portal, the meaning of
 * the errors they answer with, and the parser of the client file Google offers for download.
 */
import type { OAuthProvider } from '../../core/index.js';

/** The permissions as the provider's portal lists them (Microsoft: Graph delegated permissions). */
export const PORTAL_SCOPES: Readonly<Record<OAuthProvider, readonly string[]>> = {
  microsoft: ['offline_access', 'email', 'IMAP.AccessAsUser.All', 'POP.AccessAsUser.All', 'SMTP.Send', 'User.Read'],
  google: [
    'https://mail.google.com/',
    'https://www.googleapis.com/auth/userinfo.profile',
    'https://www.googleapis.com/auth/userinfo.email',
  ],
};

/** What a provider error means, as a key of the `settings.oauth-error.*` translations. */
export const OAUTH_ERROR_MEANINGS = [
  'redirect-uri',
  'mixed-resources',
  'unknown-scope',
  'malformed-scope',
  'too-many-scopes',
  'bad-secret',
  'expired-secret',
  'consent',
  'wrong-tenant',
  'app-not-found',
  'invalid-grant',
  'access-denied',
  'invalid-client',
  'unauthorized-client',
  'invalid-scope',
  'interaction',
  'provider-down',
  'unknown',
] as const;
export type OAuthErrorMeaning = (typeof OAUTH_ERROR_MEANINGS)[number];

const BY_AADSTS: Readonly<Record<string, OAuthErrorMeaning>> = {
  AADSTS50011: 'redirect-uri',
  AADSTS500113: 'redirect-uri',
  AADSTS28000: 'mixed-resources',
  AADSTS700022: 'mixed-resources',
  AADSTS650053: 'unknown-scope',
  AADSTS70011: 'malformed-scope',
  AADSTS28004: 'too-many-scopes',
  AADSTS7000215: 'bad-secret',
  AADSTS7000222: 'expired-secret',
  AADSTS65001: 'consent',
  AADSTS65004: 'access-denied',
  AADSTS50020: 'wrong-tenant',
  AADSTS700016: 'app-not-found',
  AADSTS90002: 'wrong-tenant',
  AADSTS70000: 'invalid-grant',
  AADSTS70008: 'invalid-grant',
  AADSTS54005: 'invalid-grant',
  AADSTS50076: 'interaction',
  AADSTS50079: 'interaction',
  AADSTS53003: 'interaction',
};

const BY_CODE: Readonly<Record<string, OAuthErrorMeaning>> = {
  redirect_uri_mismatch: 'redirect-uri',
  invalid_grant: 'invalid-grant',
  access_denied: 'access-denied',
  invalid_client: 'invalid-client',
  unauthorized_client: 'unauthorized-client',
  invalid_scope: 'invalid-scope',
  consent_required: 'consent',
  interaction_required: 'interaction',
  login_required: 'interaction',
  server_error: 'provider-down',
  temporarily_unavailable: 'provider-down',
};

/** The meaning of a provider error: an `AADSTS…` number anywhere in the code or text, else the OAuth error code. */
export function oauthErrorMeaning(code: string | undefined, text: string | undefined): OAuthErrorMeaning {
  const aadsts = `${code ?? ''} ${text ?? ''}`.match(/AADSTS\d+/i)?.[0]?.toUpperCase();
  if (aadsts && BY_AADSTS[aadsts]) return BY_AADSTS[aadsts];
  const normalized = (code ?? '').trim().toLowerCase();
  if (normalized === 'invalid_request' && /redirect_uri/i.test(text ?? '')) return 'redirect-uri';
  return BY_CODE[normalized] ?? 'unknown';
}

/** What the Google client file held, or why it was refused. */
export type GoogleClientFile =
  | { ok: true; clientId: string; clientSecret: string; redirectUris: string[]; projectId: string | undefined }
  | { ok: false; reason: 'malformed' | 'installed' | 'service-account' | 'wrong-kind' | 'incomplete' | 'too-large' };

const MAX_FILE_BYTES = 64 * 1024;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * Reads the JSON Google offers for an OAuth client (`{"web": {"client_id", "client_secret", "redirect_uris", ...}}`).
 * Desktop credentials (`installed`), service-account keys and anything else are refused with a reason.
 */
export function parseGoogleClientFile(source: string): GoogleClientFile {
  if (source.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'wrong-kind' };
  const root = data as Record<string, unknown>;
  if ('installed' in root) return { ok: false, reason: 'installed' };
  if (root.type === 'service_account') return { ok: false, reason: 'service-account' };
  const web = root.web;
  if (!web || typeof web !== 'object' || Array.isArray(web)) return { ok: false, reason: 'wrong-kind' };
  const fields = web as Record<string, unknown>;
  const clientId = text(fields.client_id);
  const clientSecret = text(fields.client_secret);
  if (!clientId || !clientSecret) return { ok: false, reason: 'incomplete' };
  const redirectUris = Array.isArray(fields.redirect_uris)
    ? fields.redirect_uris.filter((uri): uri is string => typeof uri === 'string')
    : [];
  return { ok: true, clientId, clientSecret, redirectUris, projectId: text(fields.project_id) };
}

/**
 * The OAuth 2.0 broker: app registrations (endpoints), the authorization-code flow with PKCE S256 and a single-use
 * `state` bound to the user and the endpoint, the code exchanged with the client secret, refresh with rotation
 * persisted, and access tokens handed to IMAP, POP3 and SMTP for SASL XOAUTH2.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  DEFAULT_REDIRECT_PATH,
  MailError,
  type AccountEndpoint,
  type AccountEndpointInput,
  type AppSettings,
  type AuthorizationStatus,
  type CompleteAuthorizationRequest,
  type OAuthProvider,
} from '../core/index.js';
import { GLOBAL_USER, type SettingsStore } from './store.js';

export interface ProviderUrls {
  authorizeUrl: (tenantId: string | undefined) => string;
  tokenUrl: (tenantId: string | undefined) => string;
}

export const MICROSOFT: ProviderUrls = {
  authorizeUrl: (tenant) =>
    `https://login.microsoftonline.com/${encodeURIComponent(tenant ?? 'common')}/oauth2/v2.0/authorize`,
  tokenUrl: (tenant) => `https://login.microsoftonline.com/${encodeURIComponent(tenant ?? 'common')}/oauth2/v2.0/token`,
};
export const GOOGLE: ProviderUrls = {
  authorizeUrl: () => 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: () => 'https://oauth2.googleapis.com/token',
};

export const SCOPES: Readonly<Record<OAuthProvider, readonly string[]>> = {
  microsoft: [
    'https://outlook.office.com/IMAP.AccessAsUser.All',
    'https://outlook.office.com/POP.AccessAsUser.All',
    'https://outlook.office.com/SMTP.Send',
    'offline_access',
  ],
  google: ['https://mail.google.com/', 'openid', 'email', 'profile'],
};

export interface OAuthBrokerOptions {
  /** The application base URL until one is saved. */
  defaultBaseUrl?: string;
  providers?: Partial<Record<OAuthProvider, ProviderUrls>>;
  /** Refresh this long before expiry, in milliseconds. Default: 60 s. */
  refreshMarginMs?: number;
  /** How long a `state` stays valid, in milliseconds. Default: 10 minutes. */
  stateTtlMs?: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface StoredEndpoint {
  id: string;
  provider: OAuthProvider;
  name: string;
  clientId: string;
  tenantId?: string;
}

interface TokenState {
  account?: string;
  expiresAt?: string;
  lastErrorCode?: string;
  lastError?: string;
  state: AuthorizationStatus['state'];
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  id_token?: string;
  error?: string;
  error_description?: string;
}

const DEFAULT_APP_SETTINGS: AppSettings = { baseUrl: '', redirectPath: DEFAULT_REDIRECT_PATH };

export class OAuthBroker {
  private readonly providers: Record<OAuthProvider, ProviderUrls>;
  private readonly refreshMarginMs: number;
  private readonly stateTtlMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly defaultBaseUrl: string | undefined;
  /** One refresh at a time per user and endpoint: concurrent callers share it (rotation would break otherwise). */
  private readonly refreshing = new Map<string, Promise<string>>();

  constructor(
    private readonly store: SettingsStore,
    options: OAuthBrokerOptions = {},
  ) {
    this.providers = { microsoft: MICROSOFT, google: GOOGLE, ...options.providers };
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
    this.stateTtlMs = options.stateTtlMs ?? 10 * 60_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.defaultBaseUrl = options.defaultBaseUrl;
  }

  // --- application settings and endpoints (global: app registrations belong to the application)
  /** The application settings (shared and frozen; every request reads them). */
  getAppSettings(): Readonly<AppSettings> {
    return this.store.memo(`appSettings\u0000${this.defaultBaseUrl ?? ''}`, () =>
      Object.freeze(
        this.store.get<AppSettings>(GLOBAL_USER, 'appSettings') ?? {
          ...DEFAULT_APP_SETTINGS,
          baseUrl: (this.defaultBaseUrl ?? '').replace(/\/+$/, ''),
        },
      ),
    );
  }

  saveAppSettings(settings: AppSettings): AppSettings {
    const clean = { baseUrl: settings.baseUrl.replace(/\/+$/, ''), redirectPath: settings.redirectPath };
    this.store.set(GLOBAL_USER, 'appSettings', clean);
    return clean;
  }

  redirectUri(): string {
    const { baseUrl, redirectPath } = this.getAppSettings();
    return `${baseUrl}${redirectPath}`;
  }

  private endpoint(id: string): StoredEndpoint {
    const row = this.store.sql('SELECT data FROM endpoints WHERE id = ?').get(id) as { data: string } | undefined;
    if (!row) throw new MailError('not-found', 'There is no such OAuth endpoint.');
    return JSON.parse(row.data) as StoredEndpoint;
  }

  private endpointOut(endpoint: StoredEndpoint): AccountEndpoint {
    return {
      ...endpoint,
      clientSecretSet: this.store.hasSecret(GLOBAL_USER, `endpoint:${endpoint.id}:secret`),
      redirectUri: this.redirectUri(),
      scopes: [...SCOPES[endpoint.provider]],
    };
  }

  listEndpoints(): AccountEndpoint[] {
    const rows = this.store.sql('SELECT data FROM endpoints ORDER BY created, id').all() as { data: string }[];
    return rows.map((row) => this.endpointOut(JSON.parse(row.data) as StoredEndpoint));
  }

  getEndpoint(id: string): AccountEndpoint {
    return this.endpointOut(this.endpoint(id));
  }

  saveEndpoint(input: AccountEndpointInput): AccountEndpoint {
    const id = input.id ?? `ep-${randomBytes(9).toString('base64url')}`;
    if (input.id) this.endpoint(input.id);
    const stored: StoredEndpoint = {
      id,
      provider: input.provider,
      name: input.name,
      clientId: input.clientId,
      ...(input.tenantId ? { tenantId: input.tenantId } : {}),
    };
    this.store
      .sql(
        'INSERT INTO endpoints (id, user_id, data, created) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data',
      )
      .run(id, GLOBAL_USER, JSON.stringify(stored), Date.now());
    if (input.clientSecret !== undefined)
      this.store.setSecret(GLOBAL_USER, `endpoint:${id}:secret`, input.clientSecret);
    return this.endpointOut(stored);
  }

  deleteEndpoint(id: string): void {
    this.endpoint(id);
    this.store.sql('DELETE FROM endpoints WHERE id = ?').run(id);
    this.store.setSecret(GLOBAL_USER, `endpoint:${id}:secret`, null);
  }

  // --- the authorization-code flow
  begin(userId: string, endpointId: string, loginHint: string | undefined): { url: string; state: string } {
    const endpoint = this.endpoint(endpointId);
    const { baseUrl } = this.getAppSettings();
    if (!baseUrl) {
      throw new MailError('validation', 'Set the application base URL first: the redirect URL is built from it.', {
        issues: [{ path: ['baseUrl'], message: 'Required before authorizing.' }],
      });
    }
    const state = randomBytes(24).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = this.redirectUri();
    this.store.sql('DELETE FROM oauth_states WHERE expires < ?').run(Date.now());
    this.store
      .sql(
        'INSERT INTO oauth_states (state, user_id, endpoint_id, provider, verifier_sealed, redirect_uri, login_hint, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        state,
        userId,
        endpoint.id,
        endpoint.provider,
        this.store.seal(verifier),
        redirectUri,
        loginHint ?? null,
        Date.now() + this.stateTtlMs,
      );
    const url = new URL(this.providers[endpoint.provider].authorizeUrl(endpoint.tenantId));
    const params: Record<string, string> = {
      client_id: endpoint.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'query',
      scope: SCOPES[endpoint.provider].join(' '),
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    if (endpoint.provider === 'google') {
      params.access_type = 'offline';
      params.prompt = 'consent';
      delete params.response_mode;
    }
    if (loginHint) params.login_hint = loginHint;
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return { url: url.href, state };
  }

  async complete(userId: string, request: CompleteAuthorizationRequest): Promise<AuthorizationStatus> {
    const row = this.store.sql('SELECT * FROM oauth_states WHERE state = ?').get(request.state) as
      | {
          user_id: string;
          endpoint_id: string;
          verifier_sealed: Buffer;
          redirect_uri: string;
          login_hint: string | null;
          expires: number;
        }
      | undefined;
    // Single use: whatever happens next, this state is spent.
    this.store.sql('DELETE FROM oauth_states WHERE state = ?').run(request.state);
    if (!row || row.user_id !== userId || row.expires < Date.now()) {
      throw new MailError('validation', 'This authorization is unknown, expired or already used: start again.', {
        issues: [{ path: ['state'], message: 'Unknown, expired or used state.' }],
      });
    }
    const endpointId = row.endpoint_id;
    if (request.error || !request.code) {
      return this.recordError(
        userId,
        endpointId,
        request.error ?? 'no_code',
        request.errorDescription ?? 'The provider sent no code.',
      );
    }
    const endpoint = this.endpoint(endpointId);
    const tokens = await this.tokenRequest(endpoint, {
      grant_type: 'authorization_code',
      code: request.code,
      redirect_uri: row.redirect_uri,
      code_verifier: this.store.unseal(row.verifier_sealed),
    });
    if (!tokens.access_token || tokens.error) {
      return this.recordError(userId, endpointId, tokens.error ?? 'no_token', tokens.error_description ?? 'No token.');
    }
    let account = emailOf(tokens.id_token);
    if (!account && endpoint.provider === 'microsoft' && tokens.refresh_token) {
      // One token request cannot mix resources: ask for identity separately with the refresh token.
      const identity = await this.tokenRequest(endpoint, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        scope: 'openid email profile offline_access',
      });
      account = emailOf(identity.id_token);
      if (identity.refresh_token) tokens.refresh_token = identity.refresh_token;
    }
    this.storeTokens(userId, endpointId, tokens, account ?? row.login_hint ?? undefined);
    return this.status(userId, endpointId);
  }

  private recordError(userId: string, endpointId: string, code: string, message: string): AuthorizationStatus {
    const previous = this.tokenState(userId, endpointId);
    this.store.set(userId, `auth:${endpointId}`, {
      ...previous,
      state: 'error',
      lastErrorCode: code,
      lastError: message,
    } satisfies TokenState);
    return this.status(userId, endpointId);
  }

  private storeTokens(userId: string, endpointId: string, tokens: TokenResponse, account: string | undefined): void {
    const expiresAt = new Date(Date.now() + (tokens.expires_in ?? 3600) * 1000).toISOString();
    this.store.setSecret(userId, `token:${endpointId}:access`, tokens.access_token!);
    if (tokens.refresh_token) this.store.setSecret(userId, `token:${endpointId}:refresh`, tokens.refresh_token);
    const previous = this.tokenState(userId, endpointId);
    this.store.set(userId, `auth:${endpointId}`, {
      state: 'authorized',
      account: account ?? previous.account,
      expiresAt,
    } satisfies TokenState);
  }

  private tokenState(userId: string, endpointId: string): TokenState {
    return this.store.get<TokenState>(userId, `auth:${endpointId}`) ?? { state: 'not-authorized' };
  }

  status(userId: string, endpointId: string): AuthorizationStatus {
    this.endpoint(endpointId);
    const state = this.tokenState(userId, endpointId);
    let current = state.state;
    if (current === 'authorized' && state.expiresAt && Date.parse(state.expiresAt) < Date.now()) {
      current = this.store.hasSecret(userId, `token:${endpointId}:refresh`) ? 'authorized' : 'expired';
    }
    return {
      endpointId,
      state: current,
      ...(state.account ? { account: state.account } : {}),
      ...(state.expiresAt && current === 'authorized' ? { expiresAt: state.expiresAt } : {}),
      ...(state.lastErrorCode ? { lastErrorCode: state.lastErrorCode } : {}),
      ...(state.lastError ? { lastError: state.lastError } : {}),
    };
  }

  revoke(userId: string, endpointId: string): AuthorizationStatus {
    this.endpoint(endpointId);
    this.store.deleteSecrets(userId, `token:${endpointId}:`);
    this.store.delete(userId, `auth:${endpointId}`);
    return this.status(userId, endpointId);
  }

  /** A valid access token, refreshed when it expires soon or when `force` (after the server refused it). */
  async accessToken(userId: string, endpointId: string, force = false): Promise<{ token: string; account?: string }> {
    const state = this.tokenState(userId, endpointId);
    const access = this.store.getSecret(userId, `token:${endpointId}:access`);
    if (!access || state.state === 'not-authorized') {
      throw new MailError('unauthorized', 'This mailbox is not authorized yet: authorize it with the OAuth endpoint.');
    }
    const fresh = state.expiresAt && Date.parse(state.expiresAt) - this.refreshMarginMs > Date.now();
    if (fresh && !force) return { token: access, account: state.account };
    const key = `${userId}\u0000${endpointId}`;
    let pending = this.refreshing.get(key);
    if (!pending) {
      pending = this.refresh(userId, endpointId).finally(() => this.refreshing.delete(key));
      this.refreshing.set(key, pending);
    }
    return { token: await pending, account: this.tokenState(userId, endpointId).account };
  }

  private async refresh(userId: string, endpointId: string): Promise<string> {
    const refreshToken = this.store.getSecret(userId, `token:${endpointId}:refresh`);
    if (!refreshToken) {
      this.recordError(userId, endpointId, 'no_refresh_token', 'The authorization expired: authorize again.');
      throw new MailError('unauthorized', 'The authorization expired: authorize again.');
    }
    const endpoint = this.endpoint(endpointId);
    const tokens = await this.tokenRequest(endpoint, { grant_type: 'refresh_token', refresh_token: refreshToken });
    if (!tokens.access_token || tokens.error) {
      const state = this.tokenState(userId, endpointId);
      this.store.deleteSecrets(userId, `token:${endpointId}:`);
      this.store.set(userId, `auth:${endpointId}`, {
        ...state,
        state: 'expired',
        lastErrorCode: tokens.error ?? 'invalid_grant',
        lastError: tokens.error_description ?? 'The provider refused to refresh the token: authorize again.',
      } satisfies TokenState);
      throw new MailError('unauthorized', 'The provider refused to refresh the token: authorize again.');
    }
    this.storeTokens(userId, endpointId, tokens, undefined);
    return tokens.access_token;
  }

  private async tokenRequest(endpoint: StoredEndpoint, params: Record<string, string>): Promise<TokenResponse> {
    const secret = this.store.getSecret(GLOBAL_USER, `endpoint:${endpoint.id}:secret`);
    const body = new URLSearchParams({ client_id: endpoint.clientId, ...params });
    if (secret) body.set('client_secret', secret);
    let response: Response;
    try {
      response = await this.fetchImpl(this.providers[endpoint.provider].tokenUrl(endpoint.tenantId), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new MailError('network', 'The OAuth provider could not be reached.', { cause: error });
    }
    try {
      return (await response.json()) as TokenResponse;
    } catch {
      return {
        error: `http_${response.status}`,
        error_description: 'The provider answered something that is not JSON.',
      };
    }
  }
}

/** The e-mail claim of an id token received directly from the token endpoint (over TLS, so not re-verified). */
function emailOf(idToken: string | undefined): string | undefined {
  if (!idToken) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const email = payload.email ?? payload.preferred_username ?? payload.upn;
    return typeof email === 'string' && email.includes('@') ? email.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connections to the account's servers: an IMAP pool per account (imapflow instances cannot be reused after close,
 * so a broken one is dropped and a new one made, with backoff), SMTP transports (nodemailer) and the credentials for
 * both: a password, or an OAuth access token refreshed once when the server refuses it.
 */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { MailError, type MailServerSettings } from '../core/index.js';
import type { OAuthBroker } from './oauth.js';
import type { SettingsStore } from './store.js';
import { connectionError, isAuthFailure, sleep } from './util.js';

export interface TlsOptions {
  /** Extra CA certificates to trust (a self-signed test server). */
  ca?: string | Buffer;
  /** Accept any certificate. Only for development against a self-signed server. */
  insecure?: boolean;
}

export interface ConnectionOptions {
  tls?: TlsOptions;
  /** Milliseconds to connect, greet and authenticate. Default: 15000. */
  connectTimeoutMs?: number;
  /** Milliseconds of socket silence before a connection is given up. Default: 60000. */
  socketTimeoutMs?: number;
  /** IMAP connections per account. Default: 4. */
  poolSize?: number;
}

export interface Credentials {
  user: string;
  pass?: string;
  accessToken?: string;
}

/** Reads the account and its credentials from the store, for one user. */
export class AccountAccess {
  constructor(
    readonly store: SettingsStore,
    readonly broker: OAuthBroker,
    readonly userId: string,
  ) {}

  /** The account's settings (shared and frozen: read them, never change them); `forbidden` when there is none. */
  settings(): MailServerSettings {
    const settings = this.stored();
    if (!settings) throw new MailError('forbidden', 'No mail account is configured yet: set up the mail server first.');
    return settings;
  }

  /** The account's settings, or undefined before the account is set up. */
  stored(): MailServerSettings | undefined {
    return this.store.memo(`account\u0000${this.userId}`, () => {
      const settings = this.store.get<Omit<MailServerSettings, 'passwordSet'>>(this.userId, 'account');
      if (!settings) return undefined;
      return deepFreeze({ ...settings, passwordSet: this.store.hasSecret(this.userId, 'account:password') });
    });
  }

  /** A string that changes whenever the settings do (the IMAP pool is rebuilt then). */
  settingsKey(): string {
    return this.store.memo(`account-key\u0000${this.userId}`, () => JSON.stringify(this.stored() ?? null));
  }

  async credentials(settings: MailServerSettings, force = false, password?: string | null): Promise<Credentials> {
    if (settings.auth === 'oauth') {
      if (!settings.oauthEndpointId) throw new MailError('unauthorized', 'Choose the OAuth endpoint of this account.');
      const { token, account } = await this.broker.accessToken(this.userId, settings.oauthEndpointId, force);
      return { user: account ?? settings.userName, accessToken: token };
    }
    const pass = password ?? this.store.getSecret(this.userId, 'account:password');
    if (!pass) throw new MailError('unauthorized', 'No password is stored for this account.');
    return { user: settings.userName, pass };
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child && typeof child === 'object') deepFreeze(child as object);
  return Object.freeze(value);
}

export function tlsFor(host: string, tls: TlsOptions | undefined) {
  return {
    servername: /^[\d.]+$|:/.test(host) ? undefined : host,
    ...(tls?.ca ? { ca: tls.ca } : {}),
    rejectUnauthorized: !tls?.insecure,
    minVersion: 'TLSv1.2' as const,
  };
}

export function createImapClient(
  settings: MailServerSettings,
  credentials: Credentials,
  options: ConnectionOptions,
  extra: Partial<ConstructorParameters<typeof ImapFlow>[0]> = {},
): ImapFlow {
  const { host, port, security } = settings.incoming;
  return new ImapFlow({
    host,
    port,
    secure: security === 'tls',
    doSTARTTLS: security === 'starttls' ? true : security === 'none' ? false : undefined,
    tls: tlsFor(host, options.tls),
    auth: credentials.accessToken
      ? { user: credentials.user, accessToken: credentials.accessToken }
      : { user: credentials.user, pass: credentials.pass ?? '' },
    logger: false,
    connectionTimeout: options.connectTimeoutMs ?? 15_000,
    greetingTimeout: options.connectTimeoutMs ?? 15_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    disableAutoIdle: true,
    ...extra,
  } as ConstructorParameters<typeof ImapFlow>[0]);
}

/**
 * Connects with the account's credentials; an authentication failure with an OAuth token refreshes the token once
 * and tries again, then becomes `unauthorized`.
 */
export async function connectImap(
  access: AccountAccess,
  options: ConnectionOptions,
  extra: Partial<ConstructorParameters<typeof ImapFlow>[0]> = {},
): Promise<ImapFlow> {
  const settings = access.settings();
  for (let attempt = 0; ; attempt++) {
    const credentials = await access.credentials(settings, attempt > 0);
    const client = createImapClient(settings, credentials, options, extra);
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (error) {
      client.close();
      if (isAuthFailure(error)) {
        if (settings.auth === 'oauth' && attempt === 0) continue;
        throw new MailError(
          'unauthorized',
          settings.auth === 'oauth'
            ? 'The mail server refused the OAuth token: authorize the mailbox again.'
            : 'The mail server refused the user name or password.',
          { cause: error },
        );
      }
      throw connectionError(error);
    }
  }
}

/** A small pool of IMAP connections for one account, each used by one operation at a time. */
export class ImapPool {
  private readonly idle: ImapFlow[] = [];
  private readonly busy = new Set<ImapFlow>();
  private readonly waiters: ((client: ImapFlow | Error) => void)[] = [];
  private connecting = 0;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly access: AccountAccess,
    private readonly options: ConnectionOptions,
  ) {}

  private get size(): number {
    return this.options.poolSize ?? 4;
  }

  async use<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = await this.acquire();
    try {
      return await run(client);
    } catch (error) {
      if (!client.usable) this.drop(client);
      throw error;
    } finally {
      this.release(client);
    }
  }

  private async acquire(): Promise<ImapFlow> {
    if (this.closed) throw new MailError('network', 'The connection pool is closed.');
    while (this.idle.length) {
      const client = this.idle.pop()!;
      if (client.usable) {
        this.busy.add(client);
        return client;
      }
      client.close();
    }
    if (this.busy.size + this.connecting < this.size) {
      this.connecting++;
      try {
        if (this.failures) await sleep(Math.min(5000, 100 * 2 ** (this.failures - 1)));
        const client = await connectImap(this.access, this.options);
        this.failures = 0;
        client.on('close', () => this.drop(client));
        this.busy.add(client);
        return client;
      } catch (error) {
        if (!(error instanceof MailError && error.code === 'unauthorized')) this.failures++;
        throw error;
      } finally {
        this.connecting--;
      }
    }
    return new Promise<ImapFlow>((resolve, reject) => {
      this.waiters.push((client) => (client instanceof Error ? reject(client) : resolve(client)));
    });
  }

  private release(client: ImapFlow): void {
    if (!this.busy.delete(client)) return;
    if (!client.usable || this.closed) {
      client.close();
      this.wakeWaiter();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      this.busy.add(client);
      waiter(client);
    } else this.idle.push(client);
  }

  private drop(client: ImapFlow): void {
    const index = this.idle.indexOf(client);
    if (index >= 0) this.idle.splice(index, 1);
    if (this.busy.delete(client)) this.wakeWaiter();
  }

  /** A waiter whose connection went away gets a new one. */
  private wakeWaiter(): void {
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.acquire().then(waiter, (error: Error) => waiter(error));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter(new MailError('network', 'The connection pool was closed.'));
    const all = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    await Promise.all(all.map((client) => client.logout().catch(() => client.close())));
  }
}

export function createSmtpTransport(
  settings: MailServerSettings,
  credentials: Credentials,
  options: ConnectionOptions,
) {
  const { host, port, security } = settings.outgoing;
  return nodemailer.createTransport({
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    tls: tlsFor(host, options.tls),
    auth: credentials.accessToken
      ? { type: 'OAuth2', user: credentials.user, accessToken: credentials.accessToken }
      : { user: credentials.user, pass: credentials.pass ?? '' },
    connectionTimeout: options.connectTimeoutMs ?? 15_000,
    greetingTimeout: options.connectTimeoutMs ?? 15_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    logger: false,
  });
}

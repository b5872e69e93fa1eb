// The two Node servers of the test stack, in one process: the SMTP-to-LMTP relay that Dovecot's submission service
// hands mail to, and a strict OAuth 2.0 provider (oauth2-mock-server with its hooks) whose tokens Dovecot validates.
// Started by start.mjs; loopback only.
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import nodemailer from 'nodemailer';
import { OAuth2Server } from 'oauth2-mock-server';
import { dir, domain, host, oauthClient, ports } from './config.mjs';

// --- relay: anything accepted on the relay port goes to Dovecot's LMTP with its envelope
const lmtp = nodemailer.createTransport({ lmtp: true, host, port: ports.lmtp, ignoreTLS: true });
const relay = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: 50 * 1024 * 1024,
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const rcpts = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      // Local recipients go to Dovecot's LMTP; others are "the internet": accepted and logged for tests to read.
      const local = rcpts.filter((address) => address.toLowerCase().endsWith(`@${domain}`));
      const remote = rcpts.filter((address) => !local.includes(address));
      if (remote.length) {
        const messageId =
          /^message-id:\s*(\S+)/im.exec(raw.toString('utf8', 0, Math.min(raw.length, 65536)))?.[1] ?? '';
        appendFileSync(
          join(dir, 'outbound.jsonl'),
          JSON.stringify({ from, to: remote, messageId, size: raw.length }) + '\n',
        );
      }
      if (!local.length) return callback();
      lmtp.sendMail({ envelope: { from, to: local }, raw }).then(
        () => callback(),
        (error) => {
          const failure = new Error(error.response ?? error.message);
          failure.responseCode = 550;
          callback(failure);
        },
      );
    });
  },
});
await new Promise((resolve, reject) => {
  relay.once('error', reject);
  relay.listen(ports.relay, host, resolve);
});

// --- strict OAuth provider
const issuerUrl = `http://${host}:${ports.oauth}`;
const oauth = new OAuth2Server();
const key = await oauth.issuer.keys.generate('RS256');
oauth.issuer.url = issuerUrl;
await writeDovecotKey(key);

/** code -> what the authorize request said; single use. */
const codes = new Map();
/** refresh token -> user; rotated on every use. */
const refreshTokens = new Map();
/** Control knobs tests set through /__control. */
const control = { tokenTtl: 3600, revokedUsers: new Set() };
/** Registered clients: id -> secret. Tests register more through /__control. */
const clients = new Map([[oauthClient.clientId, oauthClient.clientSecret]]);

oauth.service.on('beforeAuthorizeRedirect', (redirect, req) => {
  const code = redirect.url.searchParams.get('code');
  const q = req.query;
  const user = typeof q.login_hint === 'string' ? q.login_hint.toLowerCase() : '';
  if (!code) return;
  const fail = (error) => {
    redirect.url.searchParams.delete('code');
    redirect.url.searchParams.set('error', error);
  };
  if (!clients.has(q.client_id)) return fail('unauthorized_client');
  if (!user) return fail('login_required');
  if (q.code_challenge_method !== 'S256' || !q.code_challenge) return fail('invalid_request');
  codes.set(code, { user, redirectUri: q.redirect_uri, challenge: q.code_challenge, scope: q.scope ?? '' });
});

/** The verdict on each token request, decided once (tokens are built twice per request: access and id). */
const verdicts = new WeakMap();
const verdictOf = (req) => {
  if (!verdicts.has(req)) verdicts.set(req, checkTokenRequest(req));
  return verdicts.get(req);
};
oauth.service.on('beforeTokenSigning', (token, req) => {
  const verdict = verdictOf(req);
  const user = verdict.user ?? 'nobody@invalid';
  token.payload.sub = user;
  token.payload.email = user;
  token.payload.exp = token.payload.iat + control.tokenTtl;
  // Dovecot's submission service refuses AUTH lines over about 1 KB: keep the tokens short.
  delete token.payload.scope;
  delete token.payload.amr;
  delete token.payload.nbf;
});

/** Decides who a token request is for before the tokens are built; refuses what a real provider refuses. */
function checkTokenRequest(req) {
  const body = req.body ?? {};
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  const [id, secret] = basic
    ? Buffer.from(basic[1], 'base64').toString().split(':').map(decodeURIComponent)
    : [body.client_id, body.client_secret];
  if (!id || !clients.has(id) || clients.get(id) !== secret) return { error: 'invalid_client' };
  if (body.grant_type === 'authorization_code') {
    const entry = codes.get(body.code);
    codes.delete(body.code);
    if (!entry) return { error: 'invalid_grant', description: 'Unknown or used code.' };
    if (entry.redirectUri !== body.redirect_uri)
      return { error: 'invalid_grant', description: 'redirect_uri mismatch' };
    const verifier = String(body.code_verifier ?? '');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (challenge !== entry.challenge) return { error: 'invalid_grant', description: 'PKCE verification failed.' };
    return { user: entry.user };
  }
  if (body.grant_type === 'refresh_token') {
    const user = refreshTokens.get(body.refresh_token);
    refreshTokens.delete(body.refresh_token);
    if (!user || control.revokedUsers.has(user))
      return { error: 'invalid_grant', description: 'Unknown refresh token.' };
    return { user };
  }
  return { error: 'unsupported_grant_type' };
}

oauth.service.on('beforeResponse', (response, req) => {
  const verdict = verdictOf(req);
  if (verdict.error) {
    response.statusCode = 400;
    response.body = { error: verdict?.error ?? 'invalid_request', error_description: verdict?.description };
    return;
  }
  const refresh = randomUUID();
  refreshTokens.set(refresh, verdict.user);
  response.body.refresh_token = refresh;
  response.body.expires_in = control.tokenTtl;
});

const service = oauth.service.requestHandler;
const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', issuerUrl);
  if (url.pathname === '/__control' && req.method === 'POST') {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text || '{}');
      if (typeof body.tokenTtl === 'number') control.tokenTtl = body.tokenTtl;
      if (typeof body.revokeUser === 'string') control.revokedUsers.add(body.revokeUser);
      if (typeof body.restoreUser === 'string') control.revokedUsers.delete(body.restoreUser);
      if (body.registerClient)
        clients.set(String(body.registerClient.clientId), String(body.registerClient.clientSecret));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ...control, revokedUsers: [...control.revokedUsers] }));
    });
    return;
  }
  service(req, res);
});
await new Promise((resolve, reject) => {
  http.once('error', reject);
  http.listen(ports.oauth, host, resolve);
});
console.info(`[mail-servers] relay on ${host}:${ports.relay}, OAuth provider on ${issuerUrl}`);

/** Dovecot reads the provider's public key as PEM from <dir>/oauth2-keys/default/RS256/<kid>. */
async function writeDovecotKey(jwk) {
  const { createPublicKey } = await import('node:crypto');
  const pem = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' }).export({
    type: 'spki',
    format: 'pem',
  });
  const kid = String(jwk.kid).replace(/%/g, '%25').replace(/\//g, '%2f');
  const keyDir = join(dir, 'oauth2-keys', 'default', 'RS256');
  mkdirSync(keyDir, { recursive: true });
  writeFileSync(join(keyDir, kid), pem, { mode: 0o644 });
}

const shutdown = () => {
  relay.close(() => undefined);
  http.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

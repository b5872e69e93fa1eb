// Where the test mail servers live and which loopback ports they use. Every port can be overridden by environment.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = (name, fallback) => Number(process.env[name] ?? fallback);

export const dir = process.env.MAIL_SERVERS_DIR ?? join(tmpdir(), 'me-mail');

export const ports = {
  imap: port('MAIL_IMAP_PORT', 1143),
  imaps: port('MAIL_IMAPS_PORT', 1993),
  pop3: port('MAIL_POP3_PORT', 1110),
  pop3s: port('MAIL_POP3S_PORT', 1995),
  submission: port('MAIL_SUBMISSION_PORT', 1587),
  submissions: port('MAIL_SUBMISSIONS_PORT', 1465),
  lmtp: port('MAIL_LMTP_PORT', 1024),
  relay: port('MAIL_RELAY_PORT', 1025),
  oauth: port('MAIL_OAUTH_PORT', 8080),
};

export const host = '127.0.0.1';
export const domain = 'example.test';
/** The OAuth test client registered with the local provider. */
export const oauthClient = {
  clientId: process.env.MAIL_OAUTH_CLIENT_ID ?? 'mail-elements-test.apps.googleusercontent.com',
  clientSecret: process.env.MAIL_OAUTH_CLIENT_SECRET ?? 'test-client-secret',
};
export const users = [
  { user: 'alice@example.test', password: 'alice-pw' },
  { user: 'bob@example.test', password: 'bob-pw' },
];
/** The state file written by start and read by stop and by tests. */
export const stateFile = join(dir, 'servers.json');

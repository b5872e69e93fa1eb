/**
 * Test support for the Node server: the real mail servers (started by scripts/mail-servers), fresh Dovecot users with
 * a seeded mailbox, and a configured server per test. MAIL_SERVERS=skip skips with a visible SKIPPED line; anything
 * else that keeps the servers from starting fails loudly.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs script without types
import { startMailServers } from '../../scripts/mail-servers/start.mjs';
import { MemoryMailBackend } from '../../src/mock/memory-backend.js';
import assert from 'node:assert/strict';
import { MailError, type RecordRef } from '../../src/core/index.js';
import type { RecordSource } from '../../src/node/index.js';

export interface ServersState {
  dir: string;
  host: string;
  ports: Record<
    'imap' | 'imaps' | 'pop3' | 'pop3s' | 'submission' | 'submissions' | 'lmtp' | 'relay' | 'oauth',
    number
  >;
  cert: string;
  config: string;
}

export const OAUTH_CLIENT = {
  clientId: process.env.MAIL_OAUTH_CLIENT_ID ?? 'mail-elements-test.apps.googleusercontent.com',
  clientSecret: process.env.MAIL_OAUTH_CLIENT_SECRET ?? 'test-client-secret',
};

let started: Promise<ServersState | null> | undefined;

/** The running mail servers, started on first use; `null` only when MAIL_SERVERS=skip. */
export function mailServers(): Promise<ServersState | null> {
  started ??= (async () => {
    if (process.env.MAIL_SERVERS === 'skip') {
      console.info('[mail-elements] SKIPPED: the Node server tests against real mail servers (MAIL_SERVERS=skip).');
      return null;
    }
    return (await startMailServers()) as ServersState;
  })();
  return started;
}

const TEMPLATE_SIZE = 130;
let template: { dir: string; records: RecordRef[] } | undefined;

/** A Maildir with the contract's seeded inbox (dates ascending with UIDs), written once per process. */
function seededTemplate(servers: ServersState): Promise<{ dir: string; records: RecordRef[] }> {
  if (template) return Promise.resolve(template);
  return (async () => {
    const memory = new MemoryMailBackend({ seed: 'contract', messages: TEMPLATE_SIZE });
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await memory.listMessages({ folderId: 'inbox', limit: 200, sort: 'date-asc', cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const dir = mkdtempSync(join(servers.dir, 'template-'));
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'Maildir', sub), { recursive: true });
    let index = 0;
    for (const item of items) {
      const raw = new Uint8Array(await (await memory.getRawMessage({ id: item.id })).arrayBuffer());
      const time = Math.floor(Date.parse(item.date) / 1000);
      const flags = `${item.flags.flagged ? 'F' : ''}${item.flags.answered ? 'R' : ''}${item.flags.seen ? 'S' : ''}`;
      const name = `${time}.M${String(++index).padStart(6, '0')}P1.seed,S=${raw.byteLength}:2,${flags}`;
      const file = join(dir, 'Maildir', 'cur', name);
      writeFileSync(file, raw);
      utimesSync(file, time, time);
    }
    const records = (await memory.searchRecords({ objectName: 'customers', query: '', limit: 50 })).items;
    template = { dir, records };
    return template;
  })();
}

export interface TestMailbox {
  user: string;
  password: string;
  records: RecordRef[];
}

/** A new Dovecot user (so no test sees another's mail), seeded with the template's inbox unless `empty`. */
export async function newMailbox(servers: ServersState, options: { empty?: boolean } = {}): Promise<TestMailbox> {
  const id = randomBytes(5).toString('hex');
  const user = `u${id}@example.test`;
  const password = `pw-${id}`;
  const home = join(servers.dir, 'mail', user);
  let records: RecordRef[] = [];
  if (!options.empty) {
    const seeded = await seededTemplate(servers);
    cpSync(seeded.dir, home, { recursive: true, preserveTimestamps: true });
    records = seeded.records;
    if (process.getuid?.() === 0) chownTree(home, 65534, 65534);
  }
  appendFileSync(join(servers.dir, 'users'), `${user}:{PLAIN}${password}::::::\n`);
  await waitForUser(servers, user, password);
  return { user, password, records };
}

/** Dovecot re-reads its users file at most once a second: wait until it knows the new user. */
async function waitForUser(servers: ServersState, user: string, password: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      execFileSync('doveadm', ['-c', servers.config, 'auth', 'test', user, password], { stdio: 'ignore' });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (!statSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}

/** Puts a message in a user's folder as new mail would arrive (doveadm save, as the LDA does). */
export function deliverRaw(servers: ServersState, user: string, raw: string, folder = 'INBOX'): void {
  execFileSync('doveadm', ['-c', servers.config, 'save', '-u', user, '-m', folder], { input: raw });
}

export function emlOf(
  message: {
    subject: string;
    from: { name?: string; address: string };
    to?: { name?: string; address: string }[];
    text?: string;
  },
  user: string,
): string {
  const addr = (a: { name?: string; address: string }) => (a.name ? `"${a.name}" <${a.address}>` : a.address);
  const to = message.to?.length ? message.to.map(addr).join(', ') : user;
  return [
    `From: ${addr(message.from)}`,
    `To: ${to}`,
    `Subject: ${message.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${randomBytes(8).toString('hex')}@test.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    message.text ?? 'Hello.',
    '',
  ].join('\r\n');
}

/** The records the harness's host knows: the seed's customers. */
export function recordSource(records: RecordRef[]): RecordSource {
  return {
    search: (objectName, query, limit) =>
      records
        .filter(
          (r) =>
            (!objectName || r.objectName === objectName) &&
            (!query || `${r.title} ${r.email ?? ''} ${r.objectId}`.toLowerCase().includes(query.toLowerCase())),
        )
        .slice(0, limit),
    get: (objectName, objectId) => records.find((r) => r.objectName === objectName && r.objectId === objectId) ?? null,
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function certOf(servers: ServersState): string {
  return readFileSync(servers.cert, 'utf8');
}

export { existsSync };

/** Awaits `promise` and asserts it rejects with a `MailError` of `code`; returns that error. */
export async function rejects(promise: Promise<unknown>, code: string): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MailError, `expected a MailError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

/**
 * The settings store: one SQLite file (better-sqlite3) with schema migrations. Secrets (passwords, client secrets,
 * tokens) are sealed with AES-256-GCM under a key from `MAIL_ELEMENTS_KEY` (64 hex characters or base64 of 32 bytes)
 * or a key file created on first run with mode 0600. Everything is scoped to a user id of the host.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface SettingsStoreOptions {
  /** The folder holding `mail-elements.sqlite` and, unless a key is given, `secret.key`. */
  dataDir: string;
  /** The 32-byte encryption key; default: `MAIL_ELEMENTS_KEY`, else the key file. */
  key?: Buffer;
}

const MIGRATIONS: string[] = [
  `CREATE TABLE kv (user_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (user_id, name));
   CREATE TABLE secrets (user_id TEXT NOT NULL, name TEXT NOT NULL, sealed BLOB NOT NULL, PRIMARY KEY (user_id, name));
   CREATE TABLE endpoints (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, data TEXT NOT NULL, created INTEGER NOT NULL);
   CREATE TABLE link_configs (user_id TEXT NOT NULL, object_name TEXT NOT NULL, data TEXT NOT NULL,
     PRIMARY KEY (user_id, object_name));
   CREATE TABLE links (user_id TEXT NOT NULL, message_key TEXT NOT NULL, message_id TEXT NOT NULL,
     object_name TEXT NOT NULL, object_id TEXT NOT NULL, file_name TEXT NOT NULL, linked_at TEXT NOT NULL,
     PRIMARY KEY (user_id, message_key, object_name, object_id));
   CREATE TABLE trusted_senders (user_id TEXT NOT NULL, sender TEXT NOT NULL, PRIMARY KEY (user_id, sender));
   CREATE TABLE sends (user_id TEXT NOT NULL, idem_key TEXT NOT NULL, message_id TEXT NOT NULL, result TEXT,
     created INTEGER NOT NULL, PRIMARY KEY (user_id, idem_key));
   CREATE TABLE oauth_states (state TEXT PRIMARY KEY, user_id TEXT NOT NULL, endpoint_id TEXT NOT NULL,
     provider TEXT NOT NULL, verifier_sealed BLOB NOT NULL, redirect_uri TEXT NOT NULL, login_hint TEXT,
     expires INTEGER NOT NULL);`,
];

/** Memoized reads kept at most (a few per active user). */
const MAX_MEMOS = 10_000;

/** Global settings (the module switch, the application base URL) are stored under this user id. */
export const GLOBAL_USER = '*';

export class SettingsStore {
  readonly db: Database.Database;
  private readonly key: Buffer;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly memos = new Map<string, { revision: string; value: unknown }>();

  constructor(options: SettingsStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.key = options.key ?? loadKey(options.dataDir);
    if (this.key.length !== 32) throw new Error('[mail-elements] The encryption key must be 32 bytes.');
    this.db = new Database(join(options.dataDir, 'mail-elements.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let index = version; index < MIGRATIONS.length; index++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[index]!);
        this.db.pragma(`user_version = ${index + 1}`);
      })();
    }
  }

  close(): void {
    this.statements.clear();
    this.memos.clear();
    this.db.close();
  }

  /** A prepared statement, compiled once per SQL text: every request reads settings, and compiling is the cost. */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Changes whenever the database does: rows written through this connection (`total_changes()`) or a commit by any
   * other connection to the same file (`data_version`), such as a second server process.
   */
  revision(): string {
    const row = this.sql('SELECT total_changes() AS c, data_version AS v FROM pragma_data_version').get() as {
      c: number;
      v: number;
    };
    return `${row.c}:${row.v}`;
  }

  /**
   * `read()` computed once and kept until the database changes. Every request needs the account's settings and a few
   * other rows; reading and parsing them again costs more than asking SQLite whether anything changed.
   */
  memo<T>(key: string, read: () => T): T {
    const revision = this.revision();
    const hit = this.memos.get(key);
    if (hit?.revision === revision) return hit.value as T;
    const value = read();
    if (this.memos.size >= MAX_MEMOS) this.memos.clear();
    this.memos.set(key, { revision, value });
    return value;
  }

  // --- sealing
  seal(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
  }

  unseal(sealed: Buffer): string {
    if (sealed[0] !== 1) throw new Error('[mail-elements] Unknown secret format.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 13));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
  }

  // --- plain values (JSON)
  get<T>(userId: string, name: string): T | undefined {
    const row = this.sql('SELECT value FROM kv WHERE user_id = ? AND name = ?').get(userId, name) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(userId: string, name: string, value: unknown): void {
    this.sql(
      'INSERT INTO kv (user_id, name, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
    ).run(userId, name, JSON.stringify(value));
  }

  delete(userId: string, name: string): void {
    this.sql('DELETE FROM kv WHERE user_id = ? AND name = ?').run(userId, name);
  }

  // --- secrets (sealed)
  getSecret(userId: string, name: string): string | undefined {
    const row = this.sql('SELECT sealed FROM secrets WHERE user_id = ? AND name = ?').get(userId, name) as
      { sealed: Buffer } | undefined;
    return row ? this.unseal(row.sealed) : undefined;
  }

  setSecret(userId: string, name: string, value: string | null): void {
    if (value === null) {
      this.sql('DELETE FROM secrets WHERE user_id = ? AND name = ?').run(userId, name);
      return;
    }
    this.sql(
      'INSERT INTO secrets (user_id, name, sealed) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET sealed = excluded.sealed',
    ).run(userId, name, this.seal(value));
  }

  hasSecret(userId: string, name: string): boolean {
    return !!this.sql('SELECT 1 FROM secrets WHERE user_id = ? AND name = ?').get(userId, name);
  }

  deleteSecrets(userId: string, prefix: string): void {
    this.sql('DELETE FROM secrets WHERE user_id = ? AND substr(name, 1, ?) = ?').run(userId, prefix.length, prefix);
  }
}

/** The key from the environment, else from `<dataDir>/secret.key`, created with mode 0600 on first run. */
function loadKey(dataDir: string): Buffer {
  const fromEnv = process.env.MAIL_ELEMENTS_KEY;
  if (fromEnv) {
    const key = /^[0-9a-fA-F]{64}$/.test(fromEnv) ? Buffer.from(fromEnv, 'hex') : Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('[mail-elements] MAIL_ELEMENTS_KEY must be 32 bytes (64 hex characters).');
    return key;
  }
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

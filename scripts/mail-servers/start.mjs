#!/usr/bin/env node
// Starts the test mail stack on 127.0.0.1: Dovecot 2.3 (IMAP, POP3, submission, LMTP; installed from Debian when
// missing and running as root), the SMTP-to-LMTP relay and a strict OAuth provider. Writes their PIDs and ports to
// <dir>/servers.json; stop.mjs stops them by PID. Idempotent: a running stack is reused.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dir, host, ports, stateFile, users } from './config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const log = (message) => console.info(`[mail-servers] ${message}`);

export class MailServersUnavailable extends Error {}

function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is still one of the servers this script starts (Dovecot or daemon.mjs): after a reboot or once the PID
 * is reused, the state file names an unrelated process, which must not be signalled.
 */
export function isMailServer(pid) {
  let command;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    try {
      command = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return false;
    }
  }
  return /dovecot|daemon\.mjs/.test(command);
}

export function readState() {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function ensureDovecot() {
  if (!which('dovecot')) {
    if (process.getuid?.() !== 0) {
      throw new MailServersUnavailable(
        'Dovecot is not installed and this is not root: install dovecot-imapd dovecot-pop3d dovecot-lmtpd ' +
          'dovecot-submissiond (Dovecot 2.3), or set MAIL_SERVERS=skip to skip the mail server tests.',
      );
    }
    log('installing Dovecot 2.3 from Debian (dovecot-imapd dovecot-pop3d dovecot-lmtpd dovecot-submissiond)');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync(
      'apt-get',
      ['install', '-y', '-qq', 'dovecot-imapd', 'dovecot-pop3d', 'dovecot-lmtpd', 'dovecot-submissiond', 'openssl'],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
    );
  }
  const version = execFileSync('dovecot', ['--version'], { encoding: 'utf8' }).trim();
  if (!/^2\.3\./.test(version)) {
    throw new MailServersUnavailable(
      `Dovecot ${version} is installed, but these tests need Dovecot 2.3.x (2.4 has an incompatible configuration ` +
        "format). Install Debian 12's dovecot 2.3 packages, or set MAIL_SERVERS=skip.",
    );
  }
  return version;
}

function dovecotConfig() {
  return `protocols = imap pop3 lmtp submission
listen = ${host}
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = dovecot-mail-elements
hostname = mail.example.test
log_path = ${dir}/dovecot.log
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = 1
ssl = yes
ssl_cert = <${dir}/ssl/cert.pem
ssl_key = <${dir}/ssl/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_verbose = yes
auth_failure_delay = 0
auth_cache_size = 0
mail_location = maildir:~/Maildir
imap_idle_notify_interval = 1 secs
# Load tests open 100 and more IMAP connections at once (each login is a process of its own): room for them.
default_process_limit = 1000
default_client_limit = 10000
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/users
  mechanisms = plain login
}
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/oauth2.conf.ext
}
userdb {
  driver = passwd-file
  args = ${dir}/users
  default_fields = uid=65534 gid=65534 home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = ${ports.imaps}
    ssl = yes
  }
}
service pop3-login {
  chroot =
  inet_listener pop3 {
    port = ${ports.pop3}
  }
  inet_listener pop3s {
    port = ${ports.pop3s}
    ssl = yes
  }
}
service submission-login {
  chroot =
  inet_listener submission {
    port = ${ports.submission}
  }
  inet_listener submissions {
    port = ${ports.submissions}
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    port = ${ports.lmtp}
  }
}
service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
submission_relay_host = ${host}
submission_relay_port = ${ports.relay}
submission_relay_trusted = yes
submission_max_mail_size = 40M
protocol imap {
  mail_max_userip_connections = 500
}
protocol pop3 {
  mail_max_userip_connections = 100
}
`;
}

function writeFiles() {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['run', 'state', 'ssl', 'mail', 'oauth2-keys']) mkdirSync(join(dir, sub), { recursive: true });
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'dovecot.conf'), dovecotConfig());
  writeFileSync(join(dir, 'users'), users.map(({ user, password }) => `${user}:{PLAIN}${password}::::::\n`).join(''));
  writeFileSync(
    join(dir, 'oauth2.conf.ext'),
    `introspection_mode = local\nlocal_validation_key_dict = fs:posix:prefix=${dir}/oauth2-keys/\n` +
      `issuers = http://${host}:${ports.oauth}\nusername_attribute = email\n`,
  );
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '3650',
      '-keyout',
      join(dir, 'ssl/key.pem'),
      '-out',
      join(dir, 'ssl/cert.pem'),
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  chmodSync(join(dir, 'ssl/cert.pem'), 0o644);
  if (process.getuid?.() === 0) chownSync(join(dir, 'mail'), 65534, 65534);
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(what, check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new MailServersUnavailable(`${what} did not come up within ${timeoutMs} ms (see ${dir}).`);
}

export async function healthy(state = readState()) {
  if (!state || !state.pids.every((pid) => isAlive(pid) && isMailServer(pid))) return false;
  for (const port of Object.values(state.ports)) if (!(await portOpen(port))) return false;
  return true;
}

export async function startMailServers() {
  const running = readState();
  if (running && (await healthy(running))) {
    log(`already running (Dovecot ${running.version}) in ${dir}`);
    return running;
  }
  if (running) stopPids(running.pids.filter(isMailServer));
  const version = ensureDovecot();
  for (const [name, port] of Object.entries(ports)) {
    if (await portOpen(port))
      throw new MailServersUnavailable(`Port ${port} (${name}) is already taken: set MAIL_${name.toUpperCase()}_PORT.`);
  }
  writeFiles();
  const dovecotOut = openSync(join(dir, 'dovecot.out'), 'a');
  const dovecot = spawn('dovecot', ['-c', join(dir, 'dovecot.conf'), '-F'], {
    detached: true,
    stdio: ['ignore', dovecotOut, dovecotOut],
  });
  dovecot.unref();
  const daemonOut = openSync(join(dir, 'daemon.log'), 'a');
  const daemon = spawn(process.execPath, [join(here, 'daemon.mjs')], {
    detached: true,
    stdio: ['ignore', daemonOut, daemonOut],
    env: process.env,
  });
  daemon.unref();
  const state = {
    version,
    dir,
    host,
    ports,
    pids: [dovecot.pid, daemon.pid],
    cert: join(dir, 'ssl/cert.pem'),
    config: join(dir, 'dovecot.conf'),
    users,
    startedAt: new Date().toISOString(),
  };
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  try {
    for (const [name, port] of Object.entries(ports)) await waitFor(`${name} on port ${port}`, () => portOpen(port));
    await waitFor('Dovecot authentication', () => {
      try {
        execFileSync('doveadm', ['-c', state.config, 'auth', 'test', users[0].user, users[0].password], {
          stdio: 'ignore',
        });
        return true;
      } catch {
        return false;
      }
    });
    await waitFor('the OAuth provider', async () => {
      const response = await fetch(`http://${host}:${ports.oauth}/.well-known/openid-configuration`).catch(() => null);
      return response?.ok === true;
    });
  } catch (error) {
    stopPids(state.pids);
    throw error;
  }
  log(`Dovecot ${version}, relay and OAuth provider running in ${dir} (PIDs ${state.pids.join(', ')})`);
  return state;
}

/**
 * Signals each server's whole process group (each was spawned detached, so it leads its own group): Dovecot's
 * children (auth, imap, pop3, lmtp workers) go with it. Falls back to the PID alone when the group is gone. PIDs read
 * from the state file are checked with `isMailServer` first.
 */
export function stopPids(pids, signal = 'SIGTERM') {
  for (const pid of pids) {
    try {
      process.kill(-pid, signal);
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  }
}

/** Whether anything of the process group `pid` leads is still running. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return isAlive(pid);
  }
}

export async function stopMailServers() {
  const state = readState();
  if (!state) {
    log('nothing to stop');
    return;
  }
  const pids = state.pids.filter(isMailServer);
  const forgotten = state.pids.filter((pid) => !pids.includes(pid));
  if (forgotten.length) log(`PIDs ${forgotten.join(', ')} are no longer mail servers: forgotten, not signalled`);
  stopPids(pids);
  const deadline = Date.now() + 5000;
  while (pids.some(groupAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  stopPids(pids.filter(groupAlive), 'SIGKILL');
  rmSync(stateFile, { force: true });
  if (pids.length) log(`stopped PIDs ${pids.join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'start';
  try {
    if (command === 'stop') await stopMailServers();
    else if (command === 'status')
      console.info(JSON.stringify({ healthy: await healthy(), state: readState() ?? null }, null, 2));
    else await startMailServers();
  } catch (error) {
    console.error(`[mail-servers] FAILED: ${error.message}`);
    process.exit(1);
  }
}

// scripts/mail-servers: `stop` signals only processes that are still the mail servers it started, never whatever now
// has a PID from an old state file (after a reboot or once the PID is reused).
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from './support.js';

const START = join(import.meta.dirname, '../../scripts/mail-servers/start.mjs');
const KEEP_RUNNING = 'setInterval(() => {}, 1000)';

/** A process that leads its own group, as the mail servers do; `args` end up in its command line. */
function detached(...args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['-e', KEEP_RUNNING, ...args], { detached: true, stdio: 'ignore' });
  return child;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `start.mjs stop` against a state file of its own (the real test servers are not touched). */
async function stopWithState(pids: number[]): Promise<{ dir: string; output: string }> {
  const dir = tempDir('me-mail-state-');
  writeFileSync(join(dir, 'servers.json'), JSON.stringify({ pids }));
  const { stdout } = await promisify(execFile)(process.execPath, [START, 'stop'], {
    env: { ...process.env, MAIL_SERVERS_DIR: dir },
  });
  return { dir, output: stdout };
}

describe('mail-servers stop', () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.pid && alive(child.pid)) process.kill(child.pid, 'SIGKILL');
  });

  it('leaves a process alone that is no longer a mail server, and forgets the state file', async () => {
    const stranger = detached('someone-else.mjs');
    children.push(stranger);
    const { dir, output } = await stopWithState([stranger.pid!]);
    assert.ok(alive(stranger.pid!), 'the unrelated process still runs');
    assert.match(output, /no longer mail servers/);
    assert.equal(existsSync(join(dir, 'servers.json')), false, 'the state file is forgotten');
  });

  it('stops a process that is still one of the mail servers', async () => {
    const server = detached('daemon.mjs');
    children.push(server);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    await stopWithState([server.pid!]);
    await exited;
    assert.equal(alive(server.pid!), false);
  });
});

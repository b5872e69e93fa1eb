// Upload folders on disk: a server removes the folders a crashed one left behind, and a user's backend dropped from
// the server's cache keeps its uploads until the calls it is running have finished. No mail server needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createMailServer, type MailServer } from '../../src/node/index.js';
import { tempDir } from './support.js';

const PREFIX = 'mail-elements-uploads-';

/** A folder under `parent` with one file in it, last changed `ageMs` ago. */
function leftFolder(parent: string, name: string, ageMs = 0): string {
  const path = join(parent, name);
  mkdirSync(path);
  writeFileSync(join(path, 'up-file'), 'bytes');
  const time = (Date.now() - ageMs) / 1000;
  utimesSync(path, time, time);
  return path;
}

/** A PID no process has any more. */
function finishedPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  assert.ok(pid);
  return pid;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('upload folders', () => {
  const servers: MailServer[] = [];
  const start = (uploadDir: string) => {
    const server = createMailServer({ dataDir: tempDir('me-data-'), uploadDir });
    servers.push(server);
    return server;
  };
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('are removed at start when the process that made them is gone, and kept while it runs', async () => {
    const uploadDir = tempDir('me-uploads-');
    const day = 86_400_000;
    const gone = [
      leftFolder(uploadDir, `${PREFIX}${finishedPid()}-1700000000000-aB3dE5`),
      // A restarted server can get the PID of the one before it: the start time tells them apart.
      leftFolder(uploadDir, `${PREFIX}${process.pid}-1700000000000-fG7hI9`),
      // An older version's folder, untouched for more than a day.
      leftFolder(uploadDir, `${PREFIX}Xy12Zw`, 2 * day),
    ];
    const kept = [
      leftFolder(uploadDir, `${PREFIX}${process.ppid}-1700000000000-jK1lM3`),
      leftFolder(uploadDir, `${PREFIX}Qr45St`, 60_000),
      leftFolder(uploadDir, 'something-else', 2 * day),
    ];
    const first = start(uploadDir);
    assert.deepEqual(
      gone.filter((path) => existsSync(path)),
      [],
      'the folders of processes that are gone',
    );
    assert.deepEqual(
      kept.filter((path) => !existsSync(path)),
      [],
      "a running process's folders and others",
    );
    // A second server in this process keeps the first one's folder.
    await first.backendFor({ id: 'local' }).uploadAttachment({ file: new File(['hello'], 'hello.txt') });
    const own = readdirSync(uploadDir).filter((name) => name.startsWith(`${PREFIX}${process.pid}-`));
    assert.equal(own.length, 1);
    start(uploadDir);
    assert.ok(existsSync(join(uploadDir, own[0]!)), "this process's own folder stays");
  });

  it("of a backend dropped from the server's cache stay until its running calls have finished", async () => {
    const uploadDir = tempDir('me-uploads-');
    const server = start(uploadDir);
    const backend = server.backendFor({ id: 'first' });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const file = new File(['x'.repeat(10)], 'slow.bin');
    Object.defineProperty(file, 'stream', {
      value: () =>
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            await released;
            controller.enqueue(new TextEncoder().encode('x'.repeat(10)));
            controller.close();
          },
        }),
    });
    const uploading = backend.uploadAttachment({ file });
    const folders = () => readdirSync(uploadDir).filter((name) => name.startsWith(PREFIX));
    await until(() => folders().length === 1, 'the upload has its folder');
    // A thousand other users push the first one out of the cache while its upload is still arriving.
    for (let user = 0; user < 1000; user++) server.backendFor({ id: `user-${user}` });
    assert.notEqual(server.backendFor({ id: 'first' }), backend, 'the first backend was dropped');
    assert.equal(folders().length, 1, 'its folder is still there');
    release();
    const upload = await uploading;
    assert.equal(upload.size, 10);
    await until(() => folders().length === 0, 'the dropped backend closes and removes its folder');
  });
});

/**
 * Uploaded attachments wait for their draft on disk, not in memory: each is streamed to a file of its own in a private
 * temporary folder (mode 0700, files 0600), counted as it arrives and refused past the size limit, and removed when
 * it expires, when too many are kept, or when the backend closes. Sending reads them back as streams. A folder's name
 * says which process made it, so the folders of a process that crashed are removed when the next one starts.
 */
import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  lstatSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { UploadedAttachment } from '../core/index.js';
import { invalid, oneLine } from './util.js';

/** How long an upload waits for its draft to be sent. */
const UPLOAD_TTL_MS = 86_400_000;
/** Uploads kept at most per backend; the oldest go first. */
const MAX_UPLOADS = 500;
const FOLDER_PREFIX = 'mail-elements-uploads-';
/** This process in the names of its upload folders: its PID, and when it started (a restarted server may get the same PID). */
const OWNER = `${process.pid}-${Math.floor(performance.timeOrigin)}-`;

export interface StoredUpload extends UploadedAttachment {
  path: string;
  created: number;
}

export interface UploadMeta {
  filename: string;
  contentType: string;
  contentId?: string;
  inline?: boolean;
}

export class UploadStore {
  private folder: string | undefined;
  private readonly items = new Map<string, StoredUpload>();

  /** `parent`: where the private folder is made (default: the system's temporary directory). */
  constructor(private readonly parent?: string) {}

  /** Streams `content` to disk; more than `maxBytes` is refused (`validation` on `file`) and nothing is kept. */
  async fromStream(meta: UploadMeta, content: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredUpload> {
    const upload = this.create(meta);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.byteLength;
        done(size > maxBytes ? invalid(['file'], `The file is larger than ${maxBytes} bytes.`) : null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(content as WebReadableStream<Uint8Array>),
        counter,
        createWriteStream(upload.path, { flags: 'wx', mode: 0o600 }),
      );
    } catch (error) {
      removeQuietly(upload.path);
      throw error;
    }
    return this.add({ ...upload, size });
  }

  /** Keeps bytes already in memory (a draft's or a forwarded message's attachments) as an upload. */
  fromBytes(meta: UploadMeta, bytes: Uint8Array): StoredUpload {
    const upload = this.create(meta);
    writeFileSync(upload.path, bytes, { flag: 'wx', mode: 0o600 });
    return this.add({ ...upload, size: bytes.byteLength });
  }

  get(id: string): StoredUpload | undefined {
    return this.items.get(id);
  }

  /** The upload's bytes, read from its file as they are sent. */
  content(upload: StoredUpload): Readable {
    return createReadStream(upload.path);
  }

  /** Removes every upload and the folder. */
  close(): void {
    this.items.clear();
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }

  private create(meta: UploadMeta): StoredUpload {
    this.folder ??= mkdtempSync(join(this.parent ?? tmpdir(), FOLDER_PREFIX + OWNER));
    const id = `up-${randomBytes(12).toString('base64url')}`;
    return {
      id,
      filename: oneLine(meta.filename, 255) ?? 'attachment',
      contentType: oneLine(meta.contentType, 255) ?? 'application/octet-stream',
      size: 0,
      path: join(this.folder, id),
      created: Date.now(),
      ...(meta.contentId ? { contentId: oneLine(meta.contentId, 255)! } : {}),
      ...(meta.inline ? { inline: true } : {}),
    };
  }

  private add(upload: StoredUpload): StoredUpload {
    for (const [id, old] of this.items) {
      if (old.created >= Date.now() - UPLOAD_TTL_MS && this.items.size < MAX_UPLOADS) break;
      this.items.delete(id);
      removeQuietly(old.path);
    }
    this.items.set(upload.id, upload);
    return upload;
  }
}

/** The attachment as the contract shows it (no path, no time). */
export function uploadOut(upload: StoredUpload): UploadedAttachment {
  const { path: _path, created: _created, ...out } = upload;
  return out;
}

/**
 * Removes the upload folders under `parent` (default: the system's temporary directory) that no running process owns
 * any more: their process is gone, or an earlier process had this one's PID. A folder without its owner in its name
 * (made by an older version) goes once it is untouched for a day. Only this user's own folders are looked at.
 */
export function removeAbandonedUploadFolders(parent = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return; // no folder yet: nothing was left
  }
  for (const name of names) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const path = join(parent, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid())) continue;
      if (isAbandoned(name.slice(FOLDER_PREFIX.length), stat.mtimeMs)) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed meanwhile, or not ours to remove
    }
  }
}

/** Whether the owner named in a folder's name (`<pid>-<start>-<random>`) is gone. */
function isAbandoned(owner: string, modified: number): boolean {
  if (owner.startsWith(OWNER)) return false;
  const pid = /^(\d+)-\d+-/.exec(owner)?.[1];
  if (pid === undefined) return modified < Date.now() - UPLOAD_TTL_MS;
  return Number(pid) === process.pid || !isRunning(Number(pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

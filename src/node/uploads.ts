/**
 * Uploaded attachments wait for their draft on disk, not in memory: each is streamed to a file of its own in a private
 * temporary folder (mode 0700, files 0600), counted as it arrives and refused past the size limit, and removed when
 * it expires, when too many are kept, or when the backend closes. Sending reads them back as streams.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
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
    this.folder ??= mkdtempSync(join(this.parent ?? tmpdir(), 'mail-elements-uploads-'));
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

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

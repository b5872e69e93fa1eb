/**
 * Saving linked mails as .eml files: a safe terminal file name, a resolved path that must stay inside the configured
 * folder (and inside the base directory, when the host confines them), no overwrite, and no symlink followed out.
 */
import { constants, mkdirSync, openSync, realpathSync, rmSync, writeSync, closeSync, lstatSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MailError } from '../core/index.js';

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A file name with no path, no control or reserved characters, not reserved on Windows, at most 120 characters. */
export function safeFileName(wanted: string, fallback = 'message'): string {
  let name = wanted
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what must go
    .replace(/[\x00-\x1f\x7f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  if (!name || RESERVED.test(name)) name = `${fallback}${name ? `-${name}` : ''}`;
  const chars = [...name];
  return chars.length > 120
    ? chars
        .slice(0, 120)
        .join('')
        .replace(/[\s.]+$/, '')
    : name;
}

/**
 * The real folder a configured path points to, created when missing. With `baseDir`, the configured absolute path
 * is placed under it (a drive letter or UNC prefix dropped) and the real path must stay inside it.
 */
export function resolveLinkFolder(configured: string, baseDir?: string): string {
  if (configured.includes('\0')) throw new MailError('validation', 'The folder path contains a NUL character.');
  const parts = configured
    .replace(/^[A-Za-z]:/, '')
    .split(/[\\/]+/)
    .filter(Boolean);
  if (parts.includes('..') || parts.includes('.'))
    throw new MailError('validation', 'The folder path cannot contain "..".');
  const wanted = baseDir ? join(resolve(baseDir), ...parts) : resolve(sep, ...parts);
  mkdirSync(wanted, { recursive: true, mode: 0o750 });
  const real = realpathSync(wanted);
  if (baseDir) {
    const base = realpathSync(resolve(baseDir));
    const rel = relative(base, real);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new MailError('forbidden', 'The folder resolves outside the allowed directory (a symbolic link?).');
    }
  }
  return real;
}

/** Writes `bytes` as a new file in `folder`; a taken name gets a numeric suffix, never an overwrite. */
export function writeNewFile(folder: string, name: string, bytes: Uint8Array): string {
  const dot = name.toLowerCase().endsWith('.eml') ? name.length - 4 : name.length;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    const path = resolve(folder, candidate);
    if (/[\\/\0]/.test(candidate) || candidate === '.' || candidate === '..' || dirname(path) !== resolve(folder)) {
      throw new MailError('validation', 'The file name is not valid.');
    }
    let fd: number;
    try {
      // O_EXCL: never overwrite; O_NOFOLLOW: a symlink planted at the name is refused, not followed.
      fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o640);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ELOOP')
        continue;
      throw error;
    }
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    return candidate;
  }
  throw new MailError('conflict', 'Too many files with this name already exist.');
}

/** Removes a saved file if it is still a regular file inside the folder. */
export function removeFile(folder: string, name: string): void {
  const path = resolve(folder, name);
  if (/[\\/\0]/.test(name) || dirname(path) !== resolve(folder)) return;
  try {
    if (lstatSync(path).isFile()) rmSync(path);
  } catch {
    // already gone
  }
}

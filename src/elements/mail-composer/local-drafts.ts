/**
 * Drafts kept on this device: a snapshot of everything typed, in `localStorage` under a draft key, written within
 * seconds of typing so that a reload, a crashed tab or a cut network loses nothing. Offered back when a composer
 * with the same key opens.
 */
import type { Draft } from '../../core/index.js';

const PREFIX = 'mail-elements:draft:';

/** What a composer needs to put itself back exactly as it was. */
export interface LocalDraft {
  v: 1;
  /** When it was written (ISO 8601). */
  savedAt: string;
  format: 'html' | 'text';
  /** The draft as the backend would get it (readable recipients only), with the server's id once it has one. */
  draft: Draft;
  /** Every recipient as typed, unreadable ones and unfinished text included. */
  fields: { to: string[]; cc: string[]; bcc: string[] };
  /** The body exactly as it is in the editor. */
  body: string;
}

export function readLocalDraft(key: string): LocalDraft | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    if (value.v !== 1 || !value.draft || !value.fields || typeof value.body !== 'string') return undefined;
    return value as LocalDraft;
  } catch {
    return undefined;
  }
}

/** Writes the snapshot; false when storage is full or forbidden (private mode, quota). */
export function writeLocalDraft(key: string, value: LocalDraft): boolean {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch (error) {
    console.warn('[mail-elements] the draft could not be kept on this device:', error);
    return false;
  }
}

export function removeLocalDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage that cannot be read cannot hold a stale draft either.
  }
}

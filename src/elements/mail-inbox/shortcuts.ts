/**
 * The inbox's keyboard shortcuts, in the Gmail / SnappyMail tradition, as data: the help dialog lists exactly what the
 * handler understands.
 */
import type { TranslationKey } from '../../i18n/localize.js';

export type ShortcutCommand =
  | 'next'
  | 'previous'
  | 'open'
  | 'back'
  | 'select'
  | 'archive'
  | 'delete'
  | 'flag'
  | 'read'
  | 'unread'
  | 'compose'
  | 'reply'
  | 'reply-all'
  | 'forward'
  | 'search'
  | 'help';

export interface Shortcut {
  command: ShortcutCommand;
  /** `KeyboardEvent.key` values (Shift is implied by the character: `#`, `?`, `I`, `U`). */
  keys: string[];
  label: TranslationKey;
  /** Changes the mailbox: off in a read-only inbox. */
  mutates?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'next', keys: ['j'], label: 'shortcuts.next' },
  { command: 'previous', keys: ['k'], label: 'shortcuts.previous' },
  { command: 'open', keys: ['o', 'Enter'], label: 'shortcuts.open' },
  { command: 'back', keys: ['u', 'Escape'], label: 'shortcuts.back' },
  { command: 'select', keys: ['x'], label: 'shortcuts.select' },
  { command: 'archive', keys: ['e'], label: 'shortcuts.archive', mutates: true },
  { command: 'delete', keys: ['#', 'Delete'], label: 'shortcuts.delete', mutates: true },
  { command: 'flag', keys: ['s'], label: 'shortcuts.flag', mutates: true },
  { command: 'read', keys: ['I'], label: 'shortcuts.read', mutates: true },
  { command: 'unread', keys: ['U'], label: 'shortcuts.unread', mutates: true },
  { command: 'compose', keys: ['c'], label: 'shortcuts.compose', mutates: true },
  { command: 'reply', keys: ['r'], label: 'shortcuts.reply', mutates: true },
  { command: 'reply-all', keys: ['a'], label: 'shortcuts.reply-all', mutates: true },
  { command: 'forward', keys: ['f'], label: 'shortcuts.forward', mutates: true },
  { command: 'search', keys: ['/'], label: 'shortcuts.search' },
  { command: 'help', keys: ['?'], label: 'shortcuts.help' },
];

/** True when the key press belongs to a field (typing), not to the shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  for (const node of event.composedPath()) {
    if (!(node instanceof HTMLElement)) continue;
    if (node.isContentEditable) return true;
    const tag = node.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (node.getAttribute('role') === 'textbox' || node.getAttribute('role') === 'combobox') return true;
  }
  return false;
}

/** The command a key press asks for, if any. Ctrl, Cmd and Alt combinations belong to the browser. */
export function commandFor(event: KeyboardEvent): ShortcutCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(event.key))?.command;
}

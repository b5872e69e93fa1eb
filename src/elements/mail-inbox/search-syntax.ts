/**
 * The search box's small syntax, as a pure module (no DOM): free words plus `from:`, `to:`, `subject:`, `body:`,
 * `has:attachment`, `is:unread`, `is:read`, `is:flagged`, `is:unflagged`, `before:` and `after:` (YYYY-MM-DD, or
 * YYYY/MM/DD). Values with spaces go in double quotes: `from:"Ana García"`. A `-` before `is:` or `has:` negates it.
 * Anything else (an unknown `key:value`, an invalid date) stays a free word, so nothing typed is silently dropped;
 * the search box checks the operator values first (`invalidOperator` in `panels.ts`) and says what it cannot use.
 */
import type { MessageFilter } from '../../core/index.js';

/** The filter fields the syntax and the filter panel edit. */
export type SearchFilter = Pick<
  MessageFilter,
  'text' | 'from' | 'to' | 'subject' | 'body' | 'since' | 'before' | 'unseen' | 'flagged' | 'hasAttachment'
>;

interface Token {
  negated: boolean;
  key: string | undefined;
  value: string;
  /** The value was quoted. */
  quoted: boolean;
}

/** Splits a query into tokens: `key:value`, `key:"quoted value"`, `"quoted words"` and words. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (const match of query.matchAll(pattern)) {
    const [, minus, key, quoted, bare] = match;
    const value = quoted ?? bare ?? '';
    if (!key && !value) continue;
    tokens.push({ negated: minus === '-', key: key?.toLowerCase(), value, quoted: quoted !== undefined });
  }
  return tokens;
}

/** `2024-03-05` or `2024/3/5` as `2024-03-05`; undefined when not a real calendar date. */
export function normalizeDate(value: string): string | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TEXT_KEYS = new Set(['from', 'to', 'subject', 'body']);

/** The filter a query asks for. Free words (and whatever is not understood) become `text`. */
export function parseSearch(query: string): SearchFilter {
  const filter: SearchFilter = {};
  const words: string[] = [];
  const append = (key: 'from' | 'to' | 'subject' | 'body', value: string) => {
    filter[key] = filter[key] ? `${filter[key]} ${value}` : value;
  };
  for (const token of tokenize(query)) {
    const { key, value, negated } = token;
    const lower = value.toLowerCase();
    if (key && TEXT_KEYS.has(key) && value && !negated) {
      append(key as 'from' | 'to' | 'subject' | 'body', value);
    } else if (key === 'is' && (lower === 'unread' || lower === 'read')) {
      filter.unseen = (lower === 'unread') !== negated;
    } else if (key === 'is' && (lower === 'flagged' || lower === 'starred' || lower === 'unflagged')) {
      filter.flagged = (lower !== 'unflagged') !== negated;
    } else if (key === 'has' && (lower === 'attachment' || lower === 'attachments')) {
      filter.hasAttachment = !negated;
    } else if ((key === 'before' || key === 'after' || key === 'since') && !negated && normalizeDate(value)) {
      const date = normalizeDate(value)!;
      if (key === 'before') filter.before = date;
      else filter.since = nextDayIfAfter(key, date);
    } else {
      const raw = `${negated ? '-' : ''}${key ? `${key}:` : ''}${value}`;
      if (raw) words.push(raw);
    }
  }
  if (words.length) filter.text = words.join(' ');
  return filter;
}

/** `after:` is exclusive (Gmail's meaning): messages from the next day on; `since:` is inclusive. */
function nextDayIfAfter(key: string, date: string): string {
  if (key !== 'after') return date;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function quote(value: string): string {
  return /[\s"]/.test(value) || value === '' ? `"${value.replace(/"/g, '')}"` : value;
}

/** The query text for a filter: what the search box shows after the filter panel changed it. */
export function formatSearch(filter: SearchFilter): string {
  const parts: string[] = [];
  for (const key of ['from', 'to', 'subject', 'body'] as const) {
    const value = filter[key]?.trim();
    if (value) parts.push(`${key}:${quote(value)}`);
  }
  if (filter.unseen !== undefined) parts.push(filter.unseen ? 'is:unread' : 'is:read');
  if (filter.flagged !== undefined) parts.push(filter.flagged ? 'is:flagged' : 'is:unflagged');
  if (filter.hasAttachment !== undefined) parts.push(filter.hasAttachment ? 'has:attachment' : '-has:attachment');
  if (filter.since) parts.push(`since:${filter.since.slice(0, 10)}`);
  if (filter.before) parts.push(`before:${filter.before.slice(0, 10)}`);
  if (filter.text?.trim()) parts.push(filter.text.trim());
  return parts.join(' ');
}

/** True when the filter asks for anything at all. */
export function isFiltering(filter: SearchFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== '');
}

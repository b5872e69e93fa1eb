/** Pure text helpers for mail that every backend and element shares. */
import type { Address } from './primitives.js';
import type { RemoteContentPolicy } from './privacy.js';

const REPLY_PREFIX = /^\s*(?:(?:re|aw|sv|vs|r|rif|ref|res|antw|odp|fw|fwd|rv|tr|wg|enc|i)\s*(?:\[\d+\])?\s*:\s*)+/i;

/** The subject without any leading reply or forward prefixes ("Re: RE: Fwd:", "RV:", "AW:"...). */
export function baseSubject(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').trim();
}

/** "Re: " once, however many prefixes the original had. */
export function replySubject(subject: string): string {
  return `Re: ${baseSubject(subject)}`;
}

/** "Fwd: " once. */
export function forwardSubject(subject: string): string {
  return `Fwd: ${baseSubject(subject)}`;
}

/** `"Ana García" <ana@acme.com>`, quoting the name when RFC 5322 requires it. */
export function formatAddress(address: Address): string {
  if (!address.name) return address.address;
  const name =
    /^[\w !#$%&'*+\-/=?^`{|}~.]+$/.test(address.name) && !address.name.includes('.')
      ? address.name
      : `"${address.name.replace(/(["\\])/g, '\\$1')}"`;
  return `${name} <${address.address}>`;
}

/** The name to show for an address: its display name, or the part before @. */
export function displayName(address: Address | null | undefined): string {
  if (!address) return '';
  return address.name?.trim() || address.address;
}

/** Whether a sender's mail may load remote content under `policy`: its address or its domain is trusted. */
export function isSenderTrusted(policy: RemoteContentPolicy, address: string | undefined): boolean {
  if (!address) return false;
  const lower = address.toLowerCase();
  const domain = lower.slice(lower.lastIndexOf('@'));
  return policy.allowedSenders.includes(lower) || policy.allowedSenders.includes(domain);
}

/** The domain of an address, lower case: `acme.com` for `Ana <ana@ACME.com>`. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Splits pasted text into addresses: `Ana <ana@acme.com>, "Doe, John" <j@x.org>; bob@y.com`.
 * Returns what it found and what it could not read, so an input can mark the invalid ones.
 */
export function parseAddressList(text: string): { addresses: Address[]; invalid: string[] } {
  const addresses: Address[] = [];
  const invalid: string[] = [];
  for (const part of splitAddressList(text)) {
    const parsed = parseAddress(part);
    if (parsed) addresses.push(parsed);
    else invalid.push(part);
  }
  return { addresses, invalid };
}

const ADDR_SPEC =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** True for an addr-spec a browser would accept in `type=email`. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && ADDR_SPEC.test(value);
}

/** One address from `Name <addr>`, `"Quoted, Name" <addr>`, `<addr>` or `addr`; `null` if unreadable. */
export function parseAddress(text: string): Address | null {
  const trimmed = text.trim();
  if (/[\r\n\0]/.test(trimmed)) return null;
  const angle = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  const address = (angle ? angle[2]! : trimmed).trim();
  if (!isEmailAddress(address)) return null;
  let name = angle ? angle[1]!.trim() : '';
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  return name ? { name, address } : { address };
}

function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && quoted) {
      current += char + (text[++i] ?? '');
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') angle = true;
    else if (!quoted && char === '>') angle = false;
    if (!quoted && !angle && (char === ',' || char === ';' || char === '\n')) {
      if (current.trim()) parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Plain text from HTML, for snippets and text alternatives: tags dropped, entities decoded, spaces collapsed. */
export function htmlToPlainText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head|title)[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|tr|li|h[1-6]|blockquote)>/gi, '\n')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** The first words of a body for a list row. */
export function snippetOf(text: string, length = 140): string {
  const flat = text.replace(/^>.*$/gm, '').replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Quotes a plain-text body for a reply: an attribution line, then each line prefixed with "> ". */
export function quoteText(text: string, attribution: string): string {
  const quoted = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`));
  return `\n\n${attribution}\n${quoted.join('\n')}`;
}

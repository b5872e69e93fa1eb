/**
 * `.eml` in both directions for the mock: `buildRawMessage` writes RFC 5322 + MIME (what `getRawMessage` answers),
 * `parseEml` reads one with postal-mime (what `importEml` and `MemoryMailBackend.fromEml` seed from).
 */
import PostalMime from 'postal-mime';
import type { Address as ParsedAddress, Mailbox as ParsedMailbox } from 'postal-mime';
import type { Address, Flags } from '../core/index.js';
import { formatAddress } from '../core/index.js';
import { hashSeed, textBytes } from './seed.js';
import type { StoredPart } from './seed.js';

/** A message to add to a folder, as `deliver` and `importEml` take it. Everything is optional. */
export interface NewMessage {
  from?: Address | null;
  to?: Address[];
  cc?: Address[];
  bcc?: Address[];
  replyTo?: Address[];
  subject?: string;
  text?: string;
  html?: string;
  /** Default: now (always after every other message, so it lands on top). */
  date?: string | Date | number;
  /** With angle brackets; generated when absent. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: NewAttachment[];
  flags?: Partial<Flags>;
  headers?: { name: string; value: string }[];
  /** The original bytes, answered as is by `getRawMessage`. */
  raw?: Uint8Array;
}

export interface NewAttachment {
  filename: string;
  contentType?: string;
  content: Uint8Array | ArrayBuffer | string;
  /** Without angle brackets. */
  contentId?: string;
  inline?: boolean;
}

export interface RawSource {
  from: Address | null;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  subject: string;
  time: number;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  text?: string;
  html?: string;
  parts: StoredPart[];
  extraHeaders: { name: string; value: string }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const CRLF = '\r\n';

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function wrap76(base64: string): string {
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 76) lines.push(base64.slice(i, i + 76));
  return lines.join(CRLF);
}

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 encoded words of at most ~45 UTF-8 bytes each, never splitting a character. */
export function encodeWords(text: string): string {
  if (isAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  let size = 0;
  for (const char of text) {
    const length = textBytes(char).length;
    if (size + length > 45) {
      words.push(chunk);
      chunk = '';
      size = 0;
    }
    chunk += char;
    size += length;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${bytesToBase64(textBytes(word))}?=`).join(`${CRLF} `);
}

function encodeAddress(address: Address): string {
  if (!address.name || isAscii(address.name)) return formatAddress(address);
  return `${encodeWords(address.name)} <${address.address}>`;
}

function addressHeader(name: string, list: Address[]): string[] {
  return list.length ? [`${name}: ${list.map(encodeAddress).join(`,${CRLF} `)}`] : [];
}

/** RFC 5322 date: `Fri, 20 Nov 2026 09:30:00 +0000`. */
export function rfc5322Date(time: number): string {
  return new Date(time).toUTCString().replace('GMT', '+0000');
}

/** `filename*=` (RFC 2231) for non-ASCII names, a quoted string otherwise. */
function fileParam(key: string, filename: string): string {
  if (isAscii(filename)) return `${key}="${filename.replace(/(["\\])/g, '\\$1')}"`;
  return `${key}*=utf-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function textPart(type: 'plain' | 'html', content: string): string {
  return [
    `Content-Type: text/${type}; charset=utf-8`,
    'Content-Transfer-Encoding: base64',
    '',
    wrap76(bytesToBase64(textBytes(content))),
  ].join(CRLF);
}

function filePart(part: StoredPart): string {
  const headers = [
    `Content-Type: ${part.contentType}; ${fileParam('name', part.filename)}`,
    'Content-Transfer-Encoding: base64',
  ];
  headers.push(
    `Content-Disposition: ${part.inline ? 'inline' : 'attachment'}; ${fileParam('filename', part.filename)}`,
  );
  if (part.contentId) headers.push(`Content-ID: <${part.contentId}>`);
  return [...headers, '', wrap76(bytesToBase64(part.bytes))].join(CRLF);
}

function multipart(subtype: string, boundary: string, parts: string[]): string {
  return [
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    ...parts.map((part) => `--${boundary}${CRLF}${part}`),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

function bodyEntity(source: RawSource): string {
  const tag = hashSeed(source.messageId).toString(36);
  const texts: string[] = [];
  if (source.text !== undefined || source.html === undefined) texts.push(textPart('plain', source.text ?? ''));
  if (source.html !== undefined) texts.push(textPart('html', source.html));
  let entity = texts.length > 1 ? multipart('alternative', `=_alt_${tag}`, texts) : texts[0]!;
  const inline = source.parts.filter((part) => part.inline);
  const attached = source.parts.filter((part) => !part.inline);
  if (inline.length) entity = multipart('related', `=_rel_${tag}`, [entity, ...inline.map(filePart)]);
  if (attached.length) entity = multipart('mixed', `=_mix_${tag}`, [entity, ...attached.map(filePart)]);
  return entity;
}

const GENERATED = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** The message as RFC 5322 text with CRLF line ends; multipart when it has attachments or both bodies. */
export function buildRawMessage(source: RawSource): string {
  const headers = [
    ...(source.from ? [`From: ${encodeAddress(source.from)}`] : []),
    ...addressHeader('To', source.to),
    ...addressHeader('Cc', source.cc),
    ...addressHeader('Bcc', source.bcc),
    ...addressHeader('Reply-To', source.replyTo),
    `Subject: ${encodeWords(source.subject)}`,
    `Date: ${rfc5322Date(source.time)}`,
    `Message-ID: ${source.messageId}`,
    ...(source.inReplyTo ? [`In-Reply-To: ${source.inReplyTo}`] : []),
    ...(source.references.length ? [`References: ${source.references.join(`${CRLF} `)}`] : []),
    ...source.extraHeaders
      .filter((header) => !GENERATED.has(header.name.toLowerCase()) && !/[\r\n]/.test(header.value))
      .map((header) => `${header.name}: ${encodeWords(header.value)}`),
    'MIME-Version: 1.0',
  ];
  return `${headers.join(CRLF)}${CRLF}${bodyEntity(source)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

function mailboxes(list: ParsedAddress[] | undefined): Address[] {
  const out: Address[] = [];
  for (const item of list ?? []) {
    const members: ParsedMailbox[] = item.group ? item.group : [item];
    for (const member of members) {
      if (!member.address) continue;
      const name = member.name.replace(/[\r\n\0]/g, ' ').trim();
      out.push(name ? { name, address: member.address } : { address: member.address });
    }
  }
  return out;
}

const stripAngles = (id: string) => id.trim().replace(/^<|>$/g, '');

/** Reads an `.eml` into a `NewMessage`, keeping attachments, inline parts (content ids without brackets) and bytes. */
export async function parseEml(raw: string | ArrayBuffer | Uint8Array | Blob): Promise<NewMessage> {
  const bytes =
    typeof raw === 'string'
      ? textBytes(raw)
      : raw instanceof Blob
        ? new Uint8Array(await raw.arrayBuffer())
        : raw instanceof Uint8Array
          ? raw
          : new Uint8Array(raw);
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const from = email.from ? (mailboxes([email.from])[0] ?? null) : null;
  const date = email.date && Number.isFinite(Date.parse(email.date)) ? Date.parse(email.date) : undefined;
  return {
    from,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    bcc: mailboxes(email.bcc),
    replyTo: mailboxes(email.replyTo),
    subject: email.subject ?? '',
    text: email.text,
    html: email.html,
    date,
    messageId: email.messageId,
    inReplyTo: email.inReplyTo?.trim().split(/\s+/)[0],
    references: email.references ? email.references.trim().split(/\s+/).filter(Boolean) : [],
    attachments: email.attachments.map((attachment, index) => ({
      filename: attachment.filename ?? `part-${index + 1}`,
      contentType: attachment.mimeType,
      content: typeof attachment.content === 'string' ? attachment.content : new Uint8Array(attachment.content),
      contentId: attachment.contentId ? stripAngles(attachment.contentId) : undefined,
      inline: attachment.disposition === 'inline' || attachment.related === true,
    })),
    headers: email.headers.map((header) => ({ name: header.originalKey, value: header.value })),
    raw: bytes,
  };
}

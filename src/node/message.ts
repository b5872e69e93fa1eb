/**
 * Messages as the contract shapes them, from what IMAP answers (envelope, flags, body structure, a preview of the
 * first text part) or from a whole source (postal-mime). Shared by the IMAP and POP3 backends, and importing
 * neither.
 */
import type { FetchMessageObject, ImapFlow, MessageStructureObject } from 'imapflow';
import PostalMime from 'postal-mime';
import {
  htmlToPlainText,
  MailError,
  snippetOf,
  type Attachment,
  type Flags,
  type Message,
  type MessageSummary,
} from '../core/index.js';
import { cleanAddress, cleanAddresses, notFound, oneLine } from './util.js';

export interface MessageRef {
  uidValidity: string;
  uid: number;
  path: string;
}

/** What a list row needs from IMAP. Body parts are fetched with BODY.PEEK, so listing never marks mail seen. */
export const SUMMARY_QUERY = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
} as const;

/** Bytes of the preview part fetched for a snippet: enough for 140 characters of text, a little more for HTML. */
const PREVIEW_BYTES = { plain: 2048, html: 4096 } as const;

export function formatId(ref: MessageRef): string {
  return `${ref.uidValidity}:${ref.uid}:${ref.path}`;
}

export function flagsOf(flags: Set<string> | undefined): Flags {
  const has = (flag: string) => flags?.has(flag) ?? false;
  return {
    seen: has('\\Seen'),
    flagged: has('\\Flagged'),
    answered: has('\\Answered'),
    forwarded: has('$Forwarded'),
    draft: has('\\Draft'),
  };
}

export function dateOf(message: FetchMessageObject): Date {
  const date = message.envelope?.date ?? message.internalDate;
  const parsed = date ? new Date(date) : new Date(0);
  return Number.isNaN(parsed.getTime()) ? new Date(0) : parsed;
}

export function hasAttachments(node: MessageStructureObject | undefined): boolean {
  if (!node) return false;
  if (node.childNodes?.length) return node.childNodes.some(hasAttachments);
  if (node.disposition === 'attachment') return true;
  return node.disposition !== 'inline' && !/^(text|multipart)\//i.test(node.type) && !!node.part;
}

export function summaryOf(
  message: FetchMessageObject,
  folderId: string,
  uidValidity: string,
  linked: ReadonlySet<string>,
  snippet = '',
): MessageSummary {
  const envelope = message.envelope;
  const messageId = oneLine(envelope?.messageId);
  const id = formatId({ uidValidity, uid: message.uid, path: folderId });
  return {
    id,
    folderId,
    ...(messageId ? { messageId } : {}),
    from: cleanAddress(envelope?.from?.[0]),
    to: cleanAddresses(envelope?.to),
    cc: cleanAddresses(envelope?.cc),
    subject: oneLine(envelope?.subject) ?? '',
    snippet,
    date: dateOf(message).toISOString(),
    size: message.size ?? 0,
    flags: flagsOf(message.flags),
    hasAttachments: hasAttachments(message.bodyStructure),
    linked: linked.has(messageId ?? '') || linked.has(id),
  };
}

// --- previews

/** The part a list row previews: the first text/plain outside attachments, else the first text/html. */
export function previewPart(root: MessageStructureObject | undefined): MessageStructureObject | undefined {
  const leaves: MessageStructureObject[] = [];
  const walk = (node: MessageStructureObject) => {
    if (node.childNodes?.length) node.childNodes.forEach(walk);
    else if (node.disposition !== 'attachment') leaves.push(node);
  };
  if (root) walk(root);
  return (
    leaves.find((node) => node.type.toLowerCase() === 'text/plain') ??
    leaves.find((node) => node.type.toLowerCase() === 'text/html')
  );
}

/** The IMAP section of a part; a message that is not multipart has its body as part 1. */
const sectionOf = (node: MessageStructureObject) => node.part ?? '1';

/**
 * Summaries of `uids` (in that order) with snippets. One FETCH brings the summaries and the head of part 1 (the text
 * part of most mail); messages whose text sits deeper get one more FETCH per section, never the whole message.
 */
export async function fetchSummaries(
  client: ImapFlow,
  folderId: string,
  uidValidity: string,
  uids: readonly number[],
  linked: ReadonlySet<string>,
): Promise<MessageSummary[]> {
  if (!uids.length) return [];
  const fetched = new Map<number, FetchMessageObject>();
  const query = { ...SUMMARY_QUERY, bodyParts: [{ key: '1', maxLength: PREVIEW_BYTES.plain }] };
  for await (const message of client.fetch(uids.join(','), query, { uid: true })) fetched.set(message.uid, message);
  const snippets = new Map<number, string>();
  const deeper = new Map<string, number[]>();
  for (const message of fetched.values()) {
    const node = previewPart(message.bodyStructure);
    if (!node) continue;
    const section = sectionOf(node);
    const head = message.bodyParts?.get('1');
    if (section === '1' && head && !(node.type.toLowerCase() === 'text/html' && head.length >= PREVIEW_BYTES.plain))
      snippets.set(message.uid, previewText(head, node));
    else deeper.set(section, [...(deeper.get(section) ?? []), message.uid]);
  }
  for (const [section, group] of deeper) {
    const node = (uid: number) => previewPart(fetched.get(uid)?.bodyStructure);
    const maxLength = PREVIEW_BYTES.html;
    for await (const message of client.fetch(
      group.join(','),
      { uid: true, bodyParts: [{ key: section, maxLength }] },
      {
        uid: true,
      },
    )) {
      const part = node(message.uid);
      const bytes = message.bodyParts?.get(section.toLowerCase()) ?? message.bodyParts?.get(section);
      if (part && bytes) snippets.set(message.uid, previewText(bytes, part));
    }
  }
  return uids
    .map((uid) => fetched.get(uid))
    .filter((message): message is FetchMessageObject => !!message)
    .map((message) => summaryOf(message, folderId, uidValidity, linked, snippets.get(message.uid) ?? ''));
}

/** A snippet from the first bytes of a text part: transfer encoding and charset undone, cut-off ends dropped. */
export function previewText(head: Buffer, node: MessageStructureObject): string {
  const encoding = (node.encoding ?? '').toLowerCase();
  let bytes: Uint8Array = head;
  // Node's base64 decoder skips line breaks and decodes a cut-off last group to the whole bytes it holds.
  if (encoding === 'base64') bytes = Buffer.from(head.toString('latin1'), 'base64');
  else if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(head.toString('latin1'));
  const text = decoderFor(node.parameters?.charset)
    .decode(bytes)
    .replace(/\uFFFD+$/, '');
  return node.type.toLowerCase() === 'text/html' ? snippetOf(htmlHeadToText(text)) : bodySnippet(text, undefined);
}

/** Plain text of the head of an HTML document, which can end inside a tag or an unclosed style block: neither is text. */
export function htmlHeadToText(html: string): string {
  return htmlToPlainText(
    html.replace(/<(script|style|head|title)\b(?![\s\S]*<\/\1\s*>)[\s\S]*$/i, ' ').replace(/<[^>]*$/, ''),
  );
}

/** Decoders by charset label: making one costs more than decoding a preview with it. */
const decoders = new Map<string, TextDecoder>();
const MAX_DECODERS = 64;

/** A decoder for `charset`; UTF-8 for a label the platform does not know. */
function decoderFor(charset = 'utf-8'): TextDecoder {
  const label = charset.toLowerCase();
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = decoderFor('utf-8');
    }
    if (decoders.size < MAX_DECODERS) decoders.set(label, decoder);
  }
  return decoder;
}

/** Quoted-printable to bytes; a cut-off escape at the end is dropped. */
function decodeQuotedPrintable(text: string): Uint8Array {
  const out = Buffer.allocUnsafe(text.length);
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x3d) {
      out[length++] = code & 0xff;
      continue;
    }
    const next = text.charCodeAt(index + 1);
    if (next === 0x0a)
      index += 1; // soft line break
    else if (next === 0x0d && text.charCodeAt(index + 2) === 0x0a) index += 2;
    else if (isHex(next) && isHex(text.charCodeAt(index + 2))) {
      out[length++] = parseInt(text.slice(index + 1, index + 3), 16);
      index += 2;
    } else if (index + 2 >= text.length && (index + 1 === text.length || isHex(next) || next === 0x0d)) {
      break; // an escape or a soft line break cut off at the end of the preview
    } else out[length++] = code;
  }
  return out.subarray(0, length);
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

// --- whole messages

/**
 * The whole message from its source. `parts` (from the body structure, when the message came over IMAP) gives each
 * attachment the IMAP section it can be fetched by on its own; without it, or when the two disagree, attachments are
 * numbered in order and fetching one parses the source again.
 */
export async function fullMessage(
  summary: MessageSummary,
  source: Buffer | Uint8Array,
  structure?: MessageStructureObject,
): Promise<Message> {
  const parsed = await PostalMime.parse(source, { attachmentEncoding: 'arraybuffer' });
  const sections = structure ? attachmentSections(structure, parsed.attachments) : undefined;
  const attachments: Attachment[] = parsed.attachments.map((part, index) => ({
    id: sections ? `p${sections[index]}` : `a${index}`,
    filename: part.filename ?? '',
    contentType: oneLine(part.mimeType, 255) ?? 'application/octet-stream',
    size: typeof part.content === 'string' ? Buffer.byteLength(part.content) : part.content.byteLength,
    ...(part.contentId ? { contentId: part.contentId.replace(/^<|>$/g, '') } : {}),
    inline: part.disposition === 'inline' && !!part.contentId,
  }));
  const text = parsed.text ?? (parsed.html ? undefined : '');
  return {
    ...summary,
    snippet: bodySnippet(parsed.text, parsed.html),
    hasAttachments: summary.hasAttachments || attachments.some((a) => !a.inline),
    bcc: cleanAddresses(parsed.bcc),
    replyTo: cleanAddresses(parsed.replyTo),
    ...(parsed.inReplyTo ? { inReplyTo: oneLine(parsed.inReplyTo)! } : {}),
    references: (parsed.references ?? '').split(/\s+/).filter(Boolean),
    ...(text !== undefined ? { text } : {}),
    ...(parsed.html ? { html: parsed.html } : {}),
    attachments,
    headers: parsed.headers.slice(0, 200).map((h) => ({ name: h.originalKey ?? h.key, value: h.value })),
  };
}

/**
 * Characters of a plain-text body read for its snippet at first: a mail (or a list row's preview) is not flattened
 * whole for 140 characters. A few lines of text fill a snippet; a head of quotes or blank lines falls back to the whole.
 */
const SNIPPET_WINDOW = 1024;
const SNIPPET_LENGTH = 140;

/**
 * The snippet of a whole body. Flattening is local (quoted lines dropped, white space collapsed), so the flattened
 * head of a long text is the start of the flattened whole: when it is already longer than a snippet, the snippet is
 * cut from it; otherwise (mostly quotes) the whole text is flattened.
 */
export function bodySnippet(text: string | undefined, html: string | undefined): string {
  if (text === undefined) return snippetOf(htmlToPlainText(html ?? ''));
  if (text.length > SNIPPET_WINDOW) {
    const head = snippetOf(text.slice(0, SNIPPET_WINDOW), Infinity);
    if (head.length > SNIPPET_LENGTH) return `${head.slice(0, SNIPPET_LENGTH - 1)}…`;
  }
  return snippetOf(text);
}

/**
 * The IMAP section of each of postal-mime's attachments, or undefined when they cannot be paired with certainty.
 * postal-mime makes an attachment of every non-empty leaf except inline text/plain and text/html; nested messages
 * (which it may open and merge) are left to the whole-source path.
 */
export function attachmentSections(
  structure: MessageStructureObject,
  attachments: readonly { mimeType: string; filename: string | null }[],
): string[] | undefined {
  const leaves: MessageStructureObject[] = [];
  let nested = false;
  const walk = (node: MessageStructureObject) => {
    const type = node.type.toLowerCase();
    if (type.startsWith('message/')) nested = true;
    if (node.childNodes?.length && type.startsWith('multipart/')) return node.childNodes.forEach(walk);
    const inlineText = (type === 'text/plain' || type === 'text/html') && node.disposition !== 'attachment';
    if (!inlineText && (node.size ?? 0) > 0) leaves.push(node);
  };
  walk(structure);
  if (nested || leaves.length !== attachments.length) return undefined;
  const sections: string[] = [];
  for (const [index, leaf] of leaves.entries()) {
    const attachment = attachments[index]!;
    const filename = leaf.dispositionParameters?.filename ?? leaf.parameters?.name;
    if (leaf.type.toLowerCase() !== attachment.mimeType.toLowerCase()) return undefined;
    if (filename && attachment.filename && filename !== attachment.filename) return undefined;
    sections.push(sectionOf(leaf));
  }
  return sections;
}

// --- attachments

/** The node of `section` in a body structure. */
export function findPart(
  node: MessageStructureObject | undefined,
  section: string,
): MessageStructureObject | undefined {
  if (!node) return undefined;
  if (sectionOf(node) === section && !node.childNodes?.length) return node;
  for (const child of node.childNodes ?? []) {
    const found = findPart(child, section);
    if (found) return found;
  }
  return undefined;
}

export function tooLarge(maxBytes: number): MailError {
  return new MailError(
    'unsupported',
    `This attachment is larger than the server's download limit (${Math.floor(maxBytes / 1048576)} MiB).`,
  );
}

/**
 * One attachment of the open folder's message `uid`, fetched by its IMAP section: imapflow fetches it in chunks and
 * undoes the transfer encoding as it streams, so neither the message nor its other parts are loaded. A part larger
 * than `maxBytes` is refused, before any byte is fetched when its encoded size already says so.
 */
export async function downloadPart(client: ImapFlow, uid: number, section: string, maxBytes: number): Promise<File> {
  const message = await client.fetchOne(String(uid), { uid: true, bodyStructure: true }, { uid: true });
  const node = message ? findPart(message.bodyStructure, section) : undefined;
  if (!node || node.type.toLowerCase().startsWith('multipart/')) throw notFound('There is no such attachment.');
  // Base64 carries 3 bytes in 4 characters plus a line break every 76: the least the part can decode to.
  const least = node.encoding?.toLowerCase() === 'base64' ? Math.floor(((node.size ?? 0) * 3 * 76) / (4 * 78)) : 0;
  if (least > maxBytes) throw tooLarge(maxBytes);
  const { meta, content } = await client.download(String(uid), section, {
    uid: true,
    maxBytes: maxBytes + 1,
    decodeText: false,
  });
  if (!content) throw notFound('There is no such attachment.');
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for await (const chunk of content as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      content.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength));
  }
  const filename =
    oneLine(meta?.filename ?? node.dispositionParameters?.filename ?? node.parameters?.name, 255) ?? 'attachment';
  return new File(chunks, filename, { type: oneLine(node.type, 255) ?? 'application/octet-stream' });
}

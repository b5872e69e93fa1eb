import * as z from 'zod/mini';
import { Address, Count, DateTime, Id, lineText } from './primitives.js';

/** The record a mail belongs to, carried from the record's side bar into the composer, the reply and the send. */
export const LinkContext = z.object({ objectName: lineText(128), objectId: lineText(256) });
export type LinkContext = z.infer<typeof LinkContext>;

/** A file uploaded for a draft, referenced by id when the draft is saved or sent. */
export const UploadedAttachment = z.object({
  id: Id,
  filename: lineText(255),
  contentType: lineText(255),
  size: Count,
  /** Set for images placed in the body as `cid:` references. */
  contentId: z.optional(lineText(255)),
  inline: z.optional(z.boolean()),
});
export type UploadedAttachment = z.infer<typeof UploadedAttachment>;

const Recipients = z.array(Address).check(z.maxLength(500, 'At most 500 recipients.'));

export const Draft = z.object({
  /** Absent for a new draft; the id returned by `saveDraft` afterwards. */
  id: z.optional(Id),
  from: z.optional(Address),
  to: Recipients,
  cc: Recipients,
  bcc: Recipients,
  subject: lineText(998),
  text: z.optional(z.string()),
  html: z.optional(z.string()),
  attachments: z.array(UploadedAttachment),
  inReplyTo: z.optional(lineText()),
  references: z.optional(z.array(lineText())),
  /** The message this draft answers or forwards, for the answered/forwarded flags. */
  sourceId: z.optional(Id),
  sourceMode: z.optional(z.enum(['reply', 'reply-all', 'forward'])),
  link: z.optional(LinkContext),
});
export type Draft = z.infer<typeof Draft>;

export const SavedDraft = z.object({ id: Id, savedAt: DateTime });
export type SavedDraft = z.infer<typeof SavedDraft>;

export const DraftRef = z.object({ id: Id });

export const ComposeMode = z.enum(['reply', 'reply-all', 'forward']);
export type ComposeMode = z.infer<typeof ComposeMode>;
export const PrefillRequest = z.object({
  id: Id,
  mode: ComposeMode,
  link: z.optional(LinkContext),
  /** The reader's language (BCP 47) for the quote header ("On …, … wrote:"). Default English. */
  locale: z.optional(lineText(35)),
});
export type PrefillRequest = z.infer<typeof PrefillRequest>;

export const SendRequest = z.object({
  draft: Draft,
  /** A client-chosen key: the same send retried is recognised and not sent twice. */
  idempotencyKey: z.optional(lineText(128)),
});
export type SendRequest = z.infer<typeof SendRequest>;

export const SendResult = z.object({
  /** The RFC 5322 Message-ID of the sent mail. */
  messageId: lineText(),
  /** The copy in the Sent folder, when there is one. */
  sentId: z.optional(Id),
  sentAt: DateTime,
});
export type SendResult = z.infer<typeof SendResult>;

export const SuggestRequest = z.object({ query: lineText(200), limit: z.optional(z.int().check(z.gte(1), z.lte(50))) });
export type SuggestRequest = z.infer<typeof SuggestRequest>;
export const AddressSuggestion = z.extend(Address, {
  source: z.enum(['recent', 'record', 'identity']),
  /** The record the address belongs to, for `source: 'record'`. */
  record: z.optional(z.object({ objectName: z.string(), objectId: z.string(), title: z.string() })),
});
export type AddressSuggestion = z.infer<typeof AddressSuggestion>;
export const AddressSuggestions = z.object({ items: z.array(AddressSuggestion) });

export const Identities = z.object({ items: z.array(Address) });

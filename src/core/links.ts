import * as z from 'zod/mini';
import { MessageSummary } from './mailbox.js';
import { Count, DateTime, EmailAddress, Id, PageSize, lineText, requiredLine } from './primitives.js';

const Domain = requiredLine(253).check(
  z.regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Not a valid domain (lower case, like acme.com).',
  ),
);

/** A folder on the server: absolute, with no `..` segment. The server is the final judge. */
export const StoragePath = requiredLine(1024).check(
  z.regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)/, 'Use an absolute path.'),
  z.refine((value) => !value.split(/[\\/]/).includes('..'), 'A path cannot contain "..".'),
);

export const ObjectName = requiredLine(128).check(
  z.regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'Letters, digits, _ . and - only, starting with a letter.'),
);

export const ObjectLinkConfig = z.object({
  objectName: ObjectName,
  primaryKey: requiredLine(128),
  /** The record field that holds the e-mail address. */
  emailField: requiredLine(128),
  /** Match the part after @ instead of the whole address. */
  filterByDomain: z.boolean(),
  ignoredDomains: z.array(Domain).check(z.maxLength(500)),
  /** Where linked mails are saved as .eml files. */
  folderPath: StoragePath,
});
export type ObjectLinkConfig = z.infer<typeof ObjectLinkConfig>;
export const LinkConfigList = z.object({ items: z.array(ObjectLinkConfig) });
export const ObjectRef = z.object({ objectName: ObjectName });

/** A business record as the linking elements see it. */
export const RecordRef = z.object({
  objectName: z.string(),
  objectId: z.string(),
  title: z.string(),
  email: z.nullable(z.string()),
});
export type RecordRef = z.infer<typeof RecordRef>;

/**
 * Records that match the same mails: records sharing a domain, or records of several configurations matching one
 * address. Every one of them shows those mails.
 */
export const SharedMatch = z.object({
  /** The address or domain they share. */
  on: z.string(),
  records: z.array(RecordRef),
});
export type SharedMatch = z.infer<typeof SharedMatch>;

export const LinkPreview = z.object({
  records: Count,
  mails: Count,
  /** Addresses or domains matched by more than one record (this configuration's or another's), largest first. */
  shared: z.optional(z.array(SharedMatch)),
});
export type LinkPreview = z.infer<typeof LinkPreview>;
export const SearchRecordsRequest = z.object({
  objectName: z.optional(ObjectName),
  query: lineText(200),
  limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
});
export type SearchRecordsRequest = z.infer<typeof SearchRecordsRequest>;
export const RecordList = z.object({ items: z.array(RecordRef) });

export const RecordMailsRequest = z.object({
  objectName: ObjectName,
  objectId: requiredLine(256),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z.optional(PageSize),
  text: z.optional(lineText(500)),
});
export type RecordMailsRequest = z.infer<typeof RecordMailsRequest>;

export const RecordMail = z.extend(MessageSummary, {
  direction: z.enum(['received', 'sent']),
  /** Saved to the record (not just matched by address). */
  linkedToRecord: z.boolean(),
});
export type RecordMail = z.infer<typeof RecordMail>;

export const RecordMailsPage = z.object({
  /** False when no link configuration exists for the object. */
  configured: z.boolean(),
  record: z.nullable(RecordRef),
  /** What was matched: the address, or the domain when the configuration filters by domain. */
  matchedOn: z.nullable(z.string()),
  /** Other records (of any configured object) matching the same address or domain: they show these mails too. */
  sharedWith: z.optional(z.array(RecordRef)),
  items: z.array(RecordMail),
  nextCursor: z.nullable(z.string()),
  total: z.optional(Count),
});
export type RecordMailsPage = z.infer<typeof RecordMailsPage>;

export const LinkRequest = z.object({
  ids: z.array(Id).check(z.minLength(1, 'Select at least one message.'), z.maxLength(500)),
  objectName: ObjectName,
  objectId: requiredLine(256),
});
export type LinkRequest = z.infer<typeof LinkRequest>;
export const UnlinkRequest = z.object({ id: Id, objectName: ObjectName, objectId: requiredLine(256) });
export type UnlinkRequest = z.infer<typeof UnlinkRequest>;

export const MessageLink = z.object({
  messageId: Id,
  objectName: z.string(),
  objectId: z.string(),
  /** The file name of the saved .eml, inside the configuration's folder. */
  fileName: z.string(),
  linkedAt: DateTime,
});
export type MessageLink = z.infer<typeof MessageLink>;
export const MessageLinks = z.object({ items: z.array(MessageLink) });

export { EmailAddress };

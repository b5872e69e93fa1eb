import * as z from 'zod/mini';
import { FOLDER_ROLES } from './constants.js';
import {
  Address,
  Count,
  DateOrDateTime,
  DateTime,
  Id,
  PageSize,
  lineText,
  pageOf,
  requiredLine,
} from './primitives.js';

export const FolderRole = z.enum(FOLDER_ROLES);
export type FolderRole = z.infer<typeof FolderRole>;

export const Folder = z.object({
  id: Id,
  /** The folder's own name, without its parents. */
  name: requiredLine(255),
  /** The full path, parents first, joined by `delimiter`. */
  path: requiredLine(1024),
  delimiter: z.string(),
  parentId: z.nullable(Id),
  role: z.nullable(FolderRole),
  unread: Count,
  total: Count,
  /** A container only (IMAP `\Noselect`) cannot hold messages. */
  selectable: z.boolean(),
});
export type Folder = z.infer<typeof Folder>;

/**
 * Role folders first in their usual order (inbox, drafts, sent, archive, junk, trash, ...), then the others by name;
 * parents always before their children. Folders whose parent is missing count as top level.
 */
export function orderFolders<T extends Pick<Folder, 'id' | 'parentId' | 'role' | 'name'>>(folders: Iterable<T>): T[] {
  const all = [...folders];
  const ids = new Set(all.map((folder) => folder.id));
  const children = new Map<string | null, T[]>();
  for (const folder of all) {
    const parent = folder.parentId && ids.has(folder.parentId) ? folder.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), folder]);
  }
  const rank = (folder: T) => (folder.role ? FOLDER_ROLES.indexOf(folder.role) : FOLDER_ROLES.length);
  const ordered: T[] = [];
  const visit = (parent: string | null) => {
    const siblings = (children.get(parent) ?? []).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
    for (const folder of siblings) {
      ordered.push(folder);
      visit(folder.id);
    }
  };
  visit(null);
  return ordered;
}

export const Flags = z.object({
  seen: z.boolean(),
  flagged: z.boolean(),
  answered: z.boolean(),
  forwarded: z.boolean(),
  draft: z.boolean(),
});
export type Flags = z.infer<typeof Flags>;
/** The flags a user can change. */
export const FlagChanges = z.partial(z.pick(Flags, { seen: true, flagged: true, answered: true, forwarded: true }));
export type FlagChanges = z.infer<typeof FlagChanges>;

export const MessageSummary = z.object({
  id: Id,
  folderId: Id,
  /** The RFC 5322 Message-ID, angle brackets included. */
  messageId: z.optional(lineText()),
  threadId: z.optional(Id),
  /** Messages in the thread, when listed by thread. */
  threadSize: z.optional(Count),
  from: z.nullable(Address),
  to: z.array(Address),
  cc: z.array(Address),
  subject: z.string(),
  snippet: z.string(),
  date: DateTime,
  size: Count,
  flags: Flags,
  hasAttachments: z.boolean(),
  /** Linked to at least one business record. */
  linked: z.boolean(),
});
export type MessageSummary = z.infer<typeof MessageSummary>;

export const Attachment = z.object({
  id: Id,
  filename: z.string(),
  contentType: requiredLine(255),
  size: Count,
  /** Content-ID without angle brackets, for parts referenced as `cid:` from the HTML body. */
  contentId: z.optional(z.string()),
  /** Shown in the body rather than listed (inline images). */
  inline: z.boolean(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Header = z.object({ name: z.string(), value: z.string() });

export const Message = z.extend(MessageSummary, {
  bcc: z.array(Address),
  replyTo: z.array(Address),
  inReplyTo: z.optional(z.string()),
  references: z.array(z.string()),
  text: z.optional(z.string()),
  html: z.optional(z.string()),
  attachments: z.array(Attachment),
  headers: z.array(Header),
});
export type Message = z.infer<typeof Message>;

export const MESSAGE_SORTS = ['date-desc', 'date-asc'] as const;
export const MessageSort = z.enum(MESSAGE_SORTS);
export type MessageSort = z.infer<typeof MessageSort>;

/** Filters of a message listing; all given ones must match. Text filters are case-insensitive substrings. */
export const MessageFilter = z.object({
  /** Anywhere: sender, recipients, subject or body. */
  text: z.optional(lineText(500)),
  from: z.optional(lineText(500)),
  to: z.optional(lineText(500)),
  subject: z.optional(lineText(500)),
  body: z.optional(lineText(500)),
  /** On or after this date. */
  since: z.optional(DateOrDateTime),
  /** Strictly before this date. */
  before: z.optional(DateOrDateTime),
  unseen: z.optional(z.boolean()),
  flagged: z.optional(z.boolean()),
  hasAttachment: z.optional(z.boolean()),
  /** Only the messages of this thread (a `threadId` from a summary): a conversation expanded in the reader. */
  threadId: z.optional(Id),
});
export type MessageFilter = z.infer<typeof MessageFilter>;

export const ListMessagesRequest = z.extend(MessageFilter, {
  folderId: Id,
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z.optional(PageSize),
  sort: z.optional(MessageSort),
  /** Group by thread (only where capabilities say `threads`). */
  threads: z.optional(z.boolean()),
});
export type ListMessagesRequest = z.input<typeof ListMessagesRequest>;

export const MessagePage = pageOf(MessageSummary);
export type MessagePage = z.infer<typeof MessagePage>;

export const MessageRef = z.object({ id: Id });
export const AttachmentRef = z.object({ id: Id, attachmentId: Id });

export const Ids = z.array(Id).check(z.minLength(1, 'Select at least one message.'), z.maxLength(1000));

export const SetFlagsRequest = z.object({ ids: Ids, flags: FlagChanges });
export type SetFlagsRequest = z.infer<typeof SetFlagsRequest>;

export const MoveMessagesRequest = z.object({ ids: Ids, folderId: Id });
export type MoveMessagesRequest = z.infer<typeof MoveMessagesRequest>;

export const DeleteMessagesRequest = z.object({
  ids: Ids,
  /** Delete for good instead of moving to Trash (always for messages already in Trash). */
  permanent: z.optional(z.boolean()),
});
export type DeleteMessagesRequest = z.infer<typeof DeleteMessagesRequest>;

/** What a move or delete did; ids change when a message changes folder on most servers. */
export const MoveResult = z.object({
  moved: z.array(z.object({ from: Id, to: Id })),
  deleted: z.array(Id),
});
export type MoveResult = z.infer<typeof MoveResult>;

export const Updated = z.object({ updated: Count });

const FolderName = requiredLine(255).check(
  z.refine((value) => !/[/\\*%]/.test(value), 'A folder name cannot contain / \\ * or %.'),
);
export const CreateFolderRequest = z.object({ name: FolderName, parentId: z.optional(z.nullable(Id)) });
export type CreateFolderRequest = z.infer<typeof CreateFolderRequest>;
export const RenameFolderRequest = z.object({ folderId: Id, name: FolderName });
export type RenameFolderRequest = z.infer<typeof RenameFolderRequest>;
export const FolderRef = z.object({ folderId: Id });

export const FolderList = z.object({ items: z.array(Folder) });

/** Changes pushed by a live subscription. */
export const MailboxChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message-added'), folderId: Id, message: MessageSummary }),
  z.object({ type: z.literal('message-updated'), folderId: Id, id: Id, flags: Flags }),
  z.object({ type: z.literal('message-removed'), folderId: Id, id: Id }),
  z.object({ type: z.literal('folders-changed') }),
  /** Too much changed to describe: reload what is shown. */
  z.object({ type: z.literal('resync'), folderId: z.optional(Id) }),
]);
export type MailboxChange = z.infer<typeof MailboxChange>;

import * as z from 'zod/mini';
import { Count } from './primitives.js';

/** What a backend can do; elements hide what it cannot. */
export const Capabilities = z.object({
  /** `imap`, `pop3`, or a name of the backend's own (`memory`). */
  protocol: z.string(),
  /** More than one folder (POP3 has only the inbox). */
  folders: z.boolean(),
  /** Flags are stored on the server. */
  flags: z.boolean(),
  threads: z.boolean(),
  /** `full`: every filter; `basic`: text, from, subject and dates only. */
  search: z.enum(['full', 'basic']),
  /** How live updates arrive: pushed, polled by the client, or not at all. */
  liveUpdates: z.enum(['push', 'poll', 'none']),
  oauth: z.boolean(),
  links: z.boolean(),
  /** The largest attachment accepted by `uploadAttachment`, in bytes. */
  maxAttachmentBytes: Count,
  /** The largest message the outgoing server takes, in bytes. */
  maxMessageBytes: Count,
});
export type Capabilities = z.infer<typeof Capabilities>;

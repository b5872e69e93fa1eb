/**
 * Conversations on IMAP: the server threads the open folder (`UID THREAD REFERENCES`, RFC 5256, which links replies
 * by References and In-Reply-To and groups the rest by base subject); this module reads its answer and groups a
 * listing by it. imapflow has no THREAD command of its own, so it goes through imapflow's command runner. A server
 * without THREAD=REFERENCES is threaded here the same way, from each message's headers (`threadByHeaders`).
 */
import type { ImapFlow } from 'imapflow';
import { baseSubject } from '../core/index.js';

/** The server threads by references (Dovecot does). */
export function canThread(client: ImapFlow): boolean {
  return client.capabilities.has('THREAD=REFERENCES');
}

interface Token {
  type?: string;
  value?: unknown;
}
type Attribute = Token | Attribute[];

/** imapflow's command runner, which its public methods use; typed here for the one command sent through it. */
interface CommandRunner {
  exec(
    command: string,
    attributes: Token[],
    options: { untagged: Record<string, (untagged: { attributes?: Attribute[] }) => Promise<void>> },
  ): Promise<{ next(): void }>;
}

/** The open folder's threads, each the UIDs of its messages. */
export async function threadsOf(client: ImapFlow): Promise<number[][]> {
  const threads: number[][] = [];
  const runner = client as unknown as CommandRunner;
  const response = await runner.exec(
    'UID THREAD',
    [
      { type: 'ATOM', value: 'REFERENCES' },
      { type: 'ATOM', value: 'UTF-8' },
      { type: 'ATOM', value: 'ALL' },
    ],
    {
      untagged: {
        THREAD: async (untagged) => {
          for (const tree of untagged.attributes ?? []) {
            const uids: number[] = [];
            collect(tree, uids);
            if (uids.length) threads.push(uids);
          }
        },
      },
    },
  );
  response.next();
  return threads;
}

function collect(attribute: Attribute, into: number[]): void {
  if (Array.isArray(attribute)) {
    for (const child of attribute) collect(child, into);
    return;
  }
  const uid = Number(attribute.value);
  if (Number.isInteger(uid) && uid > 0) into.push(uid);
}

export interface ThreadView {
  /** The UIDs to list, ascending: each thread's newest matching message, or the members of one thread. */
  uids: number[];
  /** Per listed UID: its thread's id and how many matching messages the thread has in this folder. */
  info: Map<number, { threadId: string; threadSize: number }>;
}

/**
 * Groups `matching` (ascending UIDs that pass the filters) by `threads`. A thread's id is the folder's UIDVALIDITY
 * and its oldest message's UID, so it stays put as replies arrive. With `threadId`, only that thread's messages are
 * kept; with `heads`, each thread is represented by its newest matching message.
 */
export function groupByThread(
  matching: readonly number[],
  threads: readonly number[][],
  uidValidity: string,
  options: { threadId?: string; heads: boolean },
): ThreadView {
  const keep = new Set(matching);
  const threadOf = new Map<number, { id: string; members: number[] }>();
  for (const tree of threads) {
    const members = tree.filter((uid) => keep.has(uid)).sort((a, b) => a - b);
    const entry = { id: `t:${uidValidity}:${Math.min(...tree)}`, members };
    for (const uid of tree) threadOf.set(uid, entry);
  }
  // A message the server left out of every thread (it arrived in between) is a thread of its own.
  for (const uid of matching)
    if (!threadOf.has(uid)) threadOf.set(uid, { id: `t:${uidValidity}:${uid}`, members: [uid] });
  let uids = options.threadId ? matching.filter((uid) => threadOf.get(uid)!.id === options.threadId) : [...matching];
  if (options.heads) uids = uids.filter((uid) => threadOf.get(uid)!.members.at(-1) === uid);
  const info = new Map<number, { threadId: string; threadSize: number }>();
  for (const uid of uids) {
    const thread = threadOf.get(uid)!;
    info.set(uid, { threadId: thread.id, threadSize: thread.members.length });
  }
  return { uids, info };
}

/** What threading reads of one message. */
export interface ThreadHeaders {
  uid: number;
  messageId?: string;
  inReplyTo?: string;
  /** The References header as received (message ids in angle brackets). */
  references?: string;
  subject?: string;
}

/** The message ids in a header value, lower case: `<a@b> <c@d>` gives `a@b`, `c@d`. */
export function messageIds(value: string | undefined): string[] {
  return [...(value ?? '').matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]!.toLowerCase());
}

/**
 * Threads as RFC 5256 REFERENCES groups them, for a server that cannot: messages that share a message id through
 * Message-ID, References or In-Reply-To are one conversation (a missing message in between still links its replies),
 * then conversations whose first message has the same base subject ("Re:", "Fwd:" and the like removed) are merged.
 * Each thread is the UIDs of its messages, ascending; threads by their first UID.
 */
export function threadByHeaders(messages: readonly ThreadHeaders[]): number[][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    for (let node = key; node !== root;) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const sorted = [...messages].sort((a, b) => a.uid - b.uid);
  for (const message of sorted) {
    const own = `uid:${message.uid}`;
    parent.set(own, own);
    const ids = [...messageIds(message.messageId), ...messageIds(message.references), ...messageIds(message.inReplyTo)];
    for (const id of ids) union(own, `id:${id}`);
  }
  // The conversations by links, then merged by the base subject of each one's first message.
  const firstOf = new Map<string, ThreadHeaders>();
  for (const message of sorted) {
    const root = find(`uid:${message.uid}`);
    if (!firstOf.has(root)) firstOf.set(root, message);
  }
  const bySubject = new Map<string, string>();
  for (const [root, first] of firstOf) {
    const subject = baseSubject(first.subject ?? '').toLowerCase();
    if (!subject) continue;
    const seen = bySubject.get(subject);
    if (seen) union(seen, root);
    else bySubject.set(subject, root);
  }
  const threads = new Map<string, number[]>();
  for (const message of sorted) {
    const root = find(`uid:${message.uid}`);
    const thread = threads.get(root);
    if (thread) thread.push(message.uid);
    else threads.set(root, [message.uid]);
  }
  return [...threads.values()];
}

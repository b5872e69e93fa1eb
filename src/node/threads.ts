/**
 * Conversations on IMAP: the server threads the open folder (`UID THREAD REFERENCES`, RFC 5256, which links replies
 * by References and In-Reply-To and groups the rest by base subject); this module reads its answer and groups a
 * listing by it. imapflow has no THREAD command of its own, so it goes through imapflow's command runner.
 */
import type { ImapFlow } from 'imapflow';

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

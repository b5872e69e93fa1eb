import type { Address, CompleteAuthorizationRequest, MailBackend } from '../../src/core/index.js';

/** A new message to make arrive, as new mail would. */
export interface Arrival {
  subject: string;
  from: Address;
  to?: Address[];
  text?: string;
}

/**
 * What the contract suite needs from an implementation under test. The mailbox behind `backend` must hold at least
 * 120 messages in the inbox (some unread, some flagged, some with attachments), the usual role folders, and
 * business records with e-mail addresses that match some senders.
 */
export interface ContractHarness {
  backend: MailBackend;
  /** Makes a message arrive in the inbox (or the given folder), as new mail from outside would. */
  deliver(message: Arrival, folderId?: string): Promise<void>;
  /** Plays the provider's consent page for an authorize URL and returns what it sends to the redirect URL. */
  consent?(url: string, allow: boolean): Promise<CompleteAuthorizationRequest>;
  teardown?(): Promise<void>;
}

export type HarnessFactory = () => Promise<ContractHarness>;

/** Small helpers shared by the Node backends. */
import { isEmailAddress, MailError, type Address } from '../core/index.js';

/** A display name safe for the contract: no line breaks, at most 256 characters, absent when empty. */
export function cleanAddress(input: { name?: string | null; address?: string | null } | undefined): Address | null {
  const address = (input?.address ?? '').trim();
  if (!address || !isEmailAddress(address)) return null;
  const name = (input?.name ?? '')
    .replace(/[\r\n\0]+/g, ' ')
    .trim()
    .slice(0, 256);
  return name ? { name, address } : { address };
}

export function cleanAddresses(
  list: readonly { name?: string | null; address?: string | null }[] | undefined,
): Address[] {
  return (list ?? []).map(cleanAddress).filter((a): a is Address => a !== null);
}

export function oneLine(value: string | undefined | null, max = 998): string | undefined {
  if (!value) return undefined;
  const clean = value.replace(/[\r\n\0]+/g, ' ').trim();
  return clean ? clean.slice(0, max) : undefined;
}

export const notFound = (what: string) => new MailError('not-found', what);
export const invalid = (path: (string | number)[], message: string) =>
  new MailError('validation', message, { issues: [{ path, message }] });

export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeToken<T>(token: string, check: (value: unknown) => value is T): T {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (check(value)) return value;
  } catch {
    // fall through
  }
  throw invalid(['cursor'], 'This cursor is not valid here: load the list again.');
}

/**
 * `uids` as IMAP sequence sets of at most `batch` UIDs each, runs of consecutive UIDs written `a:b`: one FETCH for
 * 20,000 UIDs would be a command line longer than servers accept.
 */
export function uidSets(uids: readonly number[], batch: number): string[] {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const size = Math.max(1, Math.floor(batch));
  const sets: string[] = [];
  for (let start = 0; start < sorted.length; start += size) {
    const runs: string[] = [];
    let first = sorted[start]!;
    let last = first;
    for (const uid of sorted.slice(start + 1, start + size)) {
      if (uid !== last + 1) {
        runs.push(first === last ? String(first) : `${first}:${last}`);
        first = uid;
      }
      last = uid;
    }
    runs.push(first === last ? String(first) : `${first}:${last}`);
    sets.push(runs.join(','));
  }
  return sets;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether an error from imapflow, nodemailer or node-pop3 means the credentials or token were refused. */
export function isAuthFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    authenticationFailed?: boolean;
    code?: string;
    responseCode?: number;
    serverResponseCode?: string;
    message?: string;
  };
  return (
    e.authenticationFailed === true ||
    e.code === 'EAUTH' ||
    e.serverResponseCode === 'AUTHENTICATIONFAILED' ||
    e.responseCode === 535 ||
    /authentication failed|invalid credentials|\[AUTH\]/i.test(e.message ?? '')
  );
}

/** A network-level failure as a `MailError`: refused, unknown host, timeout, TLS. */
export function connectionError(error: unknown): MailError {
  if (error instanceof MailError) return error;
  const e = (error ?? {}) as { code?: string; message?: string };
  const code = e.code ?? '';
  if (isAuthFailure(error))
    return new MailError('unauthorized', 'The mail server refused the credentials.', { cause: error });
  if (/TIMEOUT|ETIMEDOUT/i.test(code) || /timed? ?out/i.test(e.message ?? '')) {
    return new MailError('timeout', 'The mail server took too long to answer.', { cause: error });
  }
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|EPIPE|NoConnection|ClosedAfterConnect|EConnectionClosed|ETLS|CERT|SELF_SIGNED/i.test(
      code + (e.message ?? ''),
    )
  ) {
    return new MailError('network', 'The mail server could not be reached.', { cause: error });
  }
  return new MailError('server', 'The mail server could not complete the request.', { cause: error });
}

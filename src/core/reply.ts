/**
 * How a reply, reply-all or forward is addressed and quoted: one set of rules for every backend, so the mock and the
 * IMAP server answer alike. The quote headers are written in the reader's language.
 */
import type { Draft } from './compose.js';
import type { Address } from './primitives.js';
import { formatAddress, forwardSubject, quoteText, replySubject } from './text.js';

/** What the rules need of the message being answered. */
export interface ReplySource {
  from: Address | null;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  subject: string;
  date: string | number | Date;
  messageId?: string;
  references: string[];
  /** The body as plain text. */
  text: string;
}

export type ReplyMode = 'reply' | 'reply-all' | 'forward';

interface QuoteWords {
  wrote: (when: string, who: string) => string;
  someone: string;
  forwarded: string;
  from: string;
  date: string;
  subject: string;
  to: string;
}

const WORDS: Record<string, QuoteWords> = {
  en: {
    wrote: (when, who) => `On ${when}, ${who} wrote:`,
    someone: 'someone',
    forwarded: '---------- Forwarded message ---------',
    from: 'From',
    date: 'Date',
    subject: 'Subject',
    to: 'To',
  },
  es: {
    wrote: (when, who) => `El ${when}, ${who} escribió:`,
    someone: 'alguien',
    forwarded: '---------- Mensaje reenviado ---------',
    from: 'De',
    date: 'Fecha',
    subject: 'Asunto',
    to: 'Para',
  },
};

function wordsFor(locale: string): QuoteWords {
  const tag = locale.toLowerCase();
  return WORDS[tag] ?? WORDS[tag.split('-')[0]!] ?? WORDS.en!;
}

function formatWhen(date: string | number | Date, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(
      new Date(date),
    );
  } catch {
    return new Date(date).toUTCString();
  }
}

/**
 * The addressing, subject, quote and threading headers of a draft answering or forwarding `source`.
 * `isOwn` tells the user's own addresses, which reply-all leaves out (unless the user wrote the source).
 */
export function prefillFromSource(
  source: ReplySource,
  mode: ReplyMode,
  isOwn: (address: Address) => boolean,
  locale = 'en',
): Pick<Draft, 'to' | 'cc' | 'subject' | 'text' | 'inReplyTo' | 'references'> {
  const words = wordsFor(locale);
  const when = formatWhen(source.date, locale);
  const sender = source.from ? formatAddress(source.from) : words.someone;
  const threading = source.messageId
    ? {
        inReplyTo: source.messageId,
        references: [...source.references.filter((reference) => reference !== source.messageId), source.messageId],
      }
    : {};
  if (mode === 'forward') {
    const header = [
      words.forwarded,
      `${words.from}: ${sender}`,
      `${words.date}: ${when}`,
      `${words.subject}: ${source.subject}`,
      `${words.to}: ${source.to.map(formatAddress).join(', ')}`,
    ];
    return {
      to: [],
      cc: [],
      subject: forwardSubject(source.subject),
      text: `\n\n${header.join('\n')}\n\n${source.text}`,
      ...threading,
    };
  }
  const ownSource = source.from ? isOwn(source.from) : false;
  const seen = new Set<string>();
  const keep = (address: Address) => {
    const key = address.address.toLowerCase();
    if (seen.has(key) || (isOwn(address) && !ownSource)) return false;
    seen.add(key);
    return true;
  };
  const copy = (address: Address): Address =>
    address.name ? { name: address.name, address: address.address } : { address: address.address };
  const primary = ownSource ? source.to : source.replyTo.length ? source.replyTo : source.from ? [source.from] : [];
  const to = primary.filter(keep).map(copy);
  let cc: Address[] = [];
  if (mode === 'reply-all') {
    to.push(...(ownSource ? [] : source.to).filter(keep).map(copy));
    cc = source.cc.filter(keep).map(copy);
  }
  return {
    to,
    cc,
    subject: replySubject(source.subject),
    text: quoteText(source.text, words.wrote(when, sender)),
    ...threading,
  };
}

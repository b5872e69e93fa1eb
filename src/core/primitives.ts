/**
 * Building blocks shared by every schema of the contract. `zod/mini` keeps browser bundles small; the namespace
 * import lets bundlers drop what is unused.
 */
import * as z from 'zod/mini';
import { regexes } from 'zod/v4/core';
import { PAGE_SIZE_MAX } from './constants.js';

/** Characters that must never reach a protocol line: CR, LF and NUL (header and command injection). */
const PROTOCOL_BREAKERS = /[\r\n\0]/;

/** Text that may end up in an IMAP command or an SMTP header: no CR, LF or NUL. */
export const lineText = (max = 998) =>
  z.string().check(
    z.maxLength(max, `At most ${max} characters.`),
    z.refine((value) => !PROTOCOL_BREAKERS.test(value), 'Line breaks and NUL characters are not allowed.'),
  );

/** A required single-line text. */
export const requiredLine = (max = 998) =>
  lineText(max).check(z.refine((value) => value.trim().length > 0, 'Required.'));

/** An opaque identifier chosen by the backend. */
export const Id = requiredLine(1024);
export type Id = z.infer<typeof Id>;

/** ISO 8601 date-time with an offset, as `Date.prototype.toISOString()` writes it. */
export const DateTime = z.iso.datetime({ offset: true });
export type DateTime = z.infer<typeof DateTime>;

/** A calendar date or a date-time, as accepted by date-range filters. */
export const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** An e-mail address (the addr-spec only), checked the way browsers check `type=email`, at most 254 characters. */
export const EmailAddress = z
  .email({ pattern: regexes.html5Email, error: 'Not a valid e-mail address.' })
  .check(z.maxLength(254, 'An e-mail address has at most 254 characters.'));

/** A mailbox: display name and address. */
export const Address = z.object({
  /** Display name, without quotes. */
  name: z.optional(lineText(256)),
  address: EmailAddress,
});
export type Address = z.infer<typeof Address>;

/** A non-negative integer. */
export const Count = z.int().check(z.nonnegative());

/** A TCP port. */
export const Port = z
  .int('A port is a whole number.')
  .check(z.gte(1, 'A port is between 1 and 65535.'), z.lte(65535, 'A port is between 1 and 65535.'));

/** A DNS host name or an IP address literal, as typed in a settings form. */
export const HostName = requiredLine(253).check(
  z.regex(
    /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?))*\.?|\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:]+:[0-9a-fA-F:.]*)$/,
    'Not a valid host name.',
  ),
);

/** A page of items with an opaque cursor to the next one (`null` at the end). */
export const pageOf = <T extends z.core.SomeType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass back as `cursor` to get the following page; `null` when there is none. */
    nextCursor: z.nullable(z.string()),
    /** How many items match in all, when the backend knows it cheaply. */
    total: z.optional(Count),
  });
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number };

/** Common page-request fields (the sizes themselves are in `constants.ts`, free of zod). */
export const PageSize = z.int().check(z.gte(1), z.lte(PAGE_SIZE_MAX, `At most ${PAGE_SIZE_MAX} items a page.`));

import * as z from 'zod/mini';
import { MAIL_ERROR_CODES } from './mail-error.js';

/** Schemas of the error shapes that travel (problem details); `MailError` itself is in `mail-error.ts`. */
export const MailErrorCode = z.enum(MAIL_ERROR_CODES);
export type MailErrorCode = z.infer<typeof MailErrorCode>;

export const FieldIssue = z.object({
  /** Where in the request: `['incoming', 'port']`. Empty for the request as a whole. */
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** RFC 9457 problem details, with the code and field issues as extension members. */
export const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  code: MailErrorCode,
  issues: z.optional(z.array(FieldIssue)),
  retryAfter: z.optional(z.number()),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

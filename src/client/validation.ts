/**
 * What `HttpMailBackend` checks with: zod and every schema of the contract. Nothing imports this module statically;
 * `LazyValidation` loads it with a dynamic `import()`, so that it is a chunk of its own and not in the initial bundle
 * of a page that only declares `<mail-backend-provider>`.
 */
import type * as z from 'zod/mini';
import { ProblemDetails } from '../core/errors.js';
import { MailboxChange } from '../core/mailbox.js';
import { routes, type Operation } from '../core/routes.js';

export { parseInput } from '../core/wire.js';

/** Checks a JSON answer against the operation's output schema. */
export const checkOutput = (operation: Operation, data: unknown) =>
  (routes[operation].output as z.ZodMiniType).safeParse(data);

/** Checks a problem document (RFC 9457) of an unsuccessful answer. */
export const checkProblem = (data: unknown) => ProblemDetails.safeParse(data);

/** Checks one change of the live-updates stream. */
export const checkChange = (data: unknown) => MailboxChange.safeParse(data);

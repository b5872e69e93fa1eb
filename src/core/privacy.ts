import * as z from 'zod/mini';
import { requiredLine } from './primitives.js';

/**
 * A sender whose mail may load remote content without asking: a lower-case address (`ana@acme.example`) or a whole
 * domain (`@acme.example`).
 */
export const TrustedSender = requiredLine(255).check(
  z.regex(
    /^(?:[a-z0-9.!#$%&'*+/=?^_`{|}~-]+)?@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
    'An address in lower case (ana@acme.example) or a domain (@acme.example).',
  ),
);
export type TrustedSender = z.infer<typeof TrustedSender>;

export const RemoteContentPolicy = z.object({ allowedSenders: z.array(TrustedSender) });
export type RemoteContentPolicy = z.infer<typeof RemoteContentPolicy>;
export const SenderRef = z.object({ sender: TrustedSender });

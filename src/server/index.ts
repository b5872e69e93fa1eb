/**
 * `mail-elements/server`: any `MailBackend` served over HTTP as a Fetch-API handler. Runs wherever `Request` and
 * `Response` exist: an MSW service worker, Node 20+, Deno, Bun, edge runtimes.
 */
export { createMailRouter } from './router.js';
export type { MailRouter, MailRouterOptions } from './router.js';
export { answerAsText, contentDisposition, jsonTextOf } from './responses.js';

/**
 * `mail-elements/client`: `HttpMailBackend`, the `MailBackend` interface over HTTP, for browsers. It speaks the
 * route table that `mail-elements/server` serves (or a host's own server implements).
 */
export { HttpMailBackend } from './http-backend.js';
export type { HttpMailBackendOptions } from './http-backend.js';

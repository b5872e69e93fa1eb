/**
 * `mail-elements/core`: the contract shared by the elements, the HTTP client, the router and every backend.
 * Schemas (zod/mini), the types inferred from them, the `MailBackend` interface, `MailError` and the route table.
 * No DOM, no Lit, no Node.
 */
export * from './primitives.js';
export * from './mailbox.js';
export * from './compose.js';
export * from './account.js';
export * from './oauth.js';
export * from './links.js';
export * from './capabilities.js';
export * from './privacy.js';
export * from './mail-error.js';
export * from './errors.js';
export * from './constants.js';
export * from './routes.js';
export { routeTable, type RouteInfo, type RouteTable } from './route-table.js';
export * from './wire.js';
export * from './text.js';
export * from './reply.js';
export type * from './backend.js';
export { interfaceMatchesRoutes } from './backend.js';

// A local "remote server" for the security suite: mail vectors point their resources at
// `${location.origin}/__probe/<namespace>/<vector-id>`; every request is recorded in memory, and
// `/__probe-hits?ns=<namespace>` returns (and forgets) the ids that reached the server. A test fails when any
// blocked vector shows up there. Namespaces keep test files that run side by side apart.

/** namespace -> ids requested, in order. */
const hits = new Map();

// A 1×1 transparent GIF, so an allowed image really loads.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Koa-style middleware for @web/test-runner and @web/dev-server. */
export async function probeMiddleware(context, next) {
  if (context.path.startsWith('/__probe/')) {
    const [namespace = '', ...rest] = context.path.slice('/__probe/'.length).split('/');
    const list = hits.get(namespace) ?? [];
    list.push(decodeURIComponent(rest.join('/')));
    hits.set(namespace, list);
    context.set('Cache-Control', 'no-store');
    context.type = 'image/gif';
    context.body = PIXEL;
    return;
  }
  if (context.path === '/__probe-hits') {
    const namespace = context.query.ns ?? '';
    context.set('Cache-Control', 'no-store');
    context.type = 'application/json';
    context.body = JSON.stringify(hits.get(namespace) ?? []);
    hits.delete(namespace);
    return;
  }
  return next();
}

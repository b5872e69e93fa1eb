// The reference server under load (`npm run bench` runs it when the test mail servers are up; alone:
// `node --import tsx bench/server-load.mjs`). Sessions of their own users each list the newest 50 messages of
// their inbox and read one of them, as fast as they can, for BENCH_SECONDS (default 60): first directly with
// imapflow (the baseline), then over HTTP through `createMailServer`, which runs in a worker thread so that the
// load generator does not share its event loop. Everything stays on 127.0.0.1. Prints one JSON line
// `{"results": {...}}` (or `{"skipped": "..."}`) last; details go to stderr.
import { request } from 'node:http';
import { Agent } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ImapFlow } from 'imapflow';

const SECONDS = positive(process.env.BENCH_SECONDS, 60);
const DIRECT_SECONDS = positive(process.env.BENCH_DIRECT_SECONDS, Math.max(5, Math.round(SECONDS / 3)));
const SESSIONS = positive(process.env.BENCH_SESSIONS, 50);
/** Bounds on each session's loop besides time. */
const MAX_OPS_PER_SESSION = 100_000;
const WARM_UP_OPS = 4;
const ERROR_PAUSE_MS = 100;
const REQUEST_TIMEOUT_MS = 10_000;
const PAGE = 50;
/** Linux reports thread CPU time in clock ticks of 1/100 s. */
const CLOCK_TICKS = 100;
const API = '/api/mail';
/** What one list asks of IMAP, directly or through the server: the summary fields and a preview of part 1. */
const LIST_QUERY = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
  bodyParts: [{ key: '1', maxLength: 2048 }],
};
const READ_QUERY = { uid: true, flags: true, envelope: true, bodyStructure: true, internalDate: true, size: true };

function positive(value, fallback) {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

const log = (message) => process.stderr.write(`[bench server] ${message}\n`);

if (isMainThread) await main();
else await serve(workerData);

async function main() {
  const { readState, healthy } = await import('../scripts/mail-servers/start.mjs');
  const state = readState();
  if (!state || !(await healthy(state))) {
    console.log(JSON.stringify({ skipped: 'mail servers not running (npm run mail-servers:start)' }));
    return;
  }
  if (state.host !== '127.0.0.1') throw new Error('the benchmark only talks to 127.0.0.1');
  const { newMailbox } = await import('../test/node/support.ts');
  log(`${SESSIONS} sessions: ${SECONDS} s through the server and ${DIRECT_SECONDS} s directly with imapflow, in turns`);
  const mailboxes = await Promise.all(Array.from({ length: SESSIONS }, () => newMailbox(state)));
  const ca = readFileSync(state.cert, 'utf8');

  const dataDir = mkdtempSync(join(tmpdir(), 'me-bench-'));
  // The server runs as deployed: in production mode (answers are not validated again on the way out).
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { state, dataDir, mailboxes },
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let direct;
  let viaServer;
  try {
    const url = await new Promise((resolve, reject) => {
      worker.once('message', (message) => (message.error ? reject(new Error(message.error)) : resolve(message.url)));
      worker.once('error', reject);
    });
    direct = await directSessions(state, ca, mailboxes);
    viaServer = serverSessions(url, mailboxes);
    // Every mailbox is read once both ways before timing (Dovecot builds its index and cache on first use), then
    // the two ways take turns, so that a change in the machine's other load falls on both alike.
    await runPhase(Infinity, direct.sessions, WARM_UP_OPS);
    const warmUp = await runPhase(Infinity, viaServer.sessions, WARM_UP_OPS);
    const rounds = Math.max(1, Math.ceil(SECONDS / 20));
    const phases = { direct: [], server: [] };
    const busy = { direct: [], server: [], client: [] };
    // CPU time of the thread that runs the imapflow clients, per operation: with that thread saturated, the latency
    // ratio follows it (50 sessions / throughput), and it moves less than latency when the machine has other load.
    const cpuMs = { direct: 0, server: 0 };
    for (let round = 0; round < rounds; round++) {
      // How busy each side's event loop was: the one that runs the imapflow clients is the one that may saturate.
      let mark = performance.eventLoopUtilization();
      let cpu = threadCpuMs();
      phases.direct.push(await runPhase(DIRECT_SECONDS / rounds, direct.sessions));
      busy.direct.push(performance.eventLoopUtilization(mark).utilization);
      cpuMs.direct += threadCpuMs() - cpu;
      const workerMark = await workerUtilization(worker);
      mark = performance.eventLoopUtilization();
      phases.server.push(await runPhase(SECONDS / rounds, viaServer.sessions));
      busy.client.push(performance.eventLoopUtilization(mark).utilization);
      const workerEnd = await workerUtilization(worker, workerMark);
      busy.server.push(workerEnd.utilization);
      cpuMs.server += workerEnd.cpu - workerMark.cpu;
    }
    const directResult = merge(phases.direct);
    const server = merge(phases.server);
    // Errors while warming up count too: the goal is none at all.
    server.errors += warmUp.errors;
    server.firstError ??= warmUp.firstError;
    const results = {
      'server.rps': { value: round(server.ops / server.seconds, 1), unit: 'rps' },
      'server.p50': { value: round(percentile(server.latencies, 0.5)), unit: 'ms' },
      'server.p99': { value: round(percentile(server.latencies, 0.99)), unit: 'ms' },
      'server.errors': { value: server.errors, unit: 'count' },
      'server.overhead': { value: round(mean(server.latencies) / mean(directResult.latencies), 3), unit: 'ratio' },
    };
    for (const [name, phase] of [
      ['direct', directResult],
      ['server', server],
    ]) {
      log(
        `${name}: ${phase.ops} ops in ${phase.seconds.toFixed(1)} s, ${phase.errors} errors, mean ${mean(phase.latencies).toFixed(1)} ms, ` +
          `p50 ${percentile(phase.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(phase.latencies, 0.99).toFixed(1)} ms ` +
          `(list p50 ${percentile(phase.list, 0.5).toFixed(1)}, read p50 ${percentile(phase.read, 0.5).toFixed(1)})`,
      );
    }
    log(
      `CPU per operation: direct ${(cpuMs.direct / directResult.ops).toFixed(2)} ms (main thread), ` +
        `server ${(cpuMs.server / server.ops).toFixed(2)} ms (its worker)`,
    );
    log(
      `event loop busy: direct (load generator and imapflow) ${percent(busy.direct)}, ` +
        `server (its worker) ${percent(busy.server)} with the load generator at ${percent(busy.client)}`,
    );
    if (server.firstError) log(`first error: ${server.firstError}`);
    console.log(JSON.stringify({ results }));
  } finally {
    await direct?.close();
    viaServer?.close();
    worker.postMessage('stop');
    await new Promise((resolve) => worker.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The worker's event-loop utilization (or the change since `since`) and its thread's CPU time. */
function workerUtilization(worker, since) {
  return new Promise((resolve) => {
    worker.once('message', ({ elu, cpu }) =>
      resolve({ ...(since ? performance.eventLoopUtilization(elu, since) : elu), cpu }),
    );
    worker.postMessage('elu');
  });
}

/** CPU time (user and system, ms) of the calling thread, from /proc; 0 where there is no /proc. */
function threadCpuMs() {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function percent(values) {
  return `${Math.round((100 * values.reduce((sum, value) => sum + value, 0)) / Math.max(1, values.length))}%`;
}

/** Latencies of list and read, run by `sessions` loops until the deadline or `maxOps` each. */
async function runPhase(seconds, sessions, maxOps = MAX_OPS_PER_SESSION) {
  const result = { ops: 0, errors: 0, latencies: [], list: [], read: [], seconds: 0, firstError: undefined };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    sessions.map(async (session) => {
      let page = [];
      for (let op = 0; op < maxOps && performance.now() < deadline; op++) {
        const reading = op % 2 === 1 && page.length > 0;
        const begin = performance.now();
        try {
          if (reading) await session.read(page[Math.floor(Math.random() * page.length)]);
          else page = await session.list();
          const elapsed = performance.now() - begin;
          result.latencies.push(elapsed);
          (reading ? result.read : result.list).push(elapsed);
          result.ops++;
        } catch (error) {
          result.errors++;
          result.firstError ??= String(error?.message ?? error);
          // A broken session must not spin: it would take the CPU the others are measured on.
          await new Promise((resolve) => setTimeout(resolve, ERROR_PAUSE_MS));
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function merge(results) {
  return {
    ops: results.reduce((sum, r) => sum + r.ops, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
    latencies: results.flatMap((r) => r.latencies),
    list: results.flatMap((r) => r.list),
    read: results.flatMap((r) => r.read),
    firstError: results.find((r) => r.firstError)?.firstError,
  };
}

/**
 * The baseline: each session has one imapflow connection and sends the IMAP commands the server sends for the same
 * work (NOOP, SEARCH, FETCH of summaries with the head of part 1, FETCH of deeper text parts; for a read, FETCH of the
 * source, after a NOOP only for a message the connection has not heard of), but builds no summaries and parses
 * nothing.
 */
async function directSessions(state, ca, mailboxes) {
  const { previewPart } = await import('../src/node/message.ts');
  const clients = await Promise.all(
    mailboxes.map(async ({ user, password }) => {
      const client = new ImapFlow({
        host: state.host,
        port: state.ports.imaps,
        secure: true,
        tls: { ca, minVersion: 'TLSv1.2' },
        auth: { user, pass: password },
        logger: false,
        disableAutoIdle: true,
      });
      client.on('error', () => undefined);
      await client.connect();
      return client;
    }),
  );
  const sessions = clients.map((client) => ({
    async list() {
      const lock = await client.getMailboxLock('INBOX', { readOnly: true });
      try {
        await client.noop(); // as the server does with a folder already open: hear of new mail
        const uids = ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
        const page = uids.slice(-PAGE).reverse();
        const fetched = await client.fetchAll(page.join(','), LIST_QUERY, { uid: true });
        if (fetched.length !== page.length) throw new Error('short fetch');
        // Messages whose text is not part 1 have it fetched by section, one FETCH per section, as the server does.
        const deeper = new Map();
        for (const message of fetched) {
          const section = previewPart(message.bodyStructure)?.part ?? '1';
          if (section !== '1') deeper.set(section, [...(deeper.get(section) ?? []), message.uid]);
        }
        for (const [section, uids] of deeper)
          await client.fetchAll(
            uids.join(','),
            { uid: true, bodyParts: [{ key: section, maxLength: 4096 }] },
            { uid: true },
          );
        return page;
      } finally {
        lock.release();
      }
    },
    async read(uid) {
      const lock = await client.getMailboxLock('INBOX', { readOnly: true });
      try {
        if (uid >= (client.mailbox.uidNext ?? 0)) await client.noop();
        const message = await client.fetchOne(String(uid), { ...READ_QUERY, source: true }, { uid: true });
        if (!message?.source) throw new Error('no source');
      } finally {
        lock.release();
      }
    },
  }));
  return {
    sessions,
    close: () => Promise.all(clients.map((client) => client.logout().catch(() => client.close()))),
  };
}

/** The same work over HTTP: each session is a browser session of its own user. */
function serverSessions(url, mailboxes) {
  const agent = new Agent({ keepAlive: true, maxSockets: SESSIONS * 2 });
  const origin = new URL(url);
  const get = (path, user, cookie) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: origin.hostname,
          port: origin.port,
          path: API + path,
          agent,
          headers: { 'x-bench-user': user, ...(cookie.value ? { cookie: cookie.value } : {}) },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (response) => {
          const set = response.headers['set-cookie'];
          if (set) cookie.value = set.map((line) => line.split(';')[0]).join('; ');
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200) reject(new Error(`${response.statusCode} ${text.slice(0, 200)}`));
            else resolve(JSON.parse(text));
          });
          response.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end();
    });
  const sessions = mailboxes.map(({ user }) => {
    const cookie = { value: '' };
    return {
      async list() {
        const page = await get(`/folders/INBOX/messages?limit=${PAGE}`, user, cookie);
        if (page.items.length !== PAGE) throw new Error(`a page of ${page.items.length}`);
        return page.items.map((item) => item.id);
      },
      async read(id) {
        const message = await get(`/messages/${encodeURIComponent(id)}`, user, cookie);
        if (message.id !== id) throw new Error('another message');
      },
    };
  });
  return { sessions, close: () => agent.destroy() };
}

/** The worker: `createMailServer` with one account per bench user, identified by a header. */
async function serve({ state, dataDir, mailboxes }) {
  try {
    // tsx's loader hooks do not reach worker threads on Node 20: register them here.
    const { register } = await import('tsx/esm/api');
    register();
    const { createMailServer } = await import('../src/node/index.ts');
    const server = createMailServer({
      dataDir,
      identify: (req) => {
        const id = req.headers['x-bench-user'];
        return typeof id === 'string' && id ? { id } : null;
      },
      tls: { ca: readFileSync(state.cert, 'utf8') },
      secureCookies: false,
    });
    for (const { user, password } of mailboxes) {
      await server.backendFor({ id: user }).saveAccount({
        preset: 'custom',
        incoming: { protocol: 'imap', host: state.host, port: state.ports.imaps, security: 'tls' },
        outgoing: { host: state.host, port: state.ports.submission, security: 'starttls' },
        userName: user,
        email: user,
        displayName: 'Bench',
        auth: 'password',
        oauthEndpointId: null,
        password,
      });
    }
    const url = await server.listen(0, '127.0.0.1');
    parentPort.on('message', (message) => {
      if (message === 'elu') parentPort.postMessage({ elu: performance.eventLoopUtilization(), cpu: threadCpuMs() });
      else void server.close().finally(() => parentPort.close());
    });
    parentPort.postMessage({ url });
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) });
  }
}

function percentile(values, p) {
  if (!values.length) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function mean(values) {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

function round(value, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

// `npm run bench`: measures in Chromium, prints one table (each metric with its goal and whether it is met), writes
// bench-results.json at the top level. `npm run bench -- --compare old-results.json` adds a column with the earlier
// figures and the ratio; `--only <part>` runs one part (a page name, `bundle` or `server`) and merges its figures into
// the results file.
// Pages under bench/pages/*.ts are bundled with esbuild, served on 127.0.0.1, and each exports metrics through
// `window.__bench()` returning { "<metric>": { value, unit } }.
// The bundle.* figures come from scripts/size.mjs (the package's entries bundled as a consumer's bundler does, gzipped
// initial bytes): from dist/ when it is built and newer than src/, else from src/.
// Side by side (skipped with --no-compare): the nearest alternatives installable from npm, installed into a temporary
// folder and bundled the same way (compare.*), and a plain un-virtualized Lit list of the same 100,000 rows
// (pages/compare-plain-list.ts), each also as a ratio to our figure measured in the same run.
// The server.* figures come from bench/server-load.mjs (the Node server under load against the test Dovecot), run when
// the mail servers are up (`npm run mail-servers:start`); `--only server` runs it alone, BENCH_SECONDS sets its length.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { goals as sizeGoals, bundleSize, measureSizes } from '../scripts/size.mjs';
import { chromeArgs } from '../web-test-runner.config.mjs';

const { values: args } = parseArgs({
  options: {
    compare: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench-results.json' },
    'no-compare': { type: 'boolean', default: false },
  },
});
const sideBySide = !args['no-compare'];

/** The goal of each metric: its value must stay under `below` (or at most `atMost`). */
const MiB = 2 ** 20;
const goals = {
  'mock.page.100k': { below: 50 },
  'mock.search.100k': { below: 50 },
  'list.first-rows.100k': { below: 100 },
  'list.dom-rows.100k': { below: 150 },
  'list.jump-middle.100k': { below: 150 },
  'render.500kb': { below: 50 },
  'scroll.p95-frame': { below: 16.7 },
  'memory.open-1000': { below: 5 * MiB },
  'bundle.all': { below: sizeGoals.all },
  'bundle.inbox': { below: sizeGoals.inbox },
  'bundle.settings': { below: sizeGoals.settings },
  'server.p99': { below: 500 },
  'server.errors': { atMost: 0 },
  'server.overhead': { below: 1.3 },
};

/** Browser flags a page needs for itself: it gets a browser of its own. */
const pageFlags = {
  // Animation frames as fast as the work allows, not at 60 Hz: the frame times are then the work's.
  'scroll.ts': ['--disable-frame-rate-limit'],
};

/**
 * The alternatives bundled side by side: what is installed, the module a consumer would import, and our figure it is
 * compared with (the Nylas component is one mailbox view, list and reader: `<mail-inbox>`; MGT is a set of components).
 */
const alternatives = [
  {
    metric: 'compare.nylas-mailbox',
    install: ['@nylas/components-mailbox'],
    entry: '@nylas/components-mailbox',
    ours: 'bundle.inbox',
  },
  {
    metric: 'compare.mgt',
    install: ['@microsoft/mgt-components', '@microsoft/mgt-element'],
    entry: '@microsoft/mgt-components',
    ours: 'bundle.all',
  },
];

const outDir = await mkdtemp(join(tmpdir(), 'mail-bench-'));
const pages = (await readdir(new URL('./pages/', import.meta.url))).filter(
  (file) => file.endsWith('.ts') && (sideBySide || !file.startsWith('compare-')),
);
const selected = args.only ? pages.filter((file) => file.includes(args.only)) : pages;
const runs = (part) => !args.only || args.only === part;

await build({
  entryPoints: selected.map((file) => join('bench/pages', file)),
  outdir: outDir,
  bundle: true,
  // As a consumer's bundler does: a dynamic import() becomes a chunk loaded on first use.
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  conditions: ['browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});

const server = createServer(async (request, response) => {
  const name = new URL(request.url, 'http://127.0.0.1').pathname.slice(1) || 'index.html';
  if (name === 'index.html') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body style="margin:0"></body></html>',
    );
    return;
  }
  try {
    const body = await readFile(join(outDir, name.replace(/\.\./g, '')));
    response.writeHead(200, {
      'content-type': extname(name) === '.js' ? 'text/javascript' : 'application/octet-stream',
    });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Chromium with the collector exposed and precise heap figures, plus `flags`. */
function launch(flags = []) {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      ...chromeArgs.filter((arg) => !arg.startsWith('--headless')),
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
      ...flags,
    ],
    headless: true,
  });
}

const browser = await launch();
const results = {};
try {
  for (const file of selected) {
    const own = pageFlags[file] ? await launch(pageFlags[file]) : undefined;
    const page = await (own ?? browser).newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[bench ${file}]`, message.text());
    });
    page.on('pageerror', (error) => console.error(`[bench ${file}]`, error.message));
    await page.goto(`${origin}/index.html`);
    await page.addScriptTag({ type: 'module', url: `/${file.replace(/\.ts$/, '.js')}` });
    await page.waitForFunction(() => typeof window.__bench === 'function', null, { timeout: 60_000 });
    const metrics = await page.evaluate(() => window.__bench());
    Object.assign(results, metrics);
    await page.close();
    await own?.close();
  }
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}

if (runs('bundle')) {
  Object.assign(results, await bundles());
  if (sideBySide) Object.assign(results, await alternativeBundles());
}
if (runs('server')) Object.assign(results, serverLoad());
if (sideBySide) Object.assign(results, ratios(results));

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${await browserVersion()}`;
const earlier = args.compare ? JSON.parse(await readFile(args.compare, 'utf8')) : undefined;
const existing = await readFile(args.out, 'utf8')
  .then(JSON.parse)
  .catch(() => ({}));
const merged = args.only ? { ...existing, ...results } : results;
for (const [metric, result] of Object.entries(merged)) {
  if (goals[metric]) Object.assign(result, { goal: goalText(goals[metric]), met: meets(result.value, goals[metric]) });
}
printTable(results, earlier);
console.log(`\nmachine: ${machine}`);
await writeFile(args.out, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`wrote ${args.out}`);

/** bundle.*: the package's entries as a consumer's bundler builds them, gzipped initial bytes. */
async function bundles() {
  const from = builtIsCurrent() ? 'dist' : 'src';
  if (from === 'src') console.log('bundle.*: dist/ is missing or older than src/: measured from src/');
  const report = await measureSizes({ from });
  return Object.fromEntries(
    report.entries.map((entry) => [`bundle.${entry.name}`, { value: entry.initial, unit: 'bytes' }]),
  );
}

/** Whether dist/ was built after the last change to a source file. */
function builtIsCurrent() {
  if (!existsSync('dist/index.js')) return false;
  const built = statSync('dist/index.js').mtimeMs;
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(latest, newest(path));
      return entry.name.endsWith('.test.ts') ? latest : Math.max(latest, statSync(path).mtimeMs);
    }, 0);
  return newest('src') <= built;
}

/**
 * compare.*: each alternative installed from npm into a temporary folder (never a dependency of ours) and bundled as
 * ours are. An unreachable registry or a failed install skips them; an alternative that does not bundle is reported.
 */
async function alternativeBundles() {
  const names = alternatives.map((alternative) => alternative.metric).join(', ');
  const ping = spawnSync('npm', ['ping', '--fetch-retries=0', '--fetch-timeout=15000'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (ping.status !== 0) {
    console.log(`SKIPPED ${names}: the npm registry is unreachable (${npmFailure(ping)})`);
    return {};
  }
  const dir = await mkdtemp(join(tmpdir(), 'mail-bench-compare-'));
  try {
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        ...alternatives.flatMap((a) => a.install),
      ],
      { encoding: 'utf8', timeout: 10 * 60_000 },
    );
    if (install.status !== 0) {
      console.log(`SKIPPED ${names}: npm install failed (${npmFailure(install)})`);
      return {};
    }
    const measured = {};
    for (const { metric, entry } of alternatives) {
      const version = JSON.parse(await readFile(join(dir, 'node_modules', entry, 'package.json'), 'utf8')).version;
      const file = `${metric}.js`;
      await writeFile(join(dir, file), `export * from '${entry}';\n`);
      try {
        const size = await bundleSize(`./${file}`, { cwd: dir });
        measured[metric] = { value: size.initial, unit: 'bytes' };
        console.log(`${metric}: ${entry}@${version}, everything it exports, bundled as ours`);
      } catch (error) {
        console.log(`FAILED ${metric}: ${entry}@${version} did not bundle: ${error.message.split('\n')[0]}`);
      }
    }
    return measured;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Why an npm command failed, in a few words: its error code (`ECONNREFUSED`, `E404`), else its first error line. */
function npmFailure(run) {
  if (run.error) return run.error.message;
  const output = `${run.stderr ?? ''}\n${run.stdout ?? ''}`;
  const code = /npm error code (\S+)/.exec(output)?.[1];
  return code ?? output.split('\n').find((line) => line.startsWith('npm error')) ?? `exit ${run.status}`;
}

/** Each side-by-side figure over ours, when both were measured in this run. */
function ratios(current) {
  const pairs = [
    ...alternatives.map(({ metric, ours }) => [metric, ours]),
    ['compare.plain-list.first-rows.100k', 'list.first-rows.100k'],
    ['compare.plain-list.dom-rows.100k', 'list.dom-rows.100k'],
  ];
  const answer = {};
  for (const [theirs, ours] of pairs) {
    if (!current[theirs] || !current[ours]?.value) continue;
    answer[`${theirs}.ratio`] = { value: round(current[theirs].value / current[ours].value), unit: 'ratio' };
  }
  return answer;
}

function goalText(goal) {
  return goal.below !== undefined ? `< ${goal.below}` : `<= ${goal.atMost}`;
}

function meets(value, goal) {
  return goal.below !== undefined ? value < goal.below : value <= goal.atMost;
}

function round(value) {
  return Math.round(value * 100) / 100;
}

/** The server load test in a process of its own (it loads the TypeScript sources through tsx). */
function serverLoad() {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/server-load.mjs'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 30 * 60_000,
  });
  const last = (run.stdout ?? '').trim().split('\n').at(-1) ?? '';
  let answer;
  try {
    answer = JSON.parse(last);
  } catch {
    console.error(`server load: failed (exit ${run.status ?? run.signal}): ${last}`);
    process.exitCode = 1;
    return {};
  }
  if (answer.skipped) {
    console.log(`server load: skipped: ${answer.skipped}`);
    return {};
  }
  return answer.results;
}

async function browserVersion() {
  const probe = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: chromeArgs,
  });
  const version = probe.version();
  await probe.close();
  return `Chromium ${version}`;
}

function printTable(current, previous) {
  const rows = Object.entries(current).map(([metric, { value, unit, goal, met }]) => {
    const row = [metric, format(value), unit, goal ?? '', met === undefined ? '' : met ? 'met' : 'MISSED'];
    if (previous) {
      const before = previous[metric]?.value;
      row.push(before === undefined ? '-' : format(before), before ? `${(value / before).toFixed(2)}×` : '-');
    }
    return row;
  });
  const header = ['metric', 'value', 'unit', 'goal', 'status', ...(previous ? ['earlier', 'ratio'] : [])];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => String(row[index]).length)));
  const line = (cells) => cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

function format(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

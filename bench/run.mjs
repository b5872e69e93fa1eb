// `npm run bench`: measures in Chromium, prints one table, writes bench-results.json at the top level.
// `npm run bench -- --compare old-results.json` adds a column with the earlier figures and the ratio.
// Pages under bench/pages/*.ts are bundled with esbuild, served on 127.0.0.1, and each exports metrics through
// `window.__bench()` returning { "<metric>": { value, unit } }.
// The server.* figures come from bench/server-load.mjs (the Node server under load against the test Dovecot), run when
// the mail servers are up (`npm run mail-servers:start`); `--only server` runs it alone, BENCH_SECONDS sets its length.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, writeFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs } from '../web-test-runner.config.mjs';

const { values: args } = parseArgs({
  options: {
    compare: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench-results.json' },
  },
});

const outDir = await mkdtemp(join(tmpdir(), 'mail-bench-'));
const pages = (await readdir(new URL('./pages/', import.meta.url))).filter((file) => file.endsWith('.ts'));
const selected = args.only ? pages.filter((file) => file.includes(args.only)) : pages;

await build({
  entryPoints: selected.map((file) => join('bench/pages', file)),
  outdir: outDir,
  bundle: true,
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

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    ...chromeArgs.filter((arg) => !arg.startsWith('--headless')),
    '--js-flags=--expose-gc',
    '--enable-precise-memory-info',
  ],
  headless: true,
});

const results = {};
try {
  for (const file of selected) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[bench ${file}]`, message.text());
    });
    await page.goto(`${origin}/index.html`);
    await page.addScriptTag({ type: 'module', url: `/${file.replace(/\.ts$/, '.js')}` });
    await page.waitForFunction(() => typeof window.__bench === 'function', null, { timeout: 60_000 });
    const metrics = await page.evaluate(() => window.__bench());
    Object.assign(results, metrics);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}

if (!args.only || args.only === 'server') Object.assign(results, serverLoad());

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${await browserVersion()}`;
const earlier = args.compare ? JSON.parse(await readFile(args.compare, 'utf8')) : undefined;
printTable(results, earlier);
console.log(`\nmachine: ${machine}`);
const existing = await readFile(args.out, 'utf8')
  .then(JSON.parse)
  .catch(() => ({}));
const merged = args.only ? { ...existing, ...results } : results;
await writeFile(args.out, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`wrote ${args.out}`);

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
  const rows = Object.entries(current).map(([metric, { value, unit }]) => {
    const row = [metric, format(value), unit];
    if (previous) {
      const before = previous[metric]?.value;
      row.push(before === undefined ? '-' : format(before), before ? `${(value / before).toFixed(2)}×` : '-');
    }
    return row;
  });
  const header = previous ? ['metric', 'value', 'unit', 'earlier', 'ratio'] : ['metric', 'value', 'unit'];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => String(row[index]).length)));
  const line = (cells) => cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

function format(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

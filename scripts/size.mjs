// `npm run size`: the bundle budgets. Each entry of the built package (dist/: run `npm run build` first) is bundled the
// way a consumer's bundler does it: esbuild from the package name through its `exports`, lit and the other
// dependencies included, code splitting on (a dynamic import becomes a lazy chunk, as in Vite or Rollup), minified,
// conditions browser + production, NODE_ENV production. The budget applies to the initial JavaScript, gzipped: the
// entry chunk and every chunk it imports statically. Lazy chunks are reported apart.
//
//   node scripts/size.mjs [entry ...] [--check] [--src] [--budget <entry>=<bytes> ...] [--json]
//
// --check exits 1 and names every entry over its budget; --src bundles src/ instead of dist/ (no build needed);
// --budget overrides a budget for this run (the test lowers one to see the check fail).
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The goals (issue 10), in bytes of gzipped initial JavaScript; `npm run bench` reports each against its goal. */
export const goals = Object.freeze({ all: 60 * 1024, inbox: 45 * 1024, settings: 20 * 1024 });

/**
 * The budgets the check enforces: the goals, except `all`. Every element registered at once is about 95 KB today, far
 * over its 60 KB goal (docs/decisions/0009-load-on-demand.md says why); until it meets the goal its budget is a ceiling
 * just above today's figure, so it cannot grow unnoticed. The one place budgets are set.
 */
export const budgets = Object.freeze({ ...goals, all: 98 * 1024 });

/** Each measured entry, as a consumer imports it. */
export const entries = Object.freeze({
  all: 'mail-elements',
  inbox: 'mail-elements/mail-inbox.js',
  settings: 'mail-elements/mail-settings.js',
});

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} Chunk
 * @property {string} file The chunk's output name.
 * @property {number} bytes Its size, gzipped.
 * @property {string} label Where most of it comes from (a package or a source folder).
 */

/**
 * @typedef {object} BundleSize
 * @property {number} initial Gzipped bytes of the entry chunk and every chunk it imports statically.
 * @property {number} minified The same, minified but not gzipped.
 * @property {Chunk[]} lazy The chunks loaded only through a dynamic import, largest first.
 */

/**
 * Bundles one module as a consumer's bundler does and measures what a page loads first and what it loads lazily.
 * @param {string} specifier A package specifier (`mail-elements/mail-inbox.js`) or a path relative to `cwd`.
 * @param {{ cwd?: string, plugins?: import('esbuild').Plugin[], tsconfig?: string }} [options] `cwd`: where
 *   packages resolve from (default: this repository).
 * @returns {Promise<BundleSize>}
 */
export async function bundleSize(specifier, { cwd = root, plugins = [], tsconfig } = {}) {
  const result = await build({
    absWorkingDir: cwd,
    entryPoints: { entry: specifier },
    outdir: join(cwd, '.size-out'),
    write: false,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
    plugins,
    tsconfig,
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((key) => basename(key) === 'entry.js');
  const initial = staticClosure(outputs, entry);
  let gzipped = 0;
  let minified = 0;
  const lazy = [];
  for (const file of result.outputFiles) {
    const key = relative(cwd, file.path);
    const bytes = gzipSync(file.contents, { level: 9 }).length;
    if (initial.has(key)) {
      gzipped += bytes;
      minified += file.contents.length;
    } else if (key.endsWith('.js')) {
      lazy.push({ file: basename(key), bytes, label: mainSource(outputs[key]) || basename(key) });
    }
  }
  lazy.sort((a, b) => b.bytes - a.bytes);
  return { initial: gzipped, minified, lazy };
}

/** The output files a chunk pulls in before it runs: itself and its static imports, transitively. */
function staticClosure(outputs, entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    for (const imported of outputs[key].imports) if (imported.kind === 'import-statement') stack.push(imported.path);
  }
  return seen;
}

/** What contributes most bytes to a chunk: `npm:<package>` or one of our modules (`i18n/es/inbox`); empty for none. */
function mainSource(output) {
  const groups = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const npm = /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(input);
    const group = npm ? `npm:${npm[1]}` : input.replace(/^(dist|src)\//, '').replace(/\.[jt]s$/, '');
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** Resolves the package's own files to their sources (`dist/x/y.js` → `src/x/y.ts`): measuring without a build. */
const fromSources = {
  name: 'mail-elements-from-src',
  setup(build) {
    build.onResolve({ filter: /^mail-elements(\/|$)/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length) return { errors: resolved.errors };
      const dist = relative(root, resolved.path);
      return { path: join(root, dist.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')) };
    });
  },
};

/**
 * @typedef {object} EntryReport
 * @property {string} name The entry (`all`, `inbox`, `settings`).
 * @property {string} specifier What a consumer imports.
 * @property {number} budget Its budget, gzipped bytes.
 * @property {boolean} over Whether the initial bytes exceed the budget.
 */

/**
 * Measures the entries against their budgets.
 * @param {{ names?: string[], limits?: Record<string, number>, from?: 'dist' | 'src' }} [options] `names`: the entries
 *   (default: all of them); `limits`: budgets overriding the defaults; `from`: what to bundle (default: dist).
 * @returns {Promise<{ entries: (EntryReport & BundleSize)[], over: string[] }>} `over` names the entries over budget.
 */
export async function measureSizes({ names = Object.keys(entries), limits = {}, from = 'dist' } = {}) {
  if (from === 'dist' && !existsSync(join(root, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first, or measure the sources with --src');
  }
  const plugins = from === 'src' ? [fromSources] : [];
  const tsconfig = from === 'src' ? join(root, 'tsconfig.json') : undefined;
  const report = [];
  for (const name of names) {
    const specifier = entries[name];
    if (!specifier) throw new Error(`unknown entry ${name} (known: ${Object.keys(entries).join(', ')})`);
    const budget = limits[name] ?? budgets[name];
    const size = await bundleSize(specifier, { plugins, tsconfig });
    report.push({ name, specifier, budget, over: size.initial > budget, ...size });
  }
  return { entries: report, over: report.filter((entry) => entry.over).map((entry) => entry.name) };
}

/** The report as a table, then the lazy chunks of each entry. */
export function formatSizes({ entries: rows }) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const table = [
    ['entry', 'initial (gz)', 'budget', 'status', 'lazy (gz)'],
    ...rows.map((row) => [
      row.name,
      `${row.initial} B (${kb(row.initial)})`,
      `${row.budget} B (${kb(row.budget)})`,
      row.over ? `OVER by ${row.initial - row.budget} B` : 'ok',
      `${row.lazy.reduce((sum, chunk) => sum + chunk.bytes, 0)} B in ${row.lazy.length} chunks`,
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  const lines = table.map((cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) {
    if (!row.lazy.length) continue;
    const chunks = row.lazy.map((chunk) => `${chunk.label} ${chunk.bytes} B`).join(', ');
    lines.push(`lazy chunks of ${row.name}: ${chunks}`);
  }
  return lines.join('\n');
}

/** `--budget inbox=46080` pairs, as budgets. */
function parseLimits(pairs) {
  return Object.fromEntries(
    pairs.map((pair) => {
      const [name, bytes] = pair.split('=');
      if (!name || !/^\d+$/.test(bytes ?? '')) throw new Error(`--budget ${pair}: expected <entry>=<bytes>`);
      return [name, Number(bytes)];
    }),
  );
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      src: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      budget: { type: 'string', multiple: true, default: [] },
    },
  });
  const report = await measureSizes({
    names: positionals.length ? positionals : undefined,
    limits: parseLimits(values.budget),
    from: values.src ? 'src' : 'dist',
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatSizes(report));
  const missed = report.entries.filter((entry) => entry.initial >= goals[entry.name]);
  for (const entry of missed) {
    console.log(`goal missed: ${entry.name} is ${entry.initial} B, its goal is under ${goals[entry.name]} B`);
  }
  if (values.check && report.over.length) {
    console.error(`size check failed: over budget: ${report.over.join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`size check: ${error.message}`);
    process.exitCode = 2;
  });
}

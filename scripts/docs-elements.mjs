// Writes the reference pages in docs/ from the sources of truth:
// - docs/elements/<tag>.md and docs/elements/README.md from custom-elements.json (the elements' JSDoc);
// - the route list in docs/backend.md (between its `routes:start` and `routes:end` markers) from src/core/routes.ts.
// Run by `npm run docs` (which regenerates custom-elements.json first); the output is checked in.
// `--check` writes nothing: it analyzes the elements afresh (into a temporary folder, custom-elements.json is left
// alone), builds every page in memory and fails, naming them, when pages in docs/ differ from what the sources give
// or are left over from an element that no longer exists.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import * as z from 'zod/mini';

const check = process.argv.includes('--check');
const stale = [];
const written = new Set();

/** Writes `text` formatted as the repository formats Markdown, so `prettier --check` agrees with the output. */
async function write(path, raw) {
  written.add(path);
  const text = await prettier.format(raw, { ...(await prettier.resolveConfig(path)), filepath: path });
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) return;
  if (check) stale.push(path);
  else writeFileSync(path, text);
}

/**
 * Runs the manifest analyzer into `outdir` (relative to here: the analyzer joins it to the working folder). The analyzer
 * also points package.json's `customElements` at its output; that field is put back as it was.
 */
function analyze(outdir) {
  const packageJson = readFileSync('package.json', 'utf8');
  try {
    execFileSync(
      'node_modules/.bin/cem',
      [
        'analyze',
        '--litelement',
        '--globs',
        'src/elements/**/*.ts',
        '--exclude',
        'src/**/*.test.ts',
        '--outdir',
        outdir,
      ],
      { stdio: check ? 'ignore' : 'inherit' },
    );
  } finally {
    if (readFileSync('package.json', 'utf8') !== packageJson) writeFileSync('package.json', packageJson);
  }
}

/** The manifest: freshly analyzed when checking, otherwise the one `npm run docs` has just written. */
function readManifest() {
  if (!check) {
    if (!existsSync('custom-elements.json')) analyze('.');
    return JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  }
  const dir = mkdtempSync(join(tmpdir(), 'mail-elements-docs-'));
  try {
    analyze(relative(process.cwd(), dir));
    return JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const manifest = readManifest();

/** Markdown table cell: one line, pipes escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text ? `\`${String(text).replace(/`/g, "'")}\`` : '');

function table(headers, rows) {
  if (!rows.length) return '_None._\n';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

const elements = manifest.modules
  .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })))
  .filter((declaration) => declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** The global design tokens, documented once on `MailElement`. */
const baseTokens = new Map(
  manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.name === 'MailElement')
    .flatMap((declaration) => declaration.cssProperties ?? [])
    .map((property) => [property.name, property.description]),
);

const isPublicField = (member) =>
  member.kind === 'field' &&
  !member.static &&
  !member.privacy?.match(/private|protected/) &&
  !member.name.startsWith('_');

function page(element) {
  const attributes = (element.attributes ?? []).filter((attribute) => attribute.name);
  const fields = (element.members ?? []).filter(isPublicField);
  const methods = (element.members ?? []).filter(
    (member) => member.kind === 'method' && !member.static && !member.privacy && !member.name.startsWith('_'),
  );
  const events = element.events ?? [];
  const slots = element.slots ?? [];
  const parts = element.cssParts ?? [];
  // A property the element documents itself (a new one, or a global token with its own meaning here) is listed with
  // its description; the global tokens it only inherits are named after the table.
  const isOwn = (property) => !property.inheritedFrom || baseTokens.get(property.name) !== property.description;
  const own = (element.cssProperties ?? []).filter(isOwn);
  const inherited = (element.cssProperties ?? []).filter((property) => !isOwn(property));
  const lines = [
    `# \`<${element.tagName}>\``,
    '',
    "<!-- Generated by scripts/docs-elements.mjs from custom-elements.json (the element's JSDoc). Do not edit. -->",
    '',
    element.summary ?? '',
    '',
    element.description ? `${element.description}\n` : '',
    `Class \`${element.name}\`, source \`${element.path}\`. Import it alone with \`mail-elements/${element.tagName}.js\`.`,
    '',
    '## Attributes',
    '',
    table(
      ['attribute', 'property', 'type', 'default', 'description'],
      attributes.map((attribute) => [
        code(attribute.name),
        code(attribute.fieldName),
        code(attribute.type?.text),
        code(attribute.default),
        attribute.description,
      ]),
    ),
    '',
    '## Properties',
    '',
    table(
      ['property', 'attribute', 'type', 'default', 'description'],
      fields.map((field) => [
        code(field.name),
        code(field.attribute),
        code(field.type?.text),
        code(field.default),
        `${field.readonly ? '(read-only) ' : ''}${field.description ?? ''}`,
      ]),
    ),
    '',
    '## Methods',
    '',
    table(
      ['method', 'description'],
      methods.map((method) => [
        code(`${method.name}(${(method.parameters ?? []).map((parameter) => parameter.name).join(', ')})`),
        method.description,
      ]),
    ),
    '',
    '## Events',
    '',
    'Every `mail-*` event bubbles and is composed; each is typed in `GlobalEventHandlersEventMap`.',
    '',
    table(
      ['event', 'type', 'description'],
      events.map((event) => [code(event.name), code(event.type?.text), event.description]),
    ),
    '',
    '## Slots',
    '',
    table(
      ['slot', 'description'],
      slots.map((slot) => [slot.name ? code(slot.name) : '(default)', slot.description]),
    ),
    '',
    '## CSS parts',
    '',
    'Style them from outside with `::part()`, for example `' +
      `${element.tagName}::part(${parts[0]?.name ?? 'name'})` +
      ' { … }`.',
    '',
    table(
      ['part', 'description'],
      parts.map((part) => [code(part.name), part.description]),
    ),
    '',
    '## CSS custom properties',
    '',
    own.length
      ? table(
          ['property', 'description'],
          own.map((property) => [code(property.name), property.description]),
        )
      : '',
    own.length ? '' : '',
    inherited.length
      ? `Also every global design token (${inherited.length}): ${inherited.map((property) => code(property.name)).join(', ')}. See [the theming guide](../theming.md).`
      : '_None._',
    '',
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

mkdirSync('docs/elements', { recursive: true });
for (const element of elements) await write(`docs/elements/${element.tagName}.md`, page(element));
await write(
  'docs/elements/README.md',
  [
    '# Elements',
    '',
    '<!-- Generated by scripts/docs-elements.mjs from custom-elements.json. Do not edit. -->',
    '',
    table(
      ['element', 'summary'],
      elements.map((element) => [`[\`<${element.tagName}>\`](${element.tagName}.md)`, element.summary?.split('. ')[0]]),
    ),
    '',
  ].join('\n'),
);

// The route table, from the contract itself.
const { routes, pathParams } = await import('../src/core/routes.ts');

/** The input fields of a route that travel outside the path: query string (GET, DELETE) or JSON body. */
function inputFields(spec) {
  let schema;
  try {
    schema = z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' });
  } catch {
    return '';
  }
  const params = new Set(pathParams(spec.path));
  const required = new Set(schema.required ?? []);
  return Object.keys(schema.properties ?? {})
    .filter((name) => !params.has(name))
    .map((name) => (required.has(name) ? `\`${name}\`` : `\`${name}?\``))
    .join(', ');
}

const answer = { json: 'JSON', none: '204, no body', blob: 'bytes', events: 'text/event-stream' };
const routeRows = Object.entries(routes).map(([operation, spec]) => [
  code(spec.method),
  code(spec.path),
  code(operation),
  spec.upload ? 'multipart `file`' : inputFields(spec) || '—',
  answer[spec.body],
  spec.idempotent ? 'yes' : 'no',
]);
const routeTable = [
  '<!-- routes:start -->',
  '<!-- Generated by scripts/docs-elements.mjs from src/core/routes.ts. Do not edit by hand. -->',
  '',
  `${routeRows.length} routes. Input fields travel as the query string for GET and DELETE (arrays as repeated keys), as a JSON body otherwise; \`?\` marks an optional field.`,
  '',
  table(['method', 'path', 'operation', 'input (besides path)', 'answer', 'retried'], routeRows),
  '<!-- routes:end -->',
].join('\n');
const backendPath = 'docs/backend.md';
if (existsSync(backendPath)) {
  const text = readFileSync(backendPath, 'utf8');
  const next = text.replace(/<!-- routes:start -->[\s\S]*<!-- routes:end -->/, routeTable);
  await write(backendPath, next);
}

// Pages of elements that are gone.
for (const name of readdirSync('docs/elements')) {
  const path = `docs/elements/${name}`;
  if (!name.endsWith('.md') || written.has(path)) continue;
  if (check) stale.push(path);
  else rmSync(path);
}

if (stale.length) {
  console.error(`[mail-elements] docs out of date (run npm run docs):\n${stale.map((path) => `  ${path}`).join('\n')}`);
  process.exit(1);
}
console.log(`docs: ${elements.length} element pages, ${routeRows.length} routes`);

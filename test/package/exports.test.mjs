// The package as a consumer gets it: every `exports` entry resolves to built JavaScript and declarations, the
// environment-neutral entries import in Node, and every tag is declared for TypeScript. Runs after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const defines = readdirSync('src/define').map((file) => file.replace(/\.ts$/, ''));

function targets(entry) {
  return typeof entry === 'string' ? { default: entry } : entry;
}

test('every exports entry points at built files', () => {
  for (const [key, entry] of Object.entries(pkg.exports)) {
    const { types, default: file } = targets(entry);
    if (key.includes('*')) {
      for (const tag of defines) {
        assert.ok(existsSync(file.replace('*', tag.replace(/^mail-/, ''))), `${key} → ${tag}`);
        assert.ok(existsSync(types.replace('*', tag.replace(/^mail-/, ''))), `${key} types → ${tag}`);
      }
      continue;
    }
    assert.ok(existsSync(file), `${key} → ${file}`);
    if (types) assert.ok(existsSync(types), `${key} types → ${types}`);
  }
});

test('the contract, client, router and mock import in Node by their package names', async () => {
  const core = await import('mail-elements/core');
  assert.equal(typeof core.MailError, 'function');
  assert.ok(Object.keys(core.routes).length > 40);
  const { HttpMailBackend } = await import('mail-elements/client');
  assert.equal(typeof HttpMailBackend, 'function');
  const { createMailRouter } = await import('mail-elements/server');
  const { MemoryMailBackend } = await import('mail-elements/mock');
  const router = createMailRouter(new MemoryMailBackend({ messages: 30 }), { basePath: '/api' });
  const response = await router.fetch(new Request('http://localhost/api/folders'));
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.ok(body.items.some((folder) => folder.role === 'inbox'));
});

test('every element entry registers its tag for TypeScript and is a side effect', () => {
  for (const tag of defines) {
    const declarations = readFileSync(`dist/define/${tag}.d.ts`, 'utf8');
    assert.match(declarations, new RegExp(`'${tag}': \\w+;`), `${tag} in HTMLElementTagNameMap`);
  }
  assert.ok(pkg.sideEffects.includes('./dist/define/*.js'));
  assert.ok(pkg.sideEffects.includes('./dist/index.js'));
});

test('the custom elements manifest describes every element', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const tags = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .map((declaration) => declaration.tagName);
  for (const tag of defines) assert.ok(tags.includes(tag), `${tag} in custom-elements.json`);
});

test('no element entry pulls in the mock, the server or Node', () => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(
      /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g,
    )) {
      if (!specifier) continue;
      assert.ok(!/^(node:|msw|hono)/.test(specifier), `${file} imports ${specifier}`);
      if (specifier.startsWith('.'))
        visit(new URL(specifier, `file://${process.cwd()}/${file}`).pathname.slice(process.cwd().length + 1));
    }
    assert.ok(!file.includes('/mock/') && !file.includes('/server/') && !file.includes('/node/'), `${file} reached`);
  };
  visit('dist/index.js');
  assert.ok(seen.size > 10);
});

// The built package renders exactly like the source. The library build minifies the CSS and HTML inside `css` and
// `html` template literals (rollup.config.mjs); the browser tests run the TypeScript sources, so this test is what
// proves the minified templates are the same UI: every element, bundled once from src and once from dist as a
// consumer's bundler would, renders the same text and the same layout in Chromium. Runs after `npm run build`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

/** What each page mounts. */
const scenes = {
  inbox: { html: '<mail-inbox style="height:700px"></mail-inbox>' },
  settings: { html: '<mail-settings></mail-settings>' },
  endpoint: { html: '<mail-account-endpoint></mail-account-endpoint>' },
  app: { html: '<mail-app-settings></mail-app-settings>' },
  composer: { html: '<mail-composer></mail-composer>' },
  links: { html: '<mail-object-links></mail-object-links>' },
  mails: { html: '<mail-object-mails object-name="customer" object-id="C-1001"></mail-object-mails>' },
  toolbar: { html: '<mail-toolbar-button></mail-toolbar-button>' },
};

async function bundle(root) {
  const result = await build({
    stdin: {
      contents: `import '${root}'; import { MemoryMailBackend } from '${root}/mock'; window.MemoryMailBackend = MemoryMailBackend;`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** Every text node and every part's box, through open shadow roots, once the page has stopped changing. */
function snapshot() {
  const texts = [];
  const boxes = [];
  const walk = (root) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent.replace(/\s+/g, ' ').trim();
        if (text && node.parentElement?.closest('style') == null) texts.push(text);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const part = node.getAttribute('part');
        if (part && node.checkVisibility()) {
          const { x, y, width, height } = node.getBoundingClientRect();
          boxes.push([part, Math.round(x), Math.round(y), Math.round(width), Math.round(height)].join(' '));
        }
        if (node.shadowRoot) walk(node.shadowRoot);
        walk(node);
      }
    }
  };
  walk(document.body);
  return { texts, boxes };
}

let browser;
const sources = {};

before(async () => {
  [sources.src, sources.dist] = await Promise.all([bundle('./src'), bundle('mail-elements')]);
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
});

after(() => browser?.close());

async function render(kind, scene) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent(`<!doctype html><html lang="en"><body style="margin:0">${scene.html}</body></html>`);
  await page.addScriptTag({ type: 'module', content: sources[kind] });
  await page.waitForFunction(() => typeof window.MemoryMailBackend === 'function');
  await page.evaluate(() => {
    const backend = new window.MemoryMailBackend({ messages: 40, seed: 7, moduleEnabled: true });
    for (const element of document.body.children) element.backend = backend;
  });
  // Settled: the same snapshot twice, 300 ms apart.
  let previous = '';
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await page.waitForTimeout(300);
    const current = JSON.stringify(await page.evaluate(snapshot));
    if (current === previous) break;
    previous = current;
  }
  await page.close();
  assert.deepEqual(errors, [], `${kind}: no page errors`);
  return JSON.parse(previous);
}

for (const [name, scene] of Object.entries(scenes)) {
  test(`${name}: the built package renders the same text and layout as the source`, async () => {
    const fromSource = await render('src', scene);
    const fromDist = await render('dist', scene);
    assert.ok(fromSource.texts.length > 0, `${name} renders text`);
    assert.ok(fromSource.boxes.length > 0, `${name} renders parts`);
    assert.deepEqual(fromDist.texts, fromSource.texts);
    assert.deepEqual(fromDist.boxes, fromSource.boxes);
  });
}

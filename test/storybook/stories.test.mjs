// Opens every story of the static Storybook build (storybook-static/, made by `npm run build-storybook`) in Chromium
// and fails on any console error, page error or failed request, or a story that renders nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs } from '../../web-test-runner.config.mjs';

const root = 'storybook-static';
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
let server;
let origin;
let browser;

before(async () => {
  server = createServer(async (request, response) => {
    if (request.url === '/favicon.ico') return response.writeHead(204).end();
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: chromeArgs.filter((arg) => !arg.startsWith('--headless')),
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('every story renders with no console error', async (t) => {
  const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  assert.ok(stories.length >= 20, `only ${stories.length} stories`);
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  for (const story of stories) {
    await t.test(story.id, async () => {
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
      await page.waitForFunction(() => (document.querySelector('#storybook-root')?.children.length ?? 0) > 0, null, {
        timeout: 20_000,
      });
      // Let data load (or deliberately fail) and the elements settle.
      await page.waitForTimeout(400);
      // Stories that fail on purpose are named so: `Error` (id `...--error`) or `Error<What>` (`...--error-<what>`).
      // Only their HTTP errors from the mail API are expected; anything else still fails them.
      const expectedErrors = /--error(-[a-z0-9]+)*$/.test(story.id);
      const filtered = expectedErrors
        ? problems.filter(
            (problem) => !/HTTP (4|5)\d\d: .*\/api\/mail\//.test(problem) && !/status of (4|5)\d\d/.test(problem),
          )
        : problems;
      await page.close();
      assert.deepEqual(filtered, [], `${story.id}:\n${filtered.join('\n')}`);
    });
  }
  await context.close();
});

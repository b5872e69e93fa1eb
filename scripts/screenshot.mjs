// Screenshots of the demo or of stories with headless Chromium, to look at what we build.
// node scripts/screenshot.mjs <url> <out.png> [--width 1280] [--height 800] [--dark] [--wait <selector>] [--delay ms]
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromeArgs } from '../web-test-runner.config.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    dark: { type: 'boolean', default: false },
    wait: { type: 'string' },
    delay: { type: 'string', default: '1500' },
    full: { type: 'boolean', default: false },
  },
});
const [url, out] = positionals;
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [--width N] [--height N] [--dark] [--wait sel]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: chromeArgs.filter((arg) => !arg.startsWith('--headless')),
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
    colorScheme: values.dark ? 'dark' : 'light',
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      console.log(`[page ${message.type()}]`, message.text());
  });
  page.on('pageerror', (error) => console.log('[page error]', error.message));
  // 'load', not 'networkidle': pages with live updates keep an event stream open for good.
  await page.goto(url, { waitUntil: 'load' });
  if (values.wait) await page.waitForSelector(values.wait, { timeout: 15_000 });
  await page.waitForTimeout(Number(values.delay));
  await page.screenshot({ path: out, fullPage: values.full });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}

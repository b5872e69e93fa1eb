import DOMPurify from 'dompurify';
import { textToHtml } from '../../src/render/text.js';
import { createPolicy } from '../../src/render/urls.js';
import { sanitizeMailHtml } from '../../src/render/sanitize.js';
import { expose, medianMs } from '../kit.js';
expose(async () => {
  let text = '';
  let line = 0;
  while (text.length < 500 * 1024) {
    text +=
      line % 7 === 0
        ? `> quoted line ${line} https://example.com/${line}\n`
        : `Line ${line} of a long plain mail, see www.example.org/${line}.\n`;
    line++;
  }
  const html = textToHtml(text);
  const purify = DOMPurify(window);
  return {
    textToHtml: { value: await medianMs(() => textToHtml(text), 5, 1), unit: 'ms' },
    purifyPlain: { value: await medianMs(() => purify.sanitize(html), 5, 1), unit: 'ms' },
    ours: { value: await medianMs(() => sanitizeMailHtml(html, createPolicy(false)), 5, 1), unit: 'ms' },
    size: { value: html.length, unit: 'bytes' },
  };
});

// render.500kb: ms to sanitize a 500 KB HTML mail (a newsletter of tables, inline styles, a <style> block, remote
// and cid images, links) and show it in the sandboxed frame, up to the frame's load event. Also the sanitize step
// alone and the plain-text path on 500 KB.
import DOMPurify from 'dompurify';
import { FRAME_SANDBOX, renderHtml, renderText } from '../../src/render/index.js';
import { expose, medianMs } from '../kit.js';

const TARGET = 500 * 1024;

function article(index: number): string {
  return `<tr><td style="padding:16px 24px;border-bottom:1px solid #e5e7eb;font-family:Arial,sans-serif">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>
  <td width="120" valign="top"><img src="https://cdn.news.example/img/${index}.jpg" width="120" height="80" alt="Story ${index}"
    style="display:block;border-radius:4px"></td>
  <td valign="top" style="padding-left:16px"><h2 style="margin:0 0 8px;font-size:18px;color:#111827">Story number ${index}: what changed this week</h2>
  <p style="margin:0 0 8px;font-size:14px;line-height:1.5;color:#374151">Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do
  eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco.</p>
  <a href="https://news.example/story/${index}?utm_source=mail&amp;utm_medium=email" style="color:#2563eb;font-weight:bold;text-decoration:none">Read more &rarr;</a>
  <div style="background:url(https://cdn.news.example/bg/${index}.png) no-repeat;height:4px"></div>
  </td></tr></table></td></tr>`;
}

function newsletter(): string {
  const head = `<html><head><style>
    body { margin: 0; background: #f3f4f6; } .wrap { max-width: 640px; margin: 0 auto; background: #fff; }
    @media (max-width: 600px) { .wrap { width: 100% !important; } .hide-mobile { display: none; } }
    .btn { background: url(https://cdn.news.example/btn.png); color: #fff; }
    </style></head><body bgcolor="#f3f4f6"><table class="wrap" width="640" align="center" cellpadding="0" cellspacing="0">
    <tr><td><img src="cid:logo@news.example" width="200" height="50" alt="Logo"></td></tr>`;
  let body = '';
  let index = 0;
  while (head.length + body.length < TARGET) body += article(index++);
  return `${head}${body}</table></body></html>`;
}

function textMail(): string {
  let text = '';
  let line = 0;
  while (text.length < TARGET) {
    text +=
      line % 7 === 0
        ? `> quoted line ${line} https://example.com/${line}\n`
        : `Line ${line} of a long plain mail, see www.example.org/${line}.\n`;
    line++;
  }
  return text;
}

async function show(srcdoc: string, frame: HTMLIFrameElement): Promise<void> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = srcdoc;
  await loaded;
}

expose(async () => {
  const html = newsletter();
  const text = textMail();
  const cidUrls = new Map([['logo@news.example', 'blob:http://127.0.0.1/logo']]);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', FRAME_SANDBOX);
  frame.style.cssText = 'width:800px;height:600px;border:0';
  document.body.append(frame);
  const full = await medianMs(() => show(renderHtml(html, { cidUrls }).srcdoc, frame), 11, 3);
  const sanitizeOnly = await medianMs(() => renderHtml(html, { cidUrls }), 11, 3);
  const textOnly = await medianMs(() => renderText(text), 11, 3);
  // For scale: what the browser alone takes to show the already-sanitized document, and DOMPurify's default pass.
  const prepared = renderHtml(html, { cidUrls }).srcdoc;
  const showOnly = await medianMs(() => show(prepared, frame), 11, 3);
  const purify = DOMPurify(window);
  const purifyDefault = await medianMs(() => purify.sanitize(html), 11, 3);
  frame.remove();
  return {
    'render.500kb': { value: full, unit: 'ms' },
    'render.sanitize.500kb': { value: sanitizeOnly, unit: 'ms' },
    'render.text.500kb': { value: textOnly, unit: 'ms' },
    'render.show-only.500kb': { value: showOnly, unit: 'ms' },
    'render.dompurify-default.500kb': { value: purifyDefault, unit: 'ms' },
    'render.500kb.size': { value: html.length, unit: 'bytes' },
  };
});

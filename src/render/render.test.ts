import { expect } from '@open-wc/testing';
import {
  CLIP_AT,
  FRAME_SANDBOX,
  clipText,
  cleanStyleAttribute,
  cleanStyleSheet,
  createPolicy,
  fitFrameHeight,
  linkify,
  renderHtml,
  renderMessage,
  renderText,
  resolveLink,
  resolveResource,
  resolveSrcset,
  sanitizeMailHtml,
  textToHtml,
} from './index.js';

function sanitize(html: string, allowRemote = false, cid = new Map<string, string>()) {
  return sanitizeMailHtml(html, createPolicy(allowRemote, cid));
}

async function showInFrame(srcdoc: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', FRAME_SANDBOX);
  frame.style.width = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = srcdoc;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('render: URLs', () => {
  it('resolves cid: from the message parts only, percent-encoded and case-insensitive', () => {
    const policy = createPolicy(false, new Map([['Logo@Example.com', 'blob:http://x/1']]));
    expect(resolveResource('cid:logo%40example.com', policy)).to.equal('blob:http://x/1');
    expect(resolveResource(' CID:<logo@example.com>', policy)).to.equal('blob:http://x/1');
    expect(resolveResource('cid:other@example.com', policy)).to.equal(null);
  });

  it('never maps a cid to a remote URL', () => {
    const policy = createPolicy(false, new Map([['a', 'https://evil.example/a.png']]));
    expect(resolveResource('cid:a', policy)).to.equal(null);
  });

  it('keeps raster data: images and drops SVG and other data: types', () => {
    const policy = createPolicy(false);
    expect(resolveResource('data:image/png;base64,AAAA', policy)).to.equal('data:image/png;base64,AAAA');
    expect(resolveResource('data:image/svg+xml;base64,AAAA', policy)).to.equal(null);
    expect(resolveResource('data:text/html,<script>', policy)).to.equal(null);
    expect(resolveResource('data:image/svg+xml;x=image/png,AAAA', policy)).to.equal(null);
  });

  it('blocks and counts remote content until allowed', () => {
    const blocked = createPolicy(false);
    expect(resolveResource('https://a.example/x.png', blocked)).to.equal(null);
    expect(resolveResource('//a.example/x.png', blocked)).to.equal(null);
    expect(blocked).to.include({ remote: 2, blocked: 2 });
    const allowed = createPolicy(true);
    expect(resolveResource('http://a.example/x.png', allowed)).to.equal('http://a.example/x.png');
    expect(resolveResource('//a.example/x.png', allowed)).to.equal('https://a.example/x.png');
    expect(allowed).to.include({ remote: 2, blocked: 0 });
  });

  it('drops relative URLs, which would resolve against the host page', () => {
    expect(resolveResource('/api/mail/secret', createPolicy(true))).to.equal(null);
  });

  it('keeps only safe link schemes, seen as the URL parser sees them', () => {
    expect(resolveLink('https://a.example/')).to.equal('https://a.example/');
    expect(resolveLink('mailto:ana@example.com')).to.equal('mailto:ana@example.com');
    expect(resolveLink('#top')).to.equal('#top');
    expect(resolveLink('java\tscript:alert(1)')).to.equal(null);
    expect(resolveLink('\u0001javascript:alert(1)')).to.equal(null);
    expect(resolveLink('vbscript:x')).to.equal(null);
    expect(resolveLink('data:text/html,x')).to.equal(null);
  });

  it('filters srcset candidates one by one', () => {
    const policy = createPolicy(false);
    expect(resolveSrcset('data:image/png;base64,AA 1x, https://a.example/b.png 2x', policy)).to.equal(
      'data:image/png;base64,AA 1x',
    );
    expect(policy.blocked).to.equal(1);
    expect(resolveSrcset('https://a.example/b.png 2x', createPolicy(false))).to.equal(null);
  });
});

describe('render: CSS', () => {
  it('drops remote url() in style attributes, escapes and comments included', () => {
    const policy = createPolicy(false);
    expect(cleanStyleAttribute('color: red; background: url(https://a.example/x.png)', policy)).to.equal('color: red');
    expect(cleanStyleAttribute('background-image: u\\72l(https://a.example/x.png)', policy)).to.equal('');
    expect(cleanStyleAttribute('background-image: url(/**/https://a.example/x.png)', policy)).to.equal('');
    expect(policy.blocked).to.be.greaterThan(1);
  });

  it('resolves cid: in CSS and keeps remote url() once allowed', () => {
    const policy = createPolicy(true, new Map([['bg', 'blob:http://x/2']]));
    expect(cleanStyleAttribute('background: url(cid:bg)', policy)).to.contain('url("blob:http://x/2")');
    expect(cleanStyleAttribute('background-image: url("https://a.example/x.png")', policy)).to.contain(
      'https://a.example/x.png',
    );
  });

  it('drops var() that may fall back to a URL, and position: fixed', () => {
    const policy = createPolicy(false);
    expect(cleanStyleAttribute('background: var(--x, url(https://a.example/x.png))', policy)).to.equal('');
    expect(cleanStyleAttribute('position: fixed; top: 0', policy)).to.equal('top: 0px');
  });

  it('drops @import and @font-face, keeps media queries', () => {
    const policy = createPolicy(false);
    const css = cleanStyleSheet(
      '@import url(https://a.example/x.css); @font-face { font-family: x; src: url(https://a.example/f.woff) } ' +
        '@media (max-width: 600px) { .a { color: red; background: url(https://a.example/y.png) } } p { margin: 0 }',
      policy,
    );
    expect(css).not.to.contain('@import');
    expect(css).not.to.contain('font-face');
    expect(css).not.to.contain('a.example');
    expect(css).to.contain('@media (max-width: 600px)');
    expect(css).to.contain('color: red');
    expect(policy.blocked).to.equal(3);
  });

  it('keeps @import away from the CSS parser, which would warn in the console about it', () => {
    const parsed: string[] = [];
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, text: string) {
      parsed.push(text);
      replaceSync.call(this, text);
    };
    const policy = createPolicy(false);
    let css: string;
    try {
      css = cleanStyleSheet(
        '@import url(https://a.example/x.css);\n@import "https://b.example/y.css" screen; p { margin: 0 }',
        policy,
      );
    } finally {
      CSSStyleSheet.prototype.replaceSync = replaceSync;
    }
    expect(css).to.equal('p { margin: 0px }\n');
    expect(policy.blocked).to.equal(2);
    // What the constructed sheet parsed holds no @import rule, even for a parser that honours them (an inert
    // document's sheet, which loads nothing): the only place a browser warns about them.
    expect(parsed).to.have.length(1);
    const inert = document.implementation.createHTMLDocument('');
    const style = inert.head.appendChild(inert.createElement('style'));
    style.textContent = parsed[0]!;
    const rules = [...style.sheet!.cssRules];
    expect(rules.some((rule) => rule instanceof CSSImportRule)).to.equal(false);
    expect(rules.map((rule) => rule.cssText)).to.include('p { margin: 0px; }');
  });

  it('never lets "<" close the style element', () => {
    expect(cleanStyleSheet('p::after { content: "</style><b>" }', createPolicy(false))).not.to.contain('<');
  });
});

describe('render: plain text', () => {
  it('escapes and links http, https, mailto and www', () => {
    expect(linkify('see <b>https://a.example/x?y=1&z=2</b>.')).to.equal(
      'see &lt;b&gt;<a href="https://a.example/x?y=1&amp;z=2">https://a.example/x?y=1&amp;z=2</a>&lt;/b&gt;.',
    );
    expect(linkify('www.example.com')).to.contain('href="https://www.example.com/"');
    expect(linkify('mailto:ana@example.com')).to.contain('href="mailto:ana@example.com"');
  });

  it('cannot be led into an attribute by a crafted URL', () => {
    const html = linkify('https://a.example/"onmouseover="alert(1)');
    expect(html).not.to.match(/<a [^>]*onmouseover/);
  });

  it('folds quoted blocks, nested levels inside', () => {
    const html = textToHtml('Hi\n> one\n>> two\nBye');
    expect(html).to.contain('<details class="quote">');
    expect(html.match(/<details/g)).to.have.length(2);
  });
});

describe('render: documents', () => {
  it('puts the CSP first, with images from data: and blob: only until allowed', () => {
    const blocked = renderHtml('<p>x</p>');
    expect(blocked.srcdoc).to.match(
      /^<!doctype html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"/,
    );
    expect(blocked.srcdoc).to.contain('img-src data: blob:;');
    expect(renderHtml('<p>x</p>', { allowRemote: true }).srcdoc).to.contain('img-src data: blob: https: http:;');
  });

  it('chooses HTML over text and falls back to text', () => {
    expect(renderMessage({ html: '<p>h</p>', text: 't' }).kind).to.equal('html');
    expect(renderMessage({ html: ' ', text: 't' }).kind).to.equal('text');
  });

  it('keeps the mail body background and head styles', () => {
    const { srcdoc } = renderHtml(
      '<html><head><style>.x { color: red }</style></head><body bgcolor="#eeeeee" style="margin:0"><p class="x">x</p></body></html>',
    );
    expect(srcdoc).to.contain('.x { color: red }');
    expect(srcdoc).to.match(/data-mail-body[^>]*background-color: rgb\(238, 238, 238\)/);
  });

  it('keeps the presentational attributes newsletters are built with', () => {
    const { html } = sanitize(
      '<table width="100%" cellpadding="0" align="center"><tr><td colspan="2" width="5" valign="top">x</td></tr></table>',
    );
    for (const attribute of [
      'width="100%"',
      'cellpadding="0"',
      'align="center"',
      'colspan="2"',
      'width="5"',
      'valign="top"',
    ])
      expect(html).to.contain(attribute);
  });

  it('opens links in a new tab without opener or referrer', () => {
    const { html } = sanitize('<a href="https://a.example/">a</a><a href="#x">b</a>');
    expect(html).to.contain('target="_blank"');
    expect(html).to.contain('rel="noopener noreferrer"');
    expect(html).to.contain('<a href="#x">b</a>');
  });

  it('is fitted to its content height in the sandboxed frame', async () => {
    const frame = await showInFrame(renderText('line\n'.repeat(40)).srcdoc);
    const stop = fitFrameHeight(frame);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const height = parseFloat(frame.style.height);
    expect(height).to.be.greaterThan(600);
    frame.contentDocument!.body.append(
      Object.assign(frame.contentDocument!.createElement('div'), { style: 'height:500px' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(parseFloat(frame.style.height)).to.be.greaterThan(height + 400);
    stop();
    frame.remove();
  });
});

describe('render: clipping large mail', () => {
  function paragraphs(count: number, size = 100): string {
    let html = '';
    for (let index = 0; index < count; index++) html += `<p id="p${index}">${String(index).padEnd(size, 'x')}</p>`;
    return html;
  }

  it('keeps everything under the budget and says nothing was clipped', () => {
    const html = paragraphs(10);
    const result = sanitizeMailHtml(html, createPolicy(false), { clipAt: 10_000 });
    expect(result.clipped).to.equal(false);
    expect(result.html).to.equal(html);
  });

  it('keeps the first part in order, up to the budget, and leaves out the rest', () => {
    const html = `<div><table><tbody>${paragraphs(200).replace(/<p/g, '<tr><td><p').replace(/<\/p>/g, '</p></td></tr>')}</tbody></table></div><p id="end">end</p>`;
    const result = sanitizeMailHtml(html, createPolicy(false), { clipAt: 5_000 });
    expect(result.clipped).to.equal(true);
    expect(result.html.length).to.be.within(3_500, 5_500);
    const doc = new DOMParser().parseFromString(result.html, 'text/html');
    const ids = [...doc.querySelectorAll('p')].map((p) => p.id);
    expect(ids[0]).to.equal('p0');
    expect(ids).to.deep.equal(ids.map((_, index) => `p${index}`));
    expect(doc.getElementById('end')).to.equal(null);
  });

  it('leaves out the last row of a data table whole rather than half of it', () => {
    let rows = '';
    for (let index = 0; index < 400; index++)
      rows += `<tr><td>SO-${100000 + index}</td><td>Customer ${index}</td></tr>`;
    const { html, clipped } = sanitizeMailHtml(`<table>${rows}</table>`, createPolicy(false), { clipAt: 3_000 });
    expect(clipped).to.equal(true);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const cells = [...doc.querySelectorAll('tr')].map((row) => row.cells.length);
    expect(cells.length).to.be.above(20);
    expect(new Set(cells)).to.deep.equal(new Set([2]));
    expect(html).not.to.include('\u2026');
  });

  it('returns a well-formed tree: serializing what the parser makes of it gives it back unchanged', () => {
    const html =
      '<div><ul><li>one <b>two <i>three</i></b></li><li>four</li></ul><table><tr><td>cell</td><td>' +
      'x'.repeat(300) +
      '</td></tr></table><blockquote><p>quote</p></blockquote></div>';
    for (const clipAt of [10, 30, 60, 120, 200, 400]) {
      const { html: clean } = sanitizeMailHtml(html, createPolicy(false), { clipAt });
      const reparsed = document.createElement('div');
      reparsed.innerHTML = clean;
      expect(reparsed.innerHTML, `clipAt ${clipAt}`).to.equal(clean);
    }
  });

  it('cuts a long text between words and marks the cut', () => {
    const words = Array.from({ length: 2000 }, (_, index) => `word${index}`).join(' ');
    const { html, clipped } = sanitizeMailHtml(`<p>${words}</p>`, createPolicy(false), { clipAt: 1_000 });
    expect(clipped).to.equal(true);
    expect(html).to.match(/^<p>word0 word1 .* word\d+\u2026<\/p>$/);
    expect(html.length).to.be.within(900, 1_020);
  });

  it('never cuts inside a <style> block, and counts remote content only in what it keeps', () => {
    const style = `<style>${'.a { color: red; } '.repeat(40)}</style>`;
    const images = Array.from({ length: 50 }, (_, index) => `<img src="https://t.example/${index}.png">`).join('');
    const result = sanitizeMailHtml(`${style}${images}`, createPolicy(false), { clipAt: 500 });
    expect(result.clipped).to.equal(true);
    const doc = new DOMParser().parseFromString(`<body>${result.html}`, 'text/html');
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css === '' || css.trim().endsWith('}'), css).to.equal(true);
    expect(result.blocked).to.equal(doc.querySelectorAll('img').length);
    expect(result.blocked).to.be.below(50);
  });

  it('renders a large HTML mail clipped by default, and whole with clipAt 0', () => {
    const html = paragraphs(3_000);
    const clipped = renderHtml(html);
    expect(clipped.clipped).to.equal(true);
    expect(clipped.srcdoc.length).to.be.below(CLIP_AT + 4_000);
    const whole = renderHtml(html, { clipAt: 0 });
    expect(whole.clipped).to.equal(false);
    expect(whole.srcdoc).to.include('id="p2999"');
  });

  it('clips plain text at a line end, and says so', () => {
    const text = Array.from({ length: 40_000 }, (_, index) => `line ${index}`).join('\n');
    const rendered = renderText(text);
    expect(rendered.clipped).to.equal(true);
    expect(rendered.srcdoc).to.include('line 0\nline 1\n');
    expect(rendered.srcdoc).not.to.include('line 39999');
    expect(renderText('short\ntext').clipped).to.equal(false);
    expect(clipText('abc\ndef\nghi', 9)).to.equal('abc\ndef');
    expect(clipText('😀😀😀', 3)).to.equal('😀');
  });
});

/** The text a reader sees in rendered plain text, the summaries of folded quotes aside. */
function visibleText(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const summary of template.content.querySelectorAll('summary')) summary.remove();
  return template.content.textContent ?? '';
}

/** Each line without the quote markers ("> ") the renderer folds: at most 20 levels of them. */
const unquoted = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^(?:> ?){0,20}/, ''))
    .join('\n');

// Speed is measured by the benchmarks; here, that the inputs which made the earlier regex-based linkifier quadratic
// or worse still render whole and right (a regression to super-linear work shows as a test timeout).
describe('render: plain text that made the old linkifier slow', () => {
  /** Inputs that made the earlier regex-based linkifier quadratic or worse. */
  const hostile = [
    `http://x${'.'.repeat(100_000)}a`,
    `http://x${')'.repeat(100_000)}`,
    `http://x${'('.repeat(50_000)}${')'.repeat(50_000)}.`,
    `www.${'www.'.repeat(50_000)}`,
    `${'>'.repeat(50_000)}\n`.repeat(4),
    `${'> '.repeat(30)}http://a.example/${'_'.repeat(50_000)}`,
  ];

  for (const input of hostile) {
    it(`renders ${JSON.stringify(input.slice(0, 24))}… (${input.length} characters) whole`, () => {
      const html = textToHtml(input);
      expect(html.startsWith('<div class="text-body">')).to.equal(true);
      expect(html.endsWith('</div>')).to.equal(true);
      expect(visibleText(html)).to.equal(unquoted(input));
    });
  }

  it('links bare e-mail addresses, and nothing that only looks like one', () => {
    expect(linkify('write to lucia.fernandez@ibericasa.example.')).to.equal(
      'write to <a href="mailto:lucia.fernandez@ibericasa.example">lucia.fernandez@ibericasa.example</a>.',
    );
    expect(linkify('a@b, @home, x@localhost, me@example.c0m')).to.equal('a@b, @home, x@localhost, me@example.c0m');
    expect(linkify('"ana"@x.example<b>')).to.equal('&quot;ana&quot;@x.example&lt;b&gt;');
    expect(linkify('ana@x.example"onclick="y')).to.equal(
      '<a href="mailto:ana@x.example">ana@x.example</a>&quot;onclick=&quot;y',
    );
    // Long runs that only look like addresses stay as they are.
    for (const text of [`${'a.'.repeat(100_000)}@`, 'a@'.repeat(100_000)]) expect(linkify(text)).to.equal(text);
  });

  it('trims trailing punctuation and unbalanced brackets, keeps balanced ones', () => {
    expect(linkify('see (https://a.example/x_(y)).')).to.equal(
      'see (<a href="https://a.example/x_(y)">https://a.example/x_(y)</a>).',
    );
    expect(linkify('go to www.a.example/?q=1!!')).to.equal(
      'go to <a href="https://www.a.example/?q=1">www.a.example/?q=1</a>!!',
    );
    expect(linkify('[http://a.example/]')).to.equal('[<a href="http://a.example/">http://a.example/</a>]');
  });
});

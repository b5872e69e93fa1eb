import { expect } from '@open-wc/testing';
import {
  FRAME_SANDBOX,
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

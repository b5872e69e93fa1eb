/**
 * Every vector of vectors.ts rendered by src/render in the real sandboxed frame. A vector fails if its script runs,
 * if anything it names reaches the local probe server while remote content is blocked, or if its frame still holds
 * something that must never survive. Then the other side: once allowed, remote images do load.
 */
import { expect } from '@open-wc/testing';
import {
  FRAME_SANDBOX,
  createPolicy,
  renderHtml,
  renderText,
  sanitizeMailHtml,
  textToHtml,
  type RenderedMail,
} from '../../src/render/index.js';
import {
  auditFrame,
  fill,
  loaded,
  probeHits,
  probeNamespace,
  runInFrames,
  sleep,
  trapScripts,
  type FrameRun,
} from './harness.js';
import { vectors, type Vector } from './vectors.js';

let container: HTMLElement;

function render(vector: Vector, filled: string, allowRemote = false): RenderedMail {
  return vector.text !== undefined ? renderText(filled, { allowRemote }) : renderHtml(filled, { allowRemote });
}

async function show(srcdoc: string, sandbox = FRAME_SANDBOX): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', sandbox);
  frame.style.cssText = 'width:300px;height:150px;border:0';
  frame.srcdoc = srcdoc;
  const ready = loaded(frame);
  container.append(frame);
  await ready;
  return frame;
}

describe('security: hostile mail rendered in the sandboxed frame', function () {
  this.timeout(60_000);
  const namespace = probeNamespace('render');
  let run: FrameRun;

  before(async () => {
    container = document.createElement('div');
    document.body.append(container);
    run = await runInFrames(vectors, namespace, (vector, filled) => show(render(vector, filled).srcdoc));
  });

  after(() => container.remove());

  it('has at least 150 vectors with unique ids', () => {
    expect(vectors.length).to.be.at.least(150);
    expect(new Set(vectors.map((vector) => vector.id)).size).to.equal(vectors.length);
  });

  it('ran no script at all and reached the server for no vector', () => {
    expect([...run.observed.pwned], 'scripts that ran').to.deep.equal([]);
    expect(run.observed.rawHits, 'requests that reached the probe server').to.deep.equal([]);
  });

  for (const vector of vectors) {
    it(`${vector.id}: ${(vector.html ?? vector.text ?? '').slice(0, 70)}`, () => {
      expect(run.observed.pwned.has(vector.id), 'its script ran').to.equal(false);
      expect(run.observed.hits.has(vector.id), 'it reached the probe server').to.equal(false);
      expect(auditFrame(run.frames.get(vector.id)!)).to.deep.equal([]);
    });
  }
});

/**
 * A large mail is clipped during sanitization (src/render CLIP_AT). A clip at any point must be as safe as the
 * whole: every vector again, cut short at a few characters (the parser then reads only a prefix, ending inside a
 * tag or a string), at about a third and at about three quarters of its length.
 */
describe('security: hostile mail clipped at any point', function () {
  this.timeout(120_000);
  const cuts: [string, (length: number) => number][] = [
    ['at 12 characters', () => 12],
    ['at a third', (length) => Math.max(1, Math.round(length / 3))],
    ['at three quarters', (length) => Math.max(1, Math.round((length * 3) / 4))],
  ];

  before(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  after(() => container.remove());

  for (const [name, cut] of cuts) {
    it(`runs no script, fetches nothing and keeps nothing forbidden when clipped ${name}`, async () => {
      const clippedIds: string[] = [];
      const run = await runInFrames(vectors, probeNamespace(`clip-${cut(12)}`), (vector, filled) => {
        const clipAt = cut(filled.length);
        const rendered = vector.text !== undefined ? renderText(filled, { clipAt }) : renderHtml(filled, { clipAt });
        if (rendered.clipped) clippedIds.push(vector.id);
        return show(rendered.srcdoc);
      });
      expect([...run.observed.pwned], 'scripts that ran').to.deep.equal([]);
      expect(run.observed.rawHits, 'requests that reached the probe server').to.deep.equal([]);
      const problems = [...run.frames].flatMap(([id, frame]) =>
        auditFrame(frame).map((problem) => `${id}: ${problem}`),
      );
      expect(problems).to.deep.equal([]);
      // The cut really happened: most vectors are longer than the budget.
      expect(clippedIds.length, 'vectors that were clipped').to.be.above(vectors.length / 2);
      for (const frame of run.frames.values()) frame.remove();
    });
  }
});

/**
 * The layers one at a time. These frames are deliberately weak (scripts allowed, no CSP): they show that the
 * harness does see a script or a request when one happens, and that the sanitizer alone already stops every vector.
 */
const WEAK_TEST_ONLY_SANDBOX = 'allow-scripts allow-same-origin';

describe('security: each layer alone', function () {
  this.timeout(60_000);

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => container.remove());

  it('control: the harness sees a script run and a request arrive when nothing protects the page', async () => {
    const raw: Vector[] = [
      { id: 'control-script', category: 'handler', html: '<img src=x onerror="{JS}">' },
      { id: 'control-remote', category: 'remote', html: '<img src="{P}">' },
    ];
    const run = await runInFrames(raw, probeNamespace('control'), (_, filled) => show(filled, WEAK_TEST_ONLY_SANDBOX));
    expect([...run.observed.pwned]).to.deep.equal(['control-script']);
    expect([...run.observed.hits]).to.deep.equal(['control-remote']);
  });

  it('the sanitizer alone, without CSP and with scripts allowed, runs nothing and fetches nothing', async () => {
    const run = await runInFrames(vectors, probeNamespace('sanitizer-only'), (vector, filled) => {
      const body = vector.text !== undefined ? textToHtml(filled) : filled;
      const { html } = sanitizeMailHtml(body, createPolicy(false));
      return show(`<!doctype html><html><head></head><body>${html}</body></html>`, WEAK_TEST_ONLY_SANDBOX);
    });
    expect([...run.observed.pwned], 'scripts that ran').to.deep.equal([]);
    expect(run.observed.rawHits, 'requests that reached the probe server').to.deep.equal([]);
  });

  it('the frame alone (sandbox and CSP), without the sanitizer, runs no script and fetches nothing', async () => {
    const run = await runInFrames(
      vectors.filter((vector) => vector.html !== undefined),
      probeNamespace('frame-only'),
      (_, filled) =>
        show(
          `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"></head><body>${filled}</body></html>`,
        ),
    );
    expect([...run.observed.pwned], 'scripts that ran').to.deep.equal([]);
    expect(run.observed.rawHits, 'requests that reached the probe server').to.deep.equal([]);
  });
});

describe('security: remote content once allowed', function () {
  this.timeout(20_000);
  let frames: HTMLIFrameElement[] = [];

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    container.remove();
    frames = [];
  });

  async function showAllowed(html: string, namespace: string, allowRemote: boolean) {
    const rendered = renderHtml(fill(html, 'allowed', namespace), { allowRemote });
    frames.push(await show(rendered.srcdoc));
    await sleep(300);
    return { rendered, hits: await probeHits(namespace) };
  }

  const mail =
    '<img src="{P}/img-https"><img srcset="{P}/srcset 1x"><div style="width:9px;height:9px;background:url({P}/css)"></div>' +
    '<table background="{P}/table"><tr><td>x</td></tr></table>';

  it('blocks and counts every remote reference first', async () => {
    const { rendered, hits } = await showAllowed(mail, probeNamespace('blocked'), false);
    expect(rendered).to.include({ remote: 4, blocked: 4 });
    expect(hits).to.deep.equal([]);
  });

  it('loads remote images, srcset and CSS backgrounds over http once allowed, and nothing else changes', async () => {
    const { rendered, hits } = await showAllowed(mail, probeNamespace('allowed'), true);
    expect(rendered).to.include({ remote: 4, blocked: 0 });
    expect([...hits].sort()).to.deep.equal(['allowed/css', 'allowed/img-https', 'allowed/srcset', 'allowed/table']);
    expect(auditFrame(frames[0]!, true)).to.deep.equal([]);
  });

  it('still runs no script and loads no font or @import once allowed', async () => {
    const namespace = probeNamespace('allowed-hostile');
    const stop = trapScripts();
    const { hits } = await showAllowed(
      '<style>@import url({P}/import); @font-face { font-family: x; src: url({P}/font) } p { font-family: x }</style>' +
        '<p>x</p><img src=x onerror="top.__pwned(\'allowed\')"><link rel=stylesheet href="{P}/link">',
      namespace,
      true,
    );
    expect([...stop()]).to.deep.equal([]);
    expect(hits).to.deep.equal([]);
  });
});

/**
 * The same vectors, shown by the real component: `<mail-message-view>` with each vector as the body of a message.
 * Fails if a script runs, if anything reaches the probe server, or if the frame holds what must never survive.
 */
import { expect } from '@open-wc/testing';
import type { Message } from '../../src/core/index.js';
import { MemoryMailBackend } from '../../src/mock/index.js';
import '../../src/define/mail-message-view.js';
import type { MailMessageView } from '../../src/elements/mail-message-view/mail-message-view.js';
import { auditFrame, probeNamespace, runInFrames, sleep, type FrameRun } from './harness.js';
import { vectors, type Vector } from './vectors.js';

function messageOf(vector: Vector, body: string): Message {
  return {
    id: `vector-${vector.id}`,
    folderId: 'inbox',
    from: { name: 'Attacker', address: 'attacker@evil.example' },
    to: [{ address: 'dana@example.com' }],
    cc: [],
    bcc: [],
    replyTo: [],
    references: [],
    subject: vector.id,
    snippet: '',
    date: '2026-11-20T09:00:00.000Z',
    size: body.length,
    flags: { seen: false, flagged: false, answered: false, forwarded: false, draft: false },
    hasAttachments: false,
    linked: false,
    ...(vector.text !== undefined ? { text: body } : { html: body }),
    attachments: [],
    headers: [],
  };
}

async function frameOf(element: MailMessageView): Promise<HTMLIFrameElement> {
  for (let tries = 0; tries < 300; tries++) {
    const frame = element.shadowRoot?.querySelector<HTMLIFrameElement>('iframe[part="body"]');
    if (frame?.contentDocument?.URL === 'about:srcdoc' && frame.contentDocument.readyState === 'complete') return frame;
    await sleep(10);
  }
  throw new Error(`the frame of ${element.message?.subject} never loaded`);
}

describe('security: hostile mail shown by <mail-message-view>', function () {
  this.timeout(60_000);
  const namespace = probeNamespace('component');
  const backend = new MemoryMailBackend({ seed: 'security', messages: 0 });
  let container: HTMLElement;
  let run: FrameRun;
  const elements = new Map<string, MailMessageView>();

  before(async () => {
    container = document.createElement('div');
    document.body.append(container);
    run = await runInFrames(vectors, namespace, async (vector, filled) => {
      const element = document.createElement('mail-message-view');
      element.backend = backend;
      element.message = messageOf(vector, filled);
      container.append(element);
      elements.set(vector.id, element);
      return frameOf(element);
    });
  });

  after(() => container.remove());

  it('ran no script at all and reached the server for no vector', () => {
    expect([...run.observed.pwned], 'scripts that ran').to.deep.equal([]);
    expect(run.observed.rawHits, 'requests that reached the probe server').to.deep.equal([]);
  });

  for (const vector of vectors) {
    it(`${vector.id} in the component`, () => {
      expect(run.observed.pwned.has(vector.id), 'its script ran').to.equal(false);
      expect(run.observed.hits.has(vector.id), 'it reached the probe server').to.equal(false);
      expect(auditFrame(run.frames.get(vector.id)!)).to.deep.equal([]);
      // The component's own text never carries the mail's markup either.
      expect(elements.get(vector.id)!.shadowRoot!.querySelector('script, img[onerror], [onload]')).to.equal(null);
    });
  }
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryMailBackend, SHOWCASE_IDS } from '../../mock/index.js';
import type { Message } from '../../core/index.js';
import '../../define/mail-message-view.js';
import type { MailMessageView } from './mail-message-view.js';
import { expectIsolatedLtr, textBox } from '../../../test/a11y/bidi.js';

function backend(): MemoryMailBackend {
  return new MemoryMailBackend({ seed: 'message-view', messages: 20 });
}

async function view(template: ReturnType<typeof html>): Promise<MailMessageView> {
  return fixture<MailMessageView>(template);
}

function part(element: MailMessageView, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function frameOf(element: MailMessageView): HTMLIFrameElement {
  return part(element, 'body') as HTMLIFrameElement;
}

async function loaded(element: MailMessageView): Promise<void> {
  await waitUntil(() => part(element, 'body') || part(element, 'error') || part(element, 'empty'), 'never settled', {
    timeout: 5000,
  });
  const frame = part(element, 'body') as HTMLIFrameElement | null;
  if (frame) {
    await waitUntil(
      () => frame.contentDocument?.URL === 'about:srcdoc' && frame.contentDocument.readyState === 'complete',
      'the mail frame never loaded',
    );
  }
}

async function probeHits(namespace: string): Promise<string[]> {
  return (await (await fetch(`/__probe-hits?ns=${namespace}`)).json()) as string[];
}

function remoteMail(namespace: string, from = 'news@remote.example'): Message {
  return {
    id: `remote-${namespace}`,
    folderId: 'inbox',
    from: { name: 'Remote News', address: from },
    to: [{ address: 'dana@example.com' }],
    cc: [],
    bcc: [],
    replyTo: [],
    references: [],
    subject: 'Pictures inside',
    snippet: '',
    date: '2026-11-20T09:00:00.000Z',
    size: 100,
    flags: { seen: true, flagged: false, answered: false, forwarded: false, draft: false },
    hasAttachments: false,
    linked: false,
    html: `<p>Hello</p><img alt="remote" src="${location.origin}/__probe/${namespace}/picture">`,
    attachments: [],
    headers: [],
  };
}

describe('<mail-message-view>', () => {
  describe('accessibility', () => {
    it('is accessible loaded', async () => {
      const element = await view(
        html`<mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.attachments}></mail-message-view>`,
      );
      await loaded(element);
      await expect(element).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      const slow = backend();
      slow.faults.set('getMessage', { latencyMs: 5000 });
      const element = await view(
        html`<mail-message-view .backend=${slow} message-id=${SHOWCASE_IDS.newsletter}></mail-message-view>`,
      );
      await waitUntil(() => part(element, 'loading'));
      await expect(element).to.be.accessible();
    });

    it('is accessible in the error state', async () => {
      const element = await view(
        html`<mail-message-view .backend=${backend()} message-id="no-such-id"></mail-message-view>`,
      );
      await loaded(element);
      expect(part(element, 'error')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('is accessible empty', async () => {
      const element = await view(html`<mail-message-view .backend=${backend()}></mail-message-view>`);
      expect(part(element, 'empty')).to.exist;
      await expect(element).to.be.accessible();
    });
  });

  describe('defaults and properties', () => {
    it('has no message by default', async () => {
      const element = await view(html`<mail-message-view></mail-message-view>`);
      expect(element.messageId).to.equal('');
      expect(element.message).to.equal(undefined);
      expect(element.noActions).to.equal(false);
    });

    it('shows the header of a fetched message, and its details on demand', async () => {
      const element = await view(
        html`<mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.inlineImage}></mail-message-view>`,
      );
      await loaded(element);
      expect(part(element, 'subject')!.textContent).to.contain('Our new logo');
      expect(part(element, 'from')!.textContent).to.contain('john.smith@acme.example');
      expect(part(element, 'details')).to.equal(null);
      part(element, 'details-button')!.click();
      // The details arrive with a chunk of their own, the first time.
      await waitUntil(() => part(element, 'details'), 'the details');
      expect(part(element, 'details')!.textContent).to.contain('john.smith@acme.example');
      expect(part(element, 'details-button')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it("shows the full date in the details, in the reader's language, in an isolated <time>", async () => {
      const message = { ...remoteMail('details-date'), html: '<p>Hi</p>', date: '2026-11-20T09:09:00.000Z' };
      const dates: Record<string, string> = {};
      for (const lang of ['en', 'es']) {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div lang=${lang}><mail-message-view .message=${message}></mail-message-view></div>`,
        );
        const element = wrapper.querySelector('mail-message-view')!;
        await loaded(element);
        part(element, 'details-button')!.click();
        await waitUntil(() => part(element, 'details'), 'the details');
        const time = part(element, 'details')!.querySelector('time')!;
        expect(time.getAttribute('datetime')).to.equal(message.date);
        expect(time.dir).to.equal('auto');
        expect(part(element, 'details')!.textContent).not.to.contain('GMT');
        dates[lang] = time.textContent!.trim();
      }
      expect(dates.en).to.contain('Friday').and.contain('November 20, 2026');
      expect(dates.es).to.contain('viernes').and.contain('noviembre').and.contain('2026');
    });

    it('shows a message given as a property, body in a sandboxed frame without scripts', async () => {
      const element = await view(html`<mail-message-view .message=${remoteMail('prop')}></mail-message-view>`);
      await loaded(element);
      const frame = frameOf(element);
      expect(frame.getAttribute('sandbox')).to.equal('allow-popups allow-popups-to-escape-sandbox allow-same-origin');
      expect(frame.contentDocument!.body.textContent).to.contain('Hello');
    });

    it('fits the frame to the mail height', async () => {
      const element = await view(
        html`<mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.newsletter}></mail-message-view>`,
      );
      await loaded(element);
      const frame = frameOf(element);
      await waitUntil(() => parseFloat(frame.style.height) > 300, 'the frame was not fitted');
      const content = frame.contentDocument!.documentElement.getBoundingClientRect().height;
      expect(Math.abs(parseFloat(frame.style.height) - content)).to.be.lessThan(40);
    });

    it('shows plain-text mail with quotes folded', async () => {
      const message = { ...remoteMail('text'), html: undefined, text: 'Hi\n> earlier\n> mail\nBye' };
      const element = await view(html`<mail-message-view .message=${message}></mail-message-view>`);
      await loaded(element);
      const details = frameOf(element).contentDocument!.querySelector('details.quote')!;
      expect(details.querySelector('summary')!.textContent).to.equal('Quoted text (2 lines)');
    });

    it('clips a very large mail at once, says so, and shows all of it on request', async () => {
      let body = '';
      for (let index = 0; body.length < 300_000; index++) body += `<p>Paragraph ${index} ${'lorem '.repeat(20)}</p>`;
      const message = { ...remoteMail('large'), size: 312_000, html: `${body}<p id="last">The end</p>` };
      const element = await view(html`<mail-message-view .message=${message}></mail-message-view>`);
      await loaded(element);
      const frame = frameOf(element);
      expect(frame.contentDocument!.body.textContent).to.contain('Paragraph 0 ');
      expect(frame.contentDocument!.getElementById('last')).to.equal(null);
      expect(part(element, 'clip-bar')!.textContent).to.contain('This message is large (312 kB)');
      await expect(element).to.be.accessible();
      part(element, 'clip-button')!.click();
      await waitUntil(() => frame.contentDocument?.getElementById('last'), 'the whole mail was never shown');
      expect(part(element, 'clip-bar')).to.equal(null);
      expect(element.shadowRoot!.activeElement, 'focus moves to the mail, not to the page').to.equal(frame);
    });

    it('shows a mail under the clip size whole, without the clip bar', async () => {
      const element = await view(html`<mail-message-view .message=${remoteMail('small')}></mail-message-view>`);
      await loaded(element);
      expect(part(element, 'clip-bar')).to.equal(null);
    });

    it('speaks Spanish inside lang="es"', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="es">
          <mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.attachments}></mail-message-view>
        </div>`,
      );
      const element = wrapper.querySelector('mail-message-view')!;
      await loaded(element);
      expect(part(element, 'actions')!.textContent).to.contain('Responder a todos');
      expect(element.shadowRoot!.textContent).to.contain('adjuntos');
    });

    it('keeps dates, addresses, sizes and counts in their own order in a right-to-left page', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="es">
          <mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.attachments}></mail-message-view>
        </div>`,
      );
      const element = wrapper.querySelector('mail-message-view')!;
      await loaded(element);
      expect(getComputedStyle(part(element, 'header')!).direction).to.equal('rtl');
      const subject = part(element, 'subject')!;
      expect(subject.dir).to.equal('auto');
      expect(getComputedStyle(subject).direction, 'a Latin subject reads left to right').to.equal('ltr');
      const address = part(element, 'from')!.querySelector('.address')!;
      expect(address.localName).to.equal('bdi');
      expect(address.textContent).to.match(/^<.+@.+>$/);
      expectIsolatedLtr(address);
      const date = part(element, 'date')!;
      expectIsolatedLtr(date);
      const [day, year] = date.textContent!.match(/\d+/g)!;
      expect(textBox(date, day!).left, 'the day stays before the year').to.be.lessThan(textBox(date, year!).left);
      const size = element.shadowRoot!.querySelector<HTMLElement>('[part="attachment-size"]')!;
      expectIsolatedLtr(size);
      const [, number, unit] = /^([\d,.]+)\s(\S+)$/.exec(size.textContent!.replace(/\u00a0/g, ' '))!;
      expect(textBox(size, number!).left, 'the number stays before its unit').to.be.lessThan(textBox(size, unit!).left);
      expectIsolatedLtr(element.shadowRoot!.querySelector('[part="attachment-name"]')!);
      const heading = element.shadowRoot!.querySelector('.attachments-title > bdi')!;
      expectIsolatedLtr(heading);
      const count = heading.querySelector('bdi')!;
      expect(count.textContent).to.equal('5');
      expect(count.getBoundingClientRect().left).to.be.lessThan(textBox(heading, 'adjuntos').left);
    });
  });

  describe('inline images and attachments', () => {
    it('shows cid: images from the message own parts through blob: URLs', async () => {
      const element = await view(
        html`<mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.inlineImage}></mail-message-view>`,
      );
      await loaded(element);
      const image = frameOf(element).contentDocument!.querySelector('img')!;
      expect(image.getAttribute('src')).to.match(/^blob:/);
      await waitUntil(() => image.complete && image.naturalWidth > 0, 'the inline image did not load');
      expect(part(element, 'remote-bar')).to.equal(null);
    });

    it('lists attachments with sizes and downloads each under its own file name', async () => {
      const element = await view(
        html`<mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.attachments}></mail-message-view>`,
      );
      await loaded(element);
      const items = element.shadowRoot!.querySelectorAll('[part="attachment"]');
      expect(items.length).to.be.greaterThan(2);
      expect(items[0]!.querySelector('[part="attachment-name"]')!.textContent).to.equal('contrato-obra.pdf');
      expect(items[0]!.querySelector('[part="attachment-size"]')!.textContent).to.match(/\d/);
      const clicked: HTMLAnchorElement[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      try {
        items[0]!.querySelector('button')!.click();
        await waitUntil(() => clicked.length === 1);
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      expect(clicked[0]!.download).to.equal('contrato-obra.pdf');
      expect(clicked[0]!.href).to.match(/^blob:/);
    });

    it("labels a file of no known kind with its extension, else with a word in the reader's language", async () => {
      const file = (id: string, filename: string) => ({
        id,
        filename,
        contentType: 'application/octet-stream',
        size: 10,
        inline: false,
      });
      const message = {
        ...remoteMail('kinds'),
        html: '<p>Files</p>',
        attachments: [file('a', 'data.xyz'), file('b', 'README')],
      };
      const labels = async (lang: string) => {
        const root = await fixture(
          html`<div lang=${lang}><mail-message-view .message=${message}></mail-message-view></div>`,
        );
        const element = root.querySelector('mail-message-view')!;
        await loaded(element);
        return [...element.shadowRoot!.querySelectorAll('[part="attachment-icon"]')].map((icon) => [
          icon.getAttribute('data-kind'),
          icon.querySelector('text')!.textContent,
        ]);
      };
      expect(await labels('en')).to.deep.equal([
        ['XYZ', 'XYZ'],
        ['FILE', 'FILE'],
      ]);
      expect(await labels('es')).to.deep.equal([
        ['XYZ', 'XYZ'],
        ['ARCH.', 'ARCH.'],
      ]);
    });
  });

  describe('remote content', () => {
    it('blocks remote images, says how many, and shows them once when allowed', async () => {
      const namespace = `view-once-${Math.random().toString(36).slice(2, 8)}`;
      const element = await view(
        html`<mail-message-view .backend=${backend()} .message=${remoteMail(namespace)}></mail-message-view>`,
      );
      await loaded(element);
      expect(part(element, 'remote-bar')!.textContent).to.contain('1 remote item was blocked');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await probeHits(namespace)).to.deep.equal([]);
      const event = oneEvent(element, 'mail-remote-content');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[data-remote="once"]')!.click();
      expect((await event).detail.scope).to.equal('once');
      await element.updateComplete;
      await waitUntil(async () => (await probeHits(namespace)).includes('picture'), 'the allowed image never loaded');
      expect(part(element, 'remote-bar')).to.equal(null);
    });

    it('always allows a sender through the backend, and revokes it', async () => {
      const mailBackend = backend();
      const element = await view(
        html`<mail-message-view .backend=${mailBackend} .message=${remoteMail('always')}></mail-message-view>`,
      );
      await loaded(element);
      element.shadowRoot!.querySelector<HTMLButtonElement>('[data-remote="always"]')!.click();
      await waitUntil(() => part(element, 'remote-bar')?.classList.contains('trusted'));
      expect((await mailBackend.getRemoteContentPolicy({})).allowedSenders).to.include('news@remote.example');
      expect(frameOf(element).srcdoc).to.contain('img-src data: blob: https: http:');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[data-remote="revoke"]')!.click();
      await waitUntil(() => element.shadowRoot!.querySelector('[data-remote="once"]'));
      expect((await mailBackend.getRemoteContentPolicy({})).allowedSenders).not.to.include('news@remote.example');
    });

    it('loads remote content at once for a trusted sender', async () => {
      const mailBackend = backend();
      await mailBackend.allowRemoteContent({ sender: '@remote.example' });
      const element = await view(
        html`<mail-message-view .backend=${mailBackend} .message=${remoteMail('trusted')}></mail-message-view>`,
      );
      await loaded(element);
      expect(frameOf(element).srcdoc).to.contain('img-src data: blob: https: http:');
      expect(part(element, 'remote-bar')!.classList.contains('trusted')).to.equal(true);
    });
  });

  describe('events', () => {
    async function actions() {
      const element = await view(
        html`<mail-message-view .backend=${backend()} message-id=${SHOWCASE_IDS.spanish}></mail-message-view>`,
      );
      await loaded(element);
      const button = (name: string) => element.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
      return { element, button };
    }

    it('emits mail-message-load with the message', async () => {
      const element = document.createElement('mail-message-view');
      element.backend = backend();
      element.messageId = SHOWCASE_IDS.spanish;
      const event = oneEvent(element, 'mail-message-load');
      document.body.append(element);
      expect((await event).detail.message.id).to.equal(SHOWCASE_IDS.spanish);
      element.remove();
    });

    it('emits mail-reply for reply, reply all and forward', async () => {
      const { element, button } = await actions();
      for (const mode of ['reply', 'reply-all', 'forward'] as const) {
        const event = oneEvent(element, 'mail-reply');
        button(mode).click();
        const { detail } = await event;
        expect(detail.mode).to.equal(mode);
        expect(detail.message.id).to.equal(SHOWCASE_IDS.spanish);
      }
    });

    it('emits mail-link-request', async () => {
      const { element, button } = await actions();
      const event = oneEvent(element, 'mail-link-request');
      button('link').click();
      expect((await event).detail.message.id).to.equal(SHOWCASE_IDS.spanish);
    });

    it('emits cancelable mail-print and mail-view-source', async () => {
      const { element, button } = await actions();
      const printed = oneEvent(element, 'mail-print');
      element.addEventListener('mail-print', (event) => event.preventDefault(), { once: true });
      button('print').click();
      expect((await printed).cancelable).to.equal(true);
      const source = oneEvent(element, 'mail-view-source');
      element.addEventListener('mail-view-source', (event) => event.preventDefault(), { once: true });
      button('source').click();
      expect((await source).cancelable).to.equal(true);
    });

    it('shows the records the message is linked to, and unlinks one with an announcement and mail-unlinked', async () => {
      const mailBackend = backend();
      const id = SHOWCASE_IDS.inlineImage;
      await mailBackend.linkMessages({ ids: [id], objectName: 'customers', objectId: 'C001' });
      const element = await view(
        html`<mail-message-view .backend=${mailBackend} message-id=${id}></mail-message-view>`,
      );
      await loaded(element);
      await waitUntil(() => part(element, 'linked'), 'the linked line', { timeout: 4000 });
      const line = part(element, 'linked')!;
      expect(line.textContent).to.contain('Linked to').and.contain('Acme Corporation');
      await expect(element).to.be.accessible();
      const unlink = line.querySelector<HTMLButtonElement>('[part~="unlink-button"]')!;
      expect(unlink.textContent!.trim()).to.equal('Unlink');
      expect(element.shadowRoot!.getElementById(unlink.getAttribute('aria-describedby')!)!.textContent).to.equal(
        'Acme Corporation',
      );
      const event = oneEvent(element, 'mail-unlinked');
      unlink.click();
      const { detail } = await event;
      expect(detail.ids).to.deep.equal([id]);
      expect([detail.record.objectName, detail.record.objectId]).to.deep.equal(['customers', 'C001']);
      expect((await mailBackend.listMessageLinks({ id })).items).to.deep.equal([]);
      await element.updateComplete;
      expect(part(element, 'linked')).to.equal(null);
      expect(part(element, 'status')!.textContent).to.contain('Unlinked from Acme Corporation');
    });

    it('shows a link made elsewhere after refreshLinks(), in Spanish inside lang="es"', async () => {
      const mailBackend = backend();
      const id = SHOWCASE_IDS.spanish;
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="es"><mail-message-view .backend=${mailBackend} message-id=${id}></mail-message-view></div>`,
      );
      const element = wrapper.querySelector('mail-message-view')!;
      await loaded(element);
      expect(part(element, 'linked')).to.equal(null);
      await mailBackend.linkMessages({ ids: [id], objectName: 'customers', objectId: 'C001' });
      element.refreshLinks();
      await waitUntil(() => part(element, 'linked'), 'the linked line', { timeout: 4000 });
      expect(part(element, 'linked')!.textContent).to.contain('Vinculado a').and.contain('Acme Corporation');
      expect(part(element, 'linked')!.querySelector('[part~="unlink-button"]')!.textContent!.trim()).to.equal(
        'Desvincular',
      );
    });

    it('downloads the .eml source when mail-view-source is not cancelled', async () => {
      const { button } = await actions();
      const clicked: HTMLAnchorElement[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      try {
        button('source').click();
        await waitUntil(() => clicked.length === 1);
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      expect(clicked[0]!.download).to.match(/\.eml$/);
    });
  });

  describe('errors', () => {
    it('shows a not-found error with a retry, and emits mail-error', async () => {
      const element = document.createElement('mail-message-view');
      element.backend = backend();
      element.messageId = 'no-such-id';
      const event = oneEvent(element, 'mail-error');
      document.body.append(element);
      expect((await event).detail.error.code).to.equal('not-found');
      await loaded(element);
      expect(part(element, 'error')!.dataset.code).to.equal('not-found');
      expect(part(element, 'retry-button')).to.exist;
      element.remove();
    });

    it('shows a retry in place of the details when their chunk cannot be loaded, and the details on retry', async () => {
      const element = await view(
        html`<mail-message-view .message=${remoteMail('details-failure')}></mail-message-view>`,
      );
      await loaded(element);
      const extras = (element as unknown as { extras: { load: () => Promise<unknown> } }).extras;
      const load = extras.load;
      extras.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const event = oneEvent(element, 'mail-error');
      part(element, 'details-button')!.click();
      const { detail } = await event;
      expect([detail.operation, detail.error.code]).to.deep.equal(['loadExtras', 'network']);
      await waitUntil(() => part(element, 'retry-button'), 'the retry button');
      expect(part(element, 'details')).to.equal(null);
      extras.load = load;
      part(element, 'retry-button')!.click();
      await waitUntil(() => part(element, 'details'), 'the details after the retry');
      expect(part(element, 'retry-button')).to.equal(null);
    });

    it('shows a failed load of the renderer (a chunk of its own) with a retry, and renders the mail on retry', async () => {
      const element = document.createElement('mail-message-view');
      const renderer = (element as unknown as { renderer: { load: () => Promise<unknown> } }).renderer;
      const load = renderer.load;
      renderer.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      element.message = remoteMail('renderer-failure');
      const event = oneEvent(element, 'mail-error');
      document.body.append(element);
      try {
        const { detail } = await event;
        expect([detail.operation, detail.error.code]).to.deep.equal(['loadRenderer', 'network']);
        await loaded(element);
        expect(part(element, 'error')!.dataset.code).to.equal('network');
        expect(part(element, 'body')).to.equal(null);
        await expect(element).to.be.accessible();
        renderer.load = load;
        part(element, 'retry-button')!.click();
        await waitUntil(() => part(element, 'body'), 'the body after the retry', { timeout: 4000 });
        expect(part(element, 'error')).to.equal(null);
      } finally {
        element.remove();
      }
    });
  });
});

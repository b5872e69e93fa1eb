import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-composer.js';
import type { MailComposer } from './mail-composer.js';
import type { MailAddressInput } from '../mail-address-input/mail-address-input.js';
import { mentionsAttachment, ownText } from './checks.js';
import { MailError, type Draft, type UploadedAttachment } from '../../core/index.js';
import { MemoryMailBackend } from '../../mock/index.js';
import type { UploadOptions } from '../../core/backend.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

let keys = 0;
const nextKey = () => `test-${Date.now()}-${++keys}`;
const STORAGE = 'mail-elements:draft:';

interface MountOptions {
  mode?: string;
  sourceId?: string;
  draftId?: string;
  objectName?: string;
  objectId?: string;
  undoSeconds?: number;
  saveSeconds?: number;
  format?: 'html' | 'text';
  draftKey?: string;
  lang?: string;
  draft?: Draft;
  backend?: MemoryMailBackend;
  wait?: boolean;
}

async function mount(options: MountOptions = {}): Promise<MailComposer> {
  const root = await fixture(
    html`<div lang=${options.lang ?? 'en'}>
      <mail-backend-provider base-url=${API}></mail-backend-provider>
    </div>`,
  );
  const composer = document.createElement('mail-composer');
  composer.mode = (options.mode ?? 'new') as MailComposer['mode'];
  composer.sourceId = options.sourceId ?? '';
  composer.draftId = options.draftId ?? '';
  composer.objectName = options.objectName ?? '';
  composer.objectId = options.objectId ?? '';
  composer.undoSeconds = options.undoSeconds ?? 0;
  composer.saveSeconds = options.saveSeconds ?? 30;
  composer.format = options.format ?? 'html';
  composer.draftKey = options.draftKey ?? nextKey();
  if (options.draft) composer.draft = options.draft;
  if (options.backend) composer.backend = options.backend;
  root.querySelector('mail-backend-provider')!.append(composer);
  if (options.wait !== false) await ready(composer);
  return composer;
}

async function ready(composer: MailComposer): Promise<void> {
  await until(
    () =>
      !!shadow(composer, '[part="form"]') &&
      (composer.format === 'text' || !!shadow(composer, '[contenteditable="true"]')) &&
      !!addressInput(composer, 'to'),
    6000,
    'composer ready',
  );
  await composer.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const addressInput = (composer: MailComposer, field: 'to' | 'cc' | 'bcc') =>
  shadow<MailAddressInput>(composer, `mail-address-input[data-field="${field}"]`);
const body = (composer: MailComposer) => shadow(composer, '[part~="body"]')!;
const subjectField = (composer: MailComposer) => shadow<HTMLInputElement>(composer, '#subject')!;
const button = (composer: MailComposer, part: string) => shadow(composer, `[part~="${part}"]`)!;
const dialog = (composer: MailComposer) => shadow<HTMLDialogElement>(composer, 'dialog')!;
const dialogButton = (composer: MailComposer, text: string) =>
  [...dialog(composer).querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

/** Types into the body as a keyboard would: through the editing commands, with input events. */
function typeBody(composer: MailComposer, text: string): void {
  const editor = body(composer);
  if (editor instanceof HTMLTextAreaElement) {
    editor.value += text;
    editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return;
  }
  editor.focus();
  const selection = (composer.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection();
  const range = document.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
  document.execCommand('insertText', false, text);
}

function typeSubject(composer: MailComposer, text: string): void {
  const input = subjectField(composer);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Types into an address field and leaves it, which turns the text into chips. */
async function typeAddresses(composer: MailComposer, field: 'to' | 'cc' | 'bcc', text: string): Promise<void> {
  if (field !== 'to' && !addressInput(composer, field)) {
    [...shadowAll(composer, '.cc-toggles button')].find((b) => b.textContent?.trim().toLowerCase() === field)!.click();
    await until(() => !!addressInput(composer, field), 2000, field);
  }
  const host = addressInput(composer, field)!;
  const input = host.shadowRoot!.querySelector('input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  host.commit();
  await host.updateComplete;
}

const bodyText = (composer: MailComposer) =>
  body(composer) instanceof HTMLTextAreaElement
    ? (body(composer) as HTMLTextAreaElement).value
    : (body(composer).innerText ?? '');

async function messagesIn(backend: MemoryMailBackend, folderId: string) {
  return (await backend.listMessages({ folderId, limit: 200 })).items;
}

describe('<mail-composer>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE)) localStorage.removeItem(key);
  });

  describe('lazy editor', () => {
    // First in the file: once the module is loaded, the page keeps it.
    it('loads the rich editor (and DOMPurify) only when a rich body is shown', async () => {
      // The resource-timing buffer fills up with the test page's own modules: start from an empty one.
      performance.clearResourceTimings();
      const loaded = () =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('/mail-composer/rich-editor'));
      const plain = await mount({ format: 'text' });
      expect(shadow(plain, 'textarea[part~="body"]')).to.exist;
      expect(loaded(), 'plain text needs no editor').to.equal(false);
      await mount();
      expect(loaded()).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('passes axe for a new message and for a reply', async () => {
      await expect(await mount()).to.be.accessible();
      const source = (await messagesIn(backend, 'inbox'))[0]!;
      await expect(await mount({ mode: 'reply', sourceId: source.id })).to.be.accessible();
    });
    it('passes axe while loading and when the source cannot be loaded', async () => {
      backend.faults.set('prefillDraft', { latencyMs: 5000 });
      const loading = await mount({ mode: 'reply', sourceId: 'x', wait: false });
      await until(() => !!shadow(loading, '[part="loading"]'), 2000, 'loading');
      await expect(loading).to.be.accessible();
      backend.faults.set('prefillDraft', { error: 'server' });
      const failing = await mount({ mode: 'reply', sourceId: 'x', wait: false });
      await until(() => !!shadow(failing, '[part~="error"]'), 4000, 'error');
      await expect(failing).to.be.accessible();
    });
    it('passes axe with field errors, a dialog, the undo window, a send failure and once sent', async () => {
      const composer = await mount({ undoSeconds: 30 });
      await composer.send();
      expect(addressInput(composer, 'to')!.error).to.not.equal('');
      await expect(composer).to.be.accessible();
      composer.discard();
      await until(() => dialog(composer).open, 2000, 'dialog');
      await expect(composer).to.be.accessible();
      dialogButton(composer, 'Cancel').click();
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Hello');
      typeBody(composer, 'Hi');
      await composer.send();
      await until(() => !!shadow(composer, '[part="undo"]'), 2000, 'undo');
      await expect(composer).to.be.accessible();
      composer.undoSend();
      composer.undoSeconds = 0;
      backend.faults.set('sendMessage', { error: 'server', times: 1 });
      await composer.send();
      await until(() => !!shadow(composer, '[part="form"] > [part~="error"]'), 4000, 'failure');
      await expect(composer).to.be.accessible();
      button(composer, 'retry-button').click();
      await until(() => !!shadow(composer, '[part="sent"]'), 4000, 'sent');
      await expect(composer).to.be.accessible();
    });
  });

  describe('defaults and properties', () => {
    it('has documented defaults', () => {
      const composer = document.createElement('mail-composer');
      expect(composer.mode).to.equal('new');
      expect(composer.undoSeconds).to.equal(5);
      expect(composer.saveSeconds).to.equal(30);
      expect(composer.format).to.equal('html');
      expect(composer.draftKey).to.equal('');
      expect(composer.draft).to.equal(undefined);
    });

    it('reads its attributes', async () => {
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}>
          <mail-composer
            undo-seconds="0"
            save-seconds="7"
            format="text"
            draft-key="k1"
            object-name="customers"
            object-id="C-1"
          ></mail-composer>
        </mail-backend-provider>`,
      );
      const composer = root.querySelector('mail-composer')!;
      expect(composer.undoSeconds).to.equal(0);
      expect(composer.saveSeconds).to.equal(7);
      expect(composer.format).to.equal('text');
      expect(composer.draftKey).to.equal('k1');
      expect(composer.objectName).to.equal('customers');
      expect(composer.objectId).to.equal('C-1');
    });

    it('offers the account’s identities as From when there are several', async () => {
      const composer = await mount();
      await until(() => !!shadow(composer, 'select[part="from"]'), 2000, 'from');
      const options = [...shadow<HTMLSelectElement>(composer, 'select[part="from"]')!.options].map((o) =>
        o.text.trim(),
      );
      expect(options).to.deep.equal(['Dana Ortiz <dana.ortiz@example.com>', 'Soporte Example <soporte@example.com>']);
      const select = shadow<HTMLSelectElement>(composer, 'select[part="from"]')!;
      select.value = '1';
      select.dispatchEvent(new Event('change'));
      expect((await composer.getDraft()).from?.address).to.equal('soporte@example.com');
    });

    it('carries the record of object-name and object-id into the draft', async () => {
      const composer = await mount({ objectName: 'customers', objectId: 'C-7' });
      expect((await composer.getDraft()).link).to.deep.equal({ objectName: 'customers', objectId: 'C-7' });
      expect(shadow(composer, '.link-context')!.textContent).to.include('customers C-7');
    });

    it('replies: subject prefixed once, recipient, quote, In-Reply-To and References', async () => {
      const source = (await messagesIn(backend, 'inbox')).find((m) => m.from)!;
      const full = await backend.getMessage({ id: source.id });
      await backend.setFlags({ ids: [source.id], flags: {} });
      const composer = await mount({ mode: 'reply', sourceId: source.id });
      const draft = await composer.getDraft();
      expect(draft.subject).to.match(/^Re: /);
      expect(draft.subject.match(/^(re|fwd?):/gi)).to.have.length(1);
      expect(draft.to.map((a) => a.address)).to.deep.equal([(full.replyTo[0] ?? full.from)!.address]);
      expect(draft.inReplyTo).to.equal(full.messageId);
      expect(draft.references).to.include(full.messageId);
      expect(draft.sourceMode).to.equal('reply');
      expect(body(composer).querySelector('blockquote')).to.exist;
      expect(draft.text).to.include('> ');
    });

    it('replies to all without the user’s own addresses', async () => {
      const source = backend.deliver({
        from: { name: 'Ana', address: 'ana@acme.example' },
        to: [{ address: 'dana.ortiz@example.com' }, { address: 'luis@acme.example' }],
        cc: [{ address: 'soporte@example.com' }, { address: 'eva@acme.example' }],
        subject: 'RE: Re: Plan',
        text: 'Hello all',
      });
      const composer = await mount({ mode: 'reply-all', sourceId: source.id });
      const draft = await composer.getDraft();
      expect(draft.to.map((a) => a.address)).to.deep.equal(['ana@acme.example', 'luis@acme.example']);
      expect(draft.cc.map((a) => a.address)).to.deep.equal(['eva@acme.example']);
      expect(draft.subject).to.equal('Re: Plan');
      expect(shadow(composer, 'mail-address-input[data-field="cc"]')).to.exist;
    });

    it('forwards with the original’s attachments and a subject prefixed once', async () => {
      const source = (await backend.listMessages({ folderId: 'inbox', hasAttachment: true, limit: 1 })).items[0]!;
      const composer = await mount({ mode: 'forward', sourceId: source.id });
      const draft = await composer.getDraft();
      expect(draft.subject).to.match(/^Fwd: /);
      expect(draft.to).to.deep.equal([]);
      const listed = shadowAll(composer, '[part~="attachment"]');
      expect(listed.length).to.be.greaterThan(0);
      expect(draft.attachments.filter((a) => !a.inline).length).to.equal(listed.length);
      expect(draft.text).to.include('Forwarded message');
    });

    it('starts a new message at To when nothing else has the focus, and leaves a focused page alone', async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      const composer = await mount();
      const to = addressInput(composer, 'to')!.shadowRoot!.querySelector('input')!;
      await until(() => composer.shadowRoot!.activeElement === addressInput(composer, 'to'), 2000, 'the focus on To');
      expect(addressInput(composer, 'to')!.shadowRoot!.activeElement).to.equal(to);
      const outside = document.createElement('input');
      document.body.append(outside);
      outside.focus();
      const other = await mount();
      expect(document.activeElement).to.equal(outside);
      expect(other.shadowRoot!.activeElement).to.equal(null);
      outside.remove();
    });

    it('opens a saved draft by draft-id, and starts from a draft property', async () => {
      const saved = await backend.saveDraft({
        to: [{ name: 'Ana', address: 'ana@acme.example' }],
        cc: [],
        bcc: [],
        subject: 'Saved one',
        text: 'Body of the saved draft',
        attachments: [],
      });
      const opened = await mount({ draftId: saved.id });
      expect(subjectField(opened).value).to.equal('Saved one');
      expect(bodyText(opened)).to.include('Body of the saved draft');
      expect(addressInput(opened, 'to')!.value).to.deep.equal([{ name: 'Ana', address: 'ana@acme.example' }]);
      const given = await mount({
        draft: {
          to: [],
          cc: [{ address: 'c@x.example' }],
          bcc: [],
          subject: 'Given',
          html: '<p><b>Bold</b> start</p>',
          attachments: [],
        },
      });
      expect(subjectField(given).value).to.equal('Given');
      expect(addressInput(given, 'cc')!.value).to.deep.equal([{ address: 'c@x.example' }]);
      expect(body(given).querySelector('b')!.textContent).to.equal('Bold');
    });

    it('titles a draft by what it was begun as, whatever its mode', async () => {
      const start = { to: [], cc: [], bcc: [], subject: 'Re: Plan', text: 'Answer', attachments: [] };
      const reply = await mount({ draft: { ...start, sourceId: 'm-1', sourceMode: 'reply' } });
      expect(shadow(reply, '[part="title"]')!.textContent).to.equal('Reply');
      expect(shadow(reply, '[part="form"]')!.getAttribute('aria-label')).to.equal('Reply');
      const forward = await mount({ draft: { ...start, sourceId: 'm-1', sourceMode: 'forward' } });
      expect(shadow(forward, '[part="title"]')!.textContent).to.equal('Forward');
      const fresh = await mount({ draft: start });
      expect(shadow(fresh, '[part="title"]')!.textContent).to.equal('New message');
    });

    it('never puts script or event handlers from a draft in the editor, and sends sanitized HTML', async () => {
      const composer = await mount({
        draft: {
          to: [{ address: 'a@x.example' }],
          cc: [],
          bcc: [],
          subject: 'x',
          html: '<p onclick="alert(1)">Hi<img src="x" onerror="alert(2)"><script>alert(3)</script><a href="javascript:alert(4)">l</a></p>',
          attachments: [],
        },
      });
      expect(body(composer).innerHTML).to.not.match(/onclick|onerror|<script|javascript:/i);
      const draft = await composer.getDraft();
      expect(draft.html).to.not.match(/onclick|onerror|<script|javascript:/i);
      expect(draft.text).to.equal('Hi l');
    });

    it('writes a plain-text body in text format, and asks before dropping formatting', async () => {
      const composer = await mount({
        draft: { to: [], cc: [], bcc: [], subject: '', html: '<p><b>Strong</b> words</p>', attachments: [] },
      });
      [...shadowAll(composer, '[part~="tool"]')].at(-1)!.click();
      await until(() => dialog(composer).open, 2000, 'plain dialog');
      dialogButton(composer, 'Switch to plain text').click();
      await until(() => composer.format === 'text' && !!shadow(composer, 'textarea[part~="body"]'), 2000, 'text');
      expect((body(composer) as HTMLTextAreaElement).value).to.equal('Strong words');
      typeBody(composer, '\nMore');
      const draft = await composer.getDraft();
      expect(draft.html).to.equal(undefined);
      expect(draft.text).to.equal('Strong words\nMore');
    });
  });

  describe('rich text', () => {
    it('formats the selection from the toolbar and shows the pressed state', async () => {
      const composer = await mount();
      typeBody(composer, 'make me bold');
      const editor = body(composer);
      const selection = (composer.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection();
      const range = document.createRange();
      range.selectNodeContents(editor);
      selection.removeAllRanges();
      selection.addRange(range);
      const bold = shadowAll(composer, '[part~="tool"]').find((b) => b.getAttribute('aria-label') === 'Bold')!;
      bold.click();
      await composer.updateComplete;
      expect(editor.querySelector('b')?.textContent).to.equal('make me bold');
      expect(bold.getAttribute('aria-pressed')).to.equal('true');
      const bullets = shadowAll(composer, '[part~="tool"]').find(
        (b) => b.getAttribute('aria-label') === 'Bulleted list',
      )!;
      bullets.click();
      expect(editor.querySelector('ul li')).to.exist;
      expect((await composer.getDraft()).text).to.equal('- make me bold');
    });

    it('inserts a link after checking the address at the field', async () => {
      const composer = await mount();
      typeBody(composer, 'see ');
      const link = shadowAll(composer, '[part~="tool"]').find((b) => b.getAttribute('aria-label') === 'Insert link')!;
      link.click();
      await until(() => dialog(composer).open, 2000, 'link dialog');
      const url = dialog(composer).querySelector<HTMLInputElement>('#link-url')!;
      url.value = 'not a url';
      url.dispatchEvent(new Event('input'));
      await composer.updateComplete;
      dialogButton(composer, 'Insert').click();
      await composer.updateComplete;
      expect(dialog(composer).querySelector('[part="field-error"]')!.textContent).to.include('https://');
      expect(dialog(composer).querySelector('#link-url')!.getAttribute('aria-invalid')).to.equal('true');
      const again = dialog(composer).querySelector<HTMLInputElement>('#link-url')!;
      again.value = 'example.org/docs';
      again.dispatchEvent(new Event('input'));
      await composer.updateComplete;
      const text = dialog(composer).querySelector<HTMLInputElement>('#link-text')!;
      text.value = 'the docs';
      text.dispatchEvent(new Event('input'));
      await composer.updateComplete;
      dialogButton(composer, 'Insert').click();
      await composer.updateComplete;
      // A bare host name is not a URL; a www-less host without scheme is refused, so use what the user meant:
      expect(dialog(composer).open).to.equal(true);
      again.value = 'https://example.org/docs';
      again.dispatchEvent(new Event('input'));
      await composer.updateComplete;
      dialogButton(composer, 'Insert').click();
      await until(() => !!body(composer).querySelector('a'), 2000, 'link');
      const anchor = body(composer).querySelector('a')!;
      expect(anchor.getAttribute('href')).to.equal('https://example.org/docs');
      expect(anchor.textContent).to.equal('the docs');
      expect((await composer.getDraft()).text).to.include('the docs <https://example.org/docs>');
    });

    it('cleans HTML pasted from Word and web pages', async () => {
      const composer = await mount();
      body(composer).focus();
      const data = new DataTransfer();
      data.setData(
        'text/html',
        `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{color:red}</style></head><body>
        <!--StartFragment--><p class="MsoNormal" style="mso-line-height-alt:12pt"><b>Quarterly</b> <span style="font-style:italic">report</span><o:p></o:p></p>
        <p onclick="steal()"><img src="javascript:alert(1)" onerror="x()"><script>evil()</script>Thanks</p><!--EndFragment--></body></html>`,
      );
      data.setData('text/plain', 'Quarterly report Thanks');
      body(composer).dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
      const pasted = body(composer).innerHTML;
      expect(pasted).to.include('<b>Quarterly</b>');
      expect(pasted).to.include('<i>report</i>');
      expect(pasted).to.not.match(
        /MsoNormal|mso-|style=|class=|<o:p|onclick|onerror|<script|evil|color:red|javascript:/i,
      );
      expect(body(composer).textContent).to.include('Thanks');
    });

    it('turns an image pasted into the body into a cid: inline part', async () => {
      const composer = await mount({ undoSeconds: 0 });
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Picture');
      body(composer).focus();
      const png = Uint8Array.from(
        atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
        (c) => c.charCodeAt(0),
      );
      const data = new DataTransfer();
      data.items.add(new File([png], 'dot.png', { type: 'image/png' }));
      body(composer).dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
      await until(() => !!body(composer).querySelector('img[data-cid]'), 2000, 'image');
      expect(body(composer).querySelector('img')!.getAttribute('src')).to.match(/^blob:/);
      await until(() => !shadowAll(composer, '[part~="attachment"]').length, 4000, 'inline upload done');
      const draft = await composer.getDraft();
      const inline = draft.attachments.find((a) => a.inline)!;
      expect(inline.contentId).to.be.a('string');
      expect(draft.html).to.include(`src="cid:${inline.contentId}"`);
      expect(draft.html).to.not.include('blob:');
      setTimeout(() => void composer.send());
      const sent = await oneEvent(composer, 'mail-sent');
      const copy = await backend.getMessage({ id: sent.detail.result.sentId! });
      expect(copy.attachments.find((a) => a.contentId === inline.contentId)?.inline).to.equal(true);
    });
  });

  describe('drafts', () => {
    it('keeps what is typed on this device within 3 seconds', async () => {
      const composer = await mount({ draftKey: 'quick' });
      typeSubject(composer, 'Quick one');
      const started = performance.now();
      await until(() => (localStorage.getItem(`${STORAGE}quick`) ?? '').includes('Quick one'), 3000, 'local save');
      expect(performance.now() - started).to.be.lessThan(3000);
      expect(shadow(composer, '[part="status"]')!.textContent).to.include('Saved on this device');
    });

    it('finds every character again after the network is cut and the page reloads', async () => {
      const key = nextKey();
      const first = await mount({ draftKey: key });
      const subject = 'Presupuesto ñandú — “quotes” <b>not html</b> & 100 % 😀';
      const text = 'Línea uno\n\tTabulada & <script>x</script> 𝄞 end';
      await typeAddresses(first, 'to', 'Ana García <ana@acme.example>, "Doe, John" <john@x.example>, not-an-address');
      await typeAddresses(first, 'cc', 'copy@acme.example');
      typeSubject(first, subject);
      typeBody(first, text);
      await until(() => (localStorage.getItem(`${STORAGE}${key}`) ?? '').includes('Tabulada'), 3000, 'local save');
      // The network goes; closing the page tries the server and fails.
      backend.faults.set('saveDraft', { error: 'offline' });
      backend.faults.set('deleteDraft', { error: 'offline' });
      const failed = new Promise((resolve) =>
        first.addEventListener('mail-error', (event) => resolve(event.detail.operation), { once: true }),
      );
      first.parentElement!.parentElement!.remove();
      expect(await failed).to.equal('saveDraft');
      expect((await messagesIn(backend, 'drafts')).some((m) => m.subject === subject)).to.equal(false);
      // "Reloaded": a new composer with the same key.
      const second = await mount({ draftKey: key });
      await until(() => !!shadow(second, '[part="restore"]'), 2000, 'offer');
      expect(shadow(second, '[part="restore"]')!.getAttribute('role')).to.equal('status');
      await expect(second).to.be.accessible();
      shadow<HTMLButtonElement>(second, '[part~="restore-button"]')!.click();
      await until(() => subjectField(second).value === subject, 3000, 'restored');
      expect(bodyText(second)).to.equal(text);
      expect(body(second).querySelector('script')).to.equal(null);
      expect(addressInput(second, 'to')!.allEntries.map((entry) => entry.text)).to.deep.equal([
        '"Ana García" <ana@acme.example>',
        '"Doe, John" <john@x.example>',
        'not-an-address',
      ]);
      expect(addressInput(second, 'to')!.invalid).to.deep.equal(['not-an-address']);
      expect(addressInput(second, 'cc')!.value).to.deep.equal([{ address: 'copy@acme.example' }]);
      // What the recipient's reader shows keeps the tab too.
      expect((await second.getDraft()).html).to.include('&nbsp;&nbsp;&nbsp;&nbsp;Tabulada');
    });

    it('can decline the offered draft, which then goes', async () => {
      const key = nextKey();
      const first = await mount({ draftKey: key });
      typeSubject(first, 'Old');
      await until(() => !!localStorage.getItem(`${STORAGE}${key}`), 3000, 'local');
      first.parentElement!.parentElement!.remove();
      const second = await mount({ draftKey: key });
      await until(() => !!shadow(second, '[part="restore"]'), 2000, 'offer');
      [...shadowAll(second, '[part="restore"] button')].find((b) => b.textContent?.includes('Delete it'))!.click();
      await second.updateComplete;
      expect(shadow(second, '[part="restore"]')).to.equal(null);
      expect(localStorage.getItem(`${STORAGE}${key}`)).to.equal(null);
    });

    it('saves to the backend every save-seconds and says so', async () => {
      const composer = await mount({ saveSeconds: 1 });
      typeSubject(composer, 'Periodic');
      const event = await oneEvent(composer, 'mail-draft-saved');
      expect(event.detail.saved.id).to.be.a('string');
      const drafts = await messagesIn(backend, 'drafts');
      expect(drafts.filter((m) => m.subject === 'Periodic')).to.have.length(1);
      await composer.updateComplete;
      expect(shadow(composer, '[part="status"]')!.textContent).to.include('Draft saved');
      // The next save replaces that draft instead of adding one.
      typeSubject(composer, 'Periodic 2');
      await oneEvent(composer, 'mail-draft-saved');
      const after = await messagesIn(backend, 'drafts');
      expect(after.filter((m) => m.subject.startsWith('Periodic'))).to.have.length(1);
    });

    it('saves on close and tells the host', async () => {
      const key = nextKey();
      const composer = await mount({ draftKey: key });
      typeSubject(composer, 'Closing');
      setTimeout(() => button(composer, 'close-button').click());
      const event = await oneEvent(composer, 'mail-compose-close');
      expect(event.detail.draftId).to.be.a('string');
      expect((await backend.getDraft({ id: event.detail.draftId! })).subject).to.equal('Closing');
      expect(localStorage.getItem(`${STORAGE}${key}`)).to.equal(null);
    });

    it('saves to the backend when removed from the page', async () => {
      const composer = await mount();
      typeSubject(composer, 'Removed');
      composer.remove();
      const saved = new Promise<void>((resolve) => {
        const check = async () => {
          if ((await messagesIn(backend, 'drafts')).some((m) => m.subject === 'Removed')) resolve();
          else setTimeout(check, 20);
        };
        void check();
      });
      await saved;
    });

    it('starts a new draft when the host reuses it for another start, and keeps the one being written', async () => {
      const source = (await messagesIn(backend, 'inbox')).find((m) => m.from)!;
      const composer = await mount({ mode: 'reply', sourceId: source.id });
      typeBody(composer, 'REPLYTEXT111');
      // The host turns the same element into a forward while the reply is still open.
      composer.mode = 'forward';
      await until(() => !!subjectField(composer)?.value.startsWith('Fwd:'), 3000, 'the forward');
      await ready(composer);
      expect(bodyText(composer)).not.to.include('REPLYTEXT111');
      typeBody(composer, 'FWDTEXT222');
      setTimeout(() => button(composer, 'close-button').click());
      await oneEvent(composer, 'mail-compose-close');
      const drafts = await messagesIn(backend, 'drafts');
      const reply = drafts.find((m) => m.subject.startsWith('Re:'))!;
      const forward = drafts.find((m) => m.subject.startsWith('Fwd:'))!;
      expect((await backend.getDraft({ id: reply.id })).text).to.include('REPLYTEXT111');
      expect((await backend.getDraft({ id: forward.id })).text).to.include('FWDTEXT222');
    });

    it('never gives a new start the id of a draft whose save was still on its way', async () => {
      const source = (await messagesIn(backend, 'inbox')).find((m) => m.from)!;
      const composer = await mount({ mode: 'reply', sourceId: source.id });
      typeBody(composer, 'REPLYTEXT111');
      backend.faults.set('saveDraft', { latencyMs: 600 });
      void composer.saveDraft();
      composer.mode = 'forward';
      await until(() => !!subjectField(composer)?.value.startsWith('Fwd:'), 3000, 'the forward');
      await ready(composer);
      await new Promise((resolve) => setTimeout(resolve, 800));
      backend.faults.clear();
      typeBody(composer, 'FWDTEXT222');
      setTimeout(() => button(composer, 'close-button').click());
      const closed = await oneEvent(composer, 'mail-compose-close');
      const drafts = await messagesIn(backend, 'drafts');
      expect(
        drafts
          .filter((m) => /^(Re|Fwd):/.test(m.subject))
          .map((m) => m.subject.slice(0, 4))
          .sort(),
      ).to.deep.equal(['Fwd:', 'Re: ']);
      expect((await backend.getDraft({ id: closed.detail.draftId! })).subject).to.match(/^Fwd:/);
    });

    it('keeps separate copies on this device for a reply and a forward of the same message', async () => {
      const source = (await messagesIn(backend, 'inbox')).find((m) => m.from)!;
      const composer = await mount({ mode: 'reply', sourceId: source.id, draftKey: '' });
      typeBody(composer, 'REPLYTEXT111');
      composer.mode = 'forward';
      await until(() => !!subjectField(composer)?.value.startsWith('Fwd:'), 3000, 'the forward');
      await ready(composer);
      typeBody(composer, 'FWDTEXT222');
      await until(() => !!localStorage.getItem(`${STORAGE}forward-${source.id}`), 3000, 'the forward copy');
      expect(localStorage.getItem(`${STORAGE}reply-${source.id}`)).to.include('REPLYTEXT111');
      expect(localStorage.getItem(`${STORAGE}forward-${source.id}`)).to.include('FWDTEXT222');
      expect(localStorage.getItem(`${STORAGE}forward-${source.id}`)).not.to.include('REPLYTEXT111');
    });

    it('asks before discarding, in an accessible dialog', async () => {
      const key = nextKey();
      const composer = await mount({ draftKey: key, saveSeconds: 1 });
      typeSubject(composer, 'To be discarded');
      const saved = await oneEvent(composer, 'mail-draft-saved');
      button(composer, 'discard-button').click();
      await until(() => dialog(composer).open, 2000, 'dialog');
      expect(dialog(composer).getAttribute('aria-labelledby')).to.equal('dialog-title');
      expect(composer.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Cancel');
      dialogButton(composer, 'Cancel').click();
      expect(dialog(composer).open).to.equal(false);
      expect(subjectField(composer).value).to.equal('To be discarded');
      button(composer, 'discard-button').click();
      await until(() => dialog(composer).open, 2000, 'dialog again');
      setTimeout(() => dialogButton(composer, 'Discard').click());
      const event = await oneEvent(composer, 'mail-discard');
      expect(event.detail.draftId).to.equal(saved.detail.saved.id);
      expect(localStorage.getItem(`${STORAGE}${key}`)).to.equal(null);
      let gone = false;
      try {
        await backend.getDraft({ id: saved.detail.saved.id });
      } catch (error) {
        gone = (error as MailError).code === 'not-found';
      }
      expect(gone).to.equal(true);
    });
  });

  describe('sending', () => {
    it('refuses to send without a recipient, with the reason at the field', async () => {
      const composer = await mount();
      typeSubject(composer, 'Nobody');
      let sent = false;
      composer.addEventListener('mail-before-send', () => (sent = true));
      await composer.send();
      expect(sent).to.equal(false);
      const to = addressInput(composer, 'to')!;
      expect(to.error).to.equal('Add at least one recipient.');
      const input = to.shadowRoot!.querySelector('input')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(to.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent).to.include(
        'Add at least one recipient.',
      );
    });

    it('refuses addresses it cannot read', async () => {
      const composer = await mount();
      await typeAddresses(composer, 'to', 'good@acme.example, bad@@example');
      await composer.send();
      expect(addressInput(composer, 'to')!.error).to.include('Correct or remove');
      expect(shadow(composer, '[part="undo"]')).to.equal(null);
    });

    it('refuses a subject with a line break at the field, and never sends it to the server', async () => {
      const composer = await mount({
        draft: {
          to: [{ address: 'a@x.example' }],
          cc: [],
          bcc: [],
          subject: 'Hi\r\nBcc: victim@x.example',
          attachments: [],
        },
      });
      await composer.send();
      expect(shadow(composer, '#subject-error')!.textContent).to.equal('Line breaks are not allowed here.');
      expect(subjectField(composer).getAttribute('aria-invalid')).to.equal('true');
      const saved = await composer.saveDraft();
      expect((await backend.getDraft({ id: saved!.id })).subject).to.equal('Hi Bcc: victim@x.example');
    });

    it('warns about an empty subject and a missing attachment, and sends anyway when asked', async () => {
      const composer = await mount();
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeBody(composer, 'Te envío el presupuesto adjunto.');
      await composer.send();
      await until(() => dialog(composer).open, 2000, 'checks');
      const warnings = [...dialog(composer).querySelectorAll('li')].map((li) => li.textContent?.trim());
      expect(warnings).to.deep.equal([
        'The message has no subject.',
        'The message mentions an attachment, but nothing is attached.',
      ]);
      dialogButton(composer, 'Keep editing').click();
      expect(shadow(composer, '[part="undo"]')).to.equal(null);
      await composer.send();
      await until(() => dialog(composer).open, 2000, 'checks again');
      setTimeout(() => dialogButton(composer, 'Send anyway').click());
      await oneEvent(composer, 'mail-sent');
    });

    it('finds attachment words in the user’s own text only', () => {
      expect(mentionsAttachment('', 'Please find attached the report')).to.equal(true);
      expect(mentionsAttachment('Adjunto factura', '')).to.equal(true);
      expect(mentionsAttachment('', 'Os mando los adjuntos')).to.equal(true);
      expect(mentionsAttachment('', 'Thanks!\n\nOn Mon, Ana wrote:\n> see the attached file')).to.equal(false);
      expect(mentionsAttachment('', 'Detached house')).to.equal(false);
      expect(ownText('Hi\n\n---------- Forwarded message ---------\nattached')).to.equal('Hi\n');
    });

    it('waits undo-seconds, and Undo returns to editing without sending', async () => {
      const composer = await mount({ undoSeconds: 2 });
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Undo me');
      typeBody(composer, 'text');
      const before = (await messagesIn(backend, 'sent')).length;
      await composer.send();
      await until(() => !!shadow(composer, '[part="undo"]'), 2000, 'undo bar');
      expect(shadow(composer, '[part="undo"]')!.textContent).to.include('Sending in 2 seconds.');
      expect(shadow(composer, '[part="form"]')!.hasAttribute('inert')).to.equal(true);
      expect(composer.shadowRoot!.activeElement).to.equal(button(composer, 'undo-button'));
      button(composer, 'undo-button').click();
      await composer.updateComplete;
      expect(shadow(composer, '[part="undo"]')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 2300));
      expect((await messagesIn(backend, 'sent')).length).to.equal(before);
      expect(subjectField(composer).value).to.equal('Undo me');
      // Without undo, it goes.
      await composer.send();
      const sent = await oneEvent(composer, 'mail-sent');
      expect(sent.detail.draft.subject).to.equal('Undo me');
      expect((await messagesIn(backend, 'sent')).length).to.equal(before + 1);
    });

    it('sends at once with undo-seconds 0, links the sent mail, and forgets the local draft', async () => {
      const key = nextKey();
      const composer = await mount({ undoSeconds: 0, draftKey: key, objectName: 'customers', objectId: 'C-1' });
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Now');
      typeBody(composer, 'Body');
      await until(() => !!localStorage.getItem(`${STORAGE}${key}`), 3000, 'local');
      setTimeout(() => void composer.send());
      const event = await oneEvent(composer, 'mail-sent');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.result.messageId).to.match(/^</);
      expect(event.detail.draft.link).to.deep.equal({ objectName: 'customers', objectId: 'C-1' });
      expect((await backend.listMessageLinks({ id: event.detail.result.sentId! })).items[0]?.objectId).to.equal('C-1');
      expect(localStorage.getItem(`${STORAGE}${key}`)).to.equal(null);
      await composer.updateComplete;
      expect(shadow(composer, '[part="sent"]')!.textContent).to.include('Message sent.');
    });

    it('lets the host veto a send with mail-before-send', async () => {
      const composer = await mount();
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Vetoed');
      composer.addEventListener('mail-before-send', (event) => event.preventDefault(), { once: true });
      const before = (await messagesIn(backend, 'sent')).length;
      await composer.send();
      expect((await messagesIn(backend, 'sent')).length).to.equal(before);
      expect(shadow(composer, '[part="form"]')).to.exist;
    });

    it('sends with Ctrl+Enter', async () => {
      const composer = await mount();
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Keyboard');
      setTimeout(() =>
        subjectField(composer).dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
        ),
      );
      await oneEvent(composer, 'mail-sent');
    });
  });

  describe('send failures', () => {
    it('keeps the draft, says why, and retries', async () => {
      const key = nextKey();
      const composer = await mount({ draftKey: key });
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Flaky');
      typeBody(composer, 'Important words');
      backend.faults.set('sendMessage', { error: 'offline', times: 1 });
      const errors: string[] = [];
      composer.addEventListener('mail-error', (event) => errors.push(event.detail.operation));
      await composer.send();
      await until(() => !!shadow(composer, '[part="form"] > [part~="error"]'), 4000, 'failure');
      const failure = shadow(composer, '[part="form"] > [part~="error"]')!;
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(failure.textContent).to.include('your draft is kept');
      expect(errors).to.include('sendMessage');
      expect(subjectField(composer).value).to.equal('Flaky');
      expect(bodyText(composer)).to.equal('Important words');
      expect(localStorage.getItem(`${STORAGE}${key}`)).to.include('Important words');
      expect(composer.shadowRoot!.activeElement).to.equal(button(composer, 'retry-button'));
      setTimeout(() => button(composer, 'retry-button').click());
      await oneEvent(composer, 'mail-sent');
    });

    it('asks to authorize again when the account is unauthorized', async () => {
      const composer = await mount();
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Auth');
      backend.faults.set('sendMessage', { error: 'unauthorized' });
      await composer.send();
      await until(() => !!shadow(composer, '[part="form"] > [part~="error"]'), 4000, 'failure');
      expect(shadow(composer, '[part="form"] > [part~="error"]')!.textContent).to.include('authorized again');
      const authorize = [...shadowAll(composer, '[part="form"] > [part~="error"] button')].find((b) =>
        b.textContent?.includes('Authorize again'),
      )!;
      setTimeout(() => authorize.click());
      const request = await oneEvent(composer, 'mail-authorize-request');
      expect(request.detail.operation).to.equal('sendMessage');
    });

    it('shows a rejected recipient at its field, and a message too large', async () => {
      class Rejecting extends MemoryMailBackend {
        reason: 'recipient' | 'size' = 'recipient';
        override sendMessage(): Promise<never> {
          return Promise.reject(
            this.reason === 'recipient'
              ? new MailError('validation', 'rejected', {
                  issues: [{ path: ['draft', 'to', 0], message: '550 5.1.1 ana@acme.example: mailbox unavailable' }],
                })
              : new MailError('validation', 'size', {
                  issues: [{ path: ['draft', 'attachments'], message: 'The server accepts at most 25 MB.' }],
                }),
          );
        }
      }
      const own = new Rejecting({ messages: 5 });
      const composer = await mount({ backend: own });
      await typeAddresses(composer, 'to', 'ana@acme.example');
      typeSubject(composer, 'Rejected');
      await composer.send();
      await until(() => !!shadow(composer, '[part="form"] > [part~="error"]'), 4000, 'failure');
      expect(shadow(composer, '[part="form"] > [part~="error"]')!.textContent).to.include('A recipient was rejected');
      expect(addressInput(composer, 'to')!.error).to.include('mailbox unavailable');
      own.reason = 'size';
      button(composer, 'retry-button').click();
      await until(
        () => !!shadow(composer, '[part="form"] > [part~="error"]')?.textContent?.includes('too large'),
        4000,
        'too large',
      );
      expect(shadow(composer, '.attachments-area [part="field-error"]')!.textContent).to.include('at most 25 MB');
    });
  });

  describe('attachments', () => {
    class SlowUploads extends MemoryMailBackend {
      progress: ((loaded: number) => void) | undefined;
      finish: (() => void) | undefined;
      aborted = false;
      maxAttachment = 25 * 1024 * 1024;
      override async getCapabilities() {
        return { ...(await super.getCapabilities()), maxAttachmentBytes: this.maxAttachment };
      }
      override uploadAttachment(
        input: { file: Blob; filename?: string },
        options: UploadOptions = {},
      ): Promise<UploadedAttachment> {
        return new Promise((resolve, reject) => {
          options.signal?.addEventListener('abort', () => {
            this.aborted = true;
            reject(new MailError('aborted', 'cancelled'));
          });
          this.progress = (loaded) => options.onProgress?.({ loaded, total: input.file.size });
          this.finish = () => void super.uploadAttachment(input).then(resolve, reject);
        });
      }
    }

    it('shows upload progress per file, and finishes', async () => {
      const own = new SlowUploads({ messages: 5 });
      const composer = await mount({ backend: own });
      void composer.addFiles([new File([new Uint8Array(1000)], 'report.pdf', { type: 'application/pdf' })]);
      await until(() => !!own.progress, 2000, 'upload started');
      own.progress!(500);
      await composer.updateComplete;
      const bar = shadow<HTMLProgressElement>(composer, '[part="progress"]')!;
      expect(bar.value).to.equal(50);
      expect(bar.getAttribute('aria-label')).to.equal('Uploading report.pdf: 50%');
      await expect(composer).to.be.accessible();
      own.finish!();
      await until(() => !shadow(composer, '[part="progress"]'), 2000, 'done');
      const draft = await composer.getDraft();
      expect(draft.attachments.map((a) => a.filename)).to.deep.equal(['report.pdf']);
    });

    it('cancels an upload', async () => {
      const own = new SlowUploads({ messages: 5 });
      const composer = await mount({ backend: own });
      void composer.addFiles([new File(['x'], 'big.bin')]);
      await until(() => !!own.progress, 2000, 'upload started');
      const cancel = shadow(composer, '[part~="attachment-remove"]')!;
      expect(cancel.getAttribute('aria-label')).to.equal('Cancel upload of big.bin');
      cancel.click();
      await composer.updateComplete;
      expect(own.aborted).to.equal(true);
      expect(shadowAll(composer, '[part~="attachment"]')).to.have.length(0);
      expect((await composer.getDraft()).attachments).to.deep.equal([]);
    });

    it('refuses a file over the backend’s limit with a clear message', async () => {
      const own = new SlowUploads({ messages: 5 });
      own.maxAttachment = 10;
      const composer = await mount({ backend: own });
      await composer.addFiles([new File([new Uint8Array(2000)], 'huge.iso')]);
      await composer.updateComplete;
      const item = shadow(composer, '[part~="attachment"]')!;
      expect(item.getAttribute('part')).to.equal('attachment failed');
      expect(item.textContent).to.include('This file is 2 kB; attachments can be at most 10 B');
      expect(own.progress).to.equal(undefined);
      await composer.send();
      expect((await composer.getDraft()).attachments).to.deep.equal([]);
    });

    it('uploads through the HTTP backend, and removes an attachment', async () => {
      const composer = await mount();
      await composer.addFiles([new File(['hello'], 'hello.txt', { type: 'text/plain' })]);
      await until(() => shadow(composer, '[part~="attachment"]')?.dataset.status === 'done', 4000, 'uploaded');
      expect((await composer.getDraft()).attachments[0]!.filename).to.equal('hello.txt');
      shadow(composer, '[part~="attachment-remove"]')!.click();
      await composer.updateComplete;
      expect((await composer.getDraft()).attachments).to.deep.equal([]);
    });

    it('says why an upload failed and retries it', async () => {
      backend.faults.set('uploadAttachment', { error: 'server', times: 1 });
      const composer = await mount();
      await composer.addFiles([new File(['hello'], 'again.txt', { type: 'text/plain' })]);
      await until(() => shadow(composer, '[part~="attachment"]')?.dataset.status === 'failed', 4000, 'failed');
      expect(shadow(composer, '[part~="attachment"]')!.textContent).to.include('The mail server had a problem.');
      shadow(composer, '[part~="attachment"] button[aria-label="Upload again.txt again"]')!.click();
      await until(() => shadow(composer, '[part~="attachment"]')?.dataset.status === 'done', 4000, 'retried');
    });
  });

  describe('language', () => {
    it('speaks Spanish', async () => {
      const composer = await mount({ lang: 'es' });
      expect(shadow(composer, '[part="title"]')!.textContent).to.equal('Mensaje nuevo');
      expect(button(composer, 'send-button').textContent).to.include('Enviar');
      expect(shadow(composer, 'label[for="subject"]')!.textContent).to.equal('Asunto');
      await composer.send();
      expect(addressInput(composer, 'to')!.error).to.equal('Añada al menos un destinatario.');
      await expect(composer).to.be.accessible();
    });
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-record-picker.js';
import type { MailRecordPicker } from './mail-record-picker.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(lang = 'en', objectName = ''): Promise<MailRecordPicker> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}>
        <mail-record-picker search-delay="0" object-name=${objectName}></mail-record-picker>
      </mail-backend-provider>
    </div>`,
  );
  return root.querySelector('mail-record-picker')!;
}

async function openWith(picker: MailRecordPicker, ids: string[]): Promise<void> {
  picker.show(ids);
  await until(
    () => options(picker).length > 0 || !!shadow(picker, '[part~="empty"], [part~="error"]'),
    4000,
    'results',
  );
}

const combobox = (picker: MailRecordPicker) => shadow<HTMLInputElement>(picker, '[role="combobox"]')!;
const options = (picker: MailRecordPicker) => shadowAll(picker, '[role="option"]');
const press = (picker: MailRecordPicker, key: string, init: KeyboardEventInit = {}) =>
  combobox(picker).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
async function search(picker: MailRecordPicker, text: string): Promise<void> {
  combobox(picker).value = text;
  combobox(picker).dispatchEvent(new Event('input'));
  await until(
    () =>
      options(picker).every((o) => o.textContent!.toLowerCase().includes(text.toLowerCase())) &&
      !picker.shadowRoot!.querySelector('[aria-busy="true"]'),
    3000,
    `results for ${text}`,
  );
}

describe('<mail-record-picker>', () => {
  let backend: MemoryMailBackend;
  let inboxIds: string[];
  beforeEach(async () => {
    backend = await useMockApi();
    inboxIds = (await backend.listMessages({ folderId: 'inbox', limit: 5 })).items.map((m) => m.id);
  });

  describe('accessibility', () => {
    it('passes axe when open with results', async () => {
      const picker = await mount();
      await openWith(picker, inboxIds.slice(0, 2));
      await expect(picker).to.be.accessible();
    });
    it('passes axe with no results', async () => {
      const picker = await mount();
      await openWith(picker, inboxIds.slice(0, 1));
      await search(picker, 'zz-nobody-zz');
      await until(() => !!shadow(picker, '[part~="empty"]'), 2000, 'empty');
      await expect(picker).to.be.accessible();
    });
    it('passes axe while searching', async () => {
      backend.faults.set('searchRecords', { latencyMs: 5000 });
      const picker = await mount();
      picker.show(inboxIds.slice(0, 1));
      await until(() => !!shadow(picker, '[aria-busy="true"]'), 2000, 'searching');
      await expect(picker).to.be.accessible();
    });
    it('passes axe when the search fails', async () => {
      backend.faults.set('searchRecords', { error: 'network' });
      const picker = await mount();
      await openWith(picker, inboxIds.slice(0, 1));
      expect(shadow(picker, '[part~="error"]')).to.exist;
      await expect(picker).to.be.accessible();
    });
  });

  it('is closed with no messages by default', async () => {
    const picker = await mount();
    expect(picker.open).to.equal(false);
    expect(picker.messageIds).to.deep.equal([]);
    expect(shadow<HTMLDialogElement>(picker, 'dialog')!.open).to.equal(false);
  });

  it('opens as a modal dialog with the combobox focused and lists only configured objects’ records', async () => {
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 2));
    expect(shadow<HTMLDialogElement>(picker, 'dialog')!.open).to.equal(true);
    expect(picker.hasAttribute('open')).to.equal(true);
    expect(picker.shadowRoot!.activeElement).to.equal(combobox(picker));
    expect(shadow(picker, 'p.hint')!.textContent).to.include('link 2 mails');
    expect(options(picker).length).to.be.greaterThan(0);
    // Only customers have a link configuration in the seed.
    expect(options(picker).every((o) => o.dataset.object === 'customers')).to.equal(true);
  });

  it('searches records by name, code or address through the backend', async () => {
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 1));
    await search(picker, 'acme');
    expect(options(picker).map((o) => o.dataset.id)).to.include.members(['C001', 'C002', 'C003']);
    await search(picker, 'pedro.alvarez84');
    expect(options(picker).map((o) => o.dataset.id)).to.deep.equal(['C027']);
  });

  it('offers every configured object when several configurations exist', async () => {
    await backend.saveLinkConfig({
      objectName: 'suppliers',
      primaryKey: 'SupplierId',
      emailField: 'Email',
      filterByDomain: false,
      ignoredDomains: [],
      folderPath: '/srv/mail/suppliers',
    });
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 1));
    await search(picker, 'gmail.com');
    const objects = new Set(options(picker).map((o) => o.dataset.object));
    expect([...objects]).to.have.members(['customers', 'suppliers']);
  });

  it('restricts to object-name', async () => {
    await backend.saveLinkConfig({
      objectName: 'suppliers',
      primaryKey: 'SupplierId',
      emailField: 'Email',
      filterByDomain: false,
      ignoredDomains: [],
      folderPath: '/srv/mail/suppliers',
    });
    const picker = await mount('en', 'suppliers');
    await openWith(picker, inboxIds.slice(0, 1));
    expect(options(picker).every((o) => o.dataset.object === 'suppliers')).to.equal(true);
  });

  it('follows the WAI-ARIA combobox keyboard pattern', async () => {
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 1));
    await search(picker, 'acme');
    const box = combobox(picker);
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);
    press(picker, 'ArrowDown');
    await picker.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(picker)[0]!.id);
    expect(options(picker)[0]!.getAttribute('part')).to.include('active');
    press(picker, 'ArrowDown');
    await picker.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(picker)[1]!.id);
    press(picker, 'ArrowUp');
    press(picker, 'ArrowUp');
    await picker.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(picker).at(-1)!.id, 'wraps to the last');
    press(picker, 'Home');
    press(picker, 'ArrowDown');
    await picker.updateComplete;
    const chosenId = options(picker)[0]!.dataset.id;
    press(picker, 'Enter');
    await picker.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.value).to.equal(options(picker)[0]!.querySelector('.title')!.textContent);
    expect(options(picker)[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(options(picker)[0]!.dataset.id).to.equal(chosenId);
    expect(shadow<HTMLButtonElement>(picker, '[part="link-button"]')!.disabled).to.equal(false);
    // Escape: reopening with ArrowDown, then Escape closes the list and keeps the dialog open.
    press(picker, 'ArrowDown');
    await picker.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    press(picker, 'Escape');
    await picker.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow<HTMLDialogElement>(picker, 'dialog')!.open).to.equal(true);
    press(picker, 'Escape');
    await picker.updateComplete;
    expect(box.value).to.equal('', 'a second Escape clears the field');
  });

  it('links the messages to the chosen record and emits mail-linked', async () => {
    const picker = await mount();
    const ids = inboxIds.slice(0, 3);
    await openWith(picker, ids);
    await search(picker, 'Globex');
    options(picker)[0]!.click();
    await picker.updateComplete;
    const linked = oneEvent(picker, 'mail-linked');
    const closed = oneEvent(picker, 'mail-picker-close');
    shadow(picker, '[part="link-button"]')!.click();
    const event = await linked;
    expect(event.detail.ids).to.deep.equal(ids);
    expect(event.detail.record.objectId).to.equal('C008');
    expect(event.detail.links).to.have.length(3);
    await closed;
    expect(picker.open).to.equal(false);
    for (const id of ids) {
      const links = await backend.listMessageLinks({ id });
      expect(links.items.some((l) => l.objectName === 'customers' && l.objectId === 'C008')).to.equal(true);
    }
  });

  it('lets the host do its own linking by cancelling mail-record-select', async () => {
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 1));
    options(picker)[0]!.click();
    await picker.updateComplete;
    const select = oneEvent(picker, 'mail-record-select');
    picker.addEventListener('mail-record-select', (e) => e.preventDefault(), { once: true });
    shadow(picker, '[part="link-button"]')!.click();
    expect((await select).detail.ids).to.deep.equal(inboxIds.slice(0, 1));
    await picker.updateComplete;
    expect(
      (await backend.listMessageLinks({ id: inboxIds[0]! })).items.some(
        (l) => l.objectId === options(picker)[0]?.dataset.id,
      ),
    ).to.equal(false);
  });

  it('cancels without linking', async () => {
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 1));
    const closed = oneEvent(picker, 'mail-picker-close');
    shadow(picker, '[part="cancel-button"]')!.click();
    await closed;
    expect(picker.open).to.equal(false);
  });

  it('says when no object is configured', async () => {
    await backend.deleteLinkConfig({ objectName: 'customers' });
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 1));
    expect(shadow(picker, '[part~="empty"]')!.textContent).to.include('No object has mail linking set up');
  });

  it('speaks Spanish', async () => {
    const picker = await mount('es');
    await openWith(picker, inboxIds.slice(0, 2));
    expect(shadow(picker, 'h2')!.textContent).to.include('Vincular a un registro');
    expect(shadow(picker, '[part="link-button"]')!.textContent).to.include('Vincular 2 correos');
  });

  it('shows a linking failure and stays open', async () => {
    backend.faults.set('linkMessages', { error: 'server', times: 1 });
    const picker = await mount();
    await openWith(picker, inboxIds.slice(0, 1));
    options(picker)[0]!.click();
    await picker.updateComplete;
    const failed = oneEvent(picker, 'mail-error');
    shadow(picker, '[part="link-button"]')!.click();
    expect((await failed).detail.operation).to.equal('linkMessages');
    await until(() => !!shadow(picker, '[part~="error"]'), 2000, 'error');
    expect(picker.open).to.equal(true);
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-object-links.js';
import type { MailObjectLinks } from './mail-object-links.js';
import { MailError, PUBLIC_MAIL_DOMAINS } from '../../core/index.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';
import { expectIsolatedLtr, textBox } from '../../../test/a11y/bidi.js';

async function mount(objectName = 'customers', lang = 'en', dir = 'ltr'): Promise<MailObjectLinks> {
  const root = await fixture(
    html`<div lang=${lang} dir=${dir}>
      <mail-backend-provider base-url=${API}>
        <mail-object-links object-name=${objectName} preview-delay="0"></mail-object-links>
      </mail-backend-provider>
    </div>`,
  );
  const el = root.querySelector('mail-object-links')!;
  await until(() => !!shadow(el, '[part="form"], [part~="error"]'), 4000, 'the form to load');
  return el;
}

const input = (el: MailObjectLinks, id: string) => shadow<HTMLInputElement>(el, `#${id}`)!;
const type = (el: MailObjectLinks, id: string, value: string) => {
  const field = input(el, id);
  field.value = value;
  field.dispatchEvent(new Event('input'));
};
const fieldError = (el: MailObjectLinks, id: string) => shadow(el, `#${id}-error`)?.textContent?.trim() ?? '';
const domains = (el: MailObjectLinks) => shadowAll(el, '[part="domain"] span').map((s) => s.textContent!.trim());
const counts = (el: MailObjectLinks) => shadow(el, '.preview-counts');

async function fillNew(el: MailObjectLinks): Promise<void> {
  type(el, 'primaryKey', 'SupplierId');
  type(el, 'emailField', 'Email');
  type(el, 'folderPath', '/srv/mail/suppliers');
  await el.updateComplete;
}

describe('<mail-object-links>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe with a stored configuration and its preview', async () => {
      const el = await mount();
      await until(() => !!counts(el), 3000, 'preview');
      await expect(el).to.be.accessible();
    });
    it('passes axe for a new configuration with field errors', async () => {
      const el = await mount('suppliers');
      shadow(el, '[part="save-button"]')!.click();
      await until(() => !!fieldError(el, 'primaryKey'), 2000, 'errors');
      await expect(el).to.be.accessible();
    });
    it('passes axe while loading', async () => {
      backend.faults.set('listLinkConfigs', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}
          ><mail-object-links object-name="customers"></mail-object-links
        ></mail-backend-provider>`,
      );
      const el = root.querySelector('mail-object-links')!;
      await until(() => !!shadow(el, '[aria-busy="true"]'), 2000, 'loading');
      await expect(el).to.be.accessible();
    });
    it('passes axe when loading fails', async () => {
      backend.faults.set('listLinkConfigs', { error: 'network' });
      const el = await mount();
      expect(shadow(el, '[part~="error"]')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('passes axe with the delete confirmation open', async () => {
      const el = await mount();
      shadow(el, '[part="delete-button"]')!.click();
      await el.updateComplete;
      expect(shadow<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  it('starts a new object with public mail domains ignored and domain filtering off', async () => {
    const el = await mount('suppliers');
    expect(el.value.filterByDomain).to.equal(false);
    expect(el.value.ignoredDomains).to.deep.equal([...PUBLIC_MAIL_DOMAINS]);
    expect(domains(el)).to.include.members(['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com']);
    expect(input(el, 'objectName').value).to.equal('suppliers');
    expect(input(el, 'objectName').readOnly).to.equal(true);
    expect(shadow(el, '[part="delete-button"]')).to.equal(null);
    expect(el.previewDelay).to.equal(0);
    expect(document.createElement('mail-object-links').previewDelay).to.equal(400);
  });

  it('shows the stored configuration of object-name', async () => {
    const el = await mount();
    const stored = (await backend.listLinkConfigs()).items[0]!;
    expect(input(el, 'primaryKey').value).to.equal(stored.primaryKey);
    expect(input(el, 'emailField').value).to.equal(stored.emailField);
    expect(input(el, 'folderPath').value).to.equal(stored.folderPath);
    expect(shadow<HTMLInputElement>(el, '[name="filterByDomain"]')!.checked).to.equal(true);
    expect(shadow(el, 'h2')!.textContent).to.include('customers');
  });

  it('previews how many records and mails it matches, and which records share a domain', async () => {
    const el = await mount();
    await until(() => !!counts(el), 3000, 'preview');
    const expected = await backend.previewLinkConfig((await backend.listLinkConfigs()).items[0]!);
    expect(counts(el)!.textContent).to.include(`${expected.records} records and ${expected.mails} mails`);
    const shared = shadowAll(el, '[part="shared"] li');
    expect(shared[0]!.dataset.on).to.equal('acme.example');
    expect(shared[0]!.textContent).to.include('Acme Corporation (Billing)');
  });

  it('previews again (debounced) after a change: an ignored domain changes the matches', async () => {
    const root = await fixture(
      html`<mail-backend-provider base-url=${API}
        ><mail-object-links object-name="customers" preview-delay="150"></mail-object-links
      ></mail-backend-provider>`,
    );
    const el = root.querySelector('mail-object-links')!;
    await until(() => !!counts(el), 4000, 'first preview');
    const before = Number(counts(el)!.dataset.mails);
    let calls = 0;
    const real = backend.previewLinkConfig.bind(backend);
    backend.previewLinkConfig = (input, options) => {
      calls++;
      return real(input, options);
    };
    // Removing gmail.com ties every Gmail user together: more mails match.
    const gmail = shadowAll(el, '[part="domain"]').find((li) => li.textContent!.includes('gmail.com'))!;
    gmail.querySelector('button')!.click();
    const outlook = shadowAll(el, '[part="domain"]').find((li) => li.textContent!.includes('outlook.com'))!;
    outlook.querySelector('button')!.click();
    await until(() => Number(counts(el)?.dataset.mails) > before, 3000, 'a larger preview');
    expect(calls).to.equal(1);
    expect(shadowAll(el, '[part="shared"] li').map((li) => li.dataset.on)).to.include('gmail.com');
  });

  it('adds and removes ignored domains, refusing what is not a domain', async () => {
    const el = await mount('suppliers');
    type(el, 'newDomain', 'not a domain');
    shadow(el, '[part="add-domain"]')!.click();
    await el.updateComplete;
    expect(fieldError(el, 'newDomain')).to.include('is not a domain');
    expect(input(el, 'newDomain').getAttribute('aria-invalid')).to.equal('true');
    type(el, 'newDomain', '@Partners.Example ');
    input(el, 'newDomain').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await el.updateComplete;
    expect(domains(el)).to.include('partners.example');
    expect(fieldError(el, 'newDomain')).to.equal('');
    const remove = shadowAll(el, '[part="remove-domain"]').find((b) =>
      b.getAttribute('aria-label')!.includes('partners.example'),
    )!;
    remove.click();
    await el.updateComplete;
    expect(domains(el)).not.to.include('partners.example');
    // Reset brings back exactly the public providers.
    shadowAll(el, '[part="remove-domain"]')[0]!.click();
    await el.updateComplete;
    shadow(el, '[part="reset-domains"]')!.click();
    await el.updateComplete;
    expect(el.value.ignoredDomains).to.deep.equal([...PUBLIC_MAIL_DOMAINS]);
  });

  it('shows why each field is not valid, next to it', async () => {
    const el = await mount('suppliers');
    shadow(el, '[part="save-button"]')!.click();
    await until(() => !!fieldError(el, 'primaryKey'), 2000, 'errors');
    expect(fieldError(el, 'primaryKey')).to.equal('Required.');
    expect(fieldError(el, 'emailField')).to.equal('Required.');
    expect(fieldError(el, 'folderPath')).to.equal('Required.');
    expect(input(el, 'primaryKey').getAttribute('aria-describedby')).to.include('primaryKey-error');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'primaryKey'));
    await fillNew(el);
    type(el, 'folderPath', 'mail/suppliers');
    shadow(el, '[part="save-button"]')!.click();
    await until(() => fieldError(el, 'folderPath').includes('absolute'), 2000, 'absolute');
    type(el, 'folderPath', '/srv/mail/../etc');
    shadow(el, '[part="save-button"]')!.click();
    await until(() => fieldError(el, 'folderPath').includes('..'), 2000, 'dotdot');
    type(el, 'folderPath', 'C:\\Mail\\Suppliers');
    shadow(el, '[part="save-button"]')!.click();
    await oneEvent(el, 'mail-links-saved');
    expect(fieldError(el, 'folderPath')).to.equal('');
  });

  it('validates the object name of a new object', async () => {
    const root = await fixture(
      html`<mail-backend-provider base-url=${API}><mail-object-links></mail-object-links></mail-backend-provider>`,
    );
    const el = root.querySelector('mail-object-links')!;
    await until(() => !!shadow(el, '[part="form"]'), 4000, 'form');
    expect(input(el, 'objectName').readOnly).to.equal(false);
    type(el, 'objectName', '1 bad name');
    await fillNew(el);
    shadow(el, '[part="save-button"]')!.click();
    await until(() => !!fieldError(el, 'objectName'), 2000, 'error');
    expect(fieldError(el, 'objectName')).to.include('starting with a letter');
  });

  it('saves, emitting change while editing and mail-links-saved after', async () => {
    const el = await mount('suppliers');
    const changed = oneEvent(el, 'change');
    type(el, 'primaryKey', 'SupplierId');
    await changed;
    await fillNew(el);
    shadow<HTMLInputElement>(el, '[name="filterByDomain"]')!.click();
    const saved = oneEvent(el, 'mail-links-saved');
    shadow(el, '[part="save-button"]')!.click();
    const event = await saved;
    expect(event.detail.config).to.deep.include({
      objectName: 'suppliers',
      primaryKey: 'SupplierId',
      emailField: 'Email',
      filterByDomain: true,
      folderPath: '/srv/mail/suppliers',
    });
    const stored = (await backend.listLinkConfigs()).items.find((c) => c.objectName === 'suppliers');
    expect(stored?.filterByDomain).to.equal(true);
    await el.updateComplete;
    expect(shadow(el, '[part="status"]')!.textContent).to.include('Saved.');
    expect(shadow(el, '[part="delete-button"]')).to.exist;
  });

  it('shows the server’s field errors at the field', async () => {
    const el = await mount();
    // The server is the final judge: its field issues travel as problem+json and land at the field.
    backend.saveLinkConfig = () =>
      Promise.reject(
        new MailError('validation', 'folderPath: outside the storage root', {
          issues: [{ path: ['folderPath'], message: 'The folder must be inside /srv/mail-elements.' }],
        }),
      );
    const failed = oneEvent(el, 'mail-error');
    shadow(el, '[part="save-button"]')!.click();
    expect((await failed).detail.operation).to.equal('saveLinkConfig');
    await until(() => !!fieldError(el, 'folderPath'), 2000, 'server error at field');
    expect(fieldError(el, 'folderPath')).to.equal('The folder must be inside /srv/mail-elements.');
  });

  it('deletes only after confirmation', async () => {
    const el = await mount();
    shadow(el, '[part="delete-button"]')!.click();
    await el.updateComplete;
    const dialog = shadow<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('Delete mail linking for customers?');
    dialog.querySelector<HTMLButtonElement>('button')!.click();
    expect(dialog.open).to.equal(false);
    expect((await backend.listLinkConfigs()).items).to.have.length(1);
    shadow(el, '[part="delete-button"]')!.click();
    const deleted = oneEvent(el, 'mail-links-deleted');
    shadow(el, '[part="confirm-delete"]')!.click();
    expect((await deleted).detail.objectName).to.equal('customers');
    expect((await backend.listLinkConfigs()).items).to.have.length(0);
    await el.updateComplete;
    expect(shadow(el, '[part="delete-button"]')).to.equal(null);
  });

  it('speaks Spanish', async () => {
    const el = await mount('customers', 'es');
    expect(shadow(el, 'label[for="primaryKey"]')!.textContent).to.include('Clave primaria');
    expect(shadow(el, '[part="save-button"]')!.textContent).to.include('Guardar');
    await until(() => !!counts(el), 3000, 'preview');
    expect(counts(el)!.textContent).to.include('Coincidirían');
  });

  it('keeps names, paths, domains and counts in their own order, right to left', async () => {
    const el = await mount('customers', 'es', 'rtl');
    const title = shadow(el, 'h2 > bdi')!;
    expectIsolatedLtr(title);
    expect(title.querySelector('bdi')!.textContent).to.equal('customers');
    for (const id of ['objectName', 'primaryKey', 'emailField', 'folderPath', 'newDomain']) {
      expect(input(el, id).dir, id).to.equal('auto');
    }
    expect(getComputedStyle(input(el, 'folderPath')).direction, 'a path reads left to right').to.equal('ltr');
    const chip = shadowAll(el, '[part="domain"] span').find((span) => span.textContent === '163.com')!;
    expectIsolatedLtr(chip);
    expect(textBox(chip, '163').left, 'the name stays before its top-level domain').to.be.lessThan(
      textBox(chip, 'com').left,
    );
    await until(() => !!counts(el), 3000, 'preview');
    const sentence = counts(el)!.querySelector('bdi')!;
    expectIsolatedLtr(sentence);
    const expected = await backend.previewLinkConfig((await backend.listLinkConfigs()).items[0]!);
    expect([...sentence.querySelectorAll('bdi')].map((number) => number.textContent)).to.deep.equal([
      String(expected.records),
      String(expected.mails),
    ]);
  });

  it('says when its checks could not load, saves nothing unchecked, and loads them on retry', async () => {
    const element = document.createElement('mail-object-links');
    element.objectName = 'customers';
    element.previewDelay = 0;
    const checks = (element as unknown as { checks: { load: () => Promise<unknown> } }).checks;
    const real = checks.load;
    let fail = true;
    checks.load = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
    const root = await fixture(html`<mail-backend-provider base-url=${API}></mail-backend-provider>`);
    const reported = oneEvent(root, 'mail-error');
    root.append(element);
    expect((await reported).detail.operation).to.equal('loadChecks');
    await until(() => !!shadow(element, '[part="form"] > [part~="error"]'), 3000, 'the error');
    const region = shadow(element, '[part="form"] > [part~="error"]')!;
    expect(region.getAttribute('role')).to.equal('alert');
    expect(region.textContent).to.include('Cannot reach the mail server');
    await expect(element).to.be.accessible();
    let saved = false;
    element.addEventListener('mail-links-saved', () => (saved = true));
    shadow<HTMLButtonElement>(element, '[part="save-button"]')!.click();
    await element.updateComplete;
    expect(saved, 'nothing is saved without the checks').to.equal(false);
    fail = false;
    region.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => !!counts(element), 3000, 'the preview after retry');
    expect(shadow(element, '[part="form"] > [part~="error"]')).to.equal(null);
    shadow<HTMLButtonElement>(element, '[part="save-button"]')!.click();
    await until(() => saved, 3000, 'saved after retry');
  });

  it('reports a failed load of its checks once, however many edits waited for it, and loads them again on save', async () => {
    const element = document.createElement('mail-object-links');
    element.objectName = 'customers';
    element.previewDelay = 0;
    const checks = (element as unknown as { checks: { load: () => Promise<unknown> } }).checks;
    const real = checks.load;
    let fail!: () => void;
    const failing = new Promise<never>((_, reject) => (fail = () => reject(new TypeError('Failed to fetch'))));
    let attempts = 0;
    checks.load = () => (++attempts === 1 ? failing : real());
    const root = await fixture(html`<mail-backend-provider base-url=${API}></mail-backend-provider>`);
    const reported: string[] = [];
    element.addEventListener('mail-error', (event) => reported.push(event.detail.operation));
    const original = console.error;
    console.error = () => {};
    try {
      root.append(element);
      await until(() => !!shadow(element, '[part="form"]'), 4000, 'the form');
      for (const value of ['M', 'Ma', 'Mai', 'Main']) type(element, 'emailField', value);
      fail();
      await until(() => !!shadow(element, '[part="form"] > [part~="error"]'), 3000, 'the error');
    } finally {
      console.error = original;
    }
    expect(reported).to.deep.equal(['loadChecks']);
    expect(attempts).to.equal(1);
    let saved = false;
    element.addEventListener('mail-links-saved', () => (saved = true));
    shadow<HTMLButtonElement>(element, '[part="save-button"]')!.click();
    await until(() => saved, 3000, 'saved once the checks loaded on save');
    expect(attempts).to.equal(2);
    expect(reported).to.deep.equal(['loadChecks']);
    expect(shadow(element, '[part="form"] > [part~="error"]')).to.equal(null);
  });

  it('shows a preview failure without blocking the form', async () => {
    backend.faults.set('previewLinkConfig', { error: 'timeout' });
    const el = await mount();
    await until(() => !!shadow(el, '[part="preview"] [part~="error"]'), 3000, 'preview error');
    expect(shadow(el, '[part="preview"] [part~="error"]')!.textContent).to.include('too long');
    expect(shadow<HTMLButtonElement>(el, '[part="save-button"]')!.disabled).to.equal(false);
  });

  it('shows a save failure that is not about a field, and keeps the edits', async () => {
    const el = await mount();
    type(el, 'emailField', 'MainEmail');
    backend.faults.set('saveLinkConfig', { error: 'network', times: 1 });
    const failed = oneEvent(el, 'mail-error');
    shadow(el, '[part="save-button"]')!.click();
    await failed;
    await until(() => !!shadow(el, '[part="form"] > [part~="error"]'), 2000, 'error');
    expect(input(el, 'emailField').value).to.equal('MainEmail');
  });
});

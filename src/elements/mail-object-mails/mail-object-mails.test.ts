import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-object-mails.js';
import '../../define/mail-object-links.js';
import '../../define/mail-message-view.js';
import type { MailObjectMails } from './mail-object-mails.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';
import { expectIsolatedLtr, textBox } from '../../../test/a11y/bidi.js';

const SETTLED = '[part~="list"], [part~="empty"], [part~="error"]';

async function mount(
  objectId = 'C001',
  objectName = 'customers',
  lang = 'en',
  admin = false,
): Promise<MailObjectMails> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}>
        <mail-object-mails
          object-name=${objectName}
          object-id=${objectId}
          ?admin=${admin}
          search-delay="0"
        ></mail-object-mails>
      </mail-backend-provider>
    </div>`,
  );
  const el = root.querySelector('mail-object-mails')!;
  await until(() => !!shadow(el, SETTLED), 4000, 'the side bar to settle');
  return el;
}

const mails = (el: MailObjectMails) => shadowAll(el, '[part~="mail"]');
const ids = (el: MailObjectMails) => mails(el).map((row) => row.dataset.id!);

describe('<mail-object-mails>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe when loaded', async () => {
      await expect(await mount()).to.be.accessible();
    });
    it('passes axe when empty', async () => {
      const el = await mount('C037');
      await expect(el).to.be.accessible();
    });
    it('passes axe when not configured, as an admin', async () => {
      const el = await mount('S001', 'suppliers', 'en', true);
      expect(shadow(el, '[part="configure-button"]')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('passes axe while loading', async () => {
      backend.faults.set('listRecordMails', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}
          ><mail-object-mails object-name="customers" object-id="C001"></mail-object-mails
        ></mail-backend-provider>`,
      );
      const el = root.querySelector('mail-object-mails')!;
      await until(() => !!shadow(el, '[aria-busy="true"]'), 2000, 'skeleton');
      await expect(el).to.be.accessible();
    });
    it('passes axe when failing', async () => {
      backend.faults.set('listRecordMails', { error: 'network' });
      const el = await mount();
      expect(shadow(el, '[part~="error"]')?.textContent).to.include('Cannot reach');
      await expect(el).to.be.accessible();
    });
  });

  it('defaults to a compact view of 3 mails, not expanded, not admin', async () => {
    const el = document.createElement('mail-object-mails');
    expect(el.compactSize).to.equal(3);
    expect(el.expanded).to.equal(false);
    expect(el.admin).to.equal(false);
    expect(el.objectName).to.equal('');
    const mounted = await mount();
    expect(mails(mounted)).to.have.length(3);
  });

  it('matches by domain: the record’s mails, newest first, with direction and linked marks', async () => {
    const expected = await backend.listRecordMails({ objectName: 'customers', objectId: 'C001', limit: 50 });
    expect(expected.matchedOn).to.equal('acme.example');
    const el = await mount();
    expect(shadow(el, '[part="matched"]')?.textContent).to.include('anyone at acme.example');
    expect(shadow(el, '.count')?.textContent?.trim()).to.equal(String(expected.total));
    shadow(el, '[part="show-all"]')!.click();
    await until(() => mails(el).length === expected.items.length, 2000, 'all mails');
    expect(ids(el)).to.deep.equal(expected.items.map((m) => m.id));
    const dates = expected.items.map((m) => Date.parse(m.date));
    expect(dates).to.deep.equal([...dates].sort((a, b) => b - a));
    for (const row of mails(el)) {
      const mail = expected.items.find((m) => m.id === row.dataset.id)!;
      expect(row.dataset.direction).to.equal(mail.direction);
      expect(row.hasAttribute('data-linked')).to.equal(mail.linkedToRecord);
      expect(row.querySelector('[part="direction"]')?.textContent).to.include(
        mail.direction === 'sent' ? 'Sent' : 'Received',
      );
    }
    expect(mails(el).some((row) => row.dataset.direction === 'sent')).to.equal(true);
    expect(mails(el).filter((row) => row.hasAttribute('data-linked'))).to.have.length(3);
    // Records sharing the domain show the same mails: all of them are named.
    const shared = shadowAll(el, '[part="shared"] li').map((li) => li.dataset.id);
    expect(shared).to.have.members(['C002', 'C003', 'C004']);
  });

  it('matches by address when the domain is ignored (a Gmail customer)', async () => {
    const el = await mount('C027');
    expect(shadow(el, '[part="matched"]')?.textContent).to.include('pedro.alvarez84@gmail.com');
    shadow(el, '[part="show-all"]')?.click();
    await el.updateComplete;
    const page = await backend.listRecordMails({ objectName: 'customers', objectId: 'C027' });
    expect(ids(el)).to.deep.equal(page.items.map((m) => m.id));
    for (const mail of page.items) {
      const everyone = [mail.from, ...mail.to, ...mail.cc].filter(Boolean).map((a) => a!.address);
      expect(everyone).to.include('pedro.alvarez84@gmail.com');
    }
    expect(shadow(el, '[part="shared"]')).to.equal(null);
  });

  it('matches by address when the configuration does not filter by domain', async () => {
    const config = (await backend.listLinkConfigs()).items[0]!;
    await backend.saveLinkConfig({ ...config, filterByDomain: false });
    const el = await mount();
    expect(shadow(el, '[part="matched"]')?.textContent).to.include('john.smith@acme.example');
    const page = await backend.listRecordMails({ objectName: 'customers', objectId: 'C001' });
    expect(shadow(el, '.count')?.textContent?.trim()).to.equal(String(page.total));
    expect(page.total).to.be.lessThan(15);
  });

  it('shows every record when several configurations match one address', async () => {
    // Suppliers filtered by domain without ignoring gmail.com: every Gmail supplier matches a Gmail customer too.
    await backend.saveLinkConfig({
      objectName: 'suppliers',
      primaryKey: 'SupplierId',
      emailField: 'Email',
      filterByDomain: true,
      ignoredDomains: [],
      folderPath: '/srv/mail/suppliers',
    });
    const el = await mount('C027');
    const shared = shadowAll(el, '[part="shared"] li');
    expect(shared.map((li) => `${li.dataset.object}/${li.dataset.id}`)).to.have.members([
      'suppliers/S015',
      'suppliers/S016',
    ]);
    expect(shadow(el, '[part="shared"] summary')?.textContent).to.include('2 other records');
  });

  it('shows all, then less, and loads further pages', async () => {
    const root = await fixture(
      html`<mail-backend-provider base-url=${API}
        ><mail-object-mails object-name="customers" object-id="C001" page-size="5"></mail-object-mails
      ></mail-backend-provider>`,
    );
    const el = root.querySelector('mail-object-mails')!;
    await until(() => mails(el).length === 3, 4000, 'compact list');
    const showAll = shadow(el, '[part="show-all"]')!;
    expect(showAll.textContent).to.include('Show all (15)');
    expect(showAll.getAttribute('aria-expanded')).to.equal('false');
    showAll.click();
    await el.updateComplete;
    expect(mails(el)).to.have.length(5);
    shadow(el, '[part="load-more"]')!.click();
    await until(() => mails(el).length === 10, 2000, 'second page');
    shadow(el, '[part="show-all"]')!.click();
    await el.updateComplete;
    expect(mails(el)).to.have.length(3);
  });

  it('searches within the record’s mails', async () => {
    const el = await mount();
    const input = shadow<HTMLInputElement>(el, '[part="search"]')!;
    input.value = 'Borealis';
    input.dispatchEvent(new Event('input'));
    await until(
      () => mails(el).length > 0 && mails(el).every((row) => row.textContent!.includes('Borealis')),
      3000,
      'filtered',
    );
    input.value = 'zz-nothing-zz';
    input.dispatchEvent(new Event('input'));
    await until(() => !!shadow(el, '[part~="empty"]'), 3000, 'no results');
    expect(shadow(el, '[part~="empty"]')!.textContent).to.include('No mails match “zz-nothing-zz”');
  });

  it('links and unlinks a mail, and the backend keeps it', async () => {
    const el = await mount();
    const row = mails(el).find((r) => !r.hasAttribute('data-linked'))!;
    const id = row.dataset.id!;
    const linked = oneEvent(el, 'mail-linked');
    row.querySelector<HTMLButtonElement>('[part="link-button"]')!.click();
    const event = await linked;
    expect(event.detail.ids).to.deep.equal([id]);
    expect(event.detail.record.objectId).to.equal('C001');
    await until(
      () =>
        mails(el)
          .find((r) => r.dataset.id === id)!
          .hasAttribute('data-linked'),
      2000,
      'linked mark',
    );
    let links = await backend.listMessageLinks({ id });
    expect(links.items.map((l) => l.objectId)).to.deep.equal(['C001']);
    expect(links.items[0]!.fileName).to.match(/\.eml$/);

    const unlinked = oneEvent(el, 'mail-unlinked');
    mails(el)
      .find((r) => r.dataset.id === id)!
      .querySelector<HTMLButtonElement>('[part="link-button"]')!
      .click();
    await unlinked;
    await until(
      () =>
        !mails(el)
          .find((r) => r.dataset.id === id)!
          .hasAttribute('data-linked'),
      2000,
      'unlinked',
    );
    links = await backend.listMessageLinks({ id });
    expect(links.items).to.have.length(0);
  });

  it('keeps replies to a linked mail linked (correlation by In-Reply-To and References)', async () => {
    // A mail from someone outside the record's domain, linked by hand, then answered from that address.
    const outsider = (await backend.listMessages({ folderId: 'inbox', limit: 200 })).items.find(
      (m) => m.from && !m.from.address.endsWith('acme.example') && m.from.address.includes('@'),
    )!;
    await backend.linkMessages({ ids: [outsider.id], objectName: 'customers', objectId: 'C001' });
    const original = await backend.getMessage({ id: outsider.id });
    const reply = backend.deliver({
      from: original.from!,
      to: [{ name: 'Dana Ortiz', address: 'dana.ortiz@example.com' }],
      subject: `Re: ${original.subject}`,
      text: 'Following up.',
      inReplyTo: original.messageId ?? undefined,
      references: original.messageId ? [original.messageId] : [],
    });
    const el = await mount();
    shadow(el, '[part="show-all"]')!.click();
    await el.updateComplete;
    const row = mails(el).find((r) => r.dataset.id === reply.id);
    expect(row, 'the reply is in the side bar').to.exist;
    expect(row!.hasAttribute('data-linked')).to.equal(true);
  });

  it('emits mail-open and shows the mail in a dialog unless cancelled', async () => {
    const el = await mount();
    const first = mails(el)[0]!;
    const opened = oneEvent(el, 'mail-open');
    first.querySelector<HTMLButtonElement>('.open')!.click();
    const event = await opened;
    expect(event.detail.message.id).to.equal(first.dataset.id);
    expect(event.cancelable).to.equal(true);
    await el.updateComplete;
    const dialog = shadow<HTMLDialogElement>(el, 'dialog.viewer')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('mail-message-view')?.getAttribute('message-id')).to.equal(first.dataset.id);
    dialog.querySelector<HTMLButtonElement>('.viewer-bar button')!.click();
    expect(dialog.open).to.equal(false);

    el.addEventListener('mail-open', (e) => e.preventDefault(), { once: true });
    mails(el)[1]!.querySelector<HTMLButtonElement>('.open')!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
  });

  it('writes to the record with the link context', async () => {
    const el = await mount();
    const compose = oneEvent(el, 'mail-compose');
    shadow(el, '[part="compose-button"]')!.click();
    const event = await compose;
    expect(event.detail.to).to.deep.equal([{ name: 'Acme Corporation', address: 'john.smith@acme.example' }]);
    expect(event.detail.link).to.deep.equal({ objectName: 'customers', objectId: 'C001' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('says there are no mails yet with the record’s address', async () => {
    const empty = await useMockApi({ messages: 0 });
    void empty;
    const el = await mount('C027');
    expect(shadow(el, '[part~="empty"]')?.textContent).to.include('No mails with pedro.alvarez84@gmail.com yet.');
    expect(shadow<HTMLButtonElement>(el, '[part="compose-button"]')!.disabled).to.equal(false);
  });

  it('explains a record without an address and disables writing', async () => {
    const el = await mount('C037');
    expect(shadow(el, '[part~="empty"]')?.textContent).to.include('no e-mail address');
    expect(shadow<HTMLButtonElement>(el, '[part="compose-button"]')!.disabled).to.equal(true);
  });

  it('when not configured, tells users to ask an admin and lets admins configure', async () => {
    let el = await mount('S001', 'suppliers');
    expect(shadow(el, '[part~="empty"]')?.textContent).to.include('not set up for suppliers');
    expect(shadow(el, '[part="configure-button"]')).to.equal(null);
    el = await mount('S001', 'suppliers', 'en', true);
    const configure = oneEvent(el, 'mail-configure-links');
    shadow(el, '[part="configure-button"]')!.click();
    expect((await configure).detail.objectName).to.equal('suppliers');
    await el.updateComplete;
    const form = shadow(el, 'mail-object-links');
    expect(form, 'the configuration form is embedded').to.exist;
    expect(form!.getAttribute('object-name')).to.equal('suppliers');
  });

  it('lets the host take over configuration by cancelling mail-configure-links', async () => {
    const el = await mount('S001', 'suppliers', 'en', true);
    el.addEventListener('mail-configure-links', (e) => e.preventDefault(), { once: true });
    shadow(el, '[part="configure-button"]')!.click();
    await el.updateComplete;
    expect(shadow(el, 'mail-object-links')).to.equal(null);
  });

  it('reloads when the record changes', async () => {
    const el = await mount();
    el.objectId = 'C027';
    await until(() => shadow(el, '[part="matched"]')?.textContent?.includes('pedro') ?? false, 3000, 'new record');
  });

  it('speaks Spanish', async () => {
    const el = await mount('C001', 'customers', 'es');
    expect(shadow(el, 'h2')?.textContent).to.include('Correos');
    expect(shadow(el, '[part="compose-button"]')?.textContent).to.include('Escribir a este registro');
    expect(shadow(el, '[part="show-all"]')?.textContent).to.include('Ver todos');
  });

  it('gives senders and subjects their own direction and isolates dates and the address, right to left', async () => {
    const root = await fixture(
      html`<div lang="es" dir="rtl">
        <mail-backend-provider base-url=${API}>
          <mail-object-mails object-name="customers" object-id="C001" search-delay="0"></mail-object-mails>
        </mail-backend-provider>
      </div>`,
    );
    const el = root.querySelector('mail-object-mails')!;
    await until(() => !!shadow(el, '[part~="list"]'), 4000, 'the list');
    for (const row of mails(el)) {
      for (const name of ['who', 'subject']) {
        const node = row.querySelector<HTMLElement>(`[part="${name}"]`)!;
        expect(node.dir, name).to.equal('auto');
        expect(getComputedStyle(node).direction, `a Latin ${name} reads left to right`).to.equal('ltr');
        expect(getComputedStyle(node).textAlign, `the ${name} lines up with the page`).to.equal('right');
      }
    }
    const dated = mails(el)
      .map((row) => row.querySelector('time')!)
      .find((time) => !time.textContent!.includes(':'))!;
    expectIsolatedLtr(dated);
    const [day, month] = dated.textContent!.split(/\s+/);
    expect(textBox(dated, day!).left, 'the day stays before the month').to.be.lessThan(textBox(dated, month!).left);
    const sentence = shadow(el, '[part="matched"] > bdi')!;
    expectIsolatedLtr(sentence);
    expect(sentence.querySelector('bdi')!.textContent).to.equal('acme.example');
    const sent = mails(el).find((row) => row.dataset.direction === 'sent')!;
    const recipients = sent.querySelector('[part="who"]')!;
    expect(recipients.querySelector('bdi')!.textContent).to.equal(recipients.textContent!.replace(/^Para: /, ''));
  });

  it('rolls back a link that fails, with the reason shown', async () => {
    const el = await mount();
    backend.faults.set('linkMessages', { error: 'forbidden', times: 1 });
    const row = mails(el).find((r) => !r.hasAttribute('data-linked'))!;
    const failed = oneEvent(el, 'mail-error');
    row.querySelector<HTMLButtonElement>('[part="link-button"]')!.click();
    expect((await failed).detail.operation).to.equal('linkMessages');
    await until(() => !!shadow(el, '[part~="error"]'), 2000, 'error');
    expect(shadow(el, '[part~="error"]')!.textContent).to.include('permission');
    expect(
      mails(el)
        .find((r) => r.dataset.id === row.dataset.id)!
        .hasAttribute('data-linked'),
    ).to.equal(false);
  });

  it('shows a loading error with a retry that works', async () => {
    backend.faults.set('listRecordMails', { error: 'server', times: 1 });
    const el = await mount();
    expect(shadow(el, '[part~="error"]')).to.exist;
    shadow(el, '[part="retry-button"]')!.click();
    await until(() => mails(el).length === 3, 3000, 'loaded after retry');
  });
});

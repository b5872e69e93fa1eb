// The composer, the record picker and the inbox's panels arrive as chunks of their own. A page keeps a module once it
// has loaded it, so this file starts from a page where none of them is loaded yet: keep these tests in their order.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../mail-message-list/ignore-resize-loop.test-helper.js';
import '../../define/mail-backend-provider.js';
import '../../define/mail-inbox.js';
import { MailInbox } from './mail-inbox.js';
import type { MailMessageList } from '../mail-message-list/mail-message-list.js';
import type { MailRecordPicker } from '../mail-record-picker/mail-record-picker.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(): Promise<MailInbox> {
  const root = await fixture(
    html`<div lang="en" style="width:1200px;height:700px">
      <mail-backend-provider base-url=${API}><mail-inbox></mail-inbox></mail-backend-provider>
    </div>`,
  );
  const inbox = root.querySelector('mail-inbox')!;
  await until(() => shadowAll(list(inbox), '[role="option"]').length > 0, 6000, 'the inbox rows');
  return inbox;
}

const list = (inbox: MailInbox) => shadow<MailMessageList>(inbox, 'mail-message-list')!;
const composerDialog = (inbox: MailInbox) => shadow<HTMLDialogElement>(inbox, '[part="composer-dialog"]')!;
/** Modules the page has fetched so far whose URL contains `path`. */
const fetched = (path: string) =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.includes(path));
const chunkFailure = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

describe('<mail-inbox> parts loaded on demand', () => {
  const loaders = { ...MailInbox.onDemand };
  beforeEach(async () => {
    // The resource-timing buffer fills up with the test page's own modules: start each test from an empty one.
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    await useMockApi();
  });
  afterEach(() => {
    MailInbox.onDemand = { ...loaders };
  });

  it('loads neither the composer nor the record picker with the inbox', async () => {
    await mount();
    expect(customElements.get('mail-composer')).to.equal(undefined);
    expect(customElements.get('mail-record-picker')).to.equal(undefined);
    expect(fetched('/mail-composer/mail-composer'), 'the composer module').to.equal(false);
    expect(fetched('/mail-record-picker/'), 'the record picker module').to.equal(false);
  });

  it('shows a failed composer chunk in the dialog with a retry, reports it, and opens the composer on retry', async () => {
    MailInbox.onDemand = { ...loaders, 'mail-composer': chunkFailure };
    const inbox = await mount();
    const errors: string[] = [];
    inbox.addEventListener('mail-error', (event) => errors.push(event.detail.operation));
    shadow(inbox, '[part="compose-button"]')!.click();
    await until(() => !!composerDialog(inbox).querySelector('[part="error"]'), 2000, 'the error');
    expect(composerDialog(inbox).open).to.equal(true);
    expect(composerDialog(inbox).querySelector('[part="error"]')!.getAttribute('data-code')).to.equal('network');
    expect(errors).to.deep.equal(['loadElement']);
    await expect(inbox).to.be.accessible();

    MailInbox.onDemand = { ...loaders };
    composerDialog(inbox).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => !!composerDialog(inbox).querySelector('mail-composer'), 4000, 'the composer');
    expect(customElements.get('mail-composer')).to.not.equal(undefined);
    expect(composerDialog(inbox).querySelector('[part="error"]')).to.equal(null);
    expect(composerDialog(inbox).open).to.equal(true);
  });

  it('shows the loading state while the record picker arrives, an error when it fails, and the picker on retry', async () => {
    let fail!: (reason: Error) => void;
    MailInbox.onDemand = {
      ...loaders,
      'mail-record-picker': () => new Promise((_, reject) => (fail = reject)),
    };
    const inbox = await mount();
    const errors: string[] = [];
    inbox.addEventListener('mail-error', (event) => errors.push(event.detail.operation));
    shadowAll(list(inbox), '[role="option"]')[0]!.click();
    await until(() => !!shadow(list(inbox), '[part~="action-link"]'), 2000, 'the link action');
    shadow<HTMLButtonElement>(list(inbox), '[part~="action-link"]')!.click();
    await until(() => !!shadow(inbox, '[part="picker-dialog"] [part="loading"]'), 2000, 'the loading state');
    expect(shadow<HTMLDialogElement>(inbox, '[part="picker-dialog"]')!.open).to.equal(true);
    await expect(inbox).to.be.accessible();

    fail(new TypeError('Failed to fetch dynamically imported module'));
    await until(() => !!shadow(inbox, '[part="picker-dialog"] [part="error"]'), 2000, 'the error');
    expect(errors).to.deep.equal(['loadElement']);

    MailInbox.onDemand = { ...loaders };
    shadow(inbox, '[part="picker-dialog"] [part="retry-button"]')!.click();
    await until(() => !!shadow(inbox, 'mail-record-picker'), 4000, 'the record picker');
    expect(shadow(inbox, 'mail-record-picker')!.hasAttribute('open')).to.equal(true);
    expect(shadow(inbox, '[part="picker-dialog"]')).to.equal(null);
  });

  it('confirms a link made from the reader in the live region and shows it in the reader\'s "Linked to" line', async () => {
    const inbox = await mount();
    shadowAll(list(inbox), '[role="option"]')[0]!.click();
    await until(() => !!shadow(inbox, 'mail-message-view'), 2000, 'the reader');
    const reader = shadow(inbox, 'mail-message-view')!;
    await until(() => !!shadow(reader, '[data-action="link"]'), 4000, 'the link action');
    shadow(reader, '[data-action="link"]')!.click();
    await until(() => !!shadow(inbox, 'mail-record-picker'), 4000, 'the record picker');
    const picker = shadow<MailRecordPicker>(inbox, 'mail-record-picker')!;
    const box = () => shadow<HTMLInputElement>(picker, '[role="combobox"]')!;
    await until(() => !!box(), 2000, 'the combobox');
    box().value = 'Acme Corporation';
    box().dispatchEvent(new Event('input'));
    const acme = () => shadowAll(picker, '[role="option"]').find((option) => option.dataset.id === 'C001');
    await until(() => !!acme(), 4000, 'Acme Corporation');
    acme()!.click();
    await picker.updateComplete;
    shadow<HTMLButtonElement>(picker, '[part="link-button"]')!.click();
    const status = shadow(inbox, '[role="status"][aria-live="polite"]')!;
    await until(() => status.textContent!.includes('Linked to: Acme Corporation'), 4000, 'the confirmation');
    await until(() => !!shadow(reader, '[part="linked"]'), 4000, 'the "Linked to" line');
    expect(shadow(reader, '[part="linked"]')!.textContent).to.contain('Acme Corporation');
  });

  it('shows the help and the filter panel once their chunk arrives, and a retry when it failed', async () => {
    const inbox = await mount();
    const panels = (inbox as unknown as { panels: { load: () => Promise<unknown> } }).panels;
    const load = panels.load;
    panels.load = chunkFailure;
    shadow(inbox, '[part="filters-button"]')!.click();
    await until(() => !!shadow(inbox, '#filters [part="error"]'), 2000, 'the error');
    expect(shadow(inbox, '[part="filters"]')).to.equal(null);

    panels.load = load;
    shadow(inbox, '#filters [part="retry-button"]')!.click();
    await until(() => !!shadow(inbox, 'form[part="filters"]'), 2000, 'the filter panel');
    inbox.showShortcuts();
    await until(() => shadowAll(inbox, '[part="help-dialog"] kbd').length > 15, 2000, 'the shortcut list');
  });

  it('lets a page that defined the composer itself use it, with no loader at all', async () => {
    MailInbox.onDemand = {};
    const inbox = await mount();
    const opened = oneEvent(inbox, 'mail-composer-open');
    inbox.compose();
    await opened;
    // Defined by the earlier test, as `mail-elements/mail-composer.js` would define it.
    await until(() => !!composerDialog(inbox).querySelector('mail-composer'), 2000, 'the composer');
  });
});

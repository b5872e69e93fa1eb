import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-toolbar-button.js';
import type { MailToolbarButton } from './mail-toolbar-button.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(attributes: { admin?: string; href?: string; lang?: string } = {}): Promise<MailToolbarButton> {
  const root = await fixture(
    html`<div lang=${attributes.lang ?? 'en'}>
      <mail-backend-provider base-url=${API}><mail-toolbar-button></mail-toolbar-button></mail-backend-provider>
    </div>`,
  );
  const element = root.querySelector('mail-toolbar-button')!;
  if (attributes.admin !== undefined) element.setAttribute('admin', attributes.admin);
  if (attributes.href !== undefined) element.setAttribute('href', attributes.href);
  await until(() => element.state !== 'loading', 4000, 'status');
  await element.updateComplete;
  return element;
}

const unreadInbox = async (backend: MemoryMailBackend) =>
  (await backend.listFolders()).items.find((folder) => folder.role === 'inbox')!.unread;

describe('<mail-toolbar-button>', () => {
  let backend: MemoryMailBackend;

  describe('accessibility', () => {
    it('passes axe enabled, for an admin while disabled, and hidden', async () => {
      backend = await useMockApi({ moduleEnabled: true });
      await expect(await mount()).to.be.accessible();
      backend = await useMockApi();
      await expect(await mount()).to.be.accessible();
      backend = await useMockApi({ isAdmin: false });
      await expect(await mount()).to.be.accessible();
    });
  });

  it('has no href and asks the backend who is an admin by default', () => {
    const element = document.createElement('mail-toolbar-button');
    expect(element.href).to.equal('');
    expect(element.admin).to.equal(undefined);
    expect(element.state).to.equal('loading');
  });

  it('shows nothing to a user while the module is disabled', async () => {
    backend = await useMockApi({ isAdmin: false });
    const el = await mount();
    expect(el.state).to.equal('hidden');
    expect(el.shadowRoot!.querySelector('button, a')).to.equal(null);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('offers "Enable mail options" to an admin while disabled, and enables the module', async () => {
    backend = await useMockApi();
    const el = await mount();
    expect(el.state).to.equal('enable');
    const enable = shadow<HTMLButtonElement>(el, '[part~="enable-button"]')!;
    expect(enable.textContent).to.contain('Enable mail options');
    const changed = oneEvent(el, 'mail-module-change');
    enable.click();
    expect((await changed).detail.status.enabled).to.equal(true);
    await until(() => el.state === 'open', 2000, 'enabled');
    expect((await backend.getModuleStatus()).enabled).to.equal(true);
    expect(shadow(el, '[part~="badge"]')!.textContent).to.equal(String(await unreadInbox(backend)));
  });

  it('shows the mail icon with the unread count when enabled', async () => {
    backend = await useMockApi({ moduleEnabled: true, isAdmin: false });
    const el = await mount();
    const unread = await unreadInbox(backend);
    expect(unread).to.be.greaterThan(0);
    expect(el.state).to.equal('open');
    expect(el.unread).to.equal(unread);
    const button = shadow(el, '[part~="button"]')!;
    expect(button.getAttribute('aria-label')).to.equal(`Mail, ${unread} unread`);
    expect(shadow(el, '[part~="badge"]')!.textContent).to.equal(String(unread));
  });

  it('keeps the badge live as mail is read', async () => {
    backend = await useMockApi({ moduleEnabled: true });
    const el = await mount();
    const before = el.unread;
    const page = await backend.listMessages({ folderId: 'inbox', unseen: true });
    await backend.setFlags({ ids: [page.items[0]!.id], flags: { seen: true } });
    await until(() => el.unread === before - 1, 4000, 'badge refresh');
    expect(shadow(el, '[part~="badge"]')!.textContent).to.equal(String(before - 1));
  });

  it('lets the host decide who is an admin', async () => {
    backend = await useMockApi({ isAdmin: false });
    const promoted = await mount({ admin: '' });
    await until(() => promoted.state === 'enable', 2000, 'admin override');
    // The backend still refuses a non-admin: the button says so.
    const failed = oneEvent(promoted, 'mail-error');
    shadow<HTMLButtonElement>(promoted, '[part~="enable-button"]')!.click();
    expect((await failed).detail.error.code).to.equal('forbidden');
    await until(() => !!shadow(promoted, '[part~="error"]'), 2000, 'error');
    expect(shadow(promoted, '[part~="error"]')!.textContent).to.contain('permission');

    backend = await useMockApi();
    const demoted = await mount({ admin: 'false' });
    await until(() => demoted.state === 'hidden', 2000, 'admin="false"');
  });

  it('emits a cancelable mail-open-inbox, or follows its href', async () => {
    backend = await useMockApi({ moduleEnabled: true });
    const el = await mount({ href: '#inbox' });
    await el.updateComplete;
    const link = shadow<HTMLAnchorElement>(el, 'a[part~="button"]')!;
    expect(link.getAttribute('href')).to.equal('#inbox');
    el.addEventListener('mail-open-inbox', (event) => event.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
    const opened = oneEvent(el, 'mail-open-inbox');
    link.click();
    expect((await opened).detail.unread).to.equal(el.unread);
    await until(() => location.hash === '#inbox', 2000, 'followed');
    history.replaceState(history.state, '', location.pathname + location.search);
  });

  it('speaks Spanish', async () => {
    backend = await useMockApi();
    const el = await mount({ lang: 'es' });
    expect(shadow(el, '[part~="enable-button"]')!.textContent).to.contain('Activar opciones de correo');
  });

  it('stays hidden when the status cannot be loaded', async () => {
    backend = await useMockApi({ moduleEnabled: true });
    backend.faults.set('getModuleStatus', { error: 'server' });
    const root = await fixture(
      html`<mail-backend-provider base-url=${API}><mail-toolbar-button></mail-toolbar-button></mail-backend-provider>`,
    );
    const el = root.querySelector('mail-toolbar-button')!;
    await oneEvent(el, 'mail-error');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(getComputedStyle(el).display).to.equal('none');
  });
});

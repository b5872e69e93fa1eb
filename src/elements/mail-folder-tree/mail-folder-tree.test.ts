import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-folder-tree.js';
import type { MailFolderTree } from './mail-folder-tree.js';
import { buildFolderTree } from './mail-folder-tree.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(lang = 'en', selected = 'inbox'): Promise<MailFolderTree> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}
        ><mail-folder-tree selected=${selected}></mail-folder-tree
      ></mail-backend-provider>
    </div>`,
  );
  const tree = root.querySelector('mail-folder-tree')!;
  await until(() => shadowAll(tree, '[role="treeitem"]').length > 0 || !!shadow(tree, '[part~="error"]'), 4000, 'tree');
  return tree;
}

const names = (tree: MailFolderTree) =>
  shadowAll(tree, '[part~="folder-name"]').map((node) => node.textContent?.trim());
const item = (tree: MailFolderTree, id: string) => shadow(tree, `[role="treeitem"][data-id="${id}"]`)!;

describe('<mail-folder-tree>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe when loaded', async () => {
      await expect(await mount()).to.be.accessible();
    });
    it('passes axe when empty and when failing', async () => {
      backend.faults.set('listFolders', { error: 'server' });
      const failing = await mount();
      expect(shadow(failing, '[part~="error"]')).to.exist;
      await expect(failing).to.be.accessible();
    });
    it('passes axe while loading', async () => {
      backend.faults.set('listFolders', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}><mail-folder-tree></mail-folder-tree></mail-backend-provider>`,
      );
      const tree = root.querySelector('mail-folder-tree')!;
      await until(() => !!shadow(tree, '[aria-busy="true"]'), 2000, 'skeleton');
      await expect(tree).to.be.accessible();
    });
  });

  it('has no selection by default', async () => {
    const tree = document.createElement('mail-folder-tree');
    expect(tree.selected).to.equal('');
  });

  it('shows role folders first in the usual order, then custom folders nested', async () => {
    const tree = await mount();
    expect(names(tree).slice(0, 6)).to.deep.equal(['Inbox', 'Drafts', 'Sent', 'Archive', 'Junk', 'Trash']);
    const acme = item(tree, 'projects-acme');
    expect(acme.getAttribute('aria-level')).to.equal('2');
    expect(item(tree, 'projects').getAttribute('aria-expanded')).to.equal('true');
  });

  it('names role folders in the reader’s language', async () => {
    const tree = await mount('es');
    expect(names(tree).slice(0, 3)).to.deep.equal(['Bandeja de entrada', 'Borradores', 'Enviados']);
  });

  it('shows unread counts and says them to screen readers', async () => {
    const inbox = (await backend.listFolders()).items.find((folder) => folder.id === 'inbox')!;
    const tree = await mount();
    const node = item(tree, 'inbox');
    expect(node.querySelector('[part~="unread-count"]')?.textContent?.trim()).to.equal(String(inbox.unread));
    expect(node.getAttribute('aria-label')).to.equal(`Inbox, ${inbox.unread} unread`);
  });

  it('reflects the selected folder', async () => {
    const tree = await mount('en', 'sent');
    expect(item(tree, 'sent').getAttribute('aria-selected')).to.equal('true');
    expect(item(tree, 'inbox').getAttribute('aria-selected')).to.equal('false');
    expect(tree.getAttribute('selected')).to.equal('sent');
  });

  it('emits mail-folder-select on click', async () => {
    const tree = await mount();
    setTimeout(() => item(tree, 'archive').click());
    const event = await oneEvent(tree, 'mail-folder-select');
    expect(event.detail.folder.id).to.equal('archive');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(tree.selected).to.equal('archive');
  });

  it('moves with the arrow keys, opens and closes with right and left, selects with Enter', async () => {
    const tree = await mount();
    item(tree, 'inbox').focus();
    const press = async (key: string) => {
      tree.shadowRoot!.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
      );
      await tree.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
    };
    await press('ArrowDown');
    expect((tree.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('drafts');
    await press('End');
    expect((tree.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('projects-acme');
    await press('ArrowLeft');
    expect((tree.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('projects');
    await press('ArrowLeft');
    expect(item(tree, 'projects').getAttribute('aria-expanded')).to.equal('false');
    expect(item(tree, 'projects-acme')).to.equal(null);
    await press('ArrowRight');
    expect(item(tree, 'projects').getAttribute('aria-expanded')).to.equal('true');
    await press('Home');
    expect((tree.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('inbox');
    await press('ArrowDown');
    setTimeout(() => press('Enter'));
    const event = await oneEvent(tree, 'mail-folder-select');
    expect(event.detail.folder.id).to.equal('drafts');
  });

  it('keeps exactly one folder in the tab order', async () => {
    const tree = await mount();
    expect(shadowAll(tree, '[role="treeitem"][tabindex="0"]')).to.have.length(1);
  });

  it('shows an error with a retry, emits mail-error, and recovers', async () => {
    backend.faults.set('listFolders', { error: 'network', times: 1 });
    const errors: string[] = [];
    document.addEventListener('mail-error', (event) => errors.push(event.detail.error.code), { once: true });
    const tree = await mount();
    const error = shadow(tree, '[part~="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.include('Cannot reach the mail server');
    expect(errors).to.deep.equal(['network']);
    shadow(tree, '[part~="retry-button"]')!.click();
    await until(() => shadowAll(tree, '[role="treeitem"]').length > 0, 4000, 'retry');
  });

  it('says so when there is no backend', async () => {
    const tree = await fixture<MailFolderTree>(html`<mail-folder-tree></mail-folder-tree>`);
    await until(() => !!shadow(tree, '[part~="error"]'), 2000, 'error');
    expect(shadow(tree, '[part~="error"]')!.textContent).to.include('does not support');
  });

  it('orders a flat folder list into a tree', () => {
    const folder = (id: string, parentId: string | null, role: string | null = null) => ({
      id,
      name: id,
      path: id,
      delimiter: '/',
      parentId,
      role: role as never,
      unread: 0,
      total: 0,
      selectable: true,
    });
    const tree = buildFolderTree([
      folder('z', null),
      folder('t', null, 'trash'),
      folder('c', 'z'),
      folder('i', null, 'inbox'),
      folder('orphan', 'gone'),
    ]);
    expect(tree.map((node) => node.folder.id)).to.deep.equal(['i', 't', 'orphan', 'z']);
    expect(tree[3]!.children.map((node) => node.folder.id)).to.deep.equal(['c']);
  });
});

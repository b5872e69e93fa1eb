import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-folder-tree.js';
import type { MailFolderTree } from './mail-folder-tree.js';
import { buildFolderTree } from './mail-folder-tree.js';
import { MESSAGE_DRAG_TYPE } from '../mail-message-list/drag.js';
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

/** Mounts a tree whose name form and confirmation load through `wrap(load)` (set before the tree connects). */
async function mountWithForms(wrap: (load: () => Promise<unknown>) => () => Promise<unknown>): Promise<MailFolderTree> {
  const tree = document.createElement('mail-folder-tree');
  tree.selected = 'inbox';
  const seam = tree as unknown as { importForms: () => Promise<unknown> };
  seam.importForms = wrap(seam.importForms);
  const root = await fixture(html`<mail-backend-provider base-url=${API}></mail-backend-provider>`);
  root.append(tree);
  await until(() => shadowAll(tree, '[role="treeitem"]').length > 0, 4000, 'tree');
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

  it('sizes its rows from the density tokens', async () => {
    const tree = await mount();
    const rowHeight = () => item(tree, 'drafts').getBoundingClientRect().height;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(rowHeight()).to.be.closeTo(2 * rem, 0.5);
    tree.style.setProperty('--mail-density', '0.75');
    expect(rowHeight()).to.be.closeTo(1.5 * rem, 0.5);
    tree.style.setProperty('--mail-density', '1.25');
    expect(rowHeight()).to.be.closeTo(2.5 * rem, 0.5);
    tree.style.setProperty('--mail-item-height', '3rem');
    expect(rowHeight()).to.be.closeTo(3 * rem, 0.5);
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

  describe('folder changes', () => {
    const fill = async (tree: MailFolderTree, name: string) => {
      const input = shadow<HTMLInputElement>(tree, '[part="name-input"]')!;
      input.value = name;
      shadow<HTMLFormElement>(tree, '[part="form"]')!.requestSubmit();
    };

    it('passes axe with the name form and the delete confirmation open', async () => {
      const tree = await mount();
      shadow(tree, '[part~="action-create"]')!.click();
      await tree.updateComplete;
      await expect(tree).to.be.accessible();
      item(tree, 'projects-acme').click();
      await tree.updateComplete;
      shadow(tree, '[part~="action-delete"]')!.click();
      await tree.updateComplete;
      await expect(tree).to.be.accessible();
    });

    it('creates a folder, inside another when asked, and announces it', async () => {
      const tree = await mount();
      shadow(tree, '[part~="action-create"]')!.click();
      await tree.updateComplete;
      expect(tree.shadowRoot!.activeElement?.getAttribute('part')).to.equal('name-input');
      const parent = shadow<HTMLSelectElement>(tree, '[part="form"] select')!;
      parent.value = 'projects';
      await fill(tree, 'Invoices');
      await until(() => names(tree).includes('Invoices'), 4000, 'the new folder');
      const created = (await backend.listFolders()).items.find((folder) => folder.name === 'Invoices')!;
      expect(created.parentId).to.equal('projects');
      expect(shadow(tree, '[role="status"]')!.textContent).to.include('Folder “Invoices” created.');
      expect(!!shadow(tree, '[part="form"]')).to.equal(false);
    });

    it('shows why a name is refused and keeps the form', async () => {
      const tree = await mount();
      shadow(tree, '[part~="action-create"]')!.click();
      await tree.updateComplete;
      await fill(tree, 'a/b');
      await until(() => !!shadow(tree, '[part~="action-error"]'), 4000, 'the refusal');
      expect(shadow(tree, '[part~="action-error"]')!.textContent).to.include('cannot contain');
      expect(!!shadow(tree, '[part="form"]')).to.equal(true);
    });

    it('renames with F2 and deletes with Delete after confirming; role folders cannot be', async () => {
      const tree = await mount();
      item(tree, 'projects-acme').focus();
      item(tree, 'projects-acme').dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }));
      await tree.updateComplete;
      expect(shadow<HTMLInputElement>(tree, '[part="name-input"]')!.value).to.equal('Acme');
      await fill(tree, 'Acme Corp');
      await until(() => names(tree).includes('Acme Corp'), 4000, 'the new name');
      const renamed = (await backend.listFolders()).items.find((folder) => folder.name === 'Acme Corp')!;
      item(tree, renamed.id).focus();
      item(tree, renamed.id).dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
      await tree.updateComplete;
      expect(shadow(tree, '[part="confirm"]')!.textContent).to.include('Delete “Acme Corp”');
      shadow<HTMLButtonElement>(tree, '[part="confirm"] .danger')!.click();
      await until(() => !names(tree).includes('Acme Corp'), 4000, 'the deletion');
      expect((await backend.listFolders()).items.some((folder) => folder.id === renamed.id)).to.equal(false);
      item(tree, 'inbox').click();
      await tree.updateComplete;
      expect(shadow<HTMLButtonElement>(tree, '[part~="action-rename"]')!.disabled).to.equal(true);
      expect(shadow<HTMLButtonElement>(tree, '[part~="action-delete"]')!.disabled).to.equal(true);
    });

    it('shows loading while the forms load, then focuses the name field', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const tree = await mountWithForms((load) => () => held.then(load));
      shadow(tree, '[part~="action-create"]')!.click();
      await until(() => !!shadow(tree, '[part~="loading"]'), 3000, 'loading');
      expect(shadow(tree, '[part~="loading"]')!.getAttribute('role')).to.equal('status');
      expect(shadow(tree, '[part="form"]')).to.equal(null);
      release();
      await until(() => tree.shadowRoot!.activeElement?.getAttribute('part') === 'name-input', 3000, 'focused field');
      expect(shadow(tree, '[part~="loading"]')).to.equal(null);
    });

    it('says when the forms cannot be loaded, emits mail-error, and retries', async () => {
      let fail = true;
      const events: CustomEvent[] = [];
      const logged: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      let tree!: MailFolderTree;
      try {
        tree = await mountWithForms(
          (load) => () =>
            fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : load(),
        );
        tree.addEventListener('mail-error', (event) => events.push(event));
        shadow(tree, '[part~="action-create"]')!.click();
        await until(() => !!shadow(tree, '[part~="error"]'), 3000, 'error region');
      } finally {
        console.error = original;
      }
      expect(logged).to.have.length(1);
      expect(events.map((event) => event.detail.operation)).to.deep.equal(['loadPart']);
      expect(shadow(tree, '[part="form"]')).to.equal(null);
      await expect(tree).to.be.accessible();
      fail = false;
      shadow<HTMLButtonElement>(tree, '[part~="retry-button"]')!.click();
      await until(() => !!shadow(tree, '[part="form"]'), 3000, 'the form after retry');
      expect(shadow(tree, '[part~="error"]')).to.equal(null);
      await fill(tree, 'Invoices');
      await until(() => names(tree).includes('Invoices'), 4000, 'the new folder');
    });

    it('names the subfolders and all their messages when deleting, and says when a folder is empty', async () => {
      const folders = (await backend.listFolders()).items;
      const total = (id: string) => folders.find((folder) => folder.id === id)!.total;
      const messages = total('projects') + total('projects-acme');
      const confirm = async (tree: MailFolderTree, id: string) => {
        item(tree, id).click();
        await tree.updateComplete;
        shadow(tree, '[part~="action-delete"]')!.click();
        await tree.updateComplete;
        return shadow(tree, '[part="confirm"] p')!.textContent!.trim();
      };
      const english = await mount();
      expect(await confirm(english, 'projects')).to.equal(
        `Delete “Projects”, its 1 subfolder and the ${messages} messages in them? This cannot be undone.`,
      );
      await backend.createFolder({ name: 'Empty', parentId: null });
      english.refresh();
      await until(() => names(english).includes('Empty'), 4000, 'the empty folder');
      const empty = (await backend.listFolders()).items.find((folder) => folder.name === 'Empty')!;
      expect(await confirm(english, empty.id)).to.equal('Delete the empty folder “Empty”? This cannot be undone.');
      const spanish = await mount('es');
      await until(() => names(spanish).includes('Bandeja de entrada'), 4000, 'Spanish');
      expect(await confirm(spanish, 'projects')).to.equal(
        `¿Eliminar «Projects», su subcarpeta y los ${messages} mensajes que contienen? No se puede deshacer.`,
      );
      expect(await confirm(spanish, empty.id)).to.equal('¿Eliminar la carpeta vacía «Empty»? No se puede deshacer.');
    });

    it('keeps acting on the highlighted folder after creating one, and shows the new one', async () => {
      const tree = await mount();
      shadow(tree, '[part~="action-create"]')!.click();
      await tree.updateComplete;
      await fill(tree, 'Suppliers');
      await until(() => names(tree).includes('Suppliers'), 4000, 'the new folder');
      const created = (await backend.listFolders()).items.find((folder) => folder.name === 'Suppliers')!;
      expect(tree.selected).to.equal('inbox');
      expect(item(tree, 'inbox').getAttribute('aria-selected')).to.equal('true');
      expect(shadow<HTMLButtonElement>(tree, '[part~="action-rename"]')!.disabled).to.equal(true);
      expect(shadow<HTMLButtonElement>(tree, '[part~="action-delete"]')!.disabled).to.equal(true);
      await until(() => tree.shadowRoot!.activeElement === item(tree, created.id), 3000, 'focus on the new folder');
      shadow(tree, '[part~="action-create"]')!.click();
      await tree.updateComplete;
      expect(shadow<HTMLSelectElement>(tree, '[part="form"] select')!.value).to.equal('');
    });

    it('refuses a name already used at the same level, on the field, and creates nothing', async () => {
      const tree = await mount();
      const before = (await backend.listFolders()).items.length;
      shadow(tree, '[part~="action-create"]')!.click();
      await tree.updateComplete;
      await fill(tree, 'projects');
      await until(() => !!shadow(tree, '[part~="name-error"]'), 3000, 'the field error');
      const input = shadow<HTMLInputElement>(tree, '[part="name-input"]')!;
      expect(shadow(tree, '[part~="name-error"]')!.textContent).to.equal(
        'A folder named “projects” already exists here.',
      );
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('name-error');
      expect((await backend.listFolders()).items.length).to.equal(before);
      await expect(tree).to.be.accessible();
      input.value = 'Projects 2';
      input.dispatchEvent(new Event('input'));
      await tree.updateComplete;
      expect(shadow(tree, '[part~="name-error"]')).to.equal(null);
    });

    it('shows the delete confirmation on a card that fits a narrow pane, buttons on one line', async () => {
      const tree = await mount('es');
      tree.style.width = '232px';
      item(tree, 'projects').click();
      await tree.updateComplete;
      shadow(tree, '[part~="action-delete"]')!.click();
      await tree.updateComplete;
      const card = shadow(tree, '[part="confirm"]')!;
      const style = getComputedStyle(card);
      expect(parseFloat(style.paddingLeft)).to.be.greaterThan(0);
      expect(parseFloat(style.marginLeft)).to.be.greaterThan(0);
      const host = tree.getBoundingClientRect();
      const box = card.getBoundingClientRect();
      expect(box.left).to.be.greaterThan(host.left);
      expect(box.right).to.be.lessThan(host.right);
      expect(card.scrollWidth).to.be.at.most(card.clientWidth);
      const buttons = [...card.querySelectorAll('button')].map((button) => button.getBoundingClientRect());
      expect(buttons.map((button) => button.top)).to.deep.equal([buttons[0]!.top, buttons[0]!.top]);
    });

    it('has no folder actions when read-only', async () => {
      const tree = await mount();
      tree.readonly = true;
      await tree.updateComplete;
      expect(!!shadow(tree, '[part~="actions"]')).to.equal(false);
    });
  });

  describe('drop', () => {
    const drop = (target: HTMLElement, ids: string[], folderId = 'inbox') => {
      const data = new DataTransfer();
      data.setData(MESSAGE_DRAG_TYPE, JSON.stringify({ ids, folderId }));
      const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
      target.dispatchEvent(over);
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
      return over.defaultPrevented;
    };

    it('moves dropped messages itself when nobody cancels mail-folder-drop', async () => {
      const tree = await mount();
      const ids = (await backend.listMessages({ folderId: 'inbox', limit: 2 })).items.map((item) => item.id);
      const events: string[][] = [];
      tree.addEventListener('mail-folder-drop', (event) => events.push(event.detail.ids));
      expect(drop(item(tree, 'archive'), ids)).to.equal(true);
      expect(events).to.deep.equal([ids]);
      await until(() => shadow(tree, '[role="status"]')!.textContent!.includes('2 messages moved to Archive.'));
      const left = await backend.listMessages({ folderId: 'inbox', limit: 200 });
      expect(left.items.some((item) => ids.includes(item.id))).to.equal(false);
    });

    it('leaves the move to whoever cancels mail-folder-drop, and refuses containers', async () => {
      const tree = await mount();
      const ids = (await backend.listMessages({ folderId: 'inbox', limit: 1 })).items.map((item) => item.id);
      tree.addEventListener('mail-folder-drop', (event) => event.preventDefault(), { once: true });
      drop(item(tree, 'archive'), ids);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await backend.getMessage({ id: ids[0]! })).folderId).to.equal('inbox');
      const container = (await backend.listFolders()).items.find((folder) => !folder.selectable);
      if (container) expect(drop(item(tree, container.id), ids)).to.equal(false);
    });

    it('refuses drops on Drafts', async () => {
      const tree = await mount();
      const ids = (await backend.listMessages({ folderId: 'inbox', limit: 1 })).items.map((item) => item.id);
      const events: unknown[] = [];
      tree.addEventListener('mail-folder-drop', (event) => events.push(event));
      expect(drop(item(tree, 'drafts'), ids)).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events).to.have.length(0);
      expect((await backend.getMessage({ id: ids[0]! })).folderId).to.equal('inbox');
    });
  });

  it('updates unread counts when mail arrives', async () => {
    const tree = await mount();
    const before = Number(item(tree, 'inbox').querySelector('[part~="unread-count"]')!.textContent);
    await new Promise((resolve) => setTimeout(resolve, 300));
    backend.deliver({ subject: 'Count me' });
    await until(
      () => Number(item(tree, 'inbox').querySelector('[part~="unread-count"]')?.textContent) === before + 1,
      4000,
      'the new count',
    );
  });
});

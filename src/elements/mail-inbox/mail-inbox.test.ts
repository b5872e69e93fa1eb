import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import '../mail-message-list/ignore-resize-loop.test-helper.js';
import '../../define/mail-backend-provider.js';
import '../../define/mail-inbox.js';
import type { MailInbox } from './mail-inbox.js';
import type { MailMessageList } from '../mail-message-list/mail-message-list.js';
import type { MailFolderTree } from '../mail-folder-tree/mail-folder-tree.js';
import type { MailComposer } from '../mail-composer/mail-composer.js';
import type { MailAddressInput } from '../mail-address-input/mail-address-input.js';
import { MESSAGE_DRAG_TYPE } from '../mail-message-list/drag.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';
import { expectIsolatedLtr, textBox } from '../../../test/a11y/bidi.js';

interface MountOptions {
  lang?: string;
  dir?: 'ltr' | 'rtl';
  width?: number;
  attributes?: string;
  light?: string;
}

async function mount(options: MountOptions = {}): Promise<MailInbox> {
  const root = await fixture(
    html`<div
      lang=${options.lang ?? 'en'}
      dir=${options.dir ?? nothing}
      style="width:${options.width ?? 1200}px;height:700px"
    >
      <mail-backend-provider base-url=${API}></mail-backend-provider>
    </div>`,
  );
  // Attributes as a host page writes them.
  root.querySelector('mail-backend-provider')!.innerHTML =
    `<mail-inbox seen-delay="150" ${options.attributes ?? ''}>${options.light ?? ''}</mail-inbox>`;
  const inbox = root.querySelector('mail-inbox')!;
  await until(() => !!list(inbox) && rowsOf(inbox).length > 0, 6000, 'the inbox rows');
  return inbox;
}

const list = (inbox: MailInbox) => shadow<MailMessageList>(inbox, 'mail-message-list')!;
const tree = (inbox: MailInbox) => shadow<MailFolderTree>(inbox, 'mail-folder-tree')!;
const rowsOf = (inbox: MailInbox) => shadowAll(list(inbox), '[role="option"]');
const viewId = (inbox: MailInbox) => shadow(inbox, 'mail-message-view')?.getAttribute('message-id') ?? '';
const key = (target: EventTarget, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
const click = (element: Element, init: MouseEventInit = {}) =>
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ...init }));

describe('<mail-inbox>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe when loaded, with a message open', async () => {
      const inbox = await mount();
      click(rowsOf(inbox)[1]!);
      await until(() => !!viewId(inbox), 2000, 'the reader');
      await expect(inbox).to.be.accessible();
    });
    it('passes axe when empty (a search that finds nothing)', async () => {
      const inbox = await mount();
      inbox.search('zz-nothing-matches-zz');
      await until(() => !!shadow(list(inbox), '[part~="empty"]'), 4000, 'the empty state');
      await expect(inbox).to.be.accessible();
    });
    it('passes axe while loading', async () => {
      backend.faults.set('listMessages', { latencyMs: 5000 });
      const root = await fixture(
        html`<div style="width:1200px;height:700px">
          <mail-backend-provider base-url=${API}><mail-inbox></mail-inbox></mail-backend-provider>
        </div>`,
      );
      const inbox = root.querySelector('mail-inbox')!;
      await until(() => !!list(inbox) && !!shadow(list(inbox), '[aria-busy="true"]'), 4000, 'the skeleton');
      await expect(inbox).to.be.accessible();
    });
    it('passes axe when failing, and reports mail-error', async () => {
      backend.faults.set('listMessages', { error: 'server' });
      const errors: string[] = [];
      const listener = (event: GlobalEventHandlersEventMap['mail-error']) => errors.push(event.detail.operation);
      document.addEventListener('mail-error', listener);
      const root = await fixture(
        html`<div style="width:1200px;height:700px">
          <mail-backend-provider base-url=${API}><mail-inbox></mail-inbox></mail-backend-provider>
        </div>`,
      );
      const inbox = root.querySelector('mail-inbox')!;
      await until(() => !!list(inbox) && !!shadow(list(inbox), '[part~="error"]'), 6000, 'the error');
      document.removeEventListener('mail-error', listener);
      expect(errors).to.include('listMessages');
      await expect(inbox).to.be.accessible();
    });
  });

  it('has sensible defaults', () => {
    const inbox = document.createElement('mail-inbox');
    expect(inbox.folder).to.equal('');
    expect(inbox.pageSize).to.equal(50);
    expect(inbox.message).to.equal('');
    expect(inbox.readonly).to.equal(false);
    expect(inbox.shortcuts).to.equal('on');
    expect(inbox.layout).to.equal('auto');
    expect(inbox.objectName).to.equal('');
    expect(inbox.seenDelay).to.equal(1500);
  });

  describe('layout', () => {
    it('shows folders, list and reader side by side when wide, with resizable splitters', async () => {
      const inbox = await mount();
      const layout = shadow(inbox, '.layout')!;
      expect(layout.dataset.layout).to.equal('columns');
      const splitters = shadowAll(inbox, '[role="separator"]');
      expect(splitters).to.have.length(2);
      const folders = shadow(inbox, '[part="folders"]')!;
      const width = folders.getBoundingClientRect().width;
      splitters[0]!.focus();
      key(splitters[0]!, 'ArrowRight');
      await inbox.updateComplete;
      expect(folders.getBoundingClientRect().width).to.equal(width + 16);
      expect(splitters[0]!.getAttribute('aria-valuenow')).to.equal(String(width + 16));
      key(splitters[0]!, 'Home');
      await inbox.updateComplete;
      expect(folders.getBoundingClientRect().width).to.equal(160);
      key(splitters[1]!, 'End');
      await inbox.updateComplete;
      expect(shadow(inbox, '[part="list-pane"]')!.getBoundingClientRect().width).to.equal(900);
    });

    it('shows one pane at a time when narrow: list, reader with a back button, folders behind a button', async () => {
      const inbox = await mount({ width: 420 });
      const layout = shadow(inbox, '.layout')!;
      expect(layout.dataset.layout).to.equal('single');
      expect(shadow(inbox, '[part="reader"]')!.getBoundingClientRect().width).to.equal(0);
      const first = rowsOf(inbox)[0]!;
      click(first);
      await inbox.updateComplete;
      expect(layout.dataset.pane).to.equal('reader');
      expect(viewId(inbox)).to.equal(first.dataset.id);
      shadow(inbox, '[part="back-button"]')!.click();
      await inbox.updateComplete;
      expect(layout.dataset.pane).to.equal('list');
      shadow<HTMLButtonElement>(inbox, '[part="header"] .icon-button')!.click();
      await inbox.updateComplete;
      expect(layout.dataset.pane).to.equal('folders');
      shadowAll(tree(inbox), '[role="treeitem"]')
        .find((node) => node.dataset.id === 'archive')!
        .click();
      await inbox.updateComplete;
      expect(layout.dataset.pane).to.equal('list');
      expect(list(inbox).folder).to.equal('archive');
    });

    it('closes the folders pane on a phone with a labelled back button or Escape, back to the list', async () => {
      const inbox = await mount({ width: 390 });
      const layout = shadow(inbox, '.layout')!;
      const openFolders = async () => {
        shadow<HTMLButtonElement>(inbox, '[part="header"] .icon-button')!.click();
        await inbox.updateComplete;
        expect(layout.dataset.pane).to.equal('folders');
      };
      await openFolders();
      const close = shadow<HTMLButtonElement>(inbox, '[part="folders-close"]')!;
      expect(close.getAttribute('aria-label')).to.equal('Back to the list');
      expect(close.getBoundingClientRect().width).to.be.greaterThan(0);
      await until(() => inbox.shadowRoot!.activeElement === close, 2000, 'the focus on the back button');
      await expect(inbox).to.be.accessible();
      close.click();
      await inbox.updateComplete;
      expect(layout.dataset.pane).to.equal('list');
      await openFolders();
      key(shadowAll(tree(inbox), '[role="treeitem"]')[0]!, 'Escape');
      await inbox.updateComplete;
      expect(layout.dataset.pane, 'Escape in the tree').to.equal('list');
      inbox.shortcuts = 'off';
      await openFolders();
      key(shadow(inbox, '[part="folders-close"]')!, 'Escape');
      await inbox.updateComplete;
      expect(layout.dataset.pane, 'Escape closes it without the shortcuts too').to.equal('list');
    });

    it('gives the search box room: at least 15rem beside the buttons at 1280 and 390 px wide', async () => {
      for (const width of [1280, 390]) {
        const inbox = await mount({ width });
        const search = shadow(inbox, '[part="search"]')!.getBoundingClientRect();
        const header = shadow(inbox, '[part="header"]')!.getBoundingClientRect();
        expect(search.width, `at ${width}`).to.be.at.least(width > 900 ? 240 : 200);
        const compose = shadow(inbox, '[part="compose-button"]')!;
        expect(compose.getBoundingClientRect().right, `the compose button fits at ${width}`).to.be.at.most(
          header.right,
        );
        expect(compose.textContent!.trim()).to.equal('Compose');
      }
    });

    it('follows the layout attribute whatever the width', async () => {
      const inbox = await mount({ attributes: 'layout="single"' });
      expect(shadow(inbox, '.layout')!.dataset.layout).to.equal('single');
      inbox.layout = 'columns';
      await inbox.updateComplete;
      expect(shadow(inbox, '.layout')!.dataset.layout).to.equal('columns');
    });
  });

  describe('folders', () => {
    it('lists the inbox-role folder by default and changes folder from the tree', async () => {
      const inbox = await mount();
      expect(list(inbox).folder).to.equal('inbox');
      const archive = shadowAll(tree(inbox), '[role="treeitem"]').find((node) => node.dataset.id === 'archive')!;
      setTimeout(() => archive.click());
      const event = await oneEvent(inbox, 'mail-folder-change');
      expect(event.detail.folder.id).to.equal('archive');
      expect(inbox.folder).to.equal('archive');
      await inbox.updateComplete;
      expect(list(inbox).folder).to.equal('archive');
    });

    it('moves rows dropped on a folder through the list: optimistic, with mail-action first', async () => {
      const inbox = await mount();
      const id = rowsOf(inbox)[0]!.dataset.id!;
      const actions: string[] = [];
      inbox.addEventListener('mail-action', (event) => actions.push(`${event.detail.action}:${event.detail.ids}`));
      const data = new DataTransfer();
      data.setData(MESSAGE_DRAG_TYPE, JSON.stringify({ ids: [id], folderId: 'inbox' }));
      const target = shadowAll(tree(inbox), '[role="treeitem"]').find((node) => node.dataset.id === 'junk')!;
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
      expect(actions).to.deep.equal([`move:${id}`]);
      await until(() => !list(inbox).messages.some((item) => item.id === id), 1000, 'the row to go');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const inboxNow = await backend.listMessages({ folderId: 'inbox', limit: 200 });
      expect(inboxNow.items.some((item) => item.id === id)).to.equal(false);
    });
  });

  describe('reader', () => {
    it('opens a message by id from the message attribute', async () => {
      const target = (await backend.listMessages({ folderId: 'inbox', limit: 5 })).items[3]!;
      const inbox = await mount({ attributes: `message="${target.id}"` });
      expect(viewId(inbox)).to.equal(target.id);
      await until(() => list(inbox).selectedId === target.id, 2000, 'the row to be current');
    });

    it('marks an unread message read after the configured delay, and not before', async () => {
      const unread = (await backend.listMessages({ folderId: 'inbox', unseen: true, limit: 1 })).items[0]!;
      const inbox = await mount();
      inbox.seenDelay = 400;
      const row = rowsOf(inbox).find((each) => each.dataset.id === unread.id)!;
      setTimeout(() => click(row));
      const opened = await oneEvent(inbox, 'mail-open');
      expect(opened.detail.message.id).to.equal(unread.id);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await backend.getMessage({ id: unread.id })).flags.seen).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await backend.getMessage({ id: unread.id })).flags.seen).to.equal(true);
    });

    it('never marks read when read-only', async () => {
      const unread = (await backend.listMessages({ folderId: 'inbox', unseen: true, limit: 1 })).items[0]!;
      const inbox = await mount({ attributes: 'readonly' });
      click(rowsOf(inbox).find((each) => each.dataset.id === unread.id)!);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await backend.getMessage({ id: unread.id })).flags.seen).to.equal(false);
      expect(!!shadow(inbox, '[part="compose-button"]')).to.equal(false);
    });

    it('steps to the next and previous message', async () => {
      const inbox = await mount();
      const ids = rowsOf(inbox).map((each) => each.dataset.id!);
      click(rowsOf(inbox)[0]!);
      await inbox.updateComplete;
      expect(shadow<HTMLButtonElement>(inbox, '[part="previous-button"]')!.disabled).to.equal(true);
      expect(shadow(inbox, '.position')!.textContent).to.include('1 of');
      shadow(inbox, '[part="next-button"]')!.click();
      await until(() => viewId(inbox) === ids[1], 2000, 'the next message');
      shadow(inbox, '[part="next-button"]')!.click();
      await until(() => viewId(inbox) === ids[2], 2000, 'the one after');
      shadow(inbox, '[part="previous-button"]')!.click();
      await until(() => viewId(inbox) === ids[1], 2000, 'the previous message');
      expect(list(inbox).activeId).to.equal(ids[1]);
      expect(list(inbox).selectedIds).to.deep.equal([]);
    });

    it('ticks a box without opening the message in the reader', async () => {
      const inbox = await mount();
      const ids = rowsOf(inbox).map((each) => each.dataset.id!);
      click(rowsOf(inbox)[2]!.querySelector('[part="check"]')!);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(list(inbox).selectedIds).to.deep.equal([ids[2]]);
      expect(viewId(inbox)).to.equal('');
    });

    it('keeps the numbers of "3 de 2454" in the sentence’s order, right to left', async () => {
      const inbox = await mount({ lang: 'es', dir: 'rtl' });
      click(rowsOf(inbox)[2]!);
      await until(() => !!shadow(inbox, '.position'), 2000, 'the position');
      expect(getComputedStyle(shadow(inbox, '.position')!).direction).to.equal('rtl');
      const sentence = shadow(inbox, '.position > bdi')!;
      expectIsolatedLtr(sentence);
      const [position, total] = [...sentence.querySelectorAll('bdi')];
      expect(position!.textContent).to.equal('3');
      const count = Math.max(list(inbox).count ?? 0, list(inbox).messages.length);
      expect(total!.textContent).to.equal(new Intl.NumberFormat('es').format(count));
      const de = textBox(sentence, 'de').left;
      expect(position!.getBoundingClientRect().left, 'the position comes first').to.be.lessThan(de);
      expect(de, 'the total comes last').to.be.lessThan(total!.getBoundingClientRect().left);
    });

    it('groups conversations and expands the open one in the reader', async () => {
      const inbox = await mount();
      await until(() => list(inbox).threads, 2000, 'threads on');
      const head = list(inbox).messages.find((item) => (item.threadSize ?? 1) > 1)!;
      expect(!!head).to.equal(true);
      expect(shadow(inbox, '[part="threads-button"]')!.getAttribute('aria-pressed')).to.equal('true');
      list(inbox).scrollToIndex(list(inbox).messages.indexOf(head));
      await until(() => rowsOf(inbox).some((each) => each.dataset.id === head.id), 2000, 'the conversation row');
      click(rowsOf(inbox).find((each) => each.dataset.id === head.id)!);
      await until(() => shadowAll(inbox, '[part="conversation"] button').length === head.threadSize, 3000, 'thread');
      const members = shadowAll(inbox, '[part="conversation"] button');
      const other = members.find((button) => button.getAttribute('aria-current') === 'false')!;
      other.click();
      await inbox.updateComplete;
      expect(viewId(inbox)).not.to.equal(head.id);
      expect(other.getAttribute('aria-current')).to.equal('true');
      shadow(inbox, '[part="threads-button"]')!.click();
      await inbox.updateComplete;
      expect(list(inbox).threads).to.equal(false);
    });
  });

  describe('search', () => {
    it('parses the search syntax into the list filter, shows the result count and clears', async () => {
      const inbox = await mount();
      const input = shadow<HTMLInputElement>(inbox, '[part="search-input"]')!;
      input.value = 'is:unread has:attachment';
      shadow<HTMLFormElement>(inbox, '[part="search"]')!.requestSubmit();
      // A query with operators is checked first, by the panels' chunk: at once once it is there.
      await until(() => !!list(inbox).filter.unseen, 2000, 'the filter');
      expect(list(inbox).filter).to.deep.equal({ unseen: true, hasAttachment: true });
      const expected = await backend.listMessages({ folderId: 'inbox', unseen: true, hasAttachment: true, limit: 1 });
      await until(() => list(inbox).count === expected.total, 4000, 'the results');
      await until(() => shadow(list(inbox), '[part~="count"]')!.textContent!.includes('result'), 2000, 'count');
      shadow(inbox, '[part="search-clear"]')!.click();
      await inbox.updateComplete;
      expect(list(inbox).filter).to.deep.equal({});
      expect(input.value).to.equal('');
    });

    it('says visibly which operator value it does not understand instead of searching', async () => {
      const inbox = await mount();
      const input = shadow<HTMLInputElement>(inbox, '[part="search-input"]')!;
      input.value = 'invoice before:2026-13-45';
      shadow<HTMLFormElement>(inbox, '[part="search"]')!.requestSubmit();
      await until(() => !!shadow(inbox, '[part="search-error"]'), 2000, 'the hint');
      const hint = shadow(inbox, '[part="search-error"]')!;
      expect(hint.textContent).to.contain('“2026-13-45” is not a date: use YYYY-MM-DD.');
      expect(hint.getAttribute('role')).to.equal('alert');
      expect(hint.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain(hint.id);
      expect(list(inbox).filter, 'nothing was searched').to.deep.equal({});
      await expect(inbox).to.be.accessible();
      input.value = 'is:unred';
      shadow<HTMLFormElement>(inbox, '[part="search"]')!.requestSubmit();
      await until(() => shadow(inbox, '[part="search-error"]')!.textContent!.includes('unred'), 2000, 'the hint');
      expect(shadow(inbox, '[part="search-error"]')!.textContent).to.contain('“is:unred” is not understood');
      input.value = 'before:2026-11-20';
      shadow<HTMLFormElement>(inbox, '[part="search"]')!.requestSubmit();
      await until(() => !shadow(inbox, '[part="search-error"]'), 2000, 'the hint gone');
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      expect(list(inbox).filter).to.deep.equal({ before: '2026-11-20' });
    });

    it('shows the search syntax in the filter panel, in English and Spanish', async () => {
      for (const [lang, title] of [
        ['en', 'Search tips'],
        ['es', 'Trucos de búsqueda'],
      ] as const) {
        const inbox = await mount({ lang });
        shadow(inbox, '[part="filters-button"]')!.click();
        await until(() => !!shadow(inbox, '[part="search-tips"]'), 2000, 'the search tips');
        const tips = shadow(inbox, '[part="search-tips"]')!;
        expect(tips.getBoundingClientRect().height).to.be.greaterThan(0);
        expect(tips.textContent).to.contain(title);
        const codes = [...tips.querySelectorAll('code')].map((code) => code.textContent);
        expect(codes).to.include.members(['from:', 'is:unread', 'has:attachment', 'before:2026-01-31']);
      }
    });

    it('edits the same filter in the panel and writes it back as syntax', async () => {
      const inbox = await mount();
      shadow(inbox, '[part="filters-button"]')!.click();
      // The panel arrives with its chunk, the first time it is opened.
      await until(() => !!shadow(inbox, '[part="filters"]'), 2000, 'the filter panel');
      const panel = shadow<HTMLFormElement>(inbox, '[part="filters"]')!;
      panel.querySelector<HTMLInputElement>('[name="from"]')!.value = 'Elena';
      panel.querySelector<HTMLInputElement>('[name="since"]')!.value = '2026-01-01';
      panel.querySelector<HTMLInputElement>('[name="until"]')!.value = '2026-11-19';
      panel.querySelector<HTMLInputElement>('[name="unseen"]')!.checked = true;
      await expect(inbox).to.be.accessible();
      panel.requestSubmit();
      await inbox.updateComplete;
      expect(list(inbox).filter).to.deep.equal({
        from: 'Elena',
        since: '2026-01-01',
        before: '2026-11-20',
        unseen: true,
      });
      expect(shadow<HTMLInputElement>(inbox, '[part="search-input"]')!.value).to.equal(
        'from:Elena is:unread since:2026-01-01 before:2026-11-20',
      );
    });
  });

  describe('live updates', () => {
    it('announces new mail, emits mail-new-mail and keeps the selection', async () => {
      const inbox = await mount();
      const selected = rowsOf(inbox)[3]!.dataset.id!;
      click(rowsOf(inbox)[3]!);
      await new Promise((resolve) => setTimeout(resolve, 300));
      setTimeout(() =>
        backend.deliver({ subject: 'Live hello', from: { name: 'Marta Ruiz', address: 'marta@x.example' } }),
      );
      const event = await oneEvent(inbox, 'mail-new-mail');
      expect(event.detail.messages.map((item: { subject: string }) => item.subject)).to.deep.equal(['Live hello']);
      expect(shadow(inbox, ':host > [role="status"], .visually-hidden[role="status"]')!.textContent).to.include(
        'New message from Marta Ruiz',
      );
      await until(() => list(inbox).messages[0]!.subject === 'Live hello', 2000, 'the new row');
      expect(list(inbox).activeId).to.equal(selected);
      expect(viewId(inbox)).to.equal(selected);
    });

    it('does not take its own moves for new mail', async () => {
      const archived = (await backend.listMessages({ folderId: 'archive', limit: 1 })).items[0]!;
      await backend.setFlags({ ids: [archived.id], flags: { seen: false } });
      const inbox = await mount({ attributes: 'folder="archive"' });
      let count = 0;
      inbox.addEventListener('mail-new-mail', () => count++);
      click(
        rowsOf(inbox).find((each) => each.dataset.id === archived.id)!,
        { ctrlKey: true },
      );
      await list(inbox).updateComplete;
      const menu = shadow<HTMLSelectElement>(list(inbox), 'select[part~="action-move"]')!;
      menu.value = 'inbox';
      menu.dispatchEvent(new Event('change'));
      await until(() => !list(inbox).messages.some((item) => item.id === archived.id), 2000, 'the move');
      await new Promise((resolve) => setTimeout(resolve, 600));
      const moved = await backend.listMessages({ folderId: 'inbox', unseen: true, limit: 200 });
      expect(moved.items.some((item) => item.messageId === archived.messageId)).to.equal(true);
      expect(count).to.equal(0);
      // Mail from elsewhere still counts.
      backend.deliver({ subject: 'Really new' });
      await until(() => count === 1, 2000, 'real new mail');
    });
  });

  describe('composer', () => {
    /** Opens the composer, types `text` into its body and closes it with its × button, as a user would. */
    async function writeAndClose(inbox: MailInbox, mode: 'reply' | 'forward', text: string): Promise<void> {
      inbox.compose(mode);
      const editor = () => shadow(inbox, 'mail-composer')?.shadowRoot?.querySelector('[contenteditable="true"]');
      await until(() => !!editor(), 6000, 'the composer');
      const composer = shadow(inbox, 'mail-composer')!;
      composer.shadowRoot!.querySelector<HTMLElement>('[part~="body"]')!.focus();
      document.execCommand('insertText', false, text);
      composer.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
      await until(() => !shadow(inbox, 'mail-composer'), 3000, 'the composer to close');
    }

    /** The element that has the focus, looked for through shadow roots. */
    function focused(): Element | null {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    }

    /** Waits until the focus is in the composer's To field or its body. */
    async function focusLandsOn(inbox: MailInbox, where: 'to' | 'body'): Promise<void> {
      const target = () => {
        const composer = shadow(inbox, 'mail-composer');
        if (where === 'body') return composer?.shadowRoot?.querySelector('[part~="body"]');
        return composer?.shadowRoot
          ?.querySelector('mail-address-input[data-field="to"]')
          ?.shadowRoot?.querySelector('input');
      };
      await until(() => !!target() && focused() === target(), 3000, `the focus on ${where}`);
    }

    it('puts the focus on To for a new message and a forward, and on the body for a reply', async () => {
      const inbox = await mount();
      click(rowsOf(inbox)[0]!);
      await until(() => !!viewId(inbox), 2000, 'the reader');
      for (const [mode, where] of [
        ['new', 'to'],
        ['reply', 'body'],
        ['forward', 'to'],
        ['new', 'to'],
      ] as const) {
        if (mode === 'new') shadow(inbox, '[part="compose-button"]')!.click();
        else inbox.compose(mode);
        await focusLandsOn(inbox, where);
        shadow<HTMLDialogElement>(inbox, '[part="composer-dialog"]')!.close();
        await until(() => !shadow(inbox, 'mail-composer'), 1000, 'the composer to close');
      }
    });

    it('opens the next composer when asked for while the last one closes', async () => {
      const inbox = await mount();
      click(rowsOf(inbox)[0]!);
      await until(() => !!viewId(inbox), 2000, 'the reader');
      inbox.compose('reply');
      await until(() => !!shadow(inbox, 'mail-composer'), 6000, 'the reply');
      inbox.addEventListener('mail-compose-close', () => inbox.compose('forward'), { once: true });
      await (shadow(inbox, 'mail-composer') as MailComposer).close();
      await until(() => shadow(inbox, 'mail-composer')?.getAttribute('mode') === 'forward', 2000, 'the forward');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(shadow(inbox, 'mail-composer')?.getAttribute('mode')).to.equal('forward');
      expect(shadow<HTMLDialogElement>(inbox, '[part="composer-dialog"]')!.open).to.equal(true);
    });

    it('keeps a reply and then a forward of the same message as two drafts, listed one by one in Drafts', async () => {
      const inbox = await mount();
      const source = rowsOf(inbox)[0]!.dataset.id!;
      click(rowsOf(inbox)[0]!);
      await until(() => viewId(inbox) === source, 2000, 'the reader');
      await writeAndClose(inbox, 'reply', 'REPLYTEXT111');
      await writeAndClose(inbox, 'forward', 'FWDTEXT222');
      const drafts = (await backend.listMessages({ folderId: 'drafts', limit: 200 })).items;
      const texts = await Promise.all(drafts.map(async (m) => (await backend.getDraft({ id: m.id })).text ?? ''));
      expect(texts.filter((text) => text.includes('REPLYTEXT111'))).to.have.length(1);
      expect(texts.filter((text) => text.includes('FWDTEXT222'))).to.have.length(1);
      inbox.folder = 'drafts';
      await until(() => rowsOf(inbox).some((row) => row.textContent!.includes('FWDTEXT222')), 3000, 'the drafts');
      const rows = rowsOf(inbox).map((row) => row.textContent!);
      expect(rows.filter((row) => row.includes('REPLYTEXT111'))).to.have.length(1);
      expect(rows.filter((row) => row.includes('FWDTEXT222'))).to.have.length(1);
    });
  });

  describe('drafts', () => {
    const unfinished = {
      to: [{ name: 'Ana', address: 'ana@acme.example' }],
      cc: [],
      bcc: [],
      subject: 'Unfinished plan',
      text: 'First words',
      attachments: [],
    };
    const composerOf = (inbox: MailInbox) => shadow<MailComposer>(inbox, '[part="composer-dialog"] mail-composer');
    const draftsOf = async () => (await backend.listMessages({ folderId: 'drafts', limit: 200 })).items;
    const draftRow = (inbox: MailInbox, id: string) => rowsOf(inbox).find((row) => row.dataset.id === id);

    /** Shows the Drafts folder and waits for the row of the draft `id`. */
    async function showDrafts(inbox: MailInbox, id: string): Promise<HTMLElement> {
      inbox.folder = 'drafts';
      await until(() => !!draftRow(inbox, id), 3000, 'the draft row');
      return draftRow(inbox, id)!;
    }

    /** Waits for the composer to show the draft, editable. */
    async function composerReady(inbox: MailInbox): Promise<MailComposer> {
      await until(() => !!composerOf(inbox)?.shadowRoot?.querySelector('[contenteditable="true"]'), 6000, 'composer');
      const composer = composerOf(inbox)!;
      await until(() => shadow<HTMLInputElement>(composer, '#subject')?.value === unfinished.subject, 3000, 'draft');
      return composer;
    }

    it('opens a draft in the composer with its recipients, subject and body, not in the reader', async () => {
      const saved = await backend.saveDraft(unfinished);
      const inbox = await mount();
      setTimeout(async () => click(await showDrafts(inbox, saved.id)));
      const event = await oneEvent(inbox, 'mail-composer-open');
      expect(event.detail).to.deep.equal({ mode: 'draft', sourceId: saved.id, objectName: '', objectId: '' });
      const composer = await composerReady(inbox);
      expect(composer.getAttribute('draft-id')).to.equal(saved.id);
      expect(composer.hasAttribute('source-id')).to.equal(false);
      const to = composer.shadowRoot!.querySelector<MailAddressInput>('mail-address-input[data-field="to"]')!;
      expect(to.value).to.deep.equal(unfinished.to);
      expect(shadow(composer, '[part~="body"]')!.textContent).to.include('First words');
      expect(shadow(inbox, '[part="composer-dialog"]')!.getAttribute('aria-label')).to.equal('Draft');
      expect(viewId(inbox), 'the reader stays empty').to.equal('');
      expect(shadow(inbox, '[part="reader-empty"]')).to.not.equal(null);
    });

    it('updates the same draft when it is edited and closed, and sends it out of Drafts', async () => {
      const saved = await backend.saveDraft(unfinished);
      const before = (await draftsOf()).length;
      const inbox = await mount();
      click(await showDrafts(inbox, saved.id));
      let composer = await composerReady(inbox);
      shadow(composer, '[part~="body"]')!.focus();
      document.execCommand('insertText', false, ' EDITED777');
      shadow(composer, '[part~="close-button"]')!.click();
      await until(() => !composerOf(inbox), 3000, 'the composer to close');
      const drafts = await draftsOf();
      expect(drafts, 'no second draft').to.have.length(before);
      const texts = await Promise.all(drafts.map(async (m) => (await backend.getDraft({ id: m.id })).text ?? ''));
      expect(texts.filter((text) => text.includes('EDITED777'))).to.have.length(1);
      expect((await backend.getDraft({ id: saved.id })).text).to.include('EDITED777');
      // Opened again, with Enter on its row, it is sent: it leaves Drafts, and the list.
      shadow(list(inbox), '[part="list"]')!.focus();
      key(shadow(list(inbox), '[part="list"]')!, 'Enter');
      composer = await composerReady(inbox);
      expect(shadow(composer, '[part~="body"]')!.textContent).to.include('EDITED777');
      composer.undoSeconds = 0;
      setTimeout(() => shadow(composer, '[part~="send-button"]')!.click());
      await oneEvent(inbox, 'mail-sent');
      await until(() => !composerOf(inbox), 3000, 'the composer to close');
      expect((await draftsOf()).some((m) => m.id === saved.id)).to.equal(false);
      expect(await draftsOf()).to.have.length(before - 1);
      await until(() => !draftRow(inbox, saved.id), 3000, 'the row to leave the list');
      const sent = (await backend.listMessages({ folderId: 'sent', limit: 200 })).items;
      expect(sent.filter((m) => m.subject === unfinished.subject)).to.have.length(1);
    });

    it('reads a draft in the reader when the inbox is read-only', async () => {
      const saved = await backend.saveDraft(unfinished);
      const inbox = await mount({ attributes: 'readonly' });
      click(await showDrafts(inbox, saved.id));
      await until(() => viewId(inbox) === saved.id, 2000, 'the reader');
      expect(composerOf(inbox)).to.equal(null);
    });

    it('shows conversations as off, and not to be turned on, while Drafts is shown', async () => {
      const inbox = await mount();
      const threads = () => shadow<HTMLButtonElement>(inbox, '[part="threads-button"]')!;
      await until(() => list(inbox).threads, 2000, 'threads on');
      expect(threads().getAttribute('aria-pressed')).to.equal('true');
      expect(threads().disabled).to.equal(false);
      inbox.folder = 'drafts';
      await until(() => threads().disabled, 2000, 'the button disabled');
      expect(threads().getAttribute('aria-pressed')).to.equal('false');
      expect(list(inbox).threads).to.equal(false);
      inbox.folder = 'inbox';
      await until(() => !threads().disabled, 2000, 'the button enabled');
      expect(threads().getAttribute('aria-pressed')).to.equal('true');
      expect(list(inbox).threads).to.equal(true);
    });
  });

  describe('keyboard shortcuts', () => {
    it('moves with j and k, opens with o, and reads the open message with r, a, f in the composer', async () => {
      const inbox = await mount();
      const ids = rowsOf(inbox).map((each) => each.dataset.id!);
      key(inbox, 'j');
      await until(() => list(inbox).activeId === ids[0], 1000, 'j');
      key(inbox, 'j');
      await until(() => list(inbox).activeId === ids[1], 1000, 'j again');
      key(inbox, 'k');
      await until(() => list(inbox).activeId === ids[0], 1000, 'k');
      setTimeout(() => key(inbox, 'o'));
      const opened = await oneEvent(inbox, 'mail-open');
      expect(opened.detail.message.id).to.equal(ids[0]);
      setTimeout(() => key(inbox, 'r'));
      const reply = await oneEvent(inbox, 'mail-composer-open');
      expect(reply.detail).to.deep.equal({ mode: 'reply', sourceId: ids[0], objectName: '', objectId: '' });
      await until(() => !!shadow(inbox, '[part="composer-dialog"] mail-composer'), 2000, 'the composer');
      const composer = shadow(inbox, '[part="composer-dialog"] mail-composer')!;
      expect(composer.getAttribute('mode')).to.equal('reply');
      expect(composer.getAttribute('source-id')).to.equal(ids[0]);
      expect(shadow<HTMLDialogElement>(inbox, '[part="composer-dialog"]')!.open).to.equal(true);
      shadow<HTMLDialogElement>(inbox, '[part="composer-dialog"]')!.close();
      await until(() => !shadow(inbox, '[part="composer-dialog"] mail-composer'), 1000, 'the composer to close');
    });

    it('carries the record context into the composer', async () => {
      const inbox = await mount({ attributes: 'object-name="customers" object-id="42"' });
      setTimeout(() => key(inbox, 'c'));
      const event = await oneEvent(inbox, 'mail-composer-open');
      expect(event.detail).to.deep.equal({ mode: 'new', sourceId: '', objectName: 'customers', objectId: '42' });
      await until(() => !!shadow(inbox, 'mail-composer'), 2000, 'the composer');
      expect(shadow(inbox, 'mail-composer')!.getAttribute('object-name')).to.equal('customers');
      expect(shadow(inbox, 'mail-composer')!.getAttribute('object-id')).to.equal('42');
    });

    it('archives with e, flags with s, marks with Shift+I and Shift+U, deletes with #', async () => {
      const inbox = await mount();
      const [first, second, third] = list(inbox).messages;
      key(inbox, 'j');
      await until(() => list(inbox).activeId === first!.id, 1000, 'first');
      key(inbox, 's');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await backend.getMessage({ id: first!.id })).flags.flagged).to.equal(!first!.flags.flagged);
      key(inbox, 'U');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await backend.getMessage({ id: first!.id })).flags.seen).to.equal(false);
      key(inbox, 'I');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await backend.getMessage({ id: first!.id })).flags.seen).to.equal(true);
      key(inbox, 'e');
      await until(() => list(inbox).messages[0]!.id === second!.id, 2000, 'archived');
      expect(list(inbox).activeId).to.equal(second!.id);
      key(inbox, '#');
      await until(() => list(inbox).messages[0]!.id === third!.id, 2000, 'deleted');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Moved messages get new ids: find them by their Message-ID.
      const archive = await backend.listMessages({ folderId: 'archive', limit: 200 });
      const trash = await backend.listMessages({ folderId: 'trash', limit: 200 });
      expect(archive.items.some((item) => item.messageId === first!.messageId)).to.equal(true);
      expect(trash.items.some((item) => item.messageId === second!.messageId)).to.equal(true);
    });

    it('opens the help with ?, focuses the search with /, and stays quiet while typing', async () => {
      const inbox = await mount();
      key(inbox, '?');
      await inbox.updateComplete;
      const dialog = shadow<HTMLDialogElement>(inbox, '[part="help-dialog"]')!;
      expect(dialog.open).to.equal(true);
      // The list arrives with its chunk, the first time the help opens.
      await until(() => dialog.querySelectorAll('kbd').length > 15, 2000, 'the shortcut list');
      expect(dialog.textContent).to.include('Archive');
      await expect(inbox).to.be.accessible();
      dialog.close();
      key(inbox, '/');
      await until(() => inbox.shadowRoot!.activeElement?.getAttribute('part') === 'search-input', 1000, 'search');
      const input = shadow<HTMLInputElement>(inbox, '[part="search-input"]')!;
      key(input, 'j');
      key(input, 'e');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(list(inbox).selectedIds).to.deep.equal([]);
    });

    it('names the keys as the keyboard of the language prints them', async () => {
      const keysOf = async (inbox: MailInbox) => {
        inbox.showShortcuts();
        await until(() => shadowAll(inbox, '[part="help-dialog"] kbd').length > 15, 2000, 'the shortcut list');
        return shadowAll(inbox, '[part="help-dialog"] kbd').map((kbd) => kbd.textContent!.trim());
      };
      const english = await keysOf(await mount());
      expect(english).to.include.members(['Enter', 'Esc', 'Delete', 'Shift+I', 'Shift+U', 'j', '#']);
      const spanish = await keysOf(await mount({ lang: 'es' }));
      expect(spanish).to.include.members(['Intro', 'Esc', 'Supr', 'Mayús+I', 'Mayús+U', 'j', '#']);
      expect(spanish).to.not.include.members(['Enter']);
      expect(spanish).to.not.include.members(['Delete']);
    });

    it('does nothing with shortcuts="off"', async () => {
      const off = await mount({ attributes: 'shortcuts="off"' });
      key(off, 'j');
      key(off, '?');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(list(off).selectedIds).to.deep.equal([]);
      expect(shadow<HTMLDialogElement>(off, '[part="help-dialog"]')!.open).to.equal(false);
      expect(!!shadow(off, '[part="help-button"]')).to.equal(false);
    });

    it('does nothing that changes mail when read-only', async () => {
      const readonly = await mount({ attributes: 'readonly' });
      const first = list(readonly).messages[0]!;
      key(readonly, 'j');
      key(readonly, 'e');
      key(readonly, 'c');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(list(readonly).messages[0]!.id).to.equal(first.id);
      expect(!!shadow(readonly, 'mail-composer')).to.equal(false);
    });
  });

  describe('API', () => {
    it('lets the host cancel bulk actions with mail-action', async () => {
      const inbox = await mount();
      inbox.addEventListener('mail-action', (event) => event.preventDefault());
      const first = list(inbox).messages[0]!;
      key(inbox, 'j');
      key(inbox, '#');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(list(inbox).messages[0]!.id).to.equal(first.id);
      expect((await backend.getMessage({ id: first.id })).folderId).to.equal('inbox');
    });

    it('puts slotted toolbar buttons in the list toolbar and a slotted empty state in the list', async () => {
      const inbox = await mount({
        light: '<button slot="toolbar" id="extra">Export</button><p slot="empty" id="nothing">Nothing at all</p>',
      });
      const toolbarSlot = shadow(list(inbox), 'slot[name="toolbar"]') as HTMLSlotElement;
      const forwarded = toolbarSlot.assignedElements()[0] as HTMLSlotElement;
      expect(forwarded.assignedElements()[0]!.id).to.equal('extra');
      inbox.search('zz-nothing-matches-zz');
      await until(() => !!shadow(list(inbox), '[part~="empty"]'), 4000, 'empty');
      const emptySlot = shadow(list(inbox), 'slot[name="empty"]') as HTMLSlotElement;
      const inner = emptySlot.assignedElements()[0] as HTMLSlotElement;
      expect(inner.assignedElements()[0]!.id).to.equal('nothing');
    });

    it('passes the page size on', async () => {
      const inbox = await mount({ attributes: 'page-size="20"' });
      expect(list(inbox).pageSize).to.equal(20);
      // Pages of 20: a tall viewport may already have asked for the next one.
      const loaded = list(inbox).messages.length;
      expect(loaded).to.be.at.least(20);
      expect(loaded % 20).to.equal(0);
    });

    it('speaks Spanish', async () => {
      const inbox = await mount({ lang: 'es' });
      expect(shadow(inbox, '[part="search-input"]')!.getAttribute('aria-label')).to.equal('Buscar correo');
      expect(shadow(inbox, '[part="compose-button"]')!.textContent).to.include('Redactar');
      expect(shadow(inbox, '[part="reader-empty"]')!.textContent).to.include('Seleccione un mensaje');
      expect(shadowAll(inbox, '[role="separator"]')[0]!.getAttribute('aria-label')).to.equal(
        'Cambiar el ancho del panel de carpetas',
      );
    });
  });
});

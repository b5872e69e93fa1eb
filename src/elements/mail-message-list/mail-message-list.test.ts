import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './ignore-resize-loop.test-helper.js';
import '../../define/mail-backend-provider.js';
import '../../define/mail-message-list.js';
import type { MailMessageList } from './mail-message-list.js';
import { MESSAGE_DRAG_TYPE } from './drag.js';
import { rangeOf, selectWith } from './selection.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import type { MessageFilter } from '../../core/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';
import { expectIsolatedLtr, textBox } from '../../../test/a11y/bidi.js';

async function mount(
  folder = 'inbox',
  filter: MessageFilter = {},
  lang = 'en',
  attributes: { threads?: boolean; readonly?: boolean; pageSize?: number; dir?: 'ltr' | 'rtl' } = {},
): Promise<MailMessageList> {
  const root = await fixture(
    html`<div lang=${lang} dir=${attributes.dir ?? 'ltr'} style="height:600px;display:flex;flex-direction:column">
      <mail-backend-provider base-url=${API}>
        <mail-message-list
          style="flex:1;min-height:0;height:600px"
          folder=${folder}
          page-size=${attributes.pageSize ?? 50}
          .filter=${filter}
          ?threads=${attributes.threads ?? false}
          ?readonly=${attributes.readonly ?? false}
        ></mail-message-list>
      </mail-backend-provider>
    </div>`,
  );
  const list = root.querySelector('mail-message-list')!;
  await settle(list);
  return list;
}

async function settle(list: MailMessageList): Promise<void> {
  await until(
    () => rows(list).length > 0 || !!shadow(list, '[part~="empty"], [part~="error"]'),
    5000,
    'the list to settle',
  );
}

const rows = (list: MailMessageList) => shadowAll(list, '[role="option"]');
const row = (list: MailMessageList, id: string) => shadow(list, `[role="option"][data-id="${id}"]`);
const listbox = (list: MailMessageList) => shadow(list, '[role="listbox"]')!;
const press = (list: MailMessageList, key: string, init: KeyboardEventInit = {}) =>
  listbox(list).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
const click = (element: Element, init: MouseEventInit = {}) =>
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ...init }));

describe('<mail-message-list>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe when loaded, with a selection', async () => {
      const list = await mount();
      click(rows(list)[1]!);
      await list.updateComplete;
      await expect(list).to.be.accessible();
    });
    it('passes axe when empty', async () => {
      const list = await mount('trash', { subject: 'zz-nothing-zz' });
      expect(shadow(list, '[part~="empty"]')?.textContent).to.include('No messages here.');
      await expect(list).to.be.accessible();
    });
    it('passes axe when failing', async () => {
      backend.faults.set('listMessages', { error: 'unauthorized' });
      const list = await mount();
      expect(shadow(list, '[part~="error"]')?.textContent).to.include('authorized again');
      await expect(list).to.be.accessible();
    });
    it('passes axe while loading, and says so to screen readers', async () => {
      backend.faults.set('listMessages', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}
          ><mail-message-list folder="inbox"></mail-message-list
        ></mail-backend-provider>`,
      );
      const list = root.querySelector('mail-message-list')!;
      await until(() => !!shadow(list, '[aria-busy="true"]'), 2000, 'skeleton');
      expect(shadow(list, '[role="status"][aria-live]')!.textContent).to.include('Loading');
      await expect(list).to.be.accessible();
    });
  });

  it('defaults to 50 messages a page, no folder, no threads, not read-only', async () => {
    const list = document.createElement('mail-message-list');
    expect(list.pageSize).to.equal(50);
    expect(list.folder).to.equal('');
    expect(list.threads).to.equal(false);
    expect(list.readonly).to.equal(false);
    expect((await mount()).messages).to.have.length(50);
  });

  it('takes its page size from the page-size attribute', async () => {
    const list = await mount('inbox', {}, 'en', { pageSize: 7 });
    expect(list.pageSize).to.equal(7);
    expect(list.messages).to.have.length(7);
  });

  it('shows sender, subject, snippet, date and marks, newest first, and the count', async () => {
    const page = await backend.listMessages({ folderId: 'inbox', limit: 50 });
    const list = await mount();
    const first = rows(list)[0]!;
    const message = page.items[0]!;
    expect(first.dataset.id).to.equal(message.id);
    expect(first.querySelector('[part~="subject"]')!.textContent).to.include(message.subject);
    expect(first.querySelector('[part~="sender"]')!.textContent).to.include(
      message.from!.name ?? message.from!.address,
    );
    expect(first.querySelector('[part~="snippet"]')!.textContent).to.equal(message.snippet);
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(message.date);
    const shown = new Set(rows(list).map((each) => each.dataset.id));
    for (const item of page.items.filter((each) => shown.has(each.id))) {
      const node = row(list, item.id)!;
      expect(!!node.querySelector('[data-mark="flagged"]')).to.equal(item.flags.flagged);
      expect(!!node.querySelector('[data-mark="attachment"]')).to.equal(item.hasAttachments);
      expect(node.getAttribute('part')!.includes('unread')).to.equal(!item.flags.seen);
    }
    expect(shadow(list, '[part~="count"]')!.textContent).to.include(`${page.total} messages`);
  });

  it('shows the time for today and a localized date otherwise', async () => {
    const today = backend.deliver({ subject: 'Today', date: new Date().toISOString() });
    const list = await mount();
    const time = row(list, today.id)!.querySelector('time')!.textContent!;
    expect(time).to.match(/\d{1,2}:\d{2}/);
    const older = rows(list).find((each) => each.dataset.id !== today.id)!;
    expect(older.querySelector('time')!.textContent).to.match(/[A-Za-z]{3}/);
  });

  it('shows recipients instead of the sender in Sent', async () => {
    const list = await mount('sent');
    const sender = rows(list)[0]!.querySelector('[part~="sender"]')!.textContent!;
    expect(sender.startsWith('To: ')).to.equal(true);
  });

  it('gives sender, subject and snippet their own direction, and isolates dates and the count, right to left', async () => {
    const list = await mount('inbox', {}, 'es', { dir: 'rtl' });
    const first = rows(list)[0]!;
    expect(getComputedStyle(first).direction).to.equal('rtl');
    for (const name of ['sender', 'subject', 'snippet']) {
      const node = first.querySelector<HTMLElement>(`[part~="${name}"]`)!;
      expect(node.dir, name).to.equal('auto');
      expect(getComputedStyle(node).direction, `a Latin ${name} reads left to right`).to.equal('ltr');
      expect(getComputedStyle(node).textAlign, `the ${name} lines up with the page`).to.equal('right');
    }
    const dated = rows(list)
      .map((each) => each.querySelector('time')!)
      .find((time) => !time.textContent!.includes(':'))!;
    expectIsolatedLtr(dated);
    const [day, month] = dated.textContent!.split(/\s+/);
    expect(textBox(dated, day!).left, 'the day stays before the month').to.be.lessThan(textBox(dated, month!).left);
    const count = shadow(list, '[part~="count"] > bdi')!;
    expectIsolatedLtr(count);
    const number = count.querySelector('bdi')!;
    expect(number.textContent).to.equal(new Intl.NumberFormat('es').format(list.count!));
    expect(number.getBoundingClientRect().left).to.be.lessThan(textBox(count, 'mensajes').left);
    const sent = await mount('sent', {}, 'es', { dir: 'rtl' });
    const recipients = rows(sent)[0]!.querySelector('[part~="sender"]')!;
    expect(recipients.textContent!.startsWith('Para: ')).to.equal(true);
    expect(recipients.querySelector('bdi')!.textContent, 'the names are isolated').to.equal(
      recipients.textContent!.slice('Para: '.length),
    );
  });

  describe('selection', () => {
    it('opens a row on click without checking it, emitting mail-select then mail-open', async () => {
      const list = await mount();
      const target = rows(list)[2]!;
      const events: string[] = [];
      list.addEventListener('mail-select', (event) =>
        events.push(`select:${event.detail.message.id}:${event.detail.ids.join()}:${event.detail.navigated}`),
      );
      setTimeout(() => click(target));
      const opened = await oneEvent(list, 'mail-open');
      expect(opened.detail.message.id).to.equal(target.dataset.id);
      expect(events).to.deep.equal([`select:${target.dataset.id}::true`]);
      expect(list.selectedId).to.equal(target.dataset.id);
      expect(list.activeId).to.equal(target.dataset.id);
      expect(list.selectedIds).to.deep.equal([]);
      await list.updateComplete;
      expect(row(list, target.dataset.id!)!.getAttribute('aria-selected')).to.equal('false');
      expect(row(list, target.dataset.id!)!.getAttribute('part')).to.include('current');
    });

    it('leaves an opened message out of the checks: open one, tick two others, act on those two', async () => {
      const list = await mount();
      const ids = rows(list).map((each) => each.dataset.id!);
      click(row(list, ids[0]!)!);
      listbox(list).focus();
      press(list, 'ArrowDown');
      press(list, 'Enter');
      expect(list.selectedId).to.equal(ids[1]);
      click(row(list, ids[3]!)!.querySelector('[part="check"]')!);
      click(row(list, ids[5]!)!.querySelector('[part="check"]')!);
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([ids[3], ids[5]]);
      expect(shadow(list, '[part~="count"]')!.textContent).to.include('2 selected');
      expect(row(list, ids[1]!)!.getAttribute('aria-selected')).to.equal('false');
      list.addEventListener('mail-action', (event) => event.preventDefault(), { once: true });
      setTimeout(() => shadow<HTMLButtonElement>(list, '[part~="action-delete"]')!.click());
      const action = await oneEvent(list, 'mail-action');
      expect(action.detail.ids).to.deep.equal([ids[3], ids[5]]);
    });

    it('ticks a box without opening the row or moving the active row', async () => {
      const list = await mount();
      const ids = rows(list).map((each) => each.dataset.id!);
      const opened: string[] = [];
      const selects: boolean[] = [];
      list.addEventListener('mail-open', (event) => opened.push(event.detail.message.id));
      list.addEventListener('mail-select', (event) => selects.push(event.detail.navigated));
      click(row(list, ids[2]!)!.querySelector('[part="check"]')!);
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([ids[2]]);
      expect(list.activeId).to.equal(undefined);
      expect(list.selectedId).to.equal('');
      expect(opened).to.deep.equal([]);
      expect(selects).to.deep.equal([false]);
      click(row(list, ids[0]!)!);
      click(row(list, ids[4]!)!.querySelector('[part="check"]')!, { shiftKey: true });
      await list.updateComplete;
      expect(list.activeId).to.equal(ids[0]);
      expect(list.selectedIds).to.deep.equal([ids[0], ids[1], ids[2], ids[3], ids[4]]);
      expect(opened).to.deep.equal([ids[0]]);
    });

    it('toggles with ctrl/cmd-click and the check box, and takes ranges with shift-click', async () => {
      const list = await mount();
      const ids = rows(list).map((each) => each.dataset.id!);
      click(row(list, ids[1]!)!, { ctrlKey: true });
      click(row(list, ids[3]!)!, { ctrlKey: true });
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([ids[1], ids[3]]);
      click(row(list, ids[6]!)!, { shiftKey: true });
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal(ids.slice(3, 7));
      click(row(list, ids[4]!)!.querySelector('[part="check"]')!);
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([ids[3], ids[5], ids[6]]);
      click(row(list, ids[0]!)!, { metaKey: true });
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([ids[0], ids[3], ids[5], ids[6]]);
      expect(shadow(list, '[part~="count"]')!.textContent).to.include('4 selected');
    });

    it('selects all loaded rows, then offers the whole folder', async () => {
      const list = await mount();
      const all = shadow(list, '[part="select-all"]')!;
      expect(all.getAttribute('aria-checked')).to.equal('false');
      all.click();
      await list.updateComplete;
      expect(list.selectedIds).to.have.length(50);
      expect(all.getAttribute('aria-checked')).to.equal('true');
      const banner = shadow(list, '[part~="banner"]')!;
      expect(banner.textContent).to.include('All 50 loaded messages are selected.');
      banner.querySelector('button')!.click();
      await list.updateComplete;
      expect(list.allSelected).to.equal(true);
      expect(shadow(list, '[part~="banner"]')!.textContent).to.match(/All \d+ messages in this folder are selected/);
      shadow(list, '[part~="banner"] button')!.click();
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([]);
      expect(list.allSelected).to.equal(false);
    });

    it('keeps pure selection rules', () => {
      const ids = ['a', 'b', 'c', 'd'];
      expect(rangeOf(ids, 'd', 'b')).to.deep.equal(['b', 'c', 'd']);
      expect(rangeOf(ids, undefined, 'c')).to.deep.equal(['c']);
      const start = { selected: new Set<string>(), anchor: undefined, active: undefined };
      const one = selectWith(start, ids, 'b', { shift: false, toggle: false });
      const range = selectWith(one, ids, 'd', { shift: true, toggle: false });
      expect([...range.selected]).to.deep.equal(['b', 'c', 'd']);
      const added = selectWith({ ...range, anchor: 'a' }, ids, 'a', { shift: true, toggle: true });
      expect([...added.selected].sort()).to.deep.equal(['a', 'b', 'c', 'd']);
    });
  });

  describe('keyboard', () => {
    it('moves with the arrows, extends with shift, toggles with space and opens with Enter', async () => {
      const list = await mount();
      const ids = rows(list).map((each) => each.dataset.id!);
      listbox(list).focus();
      expect(list.activeId).to.equal(ids[0]);
      setTimeout(() => press(list, 'ArrowDown'));
      const moved = await oneEvent(list, 'mail-select');
      expect(moved.detail.message.id).to.equal(ids[1]);
      expect(moved.detail.navigated).to.equal(true);
      await list.updateComplete;
      expect(list.activeId).to.equal(ids[1]);
      expect(list.selectedIds).to.deep.equal([]);
      expect(listbox(list).getAttribute('aria-activedescendant')).to.equal(row(list, ids[1]!)!.id);
      press(list, 'ArrowDown', { shiftKey: true });
      press(list, 'ArrowDown', { shiftKey: true });
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal(ids.slice(1, 4));
      press(list, 'ArrowUp', { ctrlKey: true });
      press(list, ' ');
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([ids[1], ids[3]]);
      setTimeout(() => press(list, 'Enter'));
      const opened = await oneEvent(list, 'mail-open');
      expect(opened.detail.message.id).to.equal(ids[2]);
      expect(list.selectedIds).to.deep.equal([ids[1], ids[3]]);
      press(list, 'a', { ctrlKey: true });
      await list.updateComplete;
      expect(list.selectedIds).to.have.length(50);
      press(list, 'Escape');
      await list.updateComplete;
      expect(list.selectedIds).to.deep.equal([]);
    });

    it('shows where the focus is as soon as the list is tabbed into', async () => {
      const list = await mount();
      const refresh = shadow<HTMLButtonElement>(list, '[part~="action-refresh"]')!;
      refresh.focus();
      for (let tab = 0; tab < 10 && list.shadowRoot!.activeElement !== listbox(list); tab++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(list.shadowRoot!.activeElement).to.equal(listbox(list));
      await list.updateComplete;
      const first = rows(list)[0]!;
      expect(list.activeId).to.equal(first.dataset.id);
      expect(list.selectedIds).to.deep.equal([]);
      expect(listbox(list).getAttribute('aria-activedescendant')).to.equal(first.id);
      const style = getComputedStyle(first);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });

    it('goes to the end with End, loading the next page as the range nears it', async () => {
      const list = await mount();
      listbox(list).focus();
      press(list, 'End');
      await until(() => list.messages.length >= 100, 5000, 'the second page');
      const ids = list.messages.map((item) => item.id);
      expect(new Set(ids).size).to.equal(ids.length);
      const expected = await backend.listMessages({ folderId: 'inbox', limit: ids.length });
      expect(ids).to.deep.equal(expected.items.map((item) => item.id));
      await until(() => list.activeId === ids[49], 1000, 'the last row of the first page active');
    });
  });

  describe('virtualization and paging', () => {
    it('keeps the rows in the DOM bounded while fetching by cursor as the range nears the end', async () => {
      backend = await useMockApi({ messages: 3000 });
      const list = await mount('inbox', {}, 'en', { pageSize: 200 });
      while (await list.loadMore()) {
        if (list.messages.length >= 1000) break;
      }
      expect(list.messages.length).to.be.at.least(1000);
      list.scrollToIndex(600);
      await until(() => rows(list).some((each) => Number(each.dataset.index) >= 600), 3000, 'rows near 600');
      expect(rows(list).length).to.be.below(60);
      expect(!!shadow(list, `[role="option"][aria-posinset="601"]`)).to.equal(true);
      expect(rows(list)[0]!.getAttribute('aria-setsize')).to.equal(String(list.count));
      // Scrolling to the end of what is loaded fetches the next page by itself.
      const before = list.messages.length;
      list.scrollToIndex(before - 5);
      await until(() => list.messages.length > before, 5000, 'the next page on scroll');
      const ids = list.messages.map((item) => item.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('leaves no stray nodes in the listbox as rows come and go', async () => {
      backend = await useMockApi({ messages: 1000 });
      const list = await mount('inbox', {}, 'en', { pageSize: 200 });
      while (await list.loadMore()) {
        if (list.messages.length >= 800) break;
      }
      const scroller = listbox(list);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let index = 0; index <= 700; index += 7) {
        list.scrollToIndex(index);
        await frame();
      }
      await until(() => rows(list).some((each) => each.dataset.index === '700'), 3000, 'row 700');
      await frame();
      // Two markers per row (Lit's), the sizer and a few of the template's own: not one per row ever rendered.
      expect(scroller.childNodes.length).to.be.below(3 * rows(list).length + 10);
    });

    it('names the active row in aria-activedescendant only while it is rendered', async () => {
      backend = await useMockApi({ messages: 1000 });
      const list = await mount('inbox', {}, 'en', { pageSize: 200 });
      await list.loadMore();
      const first = rows(list)[0]!;
      click(first);
      await list.updateComplete;
      const scroller = listbox(list);
      expect(scroller.getAttribute('aria-activedescendant')).to.equal(first.id);
      list.scrollToIndex(300);
      await until(() => !scroller.hasAttribute('aria-activedescendant'), 3000, 'no active descendant');
      expect(shadow(list, `#${first.id}`)).to.equal(null);
      list.scrollToIndex(0);
      await until(() => scroller.getAttribute('aria-activedescendant') === first.id, 3000, 'the active row again');
      expect(shadow(list, `#${first.id}`)).to.not.equal(null);
    });

    it('keeps loaded rows and offers a retry when the next page fails', async () => {
      const list = await mount();
      // Offline three times: the client retries a read twice on network errors before giving up.
      backend.faults.set('listMessages', { error: 'offline', times: 3 });
      void list.loadMore();
      await until(() => !!shadow(list, '[part~="footer"] [part~="error"]'), 8000, 'error');
      expect(list.messages).to.have.length(50);
      shadow(list, '[part~="footer"] [part~="retry-button"]')!.click();
      await until(() => list.messages.length === 100, 4000, 'retried page');
    });
  });

  describe('bulk actions', () => {
    async function selectFirst(list: MailMessageList, count: number): Promise<string[]> {
      const ids = rows(list)
        .slice(0, count)
        .map((each) => each.dataset.id!);
      click(row(list, ids[0]!)!);
      if (count > 1) click(row(list, ids[count - 1]!)!, { shiftKey: true });
      await list.updateComplete;
      return ids;
    }
    const action = (list: MailMessageList, name: string) => shadow(list, `[part~="action-${name}"]`)!;

    it('marks read and unread optimistically, before the server answers', async () => {
      const list = await mount('inbox', { unseen: true });
      const ids = await selectFirst(list, 3);
      backend.faults.set('setFlags', { latencyMs: 400 });
      action(list, 'read').click();
      await until(() => ids.every((id) => !row(list, id)!.getAttribute('part')!.includes('unread')), 300, 'read');
      await until(() => list.messages.length > 0 && !list.shadowRoot!.querySelector('[part~="action-error"]'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stored = await backend.getMessage({ id: ids[0]! });
      expect(stored.flags.seen).to.equal(true);
      action(list, 'unread').click();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await backend.getMessage({ id: ids[0]! })).flags.seen).to.equal(false);
    });

    it('rolls a failed flag change back visibly and emits mail-error', async () => {
      const list = await mount();
      const ids = await selectFirst(list, 2);
      const flaggedBefore = ids.map((id) => !!row(list, id)!.querySelector('[data-mark="flagged"]'));
      backend.faults.set('setFlags', { error: 'server', latencyMs: 200 });
      const errors: string[] = [];
      list.addEventListener('mail-error', (event) => errors.push(event.detail.error.code));
      action(list, 'flag').click();
      await until(() => ids.every((id) => !!row(list, id)!.querySelector('[data-mark="flagged"]')), 190, 'flagged');
      await until(() => !!shadow(list, '[part~="action-error"]'), 4000, 'the rollback message');
      const failure = shadow(list, '[part~="action-error"]')!;
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(failure.textContent).to.include('The change to 2 messages failed and was undone.');
      expect(ids.map((id) => !!row(list, id)!.querySelector('[data-mark="flagged"]'))).to.deep.equal(flaggedBefore);
      expect(errors).to.deep.equal(['server']);
      failure.querySelector('button')!.click();
      await list.updateComplete;
      expect(!!shadow(list, '[part~="action-error"]')).to.equal(false);
    });

    it('deletes optimistically and puts the rows back where they were when it fails', async () => {
      const list = await mount();
      const order = list.messages.map((item) => item.id);
      const ids = await selectFirst(list, 2);
      backend.faults.set('deleteMessages', { error: 'network', latencyMs: 300 });
      action(list, 'delete').click();
      await until(() => !row(list, ids[0]!), 1000, 'the rows to go');
      expect(list.messages.map((item) => item.id)).to.deep.equal(order.slice(2));
      await until(() => !!shadow(list, '[part~="action-error"]'), 4000, 'the rollback');
      expect(list.messages.map((item) => item.id)).to.deep.equal(order);
      expect(shadow(list, '[part~="action-error"]')!.textContent).to.include('Cannot reach the mail server');
    });

    it('archives, moves with the menu and deletes for real when the server agrees', async () => {
      const list = await mount();
      const [archived] = await selectFirst(list, 1);
      action(list, 'archive').click();
      await until(() => !list.messages.some((item) => item.id === archived), 2000, 'archive');
      await until(() => !!shadow(list, '[role="status"]')!.textContent!.includes('1 message archived.'));
      const archive = await backend.listMessages({ folderId: 'archive', limit: 5 });
      expect(archive.items.some((item) => item.subject !== undefined)).to.equal(true);
      const [moved] = await selectFirst(list, 1);
      const menu = shadow<HTMLSelectElement>(list, 'select[part~="action-move"]')!;
      menu.value = 'junk';
      menu.dispatchEvent(new Event('change'));
      await until(() => !list.messages.some((item) => item.id === moved), 2000, 'move');
      await until(() => shadow(list, '[role="status"]')!.textContent!.includes('moved to Junk'), 2000, 'announce');
      const junk = await backend.listMessages({ folderId: 'junk', limit: 200 });
      expect(junk.total).to.be.greaterThan(0);
    });

    it('offers every folder but Drafts and the current one in the move menu', async () => {
      const list = await mount();
      await selectFirst(list, 1);
      const menu = shadow<HTMLSelectElement>(list, 'select[part~="action-move"]')!;
      await until(() => menu.options.length > 1, 3000, 'the move targets');
      const targets = [...menu.options].map((option) => option.value).filter(Boolean);
      expect(targets).to.include.members(['sent', 'archive', 'junk', 'trash']);
      expect(targets).to.not.include('drafts');
      expect(targets).to.not.include('inbox');
    });

    it('lets a host cancel a bulk action with mail-action', async () => {
      const list = await mount();
      const ids = await selectFirst(list, 2);
      list.addEventListener('mail-action', (event) => event.preventDefault(), { once: true });
      setTimeout(() => action(list, 'delete').click());
      const event = await oneEvent(list, 'mail-action');
      expect(event.detail).to.include({ action: 'delete', all: false, folderId: 'inbox' });
      expect(event.detail.ids).to.deep.equal(ids);
      expect(event.cancelable).to.equal(true);
      await list.updateComplete;
      expect(list.messages.map((item) => item.id)).to.include.members(ids);
    });

    it('sends "link to a record" as a mail-action for the host', async () => {
      const list = await mount();
      const ids = await selectFirst(list, 3);
      setTimeout(() => action(list, 'link').click());
      const event = await oneEvent(list, 'mail-action');
      expect(event.detail.action).to.equal('link');
      expect(event.detail.ids).to.deep.equal(ids);
      expect(event.detail.messages.map((item: { id: string }) => item.id)).to.deep.equal(ids);
    });

    it('applies an action to the whole folder, rows not loaded included', async () => {
      const list = await mount('inbox', { flagged: false });
      expect(list.count).to.be.greaterThan(50);
      shadow(list, '[part="select-all"]')!.click();
      await list.updateComplete;
      shadow<HTMLButtonElement>(list, '[part~="banner"] button')!.click();
      await list.updateComplete;
      setTimeout(() => action(list, 'flag').click());
      const event = await oneEvent(list, 'mail-action');
      expect(event.detail.all).to.equal(true);
      await until(() => !!shadow(list, '[part~="empty"]'), 5000, 'no unflagged message left');
      expect((await backend.listMessages({ folderId: 'inbox', flagged: false, limit: 1 })).total).to.equal(0);
    });

    it('offers no changing actions and no drag when read-only', async () => {
      const list = await mount('inbox', {}, 'en', { readonly: true });
      click(rows(list)[0]!);
      await list.updateComplete;
      expect(!!shadow(list, '[part~="action-delete"]')).to.equal(false);
      expect(!!shadow(list, '[part~="action-link"]')).to.equal(true);
      expect(rows(list)[0]!.getAttribute('draggable')).to.equal('false');
      press(list, 'Delete');
      await list.updateComplete;
      expect(list.messages.some((item) => item.id === rows(list)[0]!.dataset.id)).to.equal(true);
    });

    it('drags the selected rows as one payload', async () => {
      const list = await mount();
      const ids = await selectFirst(list, 3);
      const data = new DataTransfer();
      row(list, ids[1]!)!.dispatchEvent(
        new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: data }),
      );
      expect(JSON.parse(data.getData(MESSAGE_DRAG_TYPE))).to.deep.equal({ ids, folderId: 'inbox' });
      expect(data.getData('text/plain')).to.equal('3 messages');
      const single = new DataTransfer();
      rows(list)[5]!.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: single }));
      expect(JSON.parse(single.getData(MESSAGE_DRAG_TYPE)).ids).to.deep.equal([rows(list)[5]!.dataset.id]);
    });
  });

  describe('live updates', () => {
    it('puts new mail at the top, keeps the selection and updates the count', async () => {
      const list = await mount();
      const ids = rows(list).map((each) => each.dataset.id!);
      click(row(list, ids[2]!)!.querySelector('[part="check"]')!);
      const total = list.count!;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const arrived = backend.deliver({ subject: 'Live: fresh news' });
      await until(() => rows(list)[0]?.dataset.id === arrived.id, 4000, 'the new row');
      expect(list.selectedIds).to.deep.equal([ids[2]]);
      expect(list.count).to.equal(total + 1);
      expect(shadow(list, '[part~="count"]')!.textContent).to.include(String(total + 1));
    });

    it('does not move what the reader sees when scrolled down', async () => {
      const list = await mount();
      list.scrollToIndex(20);
      await until(() => rows(list).some((each) => each.dataset.index === '20'), 2000, 'scrolled');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const scroller = listbox(list);
      const topId = list.messages[Math.round(scroller.scrollTop / rows(list)[0]!.offsetHeight)]!.id;
      const before = scroller.scrollTop;
      backend.deliver({ subject: 'Live: while scrolled' });
      await until(() => list.messages[0]!.subject === 'Live: while scrolled', 4000, 'new row');
      await until(() => scroller.scrollTop > before, 2000, 'compensated scroll');
      const after = list.messages[Math.round(scroller.scrollTop / rows(list)[0]!.offsetHeight)]!.id;
      expect(after).to.equal(topId);
    });

    it('follows flag changes and removals made elsewhere', async () => {
      const list = await mount();
      const [first, second] = list.messages;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await backend.setFlags({ ids: [first!.id], flags: { flagged: !first!.flags.flagged } });
      await until(
        () => !!row(list, first!.id)!.querySelector('[data-mark="flagged"]') === !first!.flags.flagged,
        4000,
        'flag',
      );
      await backend.deleteMessages({ ids: [second!.id] });
      await until(() => !list.messages.some((item) => item.id === second!.id), 4000, 'removal');
    });
  });

  it('groups conversations with their counts when threads is on', async () => {
    const plain = await backend.listMessages({ folderId: 'inbox', limit: 1 });
    const threaded = await mount('inbox', {}, 'en', { threads: true });
    expect(threaded.count).to.be.below(plain.total!);
    const conversation = threaded.messages.find((item) => (item.threadSize ?? 1) > 1)!;
    expect(!!conversation).to.equal(true);
    threaded.scrollToIndex(threaded.messages.indexOf(conversation));
    await until(() => !!row(threaded, conversation.id), 2000, 'the conversation row');
    expect(row(threaded, conversation.id)!.querySelector('[part="thread-count"]')!.textContent).to.include(
      String(conversation.threadSize),
    ); // Read once, as words: the visible number is hidden from screen readers, the sentence is not.
    const spoken = row(threaded, conversation.id)!.cloneNode(true) as HTMLElement;
    for (const hidden of spoken.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    const sentence = `${conversation.threadSize} messages in this conversation`;
    expect(spoken.textContent).to.include(sentence);
    expect(spoken.textContent).to.not.include(`${conversation.threadSize}${sentence}`);
  });

  it('counts conversations, not messages, when threads is on', async () => {
    const threaded = await mount('inbox', {}, 'en', { threads: true });
    await until(() => /\d/.test(shadow(threaded, '[part~="count"]')!.textContent!), 2000, 'the count');
    expect(shadow(threaded, '[part~="count"]')!.textContent!.trim()).to.equal(`${threaded.count} conversations`);
    const spanish = await mount('inbox', {}, 'es', { threads: true });
    await until(() => /\d/.test(shadow(spanish, '[part~="count"]')!.textContent!), 2000, 'the count');
    expect(shadow(spanish, '[part~="count"]')!.textContent!.trim()).to.equal(`${spanish.count} conversaciones`);
    const plain = await mount();
    expect(shadow(plain, '[part~="count"]')!.textContent!.trim()).to.equal(`${plain.count} messages`);
  });

  it('applies its filter and counts results', async () => {
    const list = await mount('inbox', { unseen: true });
    for (const each of rows(list)) expect(each.getAttribute('part')).to.include('unread');
    expect(shadow(list, '[part~="count"]')!.textContent).to.match(/\d+ results/);
  });

  it('lists another folder when folder changes', async () => {
    const list = await mount();
    list.folder = 'archive';
    const archive = await backend.listMessages({ folderId: 'archive', limit: 1 });
    await until(() => rows(list)[0]?.dataset.id === archive.items[0]!.id, 4000, 'archive rows');
  });

  it('shows an error with a retry and recovers', async () => {
    backend.faults.set('listMessages', { error: 'timeout', times: 1 });
    const list = await mount();
    expect(shadow(list, '[part~="error"]')!.textContent).to.include('took too long');
    shadow(list, '[part~="retry-button"]')!.click();
    await until(() => list.messages.length === 50, 4000, 'rows after retry');
  });

  it('speaks Spanish', async () => {
    const list = await mount('sent', {}, 'es');
    expect(rows(list)[0]!.querySelector('[part~="sender"]')!.textContent!.startsWith('Para: ')).to.equal(true);
    expect(shadow(list, '[part="select-all"]')!.getAttribute('aria-label')).to.equal('Seleccionar todo');
    expect(shadow(list, '[part~="count"]')!.textContent).to.include('mensajes');
  });
});

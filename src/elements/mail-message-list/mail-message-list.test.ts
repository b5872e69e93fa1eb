import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-message-list.js';
import type { MailMessageList } from './mail-message-list.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(folder = 'inbox', extra = {}, lang = 'en'): Promise<MailMessageList> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}>
        <mail-message-list folder=${folder} .filter=${extra}></mail-message-list>
      </mail-backend-provider>
    </div>`,
  );
  const list = root.querySelector('mail-message-list')!;
  await until(() => !!shadow(list, '[part="list"], [part~="empty"], [part~="error"]'), 4000, 'the list to settle');
  return list;
}

const rows = (list: MailMessageList) => shadowAll(list, '[role="option"]');

describe('<mail-message-list>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe when loaded', async () => {
      await expect(await mount()).to.be.accessible();
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
    it('passes axe while loading', async () => {
      backend.faults.set('listMessages', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}
          ><mail-message-list folder="inbox"></mail-message-list
        ></mail-backend-provider>`,
      );
      const list = root.querySelector('mail-message-list')!;
      await until(() => !!shadow(list, '[aria-busy="true"]'), 2000, 'skeleton');
      await expect(list).to.be.accessible();
    });
  });

  it('defaults to 50 messages a page and no folder', async () => {
    const list = document.createElement('mail-message-list');
    expect(list.pageSize).to.equal(50);
    expect(list.folder).to.equal('');
    expect(rows(await mount())).to.have.length(50);
  });

  it('takes its page size from the page-size attribute', async () => {
    const root = await fixture(
      html`<mail-backend-provider base-url=${API}
        ><mail-message-list folder="inbox" page-size="7"></mail-message-list
      ></mail-backend-provider>`,
    );
    const list = root.querySelector('mail-message-list')!;
    await until(() => rows(list).length > 0, 4000, 'rows');
    expect(list.pageSize).to.equal(7);
    expect(rows(list)).to.have.length(7);
  });

  it('shows sender, subject, snippet, date and marks, newest first', async () => {
    const page = await backend.listMessages({ folderId: 'inbox', limit: 50 });
    const list = await mount();
    const first = rows(list)[0]!;
    const message = page.items[0]!;
    expect(first.dataset.id).to.equal(message.id);
    expect(first.querySelector('[part~="subject"]')!.textContent).to.include(message.subject);
    expect(first.querySelector('[part~="sender"]')!.textContent).to.include(
      message.from!.name ?? message.from!.address,
    );
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(message.date);
    const flagged = page.items.findIndex((item) => item.flags.flagged);
    expect(rows(list)[flagged]!.querySelector('[data-mark="flagged"]')).to.exist;
    const withFiles = page.items.findIndex((item) => item.hasAttachments);
    expect(rows(list)[withFiles]!.querySelector('[data-mark="attachment"]')).to.exist;
    const unread = page.items.findIndex((item) => !item.flags.seen);
    expect(rows(list)[unread]!.getAttribute('part')).to.include('unread');
  });

  it('shows recipients instead of the sender in Sent', async () => {
    const list = await mount('sent');
    const sender = rows(list)[0]!.querySelector('[part~="sender"]')!.textContent!;
    expect(sender.startsWith('To: ')).to.equal(true);
  });

  it('emits mail-select and mail-open when a row is clicked', async () => {
    const list = await mount();
    const row = rows(list)[2]!;
    setTimeout(() => row.click());
    const event = await oneEvent(list, 'mail-open');
    expect(event.detail.message.id).to.equal(row.dataset.id);
    expect(list.selectedId).to.equal(row.dataset.id);
    await list.updateComplete;
    expect(rows(list)[2]!.getAttribute('aria-selected')).to.equal('true');
  });

  it('moves the selection with the arrow keys and opens with Enter', async () => {
    const list = await mount();
    rows(list)[0]!.focus();
    const press = (key: string) =>
      list.shadowRoot!.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
      );
    setTimeout(() => press('ArrowDown'));
    const selected = await oneEvent(list, 'mail-select');
    expect(selected.detail.message.id).to.equal(rows(list)[1]!.dataset.id);
    await until(() => (list.shadowRoot!.activeElement as HTMLElement)?.dataset.id === rows(list)[1]!.dataset.id);
    setTimeout(() => press('Enter'));
    const opened = await oneEvent(list, 'mail-open');
    expect(opened.detail.message.id).to.equal(rows(list)[1]!.dataset.id);
  });

  it('loads the next page by cursor with no repeats', async () => {
    const list = await mount();
    shadow(list, '[part~="load-more"]')!.click();
    await until(() => rows(list).length === 100, 4000, 'second page');
    const ids = rows(list).map((row) => row.dataset.id);
    expect(new Set(ids).size).to.equal(100);
    const expected = await backend.listMessages({ folderId: 'inbox', limit: 100 });
    expect(ids).to.deep.equal(expected.items.map((item) => item.id));
  });

  it('keeps loaded rows and offers a retry when the next page fails', async () => {
    const list = await mount();
    // Offline three times: the client retries a read twice on network errors before giving up.
    backend.faults.set('listMessages', { error: 'offline', times: 3 });
    shadow(list, '[part~="load-more"]')!.click();
    await until(() => !!shadow(list, '[part~="error"]'), 8000, 'error');
    expect(rows(list)).to.have.length(50);
    shadow(list, '[part~="retry-button"]')!.click();
    await until(() => rows(list).length === 100, 4000, 'retried page');
  });

  it('applies its filter', async () => {
    const list = await mount('inbox', { unseen: true });
    for (const row of rows(list)) expect(row.getAttribute('part')).to.include('unread');
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
    await until(() => rows(list).length === 50, 4000, 'rows after retry');
  });

  it('speaks Spanish', async () => {
    const list = await mount('sent', {}, 'es');
    expect(rows(list)[0]!.querySelector('[part~="sender"]')!.textContent!.startsWith('Para: ')).to.equal(true);
  });
});

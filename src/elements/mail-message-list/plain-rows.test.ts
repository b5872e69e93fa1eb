// The virtualizer is a chunk of its own that the list loads only when it outgrows plain rows. A page keeps a module
// once loaded, so this file starts from a page without it: keep these tests in their order.
import { expect, fixture, html } from '@open-wc/testing';
import './ignore-resize-loop.test-helper.js';
import '../../define/mail-backend-provider.js';
import '../../define/mail-message-list.js';
import type { MailMessageList } from './mail-message-list.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(): Promise<MailMessageList> {
  const root = await fixture(
    html`<div lang="en" style="height:600px;display:flex;flex-direction:column">
      <mail-backend-provider base-url=${API}>
        <mail-message-list style="flex:1;min-height:0;height:600px" folder="inbox"></mail-message-list>
      </mail-backend-provider>
    </div>`,
  );
  const list = root.querySelector('mail-message-list')!;
  await until(() => rows(list).length > 0, 5000, 'the rows');
  return list;
}

const rows = (list: MailMessageList) => shadowAll(list, '[role="option"]');
const listbox = (list: MailMessageList) => shadow(list, '[role="listbox"]')!;
const virtualizerFetched = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('@lit-labs/virtualizer/virtualize'));

describe('<mail-message-list> plain rows, then the virtualizer', () => {
  beforeEach(async () => {
    // The resource-timing buffer fills up with the test page's own modules: start each test from an empty one.
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    await useMockApi();
  });

  it('shows a first page as plain rows, without loading the virtualizer', async () => {
    const list = await mount();
    expect(list.messages).to.have.length(50);
    expect(rows(list)).to.have.length(50);
    expect(virtualizerFetched()).to.equal(false);
    await expect(list).to.be.accessible();
  });

  it('fetches the next page when plain rows are scrolled near the end, and virtualizes from then on', async () => {
    const list = await mount();
    const scroller = listbox(list);
    expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => list.messages.length === 100, 4000, 'the second page');
    await until(virtualizerFetched, 4000, 'the virtualizer');
    await until(() => rows(list).length < list.messages.length, 4000, 'fewer rows in the DOM than loaded');
    const ids = list.messages.map((item) => item.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });
});

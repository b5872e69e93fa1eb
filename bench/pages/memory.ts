// memory.open-1000: the JavaScript heap a <mail-inbox> keeps after the reader opened 1,000 messages one after another
// and went back to the list each time, by keyboard as a person does (j, Enter, u), measured after garbage collection
// against the heap after a warm-up of a few opens (which loads the reader's lazy code). The whole folder is listed
// before the baseline, so the growth is what opening and closing messages leaves behind: leaks.
import '../../src/define/mail-inbox.js';
import type { MailInbox } from '../../src/elements/mail-inbox/mail-inbox.js';
import type { MailMessageList } from '../../src/elements/mail-message-list/mail-message-list.js';
import type { MailMessageView } from '../../src/elements/mail-message-view/mail-message-view.js';
import { MemoryMailBackend } from '../../src/mock/index.js';
import { collectGarbage, expose, frame } from '../kit.js';

const OPENS = 1000;
const WARMUP = 20;

/** Presses a key in the inbox (its shortcuts listen on the document and act on keys from inside it). */
function press(inbox: MailInbox, key: string): void {
  inbox.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

async function until(ready: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!ready()) {
    if (performance.now() - start > timeoutMs) throw new Error(`memory bench: timed out waiting for ${what}`);
    await frame();
  }
}

/** Resolves when the reader's body frame has loaded (its sanitized document exists). */
function bodyLoaded(inbox: MailInbox): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('memory bench: the message body never loaded')), 10_000);
    const onMessage = () => {
      const view = inbox.shadowRoot!.querySelector<MailMessageView>('mail-message-view')!;
      const onLoad = (event: Event) => {
        if ((event.target as Element).getAttribute('part') !== 'body') return;
        view.shadowRoot!.removeEventListener('load', onLoad, true);
        clearTimeout(timer);
        resolve();
      };
      view.shadowRoot!.addEventListener('load', onLoad, true);
    };
    inbox.addEventListener('mail-message-load', onMessage, { once: true });
  });
}

/** Moves to the next message, opens it, waits for its body, and goes back to the list. Returns the id opened. */
async function openNext(inbox: MailInbox, list: MailMessageList, pane: () => string | undefined): Promise<string> {
  const before = list.messages.findIndex((message) => message.id === inbox.message);
  press(inbox, 'j');
  await until(() => activeIndex(list) > before, 'the next row');
  const loaded = bodyLoaded(inbox);
  press(inbox, 'Enter');
  await loaded;
  press(inbox, 'u');
  await until(() => pane() === 'list', 'the list');
  return inbox.message;
}

function activeIndex(list: MailMessageList): number {
  const active = list.shadowRoot!.querySelector('[role="option"][part~="active"]');
  return Number(active?.getAttribute('data-index') ?? -1);
}

async function heapAfterGc(): Promise<number> {
  await collectGarbage();
  return performance.memory!.usedJSHeapSize;
}

expose(async () => {
  const backend = new MemoryMailBackend({ seed: 'bench', messages: 2000 });
  const inbox = document.createElement('mail-inbox');
  inbox.backend = backend;
  inbox.layout = 'single';
  inbox.pageSize = 200;
  inbox.style.cssText = 'display:block;height:800px;width:1000px';
  document.body.append(inbox);
  await until(() => !!inbox.shadowRoot?.querySelector('mail-message-list'), 'the list');
  const list = inbox.shadowRoot!.querySelector<MailMessageList>('mail-message-list')!;
  await until(() => list.messages.length > 0, 'the first rows');
  while (await list.loadMore()) {
    // the whole folder, so that paging is not counted
  }
  if (list.messages.length < OPENS + WARMUP + 1) throw new Error(`only ${list.messages.length} messages listed`);
  const layout = inbox.shadowRoot!.querySelector<HTMLElement>('.layout')!;
  const pane = () => layout.dataset['pane'];

  const opened = new Set<string>();
  for (let index = 0; index < WARMUP; index++) opened.add(await openNext(inbox, list, pane));
  const baseline = await heapAfterGc();
  for (let index = 0; index < OPENS; index++) opened.add(await openNext(inbox, list, pane));
  const after = await heapAfterGc();
  if (opened.size !== WARMUP + OPENS) throw new Error(`opened ${opened.size} distinct messages`);
  inbox.remove();
  return { 'memory.open-1000': { value: after - baseline, unit: 'bytes' } };
});

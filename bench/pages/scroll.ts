// scroll.p95-frame: <mail-message-list> with a 10,000-message folder, all of it loaded, scrolled from top to bottom by
// half its height every animation frame (a brisk fling, every frame bringing new rows). The frame times are the deltas
// between animation frames; the runner opens this page with --disable-frame-rate-limit, so a frame takes what its
// work takes instead of waiting for the next 60 Hz tick, and the 95th percentile is compared with 16.7 ms.
import '../../src/define/mail-message-list.js';
import { MemoryMailBackend } from '../../src/mock/index.js';
import { expose, frame, percentile, round } from '../kit.js';

const MESSAGES = 10_000;

expose(async () => {
  const backend = new MemoryMailBackend({ seed: 'bench', messages: MESSAGES });
  const inbox = (await backend.listFolders()).items.find((folder) => folder.role === 'inbox')!;
  const list = document.createElement('mail-message-list');
  list.backend = backend;
  list.pageSize = 200;
  list.folder = inbox.id;
  list.style.cssText = 'display:flex;height:800px;width:700px';
  document.body.append(list);
  const rowsShown = () => !!list.shadowRoot?.querySelector('[role="option"]');
  while (!rowsShown()) await frame();
  while (await list.loadMore()) {
    // keep paging: the scroll must reach the last of the 10,000 rows
  }
  if (list.messages.length < MESSAGES) throw new Error(`only ${list.messages.length} rows loaded`);
  for (let settle = 0; settle < 10; settle++) await frame();

  const scroller = list.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
  const step = scroller.clientHeight / 2;
  const bottom = scroller.scrollHeight - scroller.clientHeight;
  const frames: number[] = [];
  let last = await frame();
  while (scroller.scrollTop < bottom - 1) {
    scroller.scrollTop += step;
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  const lastRow = list.shadowRoot!.querySelector(`[role="option"][data-index="${MESSAGES - 1}"]`);
  if (!lastRow) throw new Error('the scroll ended without the last row shown');
  list.remove();
  return { 'scroll.p95-frame': { value: round(percentile(frames, 0.95), 2), unit: 'ms' } };
});
